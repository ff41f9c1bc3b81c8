import Foundation

extension StoreError {
  /// The kind of trouble behind a store error that the learner can do something about (free space, make the
  /// folder writable, close the other session, repair the file), from SQLite's primary result code.
  public enum Failure: String, Sendable, Equatable, CaseIterable {
    /// `SQLITE_FULL` (13): the disk or file system is full.
    case diskFull = "disk-full"
    /// `SQLITE_READONLY` (8) on a read-only file system.
    case readOnlyFileSystem = "read-only-file-system"
    /// `SQLITE_READONLY` (8), `SQLITE_PERM` (3), `SQLITE_AUTH` (23) or `SQLITE_CANTOPEN` (14) on a file or folder
    /// this user may not write or read.
    case permissionDenied = "permission-denied"
    /// `SQLITE_BUSY` (5) or `SQLITE_LOCKED` (6) past the busy timeout: another session holds the write lock.
    case busy
    /// `SQLITE_CANTOPEN` (14): the file or its folder cannot be opened (missing folder, not a file).
    case cannotOpen = "cannot-open"
    /// `SQLITE_IOERR` (10): the operating system reported a read or write error.
    case ioError = "io-error"
    /// `SQLITE_CORRUPT` (11) or `SQLITE_NOTADB` (26): the file is damaged (see `annals doctor`).
    case damaged
  }

  /// The store file this error is about, when it names one.
  public var path: String? {
    switch self {
    case .newerSchema(let path, _, _), .database(let path, _, _), .busy(let path), .readOnly(let path): path
    case .unknownCard, .corrupt, .notInDeck: nil
    }
  }

  /// What kind of I/O trouble this is, or nil for errors that are not about the file (an unknown card, a newer
  /// schema, a constraint).
  public var failure: Failure? {
    switch self {
    case .busy: return .busy
    case .database(let path, _, let code): return Self.failure(code: code, path: path)
    case .newerSchema, .unknownCard, .corrupt, .notInDeck, .readOnly: return nil
    }
  }

  /// The failure for SQLite result `code` (primary or extended) on the store at `path`; a read-only or cannot-open
  /// error is told apart by asking the file system whether it is mounted read-only and whether the file and its
  /// folder may be written.
  public static func failure(code: Int32, path: String) -> Failure? {
    switch code & 0xFF {
    case 13: return .diskFull
    case 5, 6: return .busy
    case 11, 26: return .damaged
    case 10: return .ioError
    case 3, 23: return .permissionDenied
    case 8: return FileAccess.isReadOnlyFileSystem(path) ? .readOnlyFileSystem : .permissionDenied
    case 14:
      if FileAccess.isReadOnlyFileSystem(path) { return .readOnlyFileSystem }
      return FileAccess.mayNotAccess(path) ? .permissionDenied : .cannotOpen
    default: return nil
    }
  }

  /// What happened, in plain words ("The disk is full").
  public var headline: String? {
    guard let failure else { return nil }
    let file = path.map { " (\($0))" } ?? ""
    return switch failure {
    case .diskFull: "The disk is full"
    case .readOnlyFileSystem: "The disk holding your progress\(file) is read-only"
    case .permissionDenied: "Annals may not write your progress file\(file)"
    case .busy: "Another Annals session of this learner is holding your progress file"
    case .cannotOpen: "Your progress file\(file) cannot be opened"
    case .ioError: "The disk reported an error while saving\(file)"
    case .damaged: "Your progress file\(file) is damaged"
    }
  }

  /// What the learner can do about it, as an instruction ("Free some space").
  public var remedy: String? {
    guard let failure else { return nil }
    return switch failure {
    case .diskFull: "Free some space"
    case .readOnlyFileSystem: "Make it writable again (remount it, or check the disk)"
    case .permissionDenied: "Give yourself write permission on it and its folder"
    case .busy: "Finish or close that session"
    case .cannotOpen: "Put its folder back"
    case .ioError: "Check the disk"
    case .damaged: "Run `annals doctor` to check, back up and rebuild it"
    }
  }

  /// The problem and what to do, for a session whose last answer is not saved yet, e.g. "The disk is full: your
  /// last answer is not saved yet. Free some space and press Enter to try again, or :quit."
  public var unsavedAnswerMessage: String? {
    guard let failure, let headline, let remedy else { return nil }
    if failure == .damaged {
      return "\(headline): your last answer cannot be saved. Type :quit, then \(remedy.prefix(1).lowercased())"
        + "\(remedy.dropFirst())."
    }
    return "\(headline): your last answer is not saved yet. \(remedy) and press Enter to try again, or :quit."
  }

  /// A damaged store's message: what SQLite said, that nothing was changed, and the `annals doctor` command.
  static func damagedDescription(path: String, message: String) -> String {
    "\(path) is damaged (\(message)). Nothing was changed. Run `annals doctor --store \(path)` to check it, keep "
      + "a backup and rebuild it from what its review log still holds."
  }
}
