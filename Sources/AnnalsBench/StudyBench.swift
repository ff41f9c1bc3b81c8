import Foundation
import LineEditing
import ProgressStore
import Scheduling
import Study

/// Study figures, in process: deck load to first card, and answer to next card, on the Kalbajar deck in a fresh
/// store and in a store that also holds 50,000 other cards with 500,000 reviews.
///
/// `scripts/bench-study` measures the same through a pseudo-terminal on the release binary (process launch included).
func runStudyBench(deckPath: String, directory: String, keepLargeStoreAt keepPath: String? = nil) throws {
  for large in [false, true] {
    let path = keepPath.flatMap { large ? $0 : nil }
      ?? (directory as NSString).appendingPathComponent("study-bench-\(UUID().uuidString).sqlite")
    defer {
      if keepPath == nil || !large {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
      }
    }
    let label = large ? "kalbajar in a 50,000-card store" : "kalbajar, fresh store"
    if large { try fillLargeStore(path: path) }

    let launch = Date()
    let material = try StudyMaterial.load(paths: [deckPath])
    let loaded = Date()
    let store = try ProgressStore(path: path)
    _ = try material.sync(into: store, paths: [deckPath], at: Date())
    let synced = Date()
    let reader = TimingReader(answers: material.cards.count)
    let session = StudySession(
      store: store, scheduler: try store.scheduler(), cards: material.cards, decks: material.decks, reader: reader,
      output: DiscardingOutput(), options: QueueOptions(decks: material.decks.map(\.id), newLimit: 20))
    _ = try session.run()
    guard let firstPrompt = reader.firstPrompt else { throw StudyError.noCards("no card was shown") }
    let gaps = reader.answerToNextCard.sorted()
    let median = gaps.isEmpty ? 0 : gaps[gaps.count / 2]
    print(
      String(
        format: "study (%@): deck load %.0f ms, store open+sync %.0f ms, to first card %.0f ms in process",
        label, loaded.timeIntervalSince(launch) * 1000, synced.timeIntervalSince(loaded) * 1000,
        firstPrompt.timeIntervalSince(launch) * 1000))
    print(
      String(
        format: "study (%@): answer to next card %.1f ms median, %.1f ms max over %d answers", label, median * 1000,
        (gaps.last ?? 0) * 1000, gaps.count))
  }
}

/// A store with 50,000 cards of a synthetic deck and 500,000 reviews (10 per card), half of them due.
func fillLargeStore(path: String) throws {
  let store = try ProgressStore(path: path)
  let count = 50_000
  let records = (0..<count).map {
    CardRecord(id: "bulk-\($0)", kind: "date", siblingGroup: "bulk-item-\($0 / 2)", tags: ["bulk"])
  }
  let base = Date().addingTimeInterval(-400 * 86400)
  _ = try store.sync(deck: DeckInfo(id: "bulk", contentHash: "1", path: "-"), cards: records, at: base)
  let scheduler = try store.scheduler()
  var batch: [Answer] = []
  for round in 0..<10 {
    for card in 0..<count {
      let rating: Rating = (card + round) % 9 == 0 ? .again : .good
      batch.append(
        Answer(
          cardID: "bulk-\(card)", rating: rating,
          time: base.addingTimeInterval(Double(round) * 30 * 86400 + Double(card))))
    }
    try store.answerBatch(batch, scheduler: scheduler)
    batch.removeAll(keepingCapacity: true)
  }
  try store.close()
}

/// Answers every card with its expected answer and accepts the grade, timing prompt to prompt.
private final class TimingReader: LineReader {
  var completionWords: [String] = []
  private(set) var firstPrompt: Date?
  private(set) var answerToNextCard: [TimeInterval] = []
  private var gradedAt: Date?
  private var remaining: Int
  private var pendingGrade = false

  init(answers: Int) { remaining = answers }

  func readLine(prompt: String, remember: Bool) -> ReadResult {
    let now = Date()
    if firstPrompt == nil { firstPrompt = now }
    if pendingGrade {
      pendingGrade = false
      gradedAt = Date()
      return .line("good")
    }
    if let gradedAt {
      answerToNextCard.append(now.timeIntervalSince(gradedAt))
      self.gradedAt = nil
    }
    guard remaining > 0 else { return .endOfInput }
    remaining -= 1
    pendingGrade = true
    return .line("1993")
  }

  func close() {}
}

private final class DiscardingOutput: SessionOutput {
  func write(_ text: String) {}
}
