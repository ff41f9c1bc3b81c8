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

  /// The column's text as its UTF-8 bytes, valid only inside `body` (empty for NULL), no string made.
  public func withText<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    guard let text = sqlite3_column_text(statement, column) else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    return try body(UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
  }

  /// The column's blob bytes, valid only inside `body` (nil for NULL or an empty blob).
  public func withBlob<T, Failure: Error>(
    _ column: Int32, _ body: (UnsafeRawBufferPointer?) throws(Failure) -> T
  ) throws(Failure) -> T {
    // sqlite3_column_blob first, then sqlite3_column_bytes, as SQLite asks.
    guard let base = sqlite3_column_blob(statement, column) else { return try body(nil) }
    return try body(UnsafeRawBufferPointer(start: base, count: Int(sqlite3_column_bytes(statement, column))))
  }

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

/// The parameters of one row to insert, bound straight through SQLite's C API (by position, from 1).
///
/// The compiled deck's write inserts one row per card; GRDB's `StatementArguments` boxes each value, which was
/// a large part of that write.
public struct RawBindings {
  let statement: SQLiteStatement
  /// SQLite copies the bytes before the call returns.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  public func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement, index, value) }
  public func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(statement, index, Int64(value)) }
  public func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(statement, index, value ? 1 : 0) }

  /// Text (an empty string stays empty text, not NULL).
  public func bind(_ index: Int32, _ value: String) {
    var value = value
    value.withUTF8 { bytes in
      guard let base = bytes.baseAddress, !bytes.isEmpty else {
        _ = sqlite3_bind_text(statement, index, "", 0, Self.transient)
        return
      }
      _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
        sqlite3_bind_text(statement, index, $0, Int32(bytes.count), Self.transient)
      }
    }
  }

  /// Text, or NULL for nil.
  public func bind(_ index: Int32, _ value: String?) {
    if let value { bind(index, value) } else { sqlite3_bind_null(statement, index) }
  }

  /// A blob (an empty one stays an empty blob, not NULL).
  public func bind(_ index: Int32, blob: Data) {
    blob.withUnsafeBytes { bytes in
      if let base = bytes.baseAddress, !bytes.isEmpty {
        _ = sqlite3_bind_blob(statement, index, base, Int32(bytes.count), Self.transient)
      } else {
        _ = sqlite3_bind_zeroblob(statement, index, 0)
      }
    }
  }
}

extension Database {
  /// Runs one insert (or any statement without results) per item, its parameters bound by `bind`.
  ///
  /// As with `scan`, the statement is GRDB's; binding and stepping go through the C API, and an error from SQLite
  /// is thrown as GRDB's `DatabaseError`, with the statement.
  public func executeEach<Items: Sequence>(
    sql: String, _ items: Items, bind: (Items.Element, RawBindings) -> Void
  ) throws {
    let statement = try makeStatement(sql: sql)
    let raw = statement.sqliteStatement
    defer {
      sqlite3_reset(raw)
      sqlite3_clear_bindings(raw)
    }
    let bindings = RawBindings(statement: raw)
    for item in items {
      sqlite3_reset(raw)
      bind(item, bindings)
      let code = sqlite3_step(raw)
      guard code == SQLITE_DONE else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)),
          sql: sql)
      }
    }
  }
}
