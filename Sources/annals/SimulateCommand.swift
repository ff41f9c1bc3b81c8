import ArgumentParser
import CardBuilder
import Foundation
import LineEditing
import ProgressStore
import Reports
import Scheduling
import Simulation
import TextKit
import Study
import Workspace

/// `annals simulate`: a simulated learner studies a deck day by day into a real store.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Simulate a learner studying decks day by day, into a real progress store.",
    discussion: """
      The simulated learner answers each day's queue through the same store path as a person. Their memory is \
      FSRS with the default weights (each card harder or easier, drawn from the seed), so the true retention \
      comes out near the desired retention you choose; wrong typed answers are drawn from the deck's own \
      distractors, and every typed answer is judged by the deck's answer checker, as in 'annals study'. The summary answers: how many reviews a day does this retention cost? Everything is \
      determined by --seed. The store must not exist yet. Without --deck, the learner studies every deck in the \
      workspace's Decks/, as 'annals study' does.
      """)

  @OptionGroup var workspaceOptions: WorkspaceOptions

  @Option(help: ArgumentHelp("The progress store file (default: <workspace>/Progress/<learner>.sqlite).", valueName: "path"))
  var store: String?

  @Option(
    help: ArgumentHelp(
      "The deck file to study (.yaml), its cards built as 'annals study' builds them (repeatable; default: every "
        + "deck in the workspace's Decks/).", valueName: "file"))
  var deck: [String] = []

  @Option(help: "Days to simulate.")
  var days = 90

  @Option(help: "Desired retention (0.5-0.99).")
  var retention = 0.9

  @Option(help: "Seed of every random draw.")
  var seed: UInt64 = 1

  @Option(help: "How much facts differ in difficulty (0: the learner's memory is exactly FSRS's, so the true retention matches --retention; 1: some facts much harder).")
  var spread = 1.0

  @Option(help: "New cards a day.")
  var newPerDay = 10

  @Option(help: ArgumentHelp("First study day, YYYY-MM-DD (default: so that the last day is today).", valueName: "date"))
  var start: String?

  @Flag(help: "Print the day-by-day summary as JSON.")
  var json = false

  func validate() throws {
    guard (1...3650).contains(days) else { throw ValidationError("--days must be between 1 and 3650, got \(days)") }
    guard retention >= 0.5, retention <= 0.99 else {
      throw ValidationError("--retention must be between 0.5 and 0.99, got \(retention)")
    }
    guard (0...1000).contains(newPerDay) else { throw ValidationError("--new-per-day must be between 0 and 1000") }
  }

  func run() throws {
    let path = try storePath()
    if FileManager.default.fileExists(atPath: path) {
      throw CommandError(
        "\(path.terminalSafe) already exists; a simulation writes only into a new store (choose another --learner or --store)")
    }
    let first: Date
    if let start {
      // The simulated learner's study days are UTC days starting at 4:00.
      let clock = StudyDayClock(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!)
      guard let noon = clock.noon(onCalendarDate: start) else {
        throw CommandError("--start '\(start.terminalSafe)' is not a date like 2026-01-31")
      }
      first = clock.start(ofStudyDay: clock.studyDay(noon))
    } else {
      let today = Int((Date().timeIntervalSince1970 - 4 * 3600) / 86400)
      first = Date(timeIntervalSince1970: Double(today - days + 1) * 86400 + 4 * 3600)
    }
    let learner = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    var options = SimulationOptions(
      learner: learner, days: days, desiredRetention: retention, seed: seed, start: first, newPerDay: newPerDay)
    options.spread = spread
    let summary: SimulationSummary
    // Given decks need no workspace (with --store); none given means the workspace's, as for 'annals study'.
    var paths = deck
    for path in paths where !FileManager.default.fileExists(atPath: path) {
      throw CommandError("no deck file at '\(path.terminalSafe)' (give a path like Decks/kalbajar.yaml)")
    }
    if paths.isEmpty { paths = try DeckPaths.resolve([], in: workspaceOptions.resolveWorkspace()) }
    do {
      let material = try StudyMaterial.load(paths: paths)
      guard !material.decks.isEmpty else { throw CommandError("no deck to study") }
      let store: ProgressStore
      do { store = try ProgressStore(path: path) } catch { throw CommandError(error.description) }
      defer { try? store.close() }
      _ = try material.sync(into: store, paths: paths, at: first)  // as 'annals study' does
      options.syncsDeck = false
      let catalogs = material.decks.map { loaded in
        CardCatalog(deck: loaded, cards: material.cards.filter { $0.deck == loaded.id })
      }
      summary = try LearnerSimulator(catalogs: catalogs, options: options).run(store: store)
    } catch let error as SimulationError {
      throw CommandError(error.description)
    } catch let error as StudyError {
      throw CommandError(error.description)
    }
    if json {
      print(try JSONRenderer().render(summary), terminator: "")
      return
    }
    print(
      SimulationText.render(
        learner: summary.learner, days: summary.days.map { ($0.date, $0.reviews) }, trueRetention: summary.trueRetention,
        desiredRetention: summary.desiredRetention, quizzes: summary.quizzes, path: path.terminalSafe,
        width: TerminalText.width(environment: ProcessInfo.processInfo.environment)))
  }
}

extension SimulateCommand {
  /// `--store`, else the learner's store in the workspace (as `annals study` uses it).
  func storePath() throws -> String {
    if let store { return store }
    let workspace = try workspaceOptions.resolveWorkspace()
    return workspace.storeURL(for: try workspaceOptions.resolveLearner()).path
  }
}
