import ArgumentParser
import Foundation
import ProgressStore

/// `annals due`: what is due now, today and this week, per deck.
struct DueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "due",
    abstract: "Show what is due now, today and this week, per deck.",
    discussion: """
      'now' counts learning and review cards due at this moment, 'today' those due before the study day ends \
      (a study day starts at the rollover hour, 4:00 by default), 'week' those due in the next seven study days. \
      'new' counts cards not yet studied; 'queue' is what a session would show now, within the daily limits.
      """)

  @OptionGroup var storeOptions: StoreOptions

  @Option(name: .customLong("deck"), help: "Only this deck (repeatable).")
  var decks: [String] = []

  @Option(name: .customLong("tag"), help: "Only cards with this tag or era (repeatable).")
  var tags: [String] = []

  @Option(
    help: ArgumentHelp(
      "Review ahead: count the queue as if studying for an exam on this date (YYYY-MM-DD, learner's time zone).",
      valueName: "date"))
  var until: String?

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func run() throws {
    let store = try storeOptions.open()
    let now = Date()
    do {
      let ahead = try DeckPaths.date(until, option: "--until", timeZone: try store.settings().clock.timeZone)
      if let ahead, ahead < now { throw CommandError("--until '\(until ?? "")' is in the past") }
      let options = QueueOptions(decks: decks, tags: tags, until: ahead)
      let counts = try store.dueCounts(at: now, options: options)
      var perDeckQueue: [String: Int] = [:]
      for deck in counts {
        perDeckQueue[deck.deck] = try store.queue(at: now, options: QueueOptions(decks: [deck.deck], tags: tags, until: ahead)).count
      }
      // Every card the whole queue could hold is in a deck `counts` lists (the same selection, visible cards only),
      // and the daily limits are the learner's, not a deck's: with one deck listed, its queue is the whole queue.
      let total = try counts.count == 1 ? perDeckQueue[counts[0].deck] ?? 0 : store.queue(at: now, options: options).count
      if json {
        struct Output: Encodable {
          let decks: [Deck]
          let queue: Int
          struct Deck: Encodable {
            let deck: String
            let now, today, week, new, total, queue: Int
          }
        }
        let output = Output(
          decks: counts.map {
            .init(deck: $0.deck, now: $0.now, today: $0.today, week: $0.week, new: $0.new, total: $0.total,
              queue: perDeckQueue[$0.deck] ?? 0)
          }, queue: total)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
        return
      }
      if counts.isEmpty {
        print("No cards yet: study a deck first (annals study DECK).")
        return
      }
      let rows = counts.map {
        [$0.deck.terminalSafe, "\($0.now)", "\($0.today)", "\($0.week)", "\($0.new)", "\(perDeckQueue[$0.deck] ?? 0)"]
      }
      let header = ["deck", "now", "today", "week", "new", "queue"]
      let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
      func line(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
          index == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
            : String(repeating: " ", count: max(0, widths[index] - cell.count)) + cell
        }.joined(separator: "  ")
      }
      print(line(header))
      for row in rows { print(line(row)) }
      if counts.count > 1 {
        let sum = { (key: KeyPath<DueCounts, Int>) in "\(counts.map { $0[keyPath: key] }.reduce(0, +))" }
        print(line(["all", sum(\.now), sum(\.today), sum(\.week), sum(\.new), "\(total)"]))
      }
    } catch let error as StoreError {
      throw CommandError(error.description)
    }
  }
}
