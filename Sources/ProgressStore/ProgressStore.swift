import Foundation
import GRDB
import Scheduling

/// A learner's progress: decks, cards with their scheduling state, and the append-only review log, in one SQLite
/// file (`Progress/<learner>.sqlite`), opened for study (read-write, migrated) or for reports (read-only).
///
/// One type over GRDB's connection protocols: a read-write store holds a `DatabasePool` (WAL), a read-only one a
/// read-only `DatabaseQueue`; every read goes through `reader`, every write through the writer, and the schema
/// lives in one migrator.
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
/// let report = try ProgressStore(path: "Progress/ada.sqlite", access: .readOnly).reviewDigest()
/// ```
public final class ProgressStore: Sendable {
  /// How a store is opened.
  public enum Access: Sendable, Equatable {
    /// For study: created if missing, migrated to the current schema (after a backup), written.
    case readWrite
    /// For reports: nothing is ever written and no migration touches the file; a store without a write-ahead
    /// log is opened with `immutable=1`, one with a log read-only, waiting at most `busyTimeout` for a lock.
    case readOnly(busyTimeout: TimeInterval)

    /// Read-only, waiting at most 2 s for a lock.
    public static let readOnly = Access.readOnly(busyTimeout: 2)
  }

  /// The store schema version this Annals writes; stores with a higher one are refused.
  public static let schemaVersion = 2
  /// How long a write waits for another session's transaction before giving up.
  public static let busyTimeout: TimeInterval = 10
  /// How many backups taken before migrations are kept beside a store.
  public static let keptBackups = 3

  /// The file's path.
  public let path: String
  /// Whether the store was opened read-only.
  public let isReadOnly: Bool
  /// The connection(s) writes go through (a pool for study; a read-only queue, or a migrated in-memory copy of an
  /// older store, for reports).
  private let dbWriter: any DatabaseWriter
  /// The connection(s) reads go through.
  var reader: any DatabaseReader { dbWriter }

  /// A second read-only connection to the same file, for reading two things side by side (a report reads the log
  /// beside the card list). Nil for a store that is not read from its file as it is: one opened for writing, or an
  /// older store read through a migrated copy in memory.
  public func readOnlyTwin() -> ProgressStore? {
    guard isReadOnly, let queue = dbWriter as? DatabaseQueue, queue.path != ":memory:", !queue.path.isEmpty else {
      return nil
    }
    return try? ProgressStore(path: path, access: .readOnly)
  }

  /// The store file for `learner` in `directory` (`<directory>/<learner>.sqlite`).
  public static func path(forLearner learner: String, in directory: String = "Progress") -> String {
    (directory as NSString).appendingPathComponent("\(learner).sqlite")
  }

  /// Opens the store at `path`.
  ///
  /// Read-write: creates the file if needed and runs pending migrations, taking a backup beside the file first
  /// when an existing store is upgraded (`backup()`). Read-only: the file must exist and is never changed; an
  /// older store is migrated in a copy in memory. Either way a store written by a newer Annals is refused with
  /// `StoreError.newerSchema`, untouched.
  public init(path: String, access: Access = .readWrite) throws(StoreError) {
    self.path = path
    switch access {
    case .readWrite:
      isReadOnly = false
      dbWriter = try Self.openForWriting(path: path)
    case .readOnly(let busyTimeout):
      isReadOnly = true
      dbWriter = try Self.openForReading(path: path, busyTimeout: busyTimeout)
    }
  }

  private static func openForWriting(path: String) throws(StoreError) -> DatabasePool {
    do {
      let directory = (path as NSString).deletingLastPathComponent
      if !directory.isEmpty {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      }
      if FileManager.default.fileExists(atPath: path) { try checkVersion(path: path) }
      try FileAccess.createPrivately(path)  // before SQLite opens it: the -wal and -shm files take its mode
      var configuration = Configuration()
      configuration.busyMode = .timeout(busyTimeout)
      configuration.prepareDatabase { db in
        try db.execute(sql: "PRAGMA synchronous = FULL")
        try db.execute(sql: "PRAGMA foreign_keys = ON")
        // 1 MB per connection, not SQLite's 2 MB: a session's reads are indexed lookups, and a learner's study
        // process stays small on a store of a million reviews.
        try db.execute(sql: "PRAGMA cache_size = -1024")
      }
      let pool = try DatabasePool(path: path, configuration: configuration)
      let found = try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
      if found > schemaVersion { throw StoreError.newerSchema(path: path, found: found, supported: schemaVersion) }
      if found > 0 && found < schemaVersion {
        try backup(of: pool, storePath: path, schema: found)
      }
      try pool.write { db in
        // A second check inside the write lock: another process may have upgraded the file meanwhile.
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if found > schemaVersion { throw StoreError.newerSchema(path: path, found: found, supported: schemaVersion) }
      }
      try migrator.migrate(pool)
      try addIndexes(pool)
      return pool
    } catch {
      throw StoreError.wrap(error, path: path)
    }
  }

  private static func openForReading(path: String, busyTimeout: TimeInterval) throws(StoreError) -> any DatabaseWriter {
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError.database(path: path, message: "no such file", code: 14)
    }
    do {
      var configuration = Configuration()
      configuration.readonly = true
      configuration.busyMode = .timeout(busyTimeout)
      let queue = try DatabaseQueue(path: openPath(path), configuration: configuration)
      let (version, tables) = try queue.read { db in
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        return (version, Set(names))
      }
      if version > schemaVersion { throw StoreError.newerSchema(path: path, found: version, supported: schemaVersion) }
      let required: Set<String> = version >= 2 ? ["card", "revlog", "settings", "quiz_result"] : ["card", "review", "settings", "quiz_result"]
      if version < 1 || !required.isSubset(of: tables) {
        throw StoreError.corrupt("\(path) is an SQLite file but not an Annals progress store")
      }
      if version == schemaVersion { return queue }
      // An older store: upgraded in a copy in memory, the file left as it is.
      let memory = try DatabaseQueue()
      try queue.backup(to: memory)
      try queue.close()
      try migrator.migrate(memory)
      return memory
    } catch {
      throw StoreError.wrap(error, path: path)
    }
  }

  /// Indexes that speed up reads without changing what a store holds, added when missing (not migrations: a
  /// store with or without them is the same schema version, and an older Annals reads it as before).
  ///
  /// `card_queue` holds the four columns the study queue chooses cards by (key, id, sibling group, due) under
  /// its filters, so choosing from thousands of due cards reads no table rows.
  static let extraIndexes = [
    ("card_queue", "CREATE INDEX card_queue ON card(deck_id, retired, suspended, phase, due, buried_until, sibling_group, id)")
  ]

  private static func addIndexes(_ pool: DatabasePool) throws {
    // On the writer's connection, as the migrations ran: opening a reader here would leave the log behind a
    // store that is only opened and closed.
    try pool.write { db in
      let present = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
      for (name, sql) in extraIndexes where !present.contains(name) { try db.execute(sql: sql) }
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

  /// The name to open read-only: a store without a write-ahead log is opened as an SQLite URI with `immutable=1`,
  /// so that not even the `-shm` and `-wal` side files are created next to a teacher's collected copy; a store
  /// with a log (a session may be writing) is opened read-only with locking, and reads the log too.
  static func openPath(_ path: String) -> String {
    let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
    if wal > 0 { return path }
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
    return "file:\(encoded)?immutable=1"
  }

  /// Runs `body` in one write transaction, mapping errors to `StoreError`.
  func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
    if isReadOnly { throw StoreError.readOnly(path: path) }
    do { return try dbWriter.write(body) } catch { throw StoreError.wrap(error, path: path) }
  }

  /// Runs `body` on a read snapshot, mapping errors to `StoreError`.
  func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
    do { return try reader.read(body) } catch { throw StoreError.wrap(error, path: path) }
  }

  /// `PRAGMA integrity_check`'s answer ("ok" for a sound file).
  public func integrityCheck() throws(StoreError) -> String {
    try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
  }

  /// The names of the migrations applied to this file, in order.
  public func appliedMigrations() throws(StoreError) -> [String] {
    try read { db in try Self.migrator.appliedMigrations(db) }
  }

  /// The file's size in bytes as SQLite lays it out (`page_count × page_size`, the write-ahead log not counted).
  public func fileBytes() throws(StoreError) -> Int {
    try read { db in
      (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0) * (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
    }
  }

  /// Rewrites the file compactly (`VACUUM`), e.g. after a large import.
  public func vacuum() throws(StoreError) {
    if isReadOnly { throw StoreError.readOnly(path: path) }
    do {
      try dbWriter.writeWithoutTransaction { db in
        try db.execute(sql: "VACUUM")
        try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
      }
    } catch { throw StoreError.wrap(error, path: path) }
  }

  /// Moves everything in the write-ahead log into the main file and empties the log (before the file is renamed
  /// or copied, so no `-wal` is left behind under the old name).
  public func checkpoint() throws(StoreError) {
    if isReadOnly { throw StoreError.readOnly(path: path) }
    do {
      _ = try dbWriter.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    } catch { throw StoreError.wrap(error, path: path) }
  }

  /// Closes the file; the store cannot be used afterwards.
  public func close() throws(StoreError) {
    do { try dbWriter.close() } catch { throw StoreError.wrap(error, path: path) }
  }

  /// Copies the store, as it is now, into a new file beside it (`<file>.backup-<UTC time>-v<schema>`) with SQLite's
  /// `VACUUM INTO`, keeping the newest `keptBackups` backups of this store; returns the new file's path.
  ///
  /// A read-only store can be backed up too (the copy is written; the store is not).
  @discardableResult
  public func backup() throws(StoreError) -> String {
    do {
      let schema = try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
      return try Self.backup(of: dbWriter, storePath: path, schema: schema)
    } catch { throw StoreError.wrap(error, path: path) }
  }

  /// The backups of the store at `path`, oldest first.
  public static func backups(of path: String) -> [String] {
    let directory = (path as NSString).deletingLastPathComponent
    let prefix = (path as NSString).lastPathComponent + ".backup-"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
    return names.filter { $0.hasPrefix(prefix) && !$0.hasSuffix("-journal") }.sorted().map {
      (directory as NSString).appendingPathComponent($0)
    }
  }

  @discardableResult
  static func backup(of database: any DatabaseWriter, storePath: String, schema: Int) throws -> String {
    let target = FileAccess.timestampedSibling(
      of: storePath, label: "backup", at: Date(), milliseconds: true, ending: "-v\(schema)")
    // VACUUM INTO accepts an empty file: made first, it is private (0600) whatever the umask, as the store is.
    try FileAccess.createPrivately(target)
    try database.writeWithoutTransaction { db in
      try db.execute(sql: "VACUUM INTO ?", arguments: [target])
    }
    let all = backups(of: storePath)
    for old in all.dropLast(keptBackups) { try? FileManager.default.removeItem(atPath: old) }
    return target
  }
}
