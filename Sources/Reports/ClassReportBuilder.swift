import CardBuilder
import Foundation
import ProgressStore
import Scheduling

/// Computes a `ClassReport` from a folder of learners' stores, each opened read-only; a store that cannot be read
/// is listed with the reason and the rest of the report still renders.
public struct ClassReportBuilder: Sendable {
  /// The moment the report describes.
  public var now: Date
  /// What the decks say about their cards.
  public var catalogs: [any ReportDeck]
  /// Only this deck (nil: all).
  public var deck: String?

  /// A builder for the moment `now`.
  public init(now: Date, catalogs: [any ReportDeck] = [], deck: String? = nil) {
    self.now = now
    self.catalogs = catalogs
    self.deck = deck
  }

  /// Why a store could not be read, as a short problem name and the reason in words.
  public static func problem(_ error: StoreError) -> (problem: String, reason: String) {
    switch error {
    case .newerSchema(_, let found, let supported):
      return ("newer-schema", "written by a newer Annals (store schema \(found); this Annals reads up to \(supported))")
    case .busy:
      return ("locked", "another program holds a lock on it; close the session using it and run the report again")
    case .database(let path, let message, let code):
      let primary = code & 0xFF
      if StoreError.failure(code: code, path: path) == .permissionDenied {
        return ("permission-denied", "you may not read this file (its owner, or an administrator, can let you)")
      }
      if primary == 11 || primary == 26 { return ("corrupt", "not a readable SQLite database (\(message))") }
      if primary == 5 || primary == 6 { return ("locked", message) }
      return ("unreadable", message)
    case .corrupt(let message):
      return ("corrupt", message)
    case .unknownCard(let id), .notInDeck(let id, _):
      return ("unreadable", "unknown card \(id)")
    case .readOnly:
      return ("unreadable", error.description)
    }
  }

  /// The class report over every `*.sqlite` file in `directory`, in name order.
  public func report(directory: String) throws(ReportError) -> ClassReport {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".sqlite") }.sorted()
    } catch {
      throw .unreadableDirectory(path: directory, reason: (error as NSError).localizedDescription)
    }
    // Each run of learners (one run per core) is read on its own core; within a run, each learner's report is
    // folded into the run's item tallies as soon as it is built and then dropped, so memory holds one learner's
    // store data per core, not every review of every learner. The runs are joined in name order, which gives the
    // report one run would give (`ClassReportTests`).
    let ranges =
      runs.map { ParallelRuns.ranges(names.count, runs: $0) } ?? ParallelRuns.ranges(names.count, minimumPerRun: 1)
    let parts = ParallelRuns.each(ranges) { range in read(names[range], in: directory) }
    var whole = Part()
    for part in parts { whole.append(part) }
    return ClassReport(
      directory: directory, generatedAt: now, students: whole.students,
      items: try ReportError.readingDeck { try Self.items(whole.tallies, catalogs: catalogs) },
      unreadable: whole.unreadable)
  }

  /// How many runs the learners are read in (nil: one per core): tests hold a class split any way to the report
  /// of one run.
  var runs: Int?

  /// What a run of learners gave: their rows, the stores that could not be read, and the item tallies.
  struct Part: Sendable {
    var students: [StudentRow] = []
    var unreadable: [UnreadableStore] = []
    var tallies = ItemTallies()

    /// This part, then `later`'s learners.
    mutating func append(_ later: Part) {
      students += later.students
      unreadable += later.unreadable
      tallies.append(later.tallies)
    }
  }

  /// The learners of the stores `names` (file names in `directory`), in order.
  func read(_ names: ArraySlice<String>, in directory: String) -> Part {
    var part = Part()
    var builder = ReportBuilder(now: now, catalogs: catalogs, deck: deck)
    // The items' text is looked up once for the class (`items`), not once per learner.
    builder.cardText = .shown
    for name in names {
      let path = (directory as NSString).appendingPathComponent(name)
      let learner = String(name.dropLast(".sqlite".count))
      do {
        let store = try ProgressStore(path: path, access: .readOnly)
        defer { try? store.close() }
        let report = try builder.report(store: store, learner: learner)
        part.tallies.add(report)
        part.students.append(Self.row(report))
      } catch let error as StoreError {
        let (problem, reason) = Self.problem(error)
        part.unreadable.append(UnreadableStore(file: name, problem: problem, reason: reason))
      } catch let error as ReportError {
        if case .store(let storeError) = error {
          let (problem, reason) = Self.problem(storeError)
          part.unreadable.append(UnreadableStore(file: name, problem: problem, reason: reason))
        } else {
          part.unreadable.append(UnreadableStore(file: name, problem: "unreadable", reason: error.description))
        }
      } catch {
        part.unreadable.append(UnreadableStore(file: name, problem: "unreadable", reason: String(describing: error)))
      }
    }
    return part
  }

  static func row(_ report: LearnerReport) -> StudentRow {
    let active = report.activity.days.last?.date
    let scores = report.quizzes.map(\.score)
    return StudentRow(
      learner: report.learner, reviews: report.activity.totalReviews,
      retention: report.retention.rate.map { ReportBuilder.rounded($0, 4) }, knowledge: report.estimatedKnowledge,
      studied: report.studiedCards, cards: report.states.total - report.states.retired, lastActive: active,
      streak: report.activity.currentStreak, quizzes: scores.count,
      quizMean: scores.isEmpty ? nil : ReportBuilder.rounded(scores.reduce(0, +) / Double(scores.count), 4),
      lastQuiz: scores.last)
  }

  /// Per card, what the learners read so far did with it.
  struct ItemTallies: Sendable {
    struct Tally: Sendable {
      var category = CardCategory.other
      var deck = ""
      var learners = 0
      var firstPassed = 0
      var attempts = 0
      var passed = 0
      var recall: [Double] = []
      var wrong: [(text: String, count: Int)] = []
    }
    var byCard: [String: Tally] = [:]

    /// Adds one learner's answered cards.
    mutating func add(_ report: LearnerReport) {
      for card in report.cards where card.reviews > 0 {
        var tally = byCard[card.id] ?? Tally()
        tally.category = card.category
        tally.deck = card.deck
        tally.learners += 1
        tally.attempts += card.reviews
        tally.passed += card.passed
        if card.firstPassed == true { tally.firstPassed += 1 }
        if let r = card.retrievability { tally.recall.append(r) }
        tally.wrong += card.wrongAnswers.map { ($0.answer, $0.count) }
        byCard[card.id] = tally
      }
    }

    /// Adds the tallies of learners read after these, as `add` of each of their reports in turn would.
    mutating func append(_ later: ItemTallies) {
      for (id, next) in later.byCard {
        guard var tally = byCard[id] else {
          byCard[id] = next
          continue
        }
        tally.category = next.category
        tally.deck = next.deck
        tally.learners += next.learners
        tally.attempts += next.attempts
        tally.passed += next.passed
        tally.firstPassed += next.firstPassed
        tally.recall += next.recall
        tally.wrong += next.wrong
        byCard[id] = tally
      }
    }
  }

  /// Per card, over every learner who answered it; the least known first.
  static func items(_ reports: [LearnerReport], catalogs: [any ReportDeck]) throws -> [ItemAnalysis] {
    var tallies = ItemTallies()
    for report in reports { tallies.add(report) }
    return try items(tallies, catalogs: catalogs)
  }

  /// The item analysis from tallies over the learners read.
  static func items(_ all: ItemTallies, catalogs: [any ReportDeck]) throws -> [ItemAnalysis] {
    let tallies = all.byCard
    let catalogByDeck = Dictionary(catalogs.map { ($0.deckID, $0) }, uniquingKeysWith: { first, _ in first })
    // Each item's text from whichever deck has its id first; confusions are named against its own deck.
    let texts = try ReportTexts(decks: catalogs).cards(ids: Array(tallies.keys))
    var items: [ItemAnalysis] = []
    for (id, tally) in tallies {
      let text = texts[id]?.card
      let catalog = tally.wrong.isEmpty ? nil : try catalogByDeck[tally.deck]?.catalog()
      let card = text
      let overall = tally.attempts > 0 ? Double(tally.passed) / Double(tally.attempts) : 0
      let meanRecall = tally.recall.isEmpty ? nil : tally.recall.reduce(0, +) / Double(tally.recall.count)
      items.append(
        ItemAnalysis(
          id: id, category: tally.category, prompt: text?.prompt, answer: text?.answer, source: text?.source,
          learners: tally.learners,
          firstSightCorrect: ReportBuilder.rounded(Double(tally.firstPassed) / Double(max(tally.learners, 1)), 4),
          overallCorrect: ReportBuilder.rounded(overall, 4), attempts: tally.attempts,
          meanRetrievability: meanRecall.map { ReportBuilder.rounded($0, 4) },
          wrongAnswers: Confusions.group(tally.wrong, card: card, catalog: catalog)))
    }
    // Rank by the share correct pulled towards the class's own rate with the weight of `priorAnswers` answers,
    // so a card answered twice by one student does not outrank one the whole class keeps missing.
    let attempts = tallies.values.map(\.attempts).reduce(0, +)
    let classRate = attempts > 0 ? Double(tallies.values.map(\.passed).reduce(0, +)) / Double(attempts) : 0
    func need(_ item: ItemAnalysis) -> Double {
      let passed = item.overallCorrect * Double(item.attempts)
      return (passed + classRate * priorAnswers) / (Double(item.attempts) + priorAnswers)
    }
    return items.map { ($0, need($0)) }.sorted {
      ($0.1, $0.0.meanRetrievability ?? 0, $0.0.id) < ($1.1, $1.0.meanRetrievability ?? 0, $1.0.id)
    }.map(\.0)
  }

  /// How many answers' weight the class's overall rate has in an item's ranking.
  static let priorAnswers = 10.0
}
