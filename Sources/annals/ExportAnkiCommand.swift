import ArgumentParser
import CardBuilder
import Foundation
import Interop

/// `annals export anki DECK.yaml -o OUT.apkg [--learner NAME]`.
struct ExportAnkiCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "anki",
    abstract: "Write every card of a deck as an Anki package (.apkg).",
    discussion: """
      Typed cards become type-in notes, clozes cloze notes, multiple choice and orderings notes with the options \
      on the front; one subdeck per era. With --learner (or --store), each card's state, FSRS memory and review \
      history go too: import with “Import any learning progress” ticked.
      """
  )

  @Argument(help: ArgumentHelp("The deck file.", valueName: "deck"))
  var deck: String

  @Option(name: .shortAndLong, help: ArgumentHelp("The package to write.", valueName: "out.apkg"))
  var output: String

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let loaded = try DeckInput.load(deck)
    let cards = CardBuilder(deck: loaded).cards()
    var progress: [String: LearnerProgress.Card] = [:]
    if storeOptions.store != nil || storeOptions.workspaceOptions.learner != nil {
      let path = try storeOptions.resolvePath()
      do { progress = try LearnerProgress.read(storeAt: path, cardIDs: cards.map(\.id)) } catch {
        throw CommandError(error.description.terminalSafeLines)
      }
    }
    let summary: AnkiPackageWriter.Summary
    do {
      summary = try AnkiPackageWriter(deck: loaded, cards: cards, progress: progress).write(to: output, now: Date())
      chmod(output, 0o600)  // private by default: a package may carry the learner's review history
    } catch {
      throw CommandError(error.description.terminalSafeLines)
    }
    print("\(output.terminalSafe): \(summary.notes) notes, \(summary.cards) cards in \(summary.decks.count) decks",
          terminator: "")
    print(progress.isEmpty ? "" : ", \(progress.count) studied cards with \(summary.reviews) reviews")
  }
}
