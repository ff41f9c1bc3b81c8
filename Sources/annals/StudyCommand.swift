import ArgumentParser
import DeckCache
import Foundation
import LineEditing
import ProgressStore
import Study
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

  /// How many cards of each sort (added, retired, reworded) the summary of a changed deck lists.
  static let changesShown = 5

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
      // Compiled decks: cards built once per deck version (Progress/.cache/decks), read as the queue needs them.
      // A deck with an error is named (first error only) and left out: the session runs on the others.
      let (material, skipped) = try CompiledMaterial.openUsable(
        paths: paths, cache: DeckCache(progressDirectory: workspace.progressDirectory))
      for deck in skipped {
        let error = deck.firstError
        FileHandle.standardError.write(
          Data(
            ("\(error.location.description.terminalSafe): warning: deck left out of this session: "
              + "\(error.message.terminalSafe)\n  hint: annals lint \(deck.path.terminalSafe) lists every problem\n")
              .utf8))
      }
      let store = try ProgressStore(path: workspace.storeURL(for: learner).path)
      // A deck edited since this learner last synced it: what the edit changed, before the sync takes it in.
      for change in try material.changes(since: store) where !change.diff.isEmpty {
        terminal.write(change.lines(limit: Self.changesShown).joined(separator: "\n") + "\n\n")
      }
      _ = try material.sync(into: store, at: Date())
      let settings = try store.settings()
      let scheduler = try store.scheduler(forDeck: material.deckIDs.first)
      let ahead = try DeckPaths.date(until, option: "--until", timeZone: settings.clock.timeZone)
      let options = QueueOptions(
        decks: material.deckIDs, tags: tags, newLimit: newLimit, reviewLimit: reviewLimit, until: ahead)
      let reader = try terminal.makeReader(historyPath: workspace.historyURL(for: learner).path)
      defer { reader.close() }
      let session = StudySession(
        store: store, scheduler: scheduler, cards: material.cards, deck: { material.deck($0) }, reader: reader,
        output: terminal, judge: material.judge, options: options, style: terminal.style, width: terminal.width)
      if completeNames { session.extraCompletions = material.names }
      let summary = try session.run()
      terminal.write(session.closingNote(summary))
      if summary.unsaved > 0 { throw ExitCode(1) }
    } catch let error as StudyError {
      throw CommandError(error.description)
    } catch let error as StoreError {
      throw CommandError(error.description)
    } catch let error as LineEditingError {
      throw CommandError(error.description)
    } catch let error as CommandError {
      throw error
    } catch let error as ExitCode {
      throw error
    }
  }
}
