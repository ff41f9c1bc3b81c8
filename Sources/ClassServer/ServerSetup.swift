#if Server
import ClassModel
import Foundation
import Logging
import ServiceLifecycle

/// Opening a server store from the command's options, and creating the teacher's token once.
public enum ServerSetup {
  /// The store in `dataDirectory` (SQLite) or at `databaseURL` (PostgreSQL), with the services it needs running.
  public static func open(dataDirectory: String?, databaseURL: String?, logger: Logger) throws(ServerError) -> (
    store: any ServerStore, services: [any Service]
  ) {
    if let databaseURL {
      let store = try PostgresServerStore(url: databaseURL, logger: logger)
      return (store, [store.client])
    }
    guard let dataDirectory else { throw .invalid("give --data DIR (the embedded store) or --database postgres://…") }
    return (try SQLiteServerStore(path: SQLiteServerStore.path(inDataDirectory: dataDirectory)), [])
  }

  /// Runs `body` with `services` running (the PostgreSQL pool), then stops them.
  public static func withServices<T: Sendable>(
    _ services: [any Service], _ body: @Sendable () async throws -> T
  ) async throws -> T {
    if services.isEmpty { return try await body() }
    return try await withThrowingTaskGroup(of: T?.self) { group in
      for service in services { group.addTask { try await service.run(); return nil } }
      defer { group.cancelAll() }
      return try await body()
    }
  }

  /// Creates the tables and the teacher; returns the teacher's token (shown once). `.conflict` when the store
  /// already has a teacher.
  public static func initialise(_ store: any ServerStore, at time: Int64) async throws(ServerError) -> String {
    try await store.migrate()
    if try await store.hasTeacher() {
      throw .conflict("this server store is already initialised (it has a teacher token); nothing was changed")
    }
    let token = Tokens.make()
    try await store.enroll(name: "teacher", role: .teacher, tokenHash: Tokens.hash(token), at: time)
    return token
  }
}
#endif
