import ArgumentParser
import Foundation
import Interop

/// `annals import timeline FILE.csv|FILE.json -o Decks/NAME.yaml`.
struct ImportTimelineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "timeline",
    abstract: "Make a deck of dated events from a TimelineJS spreadsheet (CSV) or JSON file.",
    discussion: """
      Columns are matched by their header (Year, Month, Day, End Year, …, Headline, Text, Type, Group); a 'title' \
      row names the deck, 'era' rows become eras, negative years are BCE. Each event's text becomes its source \
      sentence, written to sources/NAME.txt beside the deck; Group becomes a tag.
      """
  )

  @Argument(help: ArgumentHelp("The TimelineJS file (.csv or .json).", valueName: "file"))
  var file: String

  @Option(name: .shortAndLong, help: ArgumentHelp("The deck file to write.", valueName: "Decks/name.yaml"))
  var output: String

  @Flag(help: "Replace the deck file and its source text if they exist.")
  var force = false

  func run() throws {
    do {
      let target = try DeckFiles.target(for: output, force: force)
      let timeline = try TimelineReader.read(fileAt: file)
      let imported = TimelineDeckImport(
        timeline, deckID: target.deckID, fileName: URL(fileURLWithPath: file).lastPathComponent,
        sourceFile: target.sourceReference)
      let report = try DeckFiles.write(imported.deck, sourceText: imported.sourceText, to: target)
      print("\(output.terminalSafe): \(imported.deck.events.count) events, \(imported.deck.eras.count) eras")
      try ImportReport.check(report)
    } catch let error as InteropError {
      throw CommandError(error.description.terminalSafeLines)
    }
  }
}
