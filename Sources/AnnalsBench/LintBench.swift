import EventDeck
import Foundation

/// Time to read and check a deck: `AnnalsBench lint [DECK...]`; without a deck, a generated deck of 10,000 events
/// (`--events N` for another size), every event quoting its own sentence of a generated source text.
enum LintBench {
  static func run(_ arguments: [String]) throws {
    var events = 10_000
    var paths: [String] = []
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      if argument == "--events", let n = rest.popFirst().flatMap(Int.init) {
        events = n
      } else {
        paths.append(argument)
      }
    }
    for path in paths { measure(path: path, label: path) }
    guard paths.isEmpty else { return }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("annals-lint-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = try generate(events: events, in: directory)
    measure(path: path, label: "generated deck, \(events) events")
  }

  /// Lints `path` several times and prints the best and median wall-clock times.
  static func measure(path: String, label: String, runs: Int = 5) {
    var times: [Double] = []
    var report: DeckReport?
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      report = DeckLoader.lint(fileAt: path)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    let deck = report?.deck
    print(
      "lint \(label): \(size / 1024) KiB, \(deck?.events.count ?? 0) events, \(report?.errorCount ?? 0) errors, "
        + "\(report?.warningCount ?? 0) warnings; best \(format(times[0])) ms, median \(format(times[runs / 2])) ms "
        + "(\(runs) runs)")
  }

  static func format(_ ms: Double) -> String { String(format: "%.1f", ms) }

  /// Writes a deck of `count` events, each quoting its own sentence of a generated source text.
  static func generate(events count: Int, in directory: URL) throws -> String {
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("sources"), withIntermediateDirectories: true)
    var sentences: [String] = []
    var deck = Deck(
      id: "bench", title: "Generated", sources: [Source(key: "text", title: "Generated text", file: "sources/text.txt")]
    )
    for i in 0..<200 {
      deck.places.append(
        Entity(
          id: "place-\(i)", kind: .place, name: "Place \(i)", type: "village",
          source: Quote(text: "Place \(i) is a village.")))
      deck.people.append(
        Entity(
          id: "person-\(i)", kind: .person, name: "Person \(i)", role: "commander \(i)",
          source: Quote(text: "Person \(i) was commander \(i).")))
      sentences += ["Place \(i) is a village.", "Person \(i) was commander \(i)."]
    }
    for i in 0..<count {
      let day = 1 + i % 28
      let month = 1 + (i / 28) % 12
      let sentence =
        "On day \(day) of month \(month), person \(i % 200) led event number \(i) at place \(i % 200), with \(i * 7) soldiers."
      sentences.append(sentence)
      deck.events.append(
        Event(
          id: "event-\(i)", title: "event number \(i)", summary: "Event \(i) happened.",
          date: DateSpec(start: HistoricalDate(year: 1900 + i / 336, month: month, day: day)),
          places: ["place-\(i % 200)"], actors: ["person-\(i % 200)"],
          quantities: [Quantity(id: "soldiers", value: Double(i * 7), qualifier: .about, counts: "soldiers took part")],
          tags: ["generated"], source: Quote(text: sentence)))
    }
    try Data(sentences.joined(separator: " ").utf8).write(to: directory.appendingPathComponent("sources/text.txt"))
    let path = directory.appendingPathComponent("bench.yaml").path
    try Data(DeckWriter.yaml(for: deck).utf8).write(to: URL(fileURLWithPath: path))
    return path
  }
}
