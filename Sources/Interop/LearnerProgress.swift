import Foundation
import ProgressStore
import Scheduling

/// A learner's progress in Anki's terms, both ways: store cards and reviews → Anki card states and revlog rows,
/// and an Anki revlog → the answers that rebuild the history in a store.
public enum LearnerProgress {
  /// One card's scheduling and history, ready to write into a package.
  public struct Card: Sendable, Equatable {
    public var state: CardState
    public var suspended: Bool
    /// Revlog rows (their `cardID` is set when written).
    public var reviews: [AnkiCollection.Review]

    public init(state: CardState, suspended: Bool, reviews: [AnkiCollection.Review]) {
      self.state = state
      self.suspended = suspended
      self.reviews = reviews
    }

    /// The `cards` row fields for a collection created at `created` (epoch seconds).
    func ankiCard(created: Int64) -> (
      type: Int, queue: Int, due: Int64, interval: Int, factor: Int, reps: Int, lapses: Int, data: String
    ) {
      let type: Int
      var queue: Int
      var due: Int64
      switch state.phase {
      case .new:
        type = 0
        queue = 0
        due = 0
      case .learning, .relearning:
        type = state.phase == .learning ? 1 : 3
        queue = 1
        due = Int64(state.due.timeIntervalSince1970)
      case .review:
        type = 2
        queue = 2
        due = Int64(((state.due.timeIntervalSince1970 - Double(created)) / 86_400).rounded(.down))
      }
      if suspended { queue = -1 }
      let factor = state.ease.map { Int(($0 * 1000).rounded()) } ?? (state.phase == .new ? 0 : 2500)
      var data = "{}"
      if let s = state.stability, let d = state.difficulty {
        var memory = "{\"s\":\(Self.decimal(s)),\"d\":\(Self.decimal(d))"
        if let last = state.lastReview { memory += ",\"lrt\":\(Int64(last.timeIntervalSince1970))" }
        data = memory + "}"
      }
      return (
        type, queue, due, state.phase == .review || state.phase == .relearning ? max(1, state.scheduledDays) : 0,
        factor, state.reps, state.lapses, data
      )
    }

    static func decimal(_ value: Double) -> String { String(format: "%.4f", value) }
  }

  /// The progress of each of `cardIDs` in the store at `path`, opened read-only; cards never studied are left out.
  public static func read(storeAt path: String, cardIDs: [String]) throws(InteropError) -> [String: Card] {
    guard FileManager.default.fileExists(atPath: path) else {
      throw InteropError(file: path, "no such learner store", hint: "study the deck first, or check --learner")
    }
    do {
      let store = try ProgressStore(path: path, access: .readOnly)
      defer { try? store.close() }
      let wanted = Set(cardIDs)
      var result: [String: Card] = [:]
      var byCard: [String: [StoredReview]] = [:]
      for review in try store.reviews() where wanted.contains(review.cardID) && !review.undone {
        byCard[review.cardID, default: []].append(review)
      }
      for stored in try store.cards() where wanted.contains(stored.id) {
        let reviews = (byCard[stored.id] ?? []).sorted { $0.time < $1.time }
        guard stored.state.phase != .new || !reviews.isEmpty else { continue }
        result[stored.id] = Card(state: stored.state, suspended: stored.suspended, reviews: reviews.map(revlogRow))
      }
      return result
    } catch {
      throw InteropError(file: path, "cannot read the learner's store (\(error))")
    }
  }

  /// A stored review as a revlog row: the interval after (days, or negative seconds while in steps), the one
  /// before, the ease factor (FSRS: from difficulty, as Anki writes it), time taken and review type.
  static func revlogRow(_ review: StoredReview) -> AnkiCollection.Review {
    func interval(_ state: CardState, from time: Date) -> Int {
      if state.phase == .review { return max(1, state.scheduledDays) }
      return -max(1, Int(state.due.timeIntervalSince(time).rounded()))
    }
    let before = review.stateBefore
    let after = review.stateAfter
    let lastInterval: Int
    switch before.phase {
    case .new: lastInterval = 0
    case .review: lastInterval = max(1, before.scheduledDays)
    case .learning, .relearning:
      lastInterval = before.lastReview.map { -max(1, Int(before.due.timeIntervalSince($0).rounded())) } ?? 0
    }
    let factor: Int
    if let d = after.difficulty {
      factor = Int((((d - 1) / 9 + 0.1) * 1000).rounded())
    } else {
      factor = Int(((after.ease ?? 2.5) * 1000).rounded())
    }
    let type: Int
    switch before.phase {
    case .new, .learning: type = 0
    case .review: type = 1
    case .relearning: type = 2
    }
    return AnkiCollection.Review(
      id: Int64((review.time.timeIntervalSince1970 * 1000).rounded()), cardID: 0, ease: review.rating.rawValue,
      interval: interval(after, from: review.time), lastInterval: lastInterval, factor: factor,
      time: min(max(review.responseMilliseconds ?? 0, 0), 60_000), type: type)
  }

  /// What an Anki revlog gives a store: the answers, in time order, after Anki's own FSRS filter.
  public struct History: Sendable, Equatable {
    public var answers: [Answer]
    /// Rows left out: manual (ease 0), cram (type 3, factor 0) and rows before a card's last reset.
    public var skipped: Int
  }

  /// The answers of `collection`'s revlog for the cards in `cardIDs` (Anki card id → Annals card id).
  ///
  /// As Anki's FSRS reads a revlog: rows of cram sessions (type 3 with factor 0) are skipped, a card's history
  /// starts after its last reset (type 4 with factor 0), and only rows with ease 1–4 are answers.
  public static func history(_ collection: AnkiCollection, cardIDs: [Int64: String]) -> History {
    var answers: [Answer] = []
    var skipped = 0
    let byCard = Dictionary(grouping: collection.reviews, by: \.cardID)
    for (ankiID, rows) in byCard {
      guard let cardID = cardIDs[ankiID] else {
        skipped += rows.count
        continue
      }
      let ordered = rows.sorted { $0.id < $1.id }
      let lastReset = ordered.lastIndex { $0.type == 4 && $0.factor == 0 }
      for (i, row) in ordered.enumerated() {
        if let lastReset, i <= lastReset {
          skipped += 1
          continue
        }
        guard let rating = Rating(rawValue: row.ease), !(row.type == 3 && row.factor == 0), row.type != 4, row.type != 5
        else {
          skipped += 1
          continue
        }
        answers.append(
          Answer(
            cardID: cardID, rating: rating, time: Date(timeIntervalSince1970: Double(row.id) / 1000),
            typedAnswer: nil, verdict: nil, responseMilliseconds: row.time > 0 ? row.time : nil))
      }
    }
    answers.sort { ($0.time, $0.cardID) < ($1.time, $1.cardID) }
    return History(answers: answers, skipped: skipped)
  }
}
