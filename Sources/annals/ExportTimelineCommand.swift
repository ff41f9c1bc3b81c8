import ArgumentParser
import Foundation
import Interop
import ProgressStore

/// `annals export timeline DECK.yaml -o OUT.json`.
struct ExportTimelineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "timeline",
    abstract: "Write a deck's dated events as TimelineJS JSON.",
    discussion: "Each dated event is a slide with its source sentence as text and its first tag as group; eras with both ends are kept."
  )

  @Argument(help: ArgumentHelp("The deck file.", valueName: "deck"))
  var deck: String

  @Option(name: .shortAndLong, help: ArgumentHelp("The JSON file to write.", valueName: "out.json"))
  var output: String

  func run() throws {
    let loaded = try DeckInput.load(deck)
    let data = try TimelineExport.json(for: loaded)
    do {
      try FileAccess.writePrivately(data, to: output)  // 0600: it may hold a learner's progress
    } catch {
      throw CommandError("\(output.terminalSafe): cannot write the file (\(error.localizedDescription))")
    }
    let count = TimelineExport.timeline(for: loaded).events.count
    print("\(output.terminalSafe): \(count) events of \(loaded.events.count)")
  }
}
