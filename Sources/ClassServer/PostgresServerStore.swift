#if Server
import ClassModel
import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// The school's store: the same tables as `SQLiteServerStore` in PostgreSQL, through PostgresNIO's client pool.
///
/// The pool (`client`) must be running (`client.run()`, or as one of the server's services) while it is used.
public final class PostgresServerStore: ServerStore {
  public let kind = "postgresql"
  /// The connection pool; run it as a service.
  public let client: PostgresClient
  /// The URL without its password, for messages.
  public let place: String
  private let logger: Logger

  /// A store for a `postgres://user[:password]@host[:port]/database` URL (`?host=/socket/dir` for a Unix socket,
  /// `?sslmode=require` for TLS).
  public init(url: String, logger: Logger) throws(ServerError) {
    let (configuration, place) = try Self.configuration(url)
    self.place = place
    self.logger = logger
    client = PostgresClient(configuration: configuration, backgroundLogger: logger)
  }

  static func configuration(_ text: String) throws(ServerError) -> (PostgresClient.Configuration, String) {
    let hint = "give --database postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
    guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? "")
    else { throw .invalid("--database: not a postgres:// URL; \(hint)") }
    let user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
    let password = components.password.flatMap { $0.removingPercentEncoding }
    let database = String(components.path.drop(while: { $0 == "/" }))
    guard !database.isEmpty else { throw .invalid("--database: no database name after the host; \(hint)") }
    let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
    let place = "postgres://\(user)@\(components.host ?? query["host"] ?? "")\(components.port.map { ":\($0)" } ?? "")/\(database)"
    if let socketFolder = query["host"], socketFolder.hasPrefix("/") {
      let port = components.port ?? 5432
      let path = (socketFolder as NSString).appendingPathComponent(".s.PGSQL.\(port)")
      return (PostgresClient.Configuration(unixSocketPath: path, username: user, password: password, database: database), place)
    }
    guard let host = components.host, !host.isEmpty else { throw .invalid("--database: no host; \(hint)") }
    let tls: PostgresClient.Configuration.TLS
    switch query["sslmode"] ?? "disable" {
    case "disable": tls = .disable
    case "require":
      tls = .require(.makeClientConfiguration())
    case let other: throw .invalid("--database: sslmode '\(other)' is not 'disable' or 'require'")
    }
    return (
      PostgresClient.Configuration(
        host: host, port: components.port ?? 5432, username: user, password: password, database: database, tls: tls),
      place
    )
  }

  private func failure(_ error: any Error) -> ServerError {
    if let error = error as? ServerError { return error }
    if let error = error as? PSQLError {
      let message = error.serverInfo?[.message] ?? "\(error.code)"
      return .database(place: place, message: message)
    }
    return .database(place: place, message: String(describing: error))
  }

  private func run<T>(_ body: () async throws -> T) async throws(ServerError) -> T {
    do { return try await body() } catch { throw failure(error) }
  }

  public func migrate() async throws(ServerError) {
    try await run {
      try await client.withTransaction(logger: logger) { connection in
        try await connection.query("SELECT pg_advisory_xact_lock(16016)", logger: logger)
        try await connection.query(
          """
          CREATE TABLE IF NOT EXISTS member (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('teacher', 'student')),
            token_hash TEXT UNIQUE,
            enrolled_at BIGINT NOT NULL,
            revoked_at BIGINT,
            last_sync_at BIGINT
          )
          """, logger: logger)
        try await connection.query(
          """
          CREATE TABLE IF NOT EXISTS deck (
            id TEXT PRIMARY KEY, version INTEGER NOT NULL, published_at BIGINT NOT NULL, files TEXT NOT NULL
          )
          """, logger: logger)
        try await connection.query(
          """
          CREATE TABLE IF NOT EXISTS review (
            seq BIGSERIAL PRIMARY KEY,
            student TEXT NOT NULL REFERENCES member(name),
            store_id TEXT NOT NULL,
            row_id BIGINT NOT NULL,
            body TEXT NOT NULL,
            UNIQUE (student, store_id, row_id)
          )
          """, logger: logger)
      }
    }
  }

  public func hasTeacher() async throws(ServerError) -> Bool {
    try await run {
      let rows = try await client.query("SELECT COUNT(*) FROM member WHERE role = 'teacher'", logger: logger)
      for try await count in rows.decode(Int64.self) { return count > 0 }
      return false
    }
  }

  public func member(tokenHash: String) async throws(ServerError) -> Member? {
    try await run {
      let rows = try await client.query(
        "SELECT name, role FROM member WHERE token_hash = \(tokenHash) AND revoked_at IS NULL", logger: logger)
      for try await (name, role) in rows.decode((String, String).self) {
        return Member(name: name, role: Role(rawValue: role) ?? .student)
      }
      return nil
    }
  }

  public func enroll(name: String, role: Role, tokenHash: String, at time: Int64) async throws(ServerError) {
    let logger = logger
    try await run {
      try await client.withTransaction(logger: logger) { connection in
        let rows = try await connection.query(
          "SELECT revoked_at FROM member WHERE name = \(name) FOR UPDATE", logger: logger)
        var existing: Int64?? = nil
        for try await revoked in rows.decode(Int64?.self) { existing = .some(revoked) }
        switch existing {
        case .none:
          try await connection.query(
            "INSERT INTO member (name, role, token_hash, enrolled_at) VALUES (\(name), \(role.rawValue), \(tokenHash), \(time))",
            logger: logger)
        case .some(.none):
          throw ServerError.conflict("\(name) is already enrolled")
        case .some(.some):
          try await connection.query(
            "UPDATE member SET token_hash = \(tokenHash), revoked_at = NULL, role = \(role.rawValue) WHERE name = \(name)",
            logger: logger)
        }
      }
    }
  }

  public func revoke(name: String) async throws(ServerError) -> Bool {
    let now = Int64(Date().timeIntervalSince1970 * 1000)
    return try await run {
      let rows = try await client.query(
        """
        UPDATE member SET revoked_at = \(now), token_hash = NULL
        WHERE name = \(name) AND role = 'student' AND revoked_at IS NULL RETURNING name
        """, logger: logger)
      var any = false
      for try await _ in rows.decode(String.self) { any = true }
      return any
    }
  }

  public func students() async throws(ServerError) -> [StudentSummary] {
    try await run {
      let rows = try await client.query(
        """
        SELECT m.name, m.enrolled_at, m.last_sync_at, (SELECT COUNT(*) FROM review r WHERE r.student = m.name),
          m.revoked_at IS NOT NULL
        FROM member m WHERE m.role = 'student' ORDER BY m.name
        """, logger: logger)
      var students: [StudentSummary] = []
      for try await (name, enrolled, last, count, revoked) in rows.decode((String, Int64, Int64?, Int64, Bool).self) {
        students.append(StudentSummary(name: name, enrolledAt: enrolled, lastSyncAt: last, reviews: Int(count), revoked: revoked))
      }
      return students
    }
  }

  public func publish(deck: String, files: [DeckFile], at time: Int64) async throws(ServerError) -> Int {
    let json = try JSONCoding.encode(files)
    return try await run {
      let rows = try await client.query(
        """
        INSERT INTO deck (id, version, published_at, files) VALUES (\(deck), 1, \(time), \(json))
        ON CONFLICT (id) DO UPDATE SET version = deck.version + 1, published_at = excluded.published_at,
          files = excluded.files
        RETURNING version
        """, logger: logger)
      for try await version in rows.decode(Int32.self) { return Int(version) }
      return 0
    }
  }

  public func decks() async throws(ServerError) -> [DeckListing] {
    try await run {
      let rows = try await client.query("SELECT id, version, published_at FROM deck ORDER BY id", logger: logger)
      var decks: [DeckListing] = []
      for try await (id, version, published) in rows.decode((String, Int32, Int64).self) {
        decks.append(DeckListing(id: id, version: Int(version), publishedAt: published))
      }
      return decks
    }
  }

  public func deck(_ id: String) async throws(ServerError) -> PublishedDeck? {
    let found: (Int32, Int64, String)? = try await run {
      let rows = try await client.query("SELECT version, published_at, files FROM deck WHERE id = \(id)", logger: logger)
      for try await row in rows.decode((Int32, Int64, String).self) { return row }
      return nil
    }
    guard let (version, published, json) = found else { return nil }
    let files: [DeckFile] = try JSONCoding.decode(json, place: "deck \(id)")
    return PublishedDeck(id: id, version: Int(version), publishedAt: published, files: files)
  }

  public func store(reviews: [SyncedReview], student: String, at time: Int64) async throws(ServerError) -> Int {
    var bindings = PostgresBindings(capacity: reviews.count * 4 + 2)
    var values: [String] = []
    for (index, review) in reviews.enumerated() {
      let base = index * 4
      values.append("($\(base + 1), $\(base + 2), $\(base + 3), $\(base + 4))")
      bindings.append(student)
      bindings.append(review.storeID)
      bindings.append(review.rowID)
      bindings.append(try JSONCoding.encode(review))
    }
    let sql =
      "INSERT INTO review (student, store_id, row_id, body) VALUES " + values.joined(separator: ", ")
      + " ON CONFLICT (student, store_id, row_id) DO NOTHING RETURNING seq"
    let logger = logger
    let insert = PostgresQuery(unsafeSQL: sql, binds: bindings)
    return try await run {
      try await client.withTransaction(logger: logger) { connection in
        var stored = 0
        if !reviews.isEmpty {
          let rows = try await connection.query(insert, logger: logger)
          for try await _ in rows.decode(Int64.self) { stored += 1 }
        }
        try await connection.query("UPDATE member SET last_sync_at = \(time) WHERE name = \(student)", logger: logger)
        return stored
      }
    }
  }

  public func reviews(student: String, after: Int64, limit: Int) async throws(ServerError) -> ReviewPage {
    let rows: [(Int64, String)] = try await run {
      let rows = try await client.query(
        "SELECT seq, body FROM review WHERE student = \(student) AND seq > \(after) ORDER BY seq LIMIT \(limit)",
        logger: logger)
      var found: [(Int64, String)] = []
      for try await row in rows.decode((Int64, String).self) { found.append(row) }
      return found
    }
    var reviews: [SyncedReview] = []
    for (seq, body) in rows { reviews.append(try JSONCoding.decode(body, place: "review \(seq)")) }
    return ReviewPage(reviews: reviews, next: rows.count == limit ? rows.last?.0 : nil)
  }

  public func close() async {}
}
#endif
