import Foundation
import LineEditing
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

/// Deck arguments and date options shared by `study` and `quiz`.
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

  /// A YYYY-MM-DD option as noon of that local day.
  static func date(_ text: String?, option: String, timeZone: TimeZone) throws -> Date? {
    guard let text else { return nil }
    let parts = text.split(separator: "-").compactMap { Int($0) }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    guard parts.count == 3, text.count == 10,
      let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)),
      calendar.component(.day, from: date) == parts[2]
    else { throw CommandError("\(option) '\(text.terminalSafe)' is not a date like 2026-12-01") }
    return date
  }
}

