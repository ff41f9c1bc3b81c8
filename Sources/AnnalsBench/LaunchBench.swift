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
    var rest = arguments[...]
    guard let deck = rest.popFirst(), let storePath = rest.popFirst(), !deck.hasPrefix("-"), !storePath.hasPrefix("-")
    else { throw BenchError.usage("launch DECK STORE [--rounds N]") }
    let rounds = try ScaleBench.option("--rounds", in: rest) ?? 9
    var unknown = Array(rest)
    if let at = unknown.firstIndex(of: "--rounds") { unknown.removeSubrange(at...at + 1) }
    if let first = unknown.first { throw BenchError.usage("launch DECK STORE [--rounds N] (not '\(first)')") }
    guard rounds >= 1 else { throw BenchError.usage("launch: --rounds takes a number of at least 1") }
    // An existing learner's store only: a mistyped path must not leave a new store (and a compiled deck) behind.
    guard FileManager.default.fileExists(atPath: storePath) else {
      throw BenchError.usage("launch DECK STORE: no store at '\(storePath)' (give a learner's existing store)")
    }
    let progress = URL(fileURLWithPath: storePath).deletingLastPathComponent()
    let names = ["open the compiled deck", "open the store", "deck changes and sync", "settings and scheduler",
                 "the queue", "the first card"]
    var times = [[Double]](repeating: [], count: names.count)
    let clock = ContinuousClock()
    for _ in 0..<rounds {
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
    // The first round, and the median of the others (the first round again when there are none).
    func warm(_ spent: [Double]) -> Double {
      let rest = spent.dropFirst().sorted()
      return rest.isEmpty ? spent[0] : rest[rest.count / 2]
    }
    func line(_ name: String, _ first: Double, _ median: Double) {
      print("  " + name.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%8.1f %8.1f", first, median))
    }
    for (name, spent) in zip(names, times) { line(name, spent[0], warm(spent)) }
    line("all", times.map { $0[0] }.reduce(0, +), times.map(warm).reduce(0, +))
  }
}
