import ArgumentParser
import CardBuilder
import Foundation
import Interop
import ProgressStore

/// `annals export csv DECK.yaml [-o OUT.csv]`.
struct ExportCSVCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "csv",
    abstract: "Write a deck's cards as CSV: one row per card (question, answer, accepted forms, source, tags).",
    discussion: "RFC 4180 (CRLF, quoted fields); a field starting with = + - @ gets a leading ' so spreadsheets do not run it."
  )

  @Argument(help: ArgumentHelp("The deck file.", valueName: "deck"))
  var deck: String

  @Option(name: .shortAndLong, help: ArgumentHelp("The CSV file to write (default: standard output).", valueName: "out.csv"))
  var output: String?

  func run() throws {
    let loaded = try DeckInput.load(deck)
    let data = try CardCSV.data(for: CardBuilder(deck: loaded).cards())
    guard let output else {
      if isatty(STDOUT_FILENO) != 0 {
        // On a terminal, deck text is shown with its control characters made visible; in a pipe it is the data.
        print(String(decoding: data, as: UTF8.self).terminalSafeLines, terminator: "")
      } else {
        FileHandle.standardOutput.write(data)
      }
      return
    }
    do {
      try FileAccess.writePrivately(data, to: output)  // 0600: it may hold a learner's progress
    } catch {
      throw CommandError("\(output.terminalSafe): cannot write the file (\(error.localizedDescription))")
    }
  }
}
