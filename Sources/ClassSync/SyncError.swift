/// What went wrong talking to the class server or with the workspace's files, with the place.
public enum SyncError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The server could not be reached: nothing was sent or changed.
  case offline(server: String, reason: String)
  /// 401: no token, an unknown one or a revoked one.
  case unauthorized(server: String, message: String)
  /// 403: the token may not do this.
  case forbidden(server: String, message: String)
  /// Another answer than the one expected.
  case server(server: String, status: Int, message: String)
  /// Bad input (a URL, a deck file, a name).
  case invalid(String)
  /// A file could not be read or written.
  case file(path: String, reason: String)
  /// The learner's store could not be read.
  case store(String)

  public var description: String {
    switch self {
    case .offline(let server, let reason):
      "cannot reach the class server at \(server) (\(reason)): you seem to be offline, or the server is down. "
        + "Nothing was changed; your progress stays on this machine and is sent at the next sync."
    case .unauthorized(let server, let message):
      "\(server) refused the token (\(message)): ask your teacher for a new one and pass it with --token"
    case .forbidden(let server, let message): "\(server) refused: \(message)"
    case .server(let server, let status, let message): "\(server) answered \(status): \(message)"
    case .invalid(let message): message
    case .file(let path, let reason): "\(path): \(reason)"
    case .store(let message): message
    }
  }
}
