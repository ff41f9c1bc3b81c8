import ArgumentParser
import EventDeck
import Foundation
import Interop
import ProgressStore
import Study

/// `annals import anki FILE.apkg|FILE.colpkg -o Decks/NAME.yaml [--learner NAME]`.
struct ImportAnkiCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "anki",
    abstract: "Make a deck of hand-written cards from an Anki package (.apkg or .colpkg).",
    discussion: """
      Basic, type-in and cloze notes become typed and cloze cards (one per Anki card); HTML is reduced to text; \
      subdecks become eras, tags stay tags. The notes' text is written to sources/NAME.txt beside the deck, so \
      every card's quote checks. With --learner (or --store), the review log becomes that learner's history.
      """
  )

  @Argument(help: ArgumentHelp("The Anki package.", valueName: "package"))
  var package: String

  @Option(name: .shortAndLong, help: ArgumentHelp("The deck file to write.", valueName: "Decks/name.yaml"))
  var output: String

  @Flag(help: "Replace the deck file and its source text if they exist.")
  var force = false

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let collection: AnkiCollection
    let target: DeckFiles.Target
    do {
      target = try DeckFiles.target(for: output, force: force)
      collection = try AnkiPackageReader.read(fileAt: package)
    } catch {
      throw CommandError(error.description.terminalSafeLines)
    }
    let packageName = URL(fileURLWithPath: package).lastPathComponent
    let imported = AnkiDeckImport(
      collection, deckID: target.deckID, packageName: packageName, sourceFile: target.sourceReference)
    let report: DeckReport
    do {
      report = try DeckFiles.write(imported.deck, sourceText: imported.sourceText, to: target)
    } catch {
      throw CommandError(error.description.terminalSafeLines)
    }
    print(
      "\(output.terminalSafe): \(imported.noteCount) notes, \(imported.deck.cards.count) cards, "
        + "\(collection.reviews.count) reviews in the package (\(collection.format.rawValue) format)")
    for (id, reason) in imported.skipped.prefix(20) { print("  skipped card \(id): \(reason.terminalSafe)") }
    if !imported.mediaReferences.isEmpty {
      print("  media referred to (not copied): \(imported.mediaReferences.map(\.terminalSafe).joined(separator: ", "))")
    }
    try ImportReport.check(report)
    if storeOptions.store != nil || storeOptions.workspaceOptions.learner != nil {
      let history = LearnerProgress.history(collection, cardIDs: imported.cardIDs)
      let store = try storeOptions.open()
      do {
        let material = try StudyMaterial.load(paths: [output])
        _ = try material.sync(into: store, paths: [output], at: Date())
        try store.answerBatch(history.answers, scheduler: try store.scheduler(forDeck: target.deckID))
        try store.close()
      } catch {
        throw CommandError("cannot record the history in \(try storeOptions.resolvePath().terminalSafe): \(error)")
      }
      print("  history: \(history.answers.count) reviews recorded, \(history.skipped) revlog rows left out (manual, cram, before a reset)")
    }
  }
}

/// The lint result of a deck an import wrote.
enum ImportReport {
  /// Prints the diagnostics and fails when the written deck has an error.
  static func check(_ report: DeckReport) throws {
    var stderr = StandardError()
    for d in report.diagnostics { print(d.description.terminalSafe, to: &stderr) }
    if report.errorCount > 0 {
      throw CommandError("the written deck has \(report.errorCount) errors (see above)")
    }
  }
}
