import TextKit

/// Why a workspace or learner could not be used.
public enum WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No folder holding `Decks/` and `Progress/` at or above the starting folder.
  case notFound(startedAt: String)
  /// `--workspace DIR` names a folder without `Decks/` and `Progress/`.
  case notAWorkspace(path: String)
  /// `annals init` on a folder that already is one.
  case alreadyAWorkspace(path: String)
  /// A folder or file could not be written.
  case cannotCreate(path: String, reason: String)
  /// A learner name unfit for a file name.
  case invalidLearner(name: String, reason: String)
  /// Outside any workspace, with neither `XDG_DATA_HOME` nor `HOME` set to say where the personal one goes.
  case noPersonalFolder

  /// What went wrong, in one line.
  public var message: String {
    switch self {
    case .notFound(let start):
      "no Annals workspace (a folder with Decks/ and Progress/) in \(start) or any folder above it"
    case .notAWorkspace(let path): "'\(path)' is not an Annals workspace (it needs Decks/ and Progress/ folders)"
    case .alreadyAWorkspace(let path): "'\(path)' is already an Annals workspace"
    case .cannotCreate(let path, let reason): "cannot create a workspace in '\(path)': \(reason)"
    case .invalidLearner(let name, let reason): "invalid learner name '\(TerminalText.sanitize(name))': \(reason)"
    case .noPersonalFolder:
      "no Annals workspace here or above, and no personal one: neither XDG_DATA_HOME nor HOME is an absolute path"
    }
  }

  /// What to do about it.
  public var hint: String {
    switch self {
    case .notFound: "run `annals init` to make one here, or pass --workspace DIR"
    case .notAWorkspace(let path): "run `annals init \(path)` to make it one"
    case .alreadyAWorkspace: "its decks are in Decks/; add yours there"
    case .cannotCreate: "check that the folder is writable"
    case .invalidLearner: "use letters, digits, '-', '_' or '.', e.g. --learner ana"
    case .noPersonalFolder: "set HOME (or XDG_DATA_HOME), pass --workspace DIR, or run `annals init` to make one here"
    }
  }

  public var description: String { message + "\n  hint: " + hint }
}
