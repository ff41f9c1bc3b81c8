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

  /// Whether a write failed (`annals study | head` once `head` has its lines, or a full disk under `> file`):
  /// nothing more is written, and the reader made here ends the session at its next read.
  private(set) var outputClosed = false

  func write(_ text: String) {
    guard !outputClosed else { return }
    do {
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      // A session's reads and writes ignore SIGPIPE (`SignalTrap`): a closed pipe arrives here, as EPIPE.
      outputClosed = true
      FileHandle.standardError.write(
        Data("annals: cannot write the session's output any more (\(error.localizedDescription)); ending it. Every answer given is saved.\n".utf8))
    }
  }

  /// libedit on a terminal, plain reads otherwise (no escape codes for scripts); either ends the session once
  /// the output is closed.
  func makeReader(historyPath: String?) throws -> LineReader {
    let reader: LineReader
    if inputIsTerminal && outputIsTerminal {
      reader = try EditLineReader(historyPath: historyPath)
    } else {
      reader = PlainLineReader(echo: { [weak self] in self?.write($0) })
    }
    return OutputGuardedReader(reader, outputClosed: { [weak self] in self?.outputClosed ?? true })
  }
}

/// A reader that reads no more once the session's output is gone: the session then ends as at the end of its
/// input, its answers saved, instead of reading answers to questions nobody can see.
final class OutputGuardedReader: LineReader {
  private let inner: LineReader
  private let outputClosed: () -> Bool

  init(_ inner: LineReader, outputClosed: @escaping () -> Bool) {
    self.inner = inner
    self.outputClosed = outputClosed
  }

  var completionWords: [String] {
    get { inner.completionWords }
    set { inner.completionWords = newValue }
  }

  func readLine(prompt: String, remember: Bool) -> ReadResult {
    if outputClosed() { return .endOfInput }
    let result = inner.readLine(prompt: prompt, remember: remember)
    return outputClosed() ? .endOfInput : result
  }

  func close() { inner.close() }
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

