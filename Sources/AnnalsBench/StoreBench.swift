import Foundation
import ProgressStore
import Reports
import Scheduling
import StableRandom

/// Store figures: building the queue on 50,000 cards with 1,000,000 reviews, and answers committed per second.
func runStoreBench(directory: String) throws {
  let path = (directory as NSString).appendingPathComponent("bench-\(UUID().uuidString).sqlite")
  defer {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  }
  let store = try ProgressStore(path: path)
  var settings = try store.settings()
  settings.timeZone = "UTC"
  try store.saveSettings(settings)
  let cardCount = 50_000
  let records = (0..<cardCount).map {
    CardRecord(id: "card-\($0)", kind: "when", siblingGroup: "item-\($0 / 3)", tags: ["bench", "era-\($0 % 7)"])
  }
  let base = Date(timeIntervalSince1970: 1_700_000_000)
  var start = Date()
  _ = try store.sync(deck: DeckInfo(id: "bench", contentHash: "1", path: "-"), cards: records, at: base)
  print(String(format: "store: sync of %d new cards: %.2f s", cardCount, Date().timeIntervalSince(start)))

  // 1,000,000 reviews: 20 per card, spread over ~2 years, imported in batches of 50,000.
  let scheduler = try store.scheduler()
  var generator = SplitMix64(seed: 7)
  var batch: [Answer] = []
  batch.reserveCapacity(50_000)
  start = Date()
  var clock = base
  for round in 0..<20 {
    for card in 0..<cardCount {
      let roll = generator.next() % 100
      let rating: Rating = roll < 12 ? .again : roll < 20 ? .hard : roll < 92 ? .good : .easy
      let time = clock.addingTimeInterval(Double(card) * 0.5 + Double(round) * 36 * 86400)
      batch.append(Answer(cardID: "card-\(card)", rating: rating, time: time, typedAnswer: "x", verdict: "correct"))
    }
    try store.answerBatch(batch, scheduler: scheduler)
    batch.removeAll(keepingCapacity: true)
  }
  clock = base.addingTimeInterval(20 * 36 * 86400)
  let importSeconds = Date().timeIntervalSince(start)
  print(String(format: "store: import of 1,000,000 reviews (20 batches): %.1f s, %.0f reviews/s", importSeconds, 1e6 / importSeconds))

  start = Date()
  try store.vacuum()
  let bytes = try store.fileBytes()
  print(
    String(
      format: "store: %.1f bytes per review (page_count × page_size / 1,000,000 after VACUUM, %.1f s; file %.1f MB)",
      Double(bytes) / 1e6, Date().timeIntervalSince(start), Double(bytes) / 1e6))

  var best = Double.infinity
  let now = clock.addingTimeInterval(30 * 86400)
  var queue = try store.queue(at: now)
  for _ in 0..<5 {
    start = Date()
    queue = try store.queue(at: now)
    best = min(best, Date().timeIntervalSince(start))
  }
  let due = try store.dueCounts(at: now).first
  print(
    String(
      format: "store: queue on 50,000 cards / 1,000,000 reviews: %.1f ms (best of 5; %d cards queued, %d due today)",
      best * 1000, queue.count, due?.today ?? 0))
  start = Date()
  _ = try store.dueCounts(at: now)
  print(String(format: "store: due counts: %.1f ms", Date().timeIntervalSince(start) * 1000))

  // The learner report on this store, as `annals report --format json` makes it (weakest 50, no per-card array).
  var reportBest = Double.infinity
  var json = ""
  for _ in 0..<3 {
    start = Date()
    let reader = try ProgressStore(path: path, access: .readOnly)
    var builder = ReportBuilder(now: now)
    builder.weakestCount = 50
    var report = try builder.report(store: reader, learner: "bench")
    report.cards = []
    json = try JSONRenderer().render(report)
    try reader.close()
    reportBest = min(reportBest, Date().timeIntervalSince(start))
  }
  print(
    String(
      format: "store: learner report as JSON on 50,000 cards / 1,000,000 reviews: %.2f s (best of 3), %.2f MB",
      reportBest, Double(json.utf8.count) / 1e6))

  // Answers one transaction each (synchronous = FULL: each one fsynced).
  let cards = queue.isEmpty ? (0..<200).map { "card-\($0)" } : queue.ids
  let answers = 500
  start = Date()
  for index in 0..<answers {
    try store.answer(
      Answer(cardID: cards[index % cards.count], rating: .good, time: now.addingTimeInterval(Double(index))),
      scheduler: scheduler)
  }
  let answerSeconds = Date().timeIntervalSince(start)
  print(
    String(
      format: "store: %d answers committed one transaction each: %.0f answers/s (%.2f ms each)", answers,
      Double(answers) / answerSeconds, answerSeconds * 1000 / Double(answers)))
  start = Date()
  for _ in 0..<100 { try store.undoLastAnswer() }
  print(String(format: "store: undo: %.2f ms each", Date().timeIntervalSince(start) * 10))
  print("store: integrity_check: \(try store.integrityCheck())")
}
