import Foundation
import GRDB
import Scheduling

/// A learner's progress: decks, cards with their scheduling state, and the append-only review log, in one SQLite
/// file (`Progress/<learner>.sqlite`).
///
/// The file is in WAL mode with `synchronous = FULL`: every answer is one transaction whose commit is flushed to
/// disk (fsync of the WAL) before `answer` returns, so an acknowledged answer survives a killed process and a
/// power cut. Two sessions of the same learner may write at once: each write waits up to `busyTimeout` for the
/// other's transaction, and each answer re-reads the card inside its own transaction, so no review is lost.
///
/// ```swift
/// let store = try ProgressStore(path: "Progress/ada.sqlite")
/// let summary = try store.sync(deck: deck, cards: records, at: Date())   // "3 new, 1 retired"
/// let scheduler = try store.scheduler(forDeck: deck.id)
/// try store.answer(Answer(cardID: "c1", rating: .good, time: Date()), scheduler: scheduler)
/// ```
public final class ProgressStore: Sendable {
  /// The store schema version this Annals writes; stores with a higher one are refused.
  public static let schemaVersion = 1
  /// How long a write waits for another session's transaction before giving up.
  public static let busyTimeout: TimeInterval = 10

  /// The file's path.
  public let path: String
  let pool: DatabasePool

  /// The store file for `learner` in `directory` (`<directory>/<learner>.sqlite`).
  public static func path(forLearner learner: String, in directory: String = "Progress") -> String {
    (directory as NSString).appendingPathComponent("\(learner).sqlite")
  }

  /// Opens (creating if needed) the store at `path`, running any pending migrations.
  ///
  /// Throws `StoreError.newerSchema` without touching the file when a newer Annals wrote it.
  public init(path: String) throws(StoreError) {
    self.path = path
    do {
      let directory = (path as NSString).deletingLastPathComponent
      if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
      if FileManager.default.fileExists(atPath: path) { try Self.checkVersion(path: path) }
      try FileAccess.createPrivately(path)  // before SQLite opens it: the -wal and -shm files take its mode
      var configuration = Configuration()
      configuration.busyMode = .timeout(Self.busyTimeout)
      configuration.prepareDatabase { db in
        try db.execute(sql: "PRAGMA synchronous = FULL")
        try db.execute(sql: "PRAGMA foreign_keys = ON")
      }
      pool = try DatabasePool(path: path, configuration: configuration)
      try pool.write { db in
        // A second check inside the write lock: another process may have upgraded the file meanwhile.
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if found > Self.schemaVersion {
          throw StoreError.newerSchema(path: path, found: found, supported: Self.schemaVersion)
        }
      }
      try Self.migrator.migrate(pool)
    } catch {
      throw StoreError.wrap(error, path: path)
    }
  }

  /// Reads the schema version through a read-only connection, so a newer store is never written to.
  private static func checkVersion(path: String) throws {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(busyTimeout)
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    let found = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    try queue.close()
    if found > schemaVersion { throw StoreError.newerSchema(path: path, found: found, supported: schemaVersion) }
  }

  /// Runs `body` in one write transaction, mapping errors to `StoreError`.
  func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
    do { return try pool.write(body) } catch { throw StoreError.wrap(error, path: path) }
  }

  /// Runs `body` on a read snapshot, mapping errors to `StoreError`.
  func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
    do { return try pool.read(body) } catch { throw StoreError.wrap(error, path: path) }
  }

  /// `PRAGMA integrity_check`'s answer ("ok" for a sound file).
  public func integrityCheck() throws(StoreError) -> String {
    try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
  }

  /// The names of the migrations applied to this file, in order.
  public func appliedMigrations() throws(StoreError) -> [String] {
    try read { db in try Self.migrator.appliedMigrations(db) }
  }

  /// Closes the file; the store cannot be used afterwards.
  public func close() throws(StoreError) {
    do { try pool.close() } catch { throw StoreError.wrap(error, path: path) }
  }
}
