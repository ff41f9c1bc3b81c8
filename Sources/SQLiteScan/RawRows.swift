import Foundation
import GRDB
import GRDBSQLite

/// One row of a scan read straight through SQLite's C API, its columns by position.
///
/// GRDB's `Row` boxes every value it reads. For a report over 50,000 cards and a million reviews, that boxing was
/// most of the time spent, so long scans read their columns here instead. A NULL reads as nil from the optional
/// readers, and as 0 or "" from the others.
public struct RawRow {
  let statement: SQLiteStatement

  public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
  public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
  public func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
  public func bool(_ column: Int32) -> Bool { sqlite3_column_int64(statement, column) != 0 }
  public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
  public func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }
  public func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }
  public func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }

  /// The column as UTF-8 text (invalid sequences repaired, as `String(decoding:)` does).
  public func string(_ column: Int32) -> String {
    guard let text = sqlite3_column_text(statement, column) else { return "" }
    let count = Int(sqlite3_column_bytes(statement, column))
    return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }

  public func optionalString(_ column: Int32) -> String? { isNull(column) ? nil : string(column) }

  /// Whether the column's text is empty or NULL, without making a string.
  public func isEmptyText(_ column: Int32) -> Bool {
    isNull(column) || sqlite3_column_bytes(statement, column) == 0
  }
}

extension Database {
  /// Runs a query and calls `body` once per row, in order; `body` returns false to stop early.
  ///
  /// The statement is GRDB's (prepared, bound and finalised by it); only the stepping and the column reads go
  /// through the C API. An error from SQLite is thrown as GRDB's `DatabaseError`, with the query.
  public func scan(sql: String, arguments: StatementArguments = [], _ body: (RawRow) throws -> Bool) throws {
    let statement = try makeStatement(sql: sql)
    try statement.setArguments(arguments)
    let raw = statement.sqliteStatement
    defer { sqlite3_reset(raw) }
    let row = RawRow(statement: raw)
    while true {
      let code = sqlite3_step(raw)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)),
          sql: sql)
      }
      if try !body(row) { return }
    }
  }
}
