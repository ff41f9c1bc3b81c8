import Foundation
import LineEditing
import Scheduling
import Study
import TextKit
import Workspace

/// The process's terminal: where session text goes, which line reader to use, colour and width.
final class Terminal: SessionOutput {
  let inputIsTerminal = isatty(0) == 1
  let outputIsTerminal: Bool
  let style: Style
  let width: Int
  private let handle: FileHandle

  /// The terminal on stdout, or on stderr when stdout carries data (`--json`).
  init(toStandardError: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
    let descriptor: Int32 = toStandardError ? 2 : 1
    handle = toStandardError ? FileHandle.standardError : FileHandle.standardOutput
    outputIsTerminal = isatty(descriptor) == 1 && (!toStandardError || isatty(1) == 1)
    // Piped input means a scripted run: no escape codes at all, whatever the output is.
    style = Style(
      colour: isatty(0) == 1
        && TerminalText.colourEnabled(outputIsTerminal: isatty(descriptor) == 1, environment: environment))
    width = min(TerminalText.width(environment: environment, fileDescriptor: descriptor), 100)
  }

  func write(_ text: String) {
    handle.write(Data(text.utf8))
  }

  /// libedit on a terminal, plain reads otherwise (no escape codes for scripts).
  func makeReader(historyPath: String?) throws -> LineReader {
    if inputIsTerminal && outputIsTerminal {
      return try EditLineReader(historyPath: historyPath)
    }
    return PlainLineReader(echo: { [weak self] in self?.write($0) })
  }
}

/// Deck arguments and the YYYY-MM-DD options of `study`, `quiz` and `due`.
enum DeckPaths {
  /// The given deck files, or every deck in the workspace's `Decks/` when none is given.
  static func resolve(_ given: [String], in workspace: Workspace) throws -> [String] {
    if !given.isEmpty {
      for path in given where !FileManager.default.fileExists(atPath: path) {
        throw CommandError("no deck file at '\(path.terminalSafe)' (give a path like Decks/kalbajar.yaml)")
      }
      return given
    }
    let found = workspace.deckURLs().map(\.path)
    guard !found.isEmpty else {
      throw CommandError("no decks given and none in \(workspace.decksDirectory.path.terminalSafe) (give a deck file)")
    }
    return found
  }

  /// A YYYY-MM-DD option as noon of that day in the learner's time zone.
  static func date(_ text: String?, option: String, timeZone: TimeZone) throws -> Date? {
    guard let text else { return nil }
    guard let date = StudyDayClock(timeZone: timeZone).noon(onCalendarDate: text) else {
      throw CommandError("\(option) '\(text.terminalSafe)' is not a date like 2026-12-01")
    }
    return date
  }
}

