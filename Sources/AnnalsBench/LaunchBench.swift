import DeckCache
import Foundation
import ProgressStore
import Study

/// The steps of a study launch, timed one by one in this process on an existing workspace: where the time to the
/// first card goes, without a profiler's overhead. The first round is the cold one a launch pays (the process's
/// first conformance lookups, SQLite's first reads of the files); the median of the later rounds is each step's own
/// cost once the page cache and the runtime are warm.
///
/// `AnnalsBench launch DECK STORE [--rounds N]` (scripts/bench-scale's workspace fits: its deck and its store).
enum LaunchBench {
  static func run(_ arguments: [String]) throws {
    guard arguments.count >= 2 else { throw BenchError.usage("launch DECK STORE [--rounds N]") }
    let deck = arguments[0]
    let storePath = arguments[1]
    let rounds = arguments.firstIndex(of: "--rounds").flatMap { arguments.dropFirst($0 + 1).first.flatMap(Int.init) } ?? 9
    let progress = URL(fileURLWithPath: storePath).deletingLastPathComponent()
    let names = ["open the compiled deck", "open the store", "deck changes and sync", "settings and scheduler",
                 "the queue", "the first card"]
    var times = [[Double]](repeating: [], count: names.count)
    let clock = ContinuousClock()
    for _ in 0..<max(1, rounds) {
      var step = 0
      func timed<T>(_ body: () throws -> T) rethrows -> T {
        var result: T?
        let spent = try clock.measure { result = try body() }
        times[step].append(Double(spent.components.attoseconds) / 1e15 + Double(spent.components.seconds) * 1e3)
        step += 1
        return result!
      }
      let (material, _) = try timed { try CompiledMaterial.openUsable(paths: [deck], cache: DeckCache(progressDirectory: progress)) }
      let store = try timed { try ProgressStore(path: storePath) }
      try timed {
        _ = try material.changes(since: store)
        _ = try material.sync(into: store, at: Date())
      }
      let options = try timed { () throws -> QueueOptions in
        _ = try store.settings()
        _ = try store.scheduler(forDeck: material.deckIDs.first)
        return QueueOptions(decks: material.deckIDs)
      }
      let queue = try timed { try store.queue(at: Date(), options: options) }
      let card = try timed { try material.cards.cards(Array(queue.ids.prefix(1))) }
      if card.isEmpty && !queue.ids.isEmpty { throw BenchError.usage("launch: the queue's first card is in no deck given") }
      material.judge.settle()
    }
    print("launch steps, \(rounds) rounds in one process (ms): first round, then the median of the others")
    for (name, spent) in zip(names, times) {
      let rest = spent.dropFirst().sorted()
      let median = rest.isEmpty ? spent[0] : rest[rest.count / 2]
      print("  " + name.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%8.1f %8.1f", spent[0], median))
    }
    let firsts = times.map { $0[0] }.reduce(0, +)
    let medians = times.map { s in s.count > 1 ? s.dropFirst().sorted()[(s.count - 1) / 2] : s[0] }.reduce(0, +)
    print("  " + "all".padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%8.1f %8.1f", firsts, medians))
  }
}
