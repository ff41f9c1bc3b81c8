/// What went wrong in the class server or its store, with the place (the file, the database, the request).
public enum ServerError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The request or the command's input is not acceptable (bad name, bad path, too many reviews).
  case invalid(String)
  /// The thing already exists (a student enrolled twice, a store initialised twice).
  case conflict(String)
  /// No such student or deck.
  case notFound(String)
  /// The store could not be opened or written: its place and the database's message.
  case database(place: String, message: String)
  /// The server could not start: the address, the certificate or the key.
  case cannotStart(String)

  public var description: String {
    switch self {
    case .invalid(let message), .conflict(let message), .notFound(let message), .cannotStart(let message): message
    case .database(let place, let message): "\(place): \(message)"
    }
  }
}
