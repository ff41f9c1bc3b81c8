import EventDeck

/// Why a deck could not be compiled or its compiled copy read.
public enum DeckCacheError: Error, Sendable, CustomStringConvertible {
  /// The deck file has errors (every diagnostic, with `file:line:column`).
  case deck(DeckError)
  /// The deck file could not be read.
  case unreadable(path: String, reason: String)
  /// A compiled copy failed a check (format, builder, checksum, missing rows): it is rebuilt, never trusted.
  case damaged(path: String, reason: String)
  /// The compiled copy could not be written (the cards are still built, in memory).
  case storage(path: String, reason: String)

  public var description: String {
    switch self {
    case .deck(let error): error.description
    case .unreadable(let path, let reason): "cannot read the deck \(path): \(reason)\n  hint: check that the file exists and is readable"
    case .damaged(let path, let reason): "the compiled deck \(path) is damaged (\(reason))\n  hint: it is rebuilt on the next use"
    case .storage(let path, let reason): "cannot write the compiled deck \(path): \(reason)\n  hint: check the folder's permissions and free space"
    }
  }
}
