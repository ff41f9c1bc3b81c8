import ArgumentParser
import Drafting
import Foundation
import TextKit
import LineEditing
import ProgressStore
import Study
import StableRandom
import Workspace

/// `annals study`: a spaced-repetition session in the terminal (or from piped answers).
struct StudyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "study",
    abstract: "Study the cards that are due, one at a time, with line editing, hints and undo.",
    discussion: """
      Each card shows its question; type the answer and press Enter. The verdict shows the expected answer and \
      its source, then a proposed grade: Enter accepts it, 1-4 or again/hard/good/easy overrides it. Commands: \
      :hint :skip :undo :source :suspend :bury :stats :help :quit. Ctrl-C clears the line; Ctrl-C twice on an \
      empty line, Ctrl-D, SIGTERM or SIGHUP end the session with every graded answer saved. \
      When stdin is not a terminal, lines are read plainly: annals study < answers.txt.
      """)

  @Argument(help: "Deck files (default: every deck in the workspace's Decks/).")
  var decks: [String] = []

  @OptionGroup var workspaceOptions: WorkspaceOptions

  @Option(name: .customLong("new"), help: "At most this many new cards today.")
  var newLimit: Int?

  @Option(name: .customLong("reviews"), help: "At most this many reviews today.")
  var reviewLimit: Int?

  @Option(name: .customLong("tag"), help: "Only cards with this tag or era (repeatable).")
  var tags: [String] = []

  @Option(help: ArgumentHelp("Review ahead for an exam on this date (YYYY-MM-DD).", valueName: "date"))
  var until: String?

  @Flag(help: "Let Tab complete the deck's names too (off by default: it turns recall into recognition).")
  var completeNames = false

  func validate() throws {
    if let newLimit, newLimit < 0 { throw ValidationError("--new must be 0 or more") }
    if let reviewLimit, reviewLimit < 0 { throw ValidationError("--reviews must be 0 or more") }
  }

  func run() throws {
    let workspace = try workspaceOptions.resolveWorkspace()
    let learner = try workspaceOptions.resolveLearner()
    let paths = try DeckPaths.resolve(decks, in: workspace)
    let terminal = Terminal()
    do {
      let material = try StudyMaterial.load(paths: paths)
      let store = try ProgressStore(path: workspace.storeURL(for: learner).path)
      // A deck edited since the last session: the cards the sync adds and retires, as `annals diff` shows them.
      let known = Dictionary((try? store.decks())?.map { ($0.id, $0.contentHash) } ?? [], uniquingKeysWith: { a, _ in a })
      for (deck, path) in zip(material.decks, paths) {
        guard let hash = known[deck.id], let bytes = FileManager.default.contents(atPath: path),
          hash != FNV1a.hex(bytes), let stored = try? store.cards(deck: deck.id)
        else { continue }
        let diff = DeckDiff(
          old: stored.map { DeckDiff.Entry(id: $0.id, prompt: "", answer: "") },
          new: material.cards.filter { $0.deckID == deck.id }.map { DeckDiff.Entry(id: $0.id, prompt: $0.prompt, answer: $0.answer) })
        guard !diff.isEmpty else { continue }
        terminal.write("\(TerminalText.sanitize(deck.id)) changed since the last session:\n")
        for line in diff.lines(limit: 5) { terminal.write("  " + line + "\n") }
      }
      _ = try material.sync(into: store, paths: paths, at: Date())
      let settings = try store.settings()
      let scheduler = try store.scheduler(forDeck: material.decks.first?.id)
      let ahead = try DeckPaths.date(until, option: "--until", timeZone: settings.clock.timeZone)
      let options = QueueOptions(
        decks: material.decks.map(\.id), tags: tags, newLimit: newLimit, reviewLimit: reviewLimit, until: ahead)
      let reader = try terminal.makeReader(historyPath: workspace.historyURL(for: learner).path)
      defer { reader.close() }
      let session = StudySession(
        store: store, scheduler: scheduler, cards: material.cards, decks: material.decks, reader: reader,
        output: terminal, judge: material.judge, options: options, style: terminal.style, width: terminal.width)
      if completeNames { session.extraCompletions = material.names }
      let summary = try session.run()
      terminal.write(session.closingNote(summary))
    } catch let error as StudyError {
      throw CommandError(error.description)
    } catch let error as StoreError {
      throw CommandError(error.description)
    } catch let error as LineEditingError {
      throw CommandError(error.description)
    } catch let error as CommandError {
      throw error
    }
  }
}
