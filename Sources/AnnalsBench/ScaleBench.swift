import DeckCache
import Foundation
import ProgressStore
import Scheduling
import Study

/// The pieces `scripts/bench-scale` builds its library from (it times the real `annals` binary beside Anki):
///
///   AnnalsBench scale-deck DIR [--events 5000]     writes DIR/bench.yaml and DIR/sources/text.txt (LintBench's deck)
///   AnnalsBench scale-log DECK LOG.csv [--cards 50000] [--reviews 1000000]
///                                                  a review log of the deck's first cards (fsrs CSV form)
///   AnnalsBench scale-store DECK STORE [--cards 50000] [--reviews 1000000]
///                                                  the same reviews answered into a learner's store directly
enum ScaleBench {
  static func deck(_ arguments: [String]) throws {
    var rest = arguments[...]
    guard let directory = rest.popFirst() else { throw BenchError.usage("scale-deck DIR [--events N]") }
    let events = try option("--events", in: rest) ?? 5_000
    let path = try LintBench.generate(events: events, in: URL(fileURLWithPath: directory))
    print(path)
  }

  /// `reviews` reviews spread over the deck's first `cards` cards: each card reviewed about every 30 days over
  /// two years, one answer in nine Again, the rest Good.
  static func reviews(deckPath: String, cards count: Int, reviews total: Int) throws -> [Answer] {
    let compiled = try DeckCache(directory: FileManager.default.temporaryDirectory.appendingPathComponent("annals-scale-cache"))
      .open(deckAt: deckPath)
    let ids = try compiled.entries().prefix(count).map(\.id)
    guard ids.count == count else { throw BenchError.usage("the deck has only \(ids.count) cards") }
    let perCard = max(1, total / count)
    let base = Date().addingTimeInterval(-Double(perCard) * 30 * 86_400 - 86_400)
    var answers: [Answer] = []
    answers.reserveCapacity(perCard * count)
    for round in 0..<perCard {
      for (index, id) in ids.enumerated() {
        let rating: Rating = (index + round) % 9 == 0 ? .again : .good
        answers.append(
          Answer(cardID: id, rating: rating, time: base.addingTimeInterval(Double(round) * 30 * 86_400 + Double(index))))
      }
    }
    return answers
  }

  static func log(_ arguments: [String]) throws {
    var rest = arguments[...]
    guard let deck = rest.popFirst(), let out = rest.popFirst() else {
      throw BenchError.usage("scale-log DECK LOG.csv [--cards N] [--reviews N]")
    }
    let answers = try reviews(
      deckPath: deck, cards: try option("--cards", in: rest) ?? 50_000, reviews: try option("--reviews", in: rest) ?? 1_000_000)
    var text = "card_id,review_time,review_rating\n"
    text.reserveCapacity(answers.count * 60)
    for answer in answers {
      text += "\(answer.cardID),\(Int64(answer.time.timeIntervalSince1970 * 1000)),\(answer.rating.rawValue)\n"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: out))
    print("\(answers.count) reviews of \(Set(answers.map(\.cardID)).count) cards → \(out)")
  }

  static func store(_ arguments: [String]) throws {
    var rest = arguments[...]
    guard let deck = rest.popFirst(), let path = rest.popFirst() else {
      throw BenchError.usage("scale-store DECK STORE [--cards N] [--reviews N]")
    }
    let answers = try reviews(
      deckPath: deck, cards: try option("--cards", in: rest) ?? 50_000, reviews: try option("--reviews", in: rest) ?? 1_000_000)
    let store = try ProgressStore(path: path)
    let material = try CompiledMaterial.open(
      paths: [deck], cache: DeckCache(directory: FileManager.default.temporaryDirectory.appendingPathComponent("annals-scale-cache")))
    _ = try material.sync(into: store, at: answers.first?.time ?? Date())
    let scheduler = try store.scheduler()
    var start = 0
    while start < answers.count {
      let end = min(answers.count, start + 50_000)
      try store.answerBatch(Array(answers[start..<end]), scheduler: scheduler)
      start = end
    }
    try store.close()
    print("\(answers.count) reviews → \(path)")
  }

  static func option(_ name: String, in arguments: ArraySlice<String>) throws -> Int? {
    guard let index = arguments.firstIndex(of: name) else { return nil }
    guard index + 1 < arguments.endIndex, let value = Int(arguments[index + 1]) else {
      throw BenchError.usage("\(name) takes a number")
    }
    return value
  }
}

enum BenchError: Error, CustomStringConvertible {
  case usage(String)
  var description: String {
    switch self {
    case .usage(let text): "usage: AnnalsBench \(text)"
    }
  }
}
