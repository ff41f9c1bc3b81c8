import Foundation
import ProgressStore
import Reports
import Scheduling
import StableRandom

/// Report figures: a learner report on a store with 1,000,000 reviews, and a class report over 30 learners.
func runReportsBench(directory: String) throws {
  let root = (directory as NSString).appendingPathComponent("annals-reports-bench-\(UUID().uuidString)")
  try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: root) }
  let base = Date(timeIntervalSince1970: 1_700_000_000)
  let kinds = ["date", "actor", "place", "quantity", "name", "order"]
  let eras = ["background", "battle", "refugees", "politics"]

  /// Fills a store with `cards` cards and `reviews` reviews spread over `days` days, through `answerBatch`.
  func fill(_ path: String, cards: Int, reviews: Int, days: Int, seed: UInt64) throws -> Date {
    let store = try ProgressStore(path: path)
    defer { try? store.close() }
    var settings = try store.settings()
    settings.timeZone = "UTC"
    try store.saveSettings(settings)
    let records = (0..<cards).map {
      CardRecord(
        id: "card-\($0)", kind: kinds[$0 % kinds.count], siblingGroup: "item-\($0 / 3)", tags: ["topic-\($0 % 9)"],
        era: eras[$0 % eras.count])
    }
    _ = try store.sync(deck: DeckInfo(id: "bench", contentHash: "1", path: "-"), cards: records, at: base)
    let scheduler = try store.scheduler()
    var random = SplitMix64(seed: seed)
    let rounds = reviews / cards
    let spacing = Double(days) * 86400 / Double(rounds)
    var batch: [Answer] = []
    batch.reserveCapacity(50_000)
    for round in 0..<rounds {
      for card in 0..<cards {
        let roll = random.next() % 100
        let rating: Rating = roll < 12 ? .again : roll < 20 ? .hard : roll < 92 ? .good : .easy
        let typed = rating == .again ? ["Monte Melkonian", "April 3, 1992", "1,800", ""][Int(random.next() % 4)] : "right"
        let time = base.addingTimeInterval(Double(round) * spacing + Double(card) * spacing / Double(cards))
        batch.append(
          Answer(
            cardID: "card-\(card)", rating: rating, time: time, typedAnswer: typed,
            verdict: rating == .again ? "wrong" : "correct", responseMilliseconds: 2000 + Int(random.next() % 9000)))
        if batch.count == 50_000 {
          try store.answerBatch(batch, scheduler: scheduler)
          batch.removeAll(keepingCapacity: true)
        }
      }
    }
    if !batch.isEmpty { try store.answerBatch(batch, scheduler: scheduler) }
    return base.addingTimeInterval(Double(days) * 86400)
  }

  func best<T>(of runs: Int, _ body: () throws -> T) rethrows -> (T, Double) {
    var fastest = Double.infinity
    var result: T?
    for _ in 0..<runs {
      let start = Date()
      result = try body()
      fastest = min(fastest, Date().timeIntervalSince(start))
    }
    return (result!, fastest)
  }

  // One learner: 5,000 cards, 1,000,000 reviews over two years.
  let path = (root as NSString).appendingPathComponent("million.sqlite")
  var start = Date()
  let end = try fill(path, cards: 5000, reviews: 1_000_000, days: 730, seed: 1)
  print(String(format: "reports: filled a store with 1,000,000 reviews of 5,000 cards (answerBatch): %.1f s", Date().timeIntervalSince(start)))
  let now = end.addingTimeInterval(86400)
  let (report, seconds) = try best(of: 3) { () throws -> LearnerReport in
    let store = try ProgressStore(path: path, access: .readOnly)
    defer { try? store.close() }
    return try ReportBuilder(now: now).report(store: store, learner: "million")
  }
  print(
    String(
      format: "reports: learner report on 1,000,000 reviews (open read-only + aggregate): %.0f ms (best of 3; %d reviews, %d days)",
      seconds * 1000, report.activity.totalReviews, report.activity.daysStudied))
  start = Date()
  let digestStore = try ProgressStore(path: path, access: .readOnly)
  _ = try digestStore.reviewDigest()
  try digestStore.close()
  print(String(format: "reports:   of which the digest of the review log (one pass): %.0f ms", Date().timeIntervalSince(start) * 1000))
  for (name, render) in [
    ("text", { _ = TextRenderer(width: 100).render(report) }),
    ("markdown", { _ = MarkdownRenderer().render(report) }),
    ("html", { _ = HTMLRenderer().render(report) }),
    ("json", { _ = try? JSONRenderer().render(report) }),
    ("csv", { _ = try? CSVRenderer().render(report) }),
  ] as [(String, () -> Void)] {
    let (_, renderSeconds) = best(of: 3) { render() }
    print(String(format: "reports:   render %@ (5,000 cards): %.1f ms", name, renderSeconds * 1000))
  }

  // A class: 30 learners, 200 cards and 20,000 reviews each.
  let classDirectory = (root as NSString).appendingPathComponent("class")
  try FileManager.default.createDirectory(atPath: classDirectory, withIntermediateDirectories: true)
  start = Date()
  var classEnd = base
  for learner in 0..<30 {
    classEnd = try fill(
      (classDirectory as NSString).appendingPathComponent("learner-\(learner).sqlite"), cards: 200, reviews: 20_000,
      days: 180, seed: UInt64(100 + learner))
  }
  print(String(format: "reports: filled 30 stores of 20,000 reviews each: %.1f s", Date().timeIntervalSince(start)))
  let (classReport, classSeconds) = try best(of: 3) {
    try ClassReportBuilder(now: classEnd.addingTimeInterval(86400)).report(directory: classDirectory)
  }
  let (_, classRender) = best(of: 3) { _ = HTMLRenderer().render(classReport) }
  print(
    String(
      format: "reports: class report over 30 learners / 600,000 reviews: %.0f ms (best of 3; %d students, %d items); HTML render %.1f ms",
      classSeconds * 1000, classReport.students.count, classReport.items.count, classRender * 1000))
}
