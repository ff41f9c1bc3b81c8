import ArgumentParser
import Foundation
import LineEditing
import ProgressStore
import Reports
import Scheduling
import TextKit
import Workspace
import Study

/// `annals simulate`: a simulated learner studies a deck day by day into a real store.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Simulate a learner studying a deck day by day, into a real progress store.",
    discussion: """
      The simulated learner answers each day's queue through the same store path as a person. Their memory is \
      FSRS with the default weights (each card harder or easier, drawn from the seed), so the true retention \
      comes out near the desired retention you choose; wrong typed answers are drawn from the deck's own \
      distractors. The summary answers: how many reviews a day does this retention cost? Everything is \
      determined by --seed. The store must not exist yet.
      """)

  @OptionGroup var workspaceOptions: WorkspaceOptions

  @Option(help: ArgumentHelp("The progress store file (default: <workspace>/Progress/<learner>.sqlite).", valueName: "path"))
  var store: String?

  @Option(help: ArgumentHelp("The deck file to study (.yaml), its cards built as 'annals study' builds them.", valueName: "file"))
  var deck: String?

  @Option(help: ArgumentHelp("A card catalog (JSON) to study instead of a deck file.", valueName: "file"))
  var catalog: String?

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
    guard (deck == nil) != (catalog == nil) else { throw CommandError("give either --deck FILE.yaml or --catalog FILE.json") }
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
    do {
      let cards: CardCatalog
      var judge: (@Sendable (String, String) -> String?)?
      var material: StudyMaterial?
      if let deck {
        let loaded = try StudyMaterial.load(paths: [deck])
        guard let first = CardCatalog.catalogs(of: loaded).first else { throw CommandError("\(deck.terminalSafe) has no deck") }
        cards = first
        material = loaded
        // Typed and multiple-choice answers are checked by the study session's own judge (AnswerChecker).
        let studyCards = Dictionary(loaded.cards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sessionJudge = loaded.judge
        judge = { id, typed in
          guard let card = studyCards[id] else { return nil }
          if case .ordering = card.form { return nil }
          return sessionJudge.judge(typed, card: card).outcome.rawValue
        }
      } else {
        cards = try loadCatalog(catalog ?? "")
      }
      let store: ProgressStore
      do { store = try ProgressStore(path: path) } catch { throw CommandError(error.description) }
      defer { try? store.close() }
      if let material, let deck {
        _ = try material.sync(into: store, paths: [deck], at: first)  // as 'annals study' does
        options.syncsDeck = false
      }
      summary = try LearnerSimulator(catalog: cards, options: options, judge: judge).run(store: store)
    } catch let error as ReportError {
      throw CommandError(error.description)
    } catch let error as StudyError {
      throw CommandError(error.description)
    }
    if json {
      print(try JSONRenderer().render(summary), terminator: "")
      return
    }
    print(SimulationText.render(summary, path: path.terminalSafe, width: TerminalText.width(environment: ProcessInfo.processInfo.environment)))
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
