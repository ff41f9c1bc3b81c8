import ClassModel
import Foundation
#if canImport(Glibc)
  import Glibc
#endif
import GRDB

/// The embedded store: one SQLite file (`<data>/class.sqlite`, WAL, `synchronous = FULL`, mode 0600) through GRDB.
///
/// A review is one row keyed by (student, store UUID, row id) holding its JSON; pushing it again is a no-op
/// (`INSERT … ON CONFLICT DO NOTHING`), so a resent batch is harmless.
public final class SQLiteServerStore: ServerStore {
  public let kind = "sqlite"
  /// The database file.
  public let path: String
  private let pool: DatabasePool

  /// The store file in a data folder.
  public static func path(inDataDirectory directory: String) -> String {
    (directory as NSString).appendingPathComponent("class.sqlite")
  }

  /// Opens (creating) the store at `path`; the folder is created with mode 0700 if missing.
  public init(path: String) throws(ServerError) {
    self.path = path
    do {
      let folder = (path as NSString).deletingLastPathComponent
      if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      }
      if !FileManager.default.fileExists(atPath: path) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
          fchmod(descriptor, 0o600)
          Glibc.close(descriptor)
        }
      }
      var configuration = Configuration()
      configuration.busyMode = .timeout(10)
      configuration.prepareDatabase { db in
        try db.execute(sql: "PRAGMA synchronous = FULL")
        try db.execute(sql: "PRAGMA foreign_keys = ON")
      }
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      throw .database(place: path, message: Self.message(error))
    }
  }

  static func message(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? error.description }
    return (error as NSError).localizedDescription
  }

  private func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(ServerError) -> T {
    do { return try await pool.write(body) } catch let error as ServerError { throw error } catch {
      throw .database(place: path, message: Self.message(error))
    }
  }

  private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(ServerError) -> T {
    do { return try await pool.read(body) } catch let error as ServerError { throw error } catch {
      throw .database(place: path, message: Self.message(error))
    }
  }

  public func migrate() async throws(ServerError) {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-class") { db in
      try db.execute(
        sql: """
          CREATE TABLE member (
            name TEXT PRIMARY KEY NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('teacher', 'student')),
            token_hash TEXT UNIQUE,
            enrolled_at INTEGER NOT NULL,
            revoked_at INTEGER,
            last_sync_at INTEGER
          );
          CREATE TABLE deck (
            id TEXT PRIMARY KEY NOT NULL,
            version INTEGER NOT NULL,
            published_at INTEGER NOT NULL,
            files TEXT NOT NULL
          );
          CREATE TABLE review (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            student TEXT NOT NULL REFERENCES member(name),
            store_id TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            body TEXT NOT NULL,
            UNIQUE (student, store_id, row_id)
          );
          """)
    }
    do { try migrator.migrate(pool) } catch {
      throw .database(place: path, message: Self.message(error))
    }
  }

  public func hasTeacher() async throws(ServerError) -> Bool {
    try await read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM member WHERE role = 'teacher')") ?? false }
  }

  public func member(tokenHash: String) async throws(ServerError) -> Member? {
    try await read { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT name, role FROM member WHERE token_hash = ? AND revoked_at IS NULL", arguments: [tokenHash])
      else { return nil }
      return Member(name: row[0], role: Role(rawValue: row[1]) ?? .student)
    }
  }

  public func enroll(name: String, role: Role, tokenHash: String, at time: Int64) async throws(ServerError) {
    try await write { db in
      if let revoked = try Row.fetchOne(db, sql: "SELECT revoked_at FROM member WHERE name = ?", arguments: [name]) {
        guard (revoked[0] as Int64?) != nil else { throw ServerError.conflict("\(name) is already enrolled") }
        try db.execute(
          sql: "UPDATE member SET token_hash = ?, revoked_at = NULL, role = ? WHERE name = ?",
          arguments: [tokenHash, role.rawValue, name])
      } else {
        try db.execute(
          sql: "INSERT INTO member (name, role, token_hash, enrolled_at) VALUES (?, ?, ?, ?)",
          arguments: [name, role.rawValue, tokenHash, time])
      }
    }
  }

  public func revoke(name: String) async throws(ServerError) -> Bool {
    try await write { db in
      try db.execute(
        sql: """
          UPDATE member SET revoked_at = ?, token_hash = NULL
          WHERE name = ? AND role = 'student' AND revoked_at IS NULL
          """,
        arguments: [Int64(Date().timeIntervalSince1970 * 1000), name])
      return db.changesCount > 0
    }
  }

  public func students() async throws(ServerError) -> [StudentSummary] {
    try await read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT m.name, m.enrolled_at, m.last_sync_at, (SELECT COUNT(*) FROM review r WHERE r.student = m.name),
            m.revoked_at IS NOT NULL
          FROM member m WHERE m.role = 'student' ORDER BY m.name
          """
      ).map { row in
        StudentSummary(name: row[0], enrolledAt: row[1], lastSyncAt: row[2], reviews: row[3], revoked: row[4])
      }
    }
  }

  public func publish(deck: String, files: [DeckFile], at time: Int64) async throws(ServerError) -> Int {
    let json = try JSONCoding.encode(files)
    return try await write { db in
      let version = (try Int.fetchOne(db, sql: "SELECT version FROM deck WHERE id = ?", arguments: [deck]) ?? 0) + 1
      try db.execute(
        sql: """
          INSERT INTO deck (id, version, published_at, files) VALUES (?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET version = excluded.version, published_at = excluded.published_at,
            files = excluded.files
          """,
        arguments: [deck, version, time, json])
      return version
    }
  }

  public func decks() async throws(ServerError) -> [DeckListing] {
    try await read { db in
      try Row.fetchAll(db, sql: "SELECT id, version, published_at FROM deck ORDER BY id").map { row in
        DeckListing(id: row[0], version: row[1], publishedAt: row[2])
      }
    }
  }

  public func deck(_ id: String) async throws(ServerError) -> PublishedDeck? {
    let found = try await read { db -> (Int, Int64, String)? in
      guard
        let row = try Row.fetchOne(db, sql: "SELECT version, published_at, files FROM deck WHERE id = ?", arguments: [id])
      else { return nil }
      return (row[0], row[1], row[2])
    }
    guard let (version, published, json) = found else { return nil }
    let files: [DeckFile] = try JSONCoding.decode(json, place: "deck \(id)")
    return PublishedDeck(id: id, version: version, publishedAt: published, files: files)
  }

  public func store(reviews: [SyncedReview], student: String, at time: Int64) async throws(ServerError) -> Int {
    var bodies: [(String, Int64, String)] = []
    for review in reviews { bodies.append((review.storeID, review.rowID, try JSONCoding.encode(review))) }
    let rows = bodies
    return try await write { db in
      let insert = try db.makeStatement(
        sql: """
          INSERT INTO review (student, store_id, row_id, body) VALUES (?, ?, ?, ?)
          ON CONFLICT (student, store_id, row_id) DO NOTHING
          """)
      var stored = 0
      for (storeID, rowID, body) in rows {
        try insert.execute(arguments: [student, storeID, rowID, body])
        stored += db.changesCount
      }
      try db.execute(sql: "UPDATE member SET last_sync_at = ? WHERE name = ?", arguments: [time, student])
      return stored
    }
  }

  public func reviews(student: String, after: Int64, limit: Int) async throws(ServerError) -> ReviewPage {
    let rows = try await read { db in
      try Row.fetchAll(
        db, sql: "SELECT seq, body FROM review WHERE student = ? AND seq > ? ORDER BY seq LIMIT ?",
        arguments: [student, after, limit]
      ).map { ($0[0] as Int64, $0[1] as String) }
    }
    var reviews: [SyncedReview] = []
    for (seq, body) in rows { reviews.append(try JSONCoding.decode(body, place: "review \(seq)")) }
    return ReviewPage(reviews: reviews, next: rows.count == limit ? rows.last?.0 : nil)
  }

  public func close() async {
    try? pool.close()
  }
}
