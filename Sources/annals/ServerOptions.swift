import ArgumentParser
import ClassSync
import Foundation

/// `--server` and `--token`, shared by `class …`, `sync` and `report --server`; the token may come from
/// `ANNALS_TOKEN` instead (kept out of the process list).
struct ServerOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The class server's URL, e.g. http://127.0.0.1:8080.", valueName: "url"))
  var server: String?

  @Option(help: ArgumentHelp("Your token (or set ANNALS_TOKEN).", valueName: "token"))
  var token: String?

  /// The token given, else `ANNALS_TOKEN`.
  var resolvedToken: String? { token ?? ProcessInfo.processInfo.environment["ANNALS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } }

  /// A client for the server and token given (both required here).
  func client() throws -> ClassClient {
    guard let server else { throw ValidationError("give --server URL (the class server's address)") }
    guard let token = resolvedToken else { throw ValidationError("give --token TOKEN (or set ANNALS_TOKEN)") }
    do { return try ClassClient(server: server, token: token) } catch { throw CommandError(error.description) }
  }
}

/// Runs a request, turning a `SyncError` into the command's error message.
@discardableResult
func syncing<T>(_ body: () async throws(SyncError) -> T) async throws -> T {
  do { return try await body() } catch { throw CommandError(error.description.terminalSafe) }
}
