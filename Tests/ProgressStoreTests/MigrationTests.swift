import Foundation
import GRDB
import Testing

@testable import ProgressStore

@Suite("Store schema and migrations")
struct MigrationTests {
  @Test("an empty file goes through every migration, in order, and ends at the current schema version")
  func fromEmpty() throws {
    let path = temporaryStorePath()
    let store = try ProgressStore(path: path)
    #expect(try store.appliedMigrations() == ["v1-initial", "v2-compact-log"])
    #expect(try store.integrityCheck() == "ok")
    try store.close()
    let queue = try DatabaseQueue(path: path)
    let (version, mode, tables) = try queue.read { db throws -> (Int?, String?, [String]) in
      let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
      return (
        try Int.fetchOne(db, sql: "PRAGMA user_version"), try String.fetchOne(db, sql: "PRAGMA journal_mode"), tables
      )
    }
    #expect(version == ProgressStore.schemaVersion)
    #expect(mode == "wal")
    for table in ["deck", "card", "revlog", "verdict", "settings", "fitted_parameters", "quiz_result", "meta"] {
      #expect(tables.contains(table), "missing table \(table)")
    }
  }

  @Test("each migration can be applied alone with migrate(upTo:)")
  func upTo() throws {
    let queue = try DatabaseQueue()
    for name in ProgressStore.migrator.migrations {
      try ProgressStore.migrator.migrate(queue, upTo: name)
      let applied = try queue.read { db throws -> Set<String> in try ProgressStore.migrator.appliedIdentifiers(db) }
      #expect(applied.contains(name))
    }
  }

  @Test("reopening keeps the data and applies nothing twice")
  func reopen() throws {
    let path = temporaryStorePath()
    let store = try makeStore(path: path)
    try store.close()
    let again = try ProgressStore(path: path)
    #expect(try again.cards().count == 10)
    #expect(try again.appliedMigrations() == ["v1-initial", "v2-compact-log"])
  }

  @Test("a store from a newer Annals is refused with a clear message and left byte-for-byte unchanged")
  func newerRefused() throws {
    let path = temporaryStorePath()
    try makeStore(path: path).close()
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect {
      _ = try ProgressStore(path: path)
    } throws: { error in
      guard case .newerSchema(_, let found, let supported) = error as? StoreError else { return false }
      return found == 99 && supported == ProgressStore.schemaVersion
        && (error as! StoreError).description.contains("newer Annals")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test("the review log refuses deletion")
  func appendOnly() throws {
    let path = temporaryStorePath()
    let store = try makeStore(path: path)
    let scheduler = try store.scheduler()
    try store.answer(Answer(cardID: "c0", rating: .good, time: noon), scheduler: scheduler)
    try store.close()
    let queue = try DatabaseQueue(path: path)
    #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "DELETE FROM revlog") } }
  }
}
