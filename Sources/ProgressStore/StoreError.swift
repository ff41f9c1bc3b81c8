import GRDB

/// What can go wrong with a learner's progress store.
public enum StoreError: Error, CustomStringConvertible, Sendable {
  /// The store was written by a newer Annals; it is left untouched.
  case newerSchema(path: String, found: Int, supported: Int)
  /// SQLite reported an error (code, message and SQL, as GRDB words it).
  case database(path: String, message: String, code: Int32)
  /// Another session held the store's write lock longer than the busy timeout.
  case busy(path: String)
  /// No card with this id in the store.
  case unknownCard(String)
  /// A stored value could not be read back (e.g. malformed JSON in the log).
  case corrupt(String)
  /// An imported review names a card the deck does not have.
  case notInDeck(card: String, deck: String)
  /// A write was asked of a store opened read-only.
  case readOnly(path: String)

  /// A readable description with a hint.
  public var description: String {
    switch self {
    case .newerSchema(let path, let found, let supported):
      "\(path) was written by a newer Annals (store schema \(found); this Annals knows up to \(supported)). "
        + "It has not been changed. Update Annals to open it."
    case .database(let path, let message, let code):
      Self.failure(code: code, path: path) == .damaged
        ? Self.damagedDescription(path: path, message: message) : "\(path): \(message)"
    case .busy(let path):
      "\(path) is busy: another Annals session of this learner is writing and did not finish in time. "
        + "Try again, or close the other session."
    case .unknownCard(let id):
      "no card with id '\(id)' in the store (sync the deck first)"
    case .corrupt(let message):
      "the store holds a value Annals cannot read: \(message)"
    case .notInDeck(let card, let deck):
      "deck '\(deck)' has no card with id '\(card)' (ids look like \(deck)/ITEM/KIND: see 'annals cards')"
    case .readOnly(let path):
      "\(path) was opened read-only (for a report); nothing was written"
    }
  }

  static func wrap(_ error: any Error, path: String) -> StoreError {
    if let error = error as? StoreError { return error }
    if let error = error as? DatabaseError {
      if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED { return .busy(path: path) }
      return .database(path: path, message: error.description, code: error.resultCode.rawValue)
    }
    return .database(path: path, message: String(describing: error), code: -1)
  }
}
