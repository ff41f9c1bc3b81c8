import CardBuilder
import DeckCache
import EventDeck
import Foundation

/// Where the time goes when a deck has just changed and its cards are compiled again, timed step by step in this
/// process: reading and checking the deck, building its cards, encoding the deck's record, and the whole compile
/// (all of those plus the card rows and the SQLite file), each round into an empty cache folder.
///
/// `AnnalsBench compile DECK [--rounds N]` prints each step's median over the rounds (default 5).
enum CompileBench {
  static func run(_ arguments: [String]) throws {
    var rest = arguments[...]
    guard let path = rest.popFirst(), !path.hasPrefix("-") else { throw BenchError.usage("compile DECK [--rounds N]") }
    let rounds = try ScaleBench.option("--rounds", in: rest) ?? 5
    var unknown = Array(rest)
    if let at = unknown.firstIndex(of: "--rounds") { unknown.removeSubrange(at...min(at + 1, unknown.count - 1)) }
    if let first = unknown.first { throw BenchError.usage("compile DECK [--rounds N] (not '\(first)')") }
    guard rounds >= 1 else { throw BenchError.usage("compile: --rounds takes a number of at least 1") }
    guard let bytes = FileManager.default.contents(atPath: path) else {
      throw BenchError.usage("compile: cannot read the deck '\(path)' (give the path of a deck file)")
    }
    let base = URL(fileURLWithPath: path).deletingLastPathComponent()
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("annals-compile-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let names = ["read and check the deck", "build the cards", "encode the deck's record (JSON)", "whole compile"]
    var times = [[Double]](repeating: [], count: names.count)
    let clock = ContinuousClock()
    func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15 }
    var cardCount = 0
    for round in 0..<rounds {
      var deck: Deck?
      times[0].append(ms(clock.measure { deck = DeckLoader.lint(data: bytes, path: path, baseDirectory: base).deck }))
      guard let deck else { throw BenchError.usage("compile: \(path) has errors (see `annals lint`)") }
      times[1].append(ms(clock.measure { cardCount = CardBuilder(deck: deck).cards().count }))
      times[2].append(ms(clock.measure { _ = try? JSONEncoder().encode(deck) }))
      let folder = scratch.appendingPathComponent("\(round)")
      let cache = DeckCache(progressDirectory: folder)
      var compiled = 0
      times[3].append(ms(try clock.measure { compiled = try cache.cards(deckAt: path).count }))
      try? FileManager.default.removeItem(at: folder)
      guard compiled > 0 else { throw BenchError.usage("compile: no cards from \(path)") }
    }
    print("compile \(path): \(cardCount) cards built, \(rounds) rounds (median ms, whole range)")
    for (name, spent) in zip(names, times) {
      let sorted = spent.sorted()
      let label = name.padding(toLength: 34, withPad: " ", startingAt: 0)
      print("  " + label + String(format: "%8.1f  (%.1f–%.1f)", sorted[sorted.count / 2], sorted[0], sorted[sorted.count - 1]))
    }
  }
}
