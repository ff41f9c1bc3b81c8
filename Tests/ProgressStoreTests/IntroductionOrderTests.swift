import Scheduling
import Testing

@testable import ProgressStore

/// A small deck for `IntroductionOrder`: cards written "kind@group", dates being `date`/`event` kinds.
private func deck(_ cards: String) -> [IntroductionOrder.Candidate] {
  cards.split(separator: " ").map {
    let parts = $0.split(separator: "@").map(String.init)
    return IntroductionOrder.Candidate(kind: parts[0], group: parts[1], isDate: parts[0] == "date" || parts[0] == "event")
  }
}

/// The picked cards as "kind@group".
private func picked(_ cards: String, count: Int, excluded: Set<String> = []) -> [String] {
  let candidates = deck(cards)
  return IntroductionOrder.pick(candidates, count: count, excludedGroups: excluded).map {
    "\(candidates[$0].kind)@\(candidates[$0].group)"
  }
}

@Suite("IntroductionOrder")
struct IntroductionOrderTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var cards: String
    var count: Int
    var expected: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "one card per sibling group, the first group's first card first",
      cards: "date@a place@a date@b place@b", count: 4, expected: ["date@a", "place@b"]),
    Case(
      name: "past a quarter of dates, the next groups' other kinds come instead",
      cards: "date@a place@a date@b actor@b date@c place@c", count: 3,
      expected: ["date@a", "actor@b", "place@c"]),
    Case(
      name: "never four of a kind in a row: a later group's other kind breaks the run",
      cards: "role@a role@b role@c role@d role@e name@f", count: 5,
      expected: ["role@a", "role@b", "role@c", "name@f", "role@d"]),
    Case(
      name: "a kind shown three times gives way to a less shown one among the next three groups",
      cards: "role@a role@b role@c name@d role@e name@e", count: 20,
      expected: ["role@a", "role@b", "role@c", "name@d", "name@e"]),
    Case(
      name: "dates at most a quarter of the session when other kinds are there",
      cards: "date@a date@b date@c date@d place@e actor@f role@g name@h", count: 8,
      expected: ["date@a", "date@b", "place@e", "actor@f", "role@g", "name@h", "date@c", "date@d"]),
    Case(
      name: "a deck of dates alone still fills the session, in order",
      cards: "date@a date@b date@c date@d date@e", count: 5,
      expected: ["date@a", "date@b", "date@c", "date@d", "date@e"]),
    Case(
      name: "the limit holds and a short deck gives what it has",
      cards: "date@a place@b actor@c", count: 2, expected: ["date@a", "place@b"]),
    Case(name: "an empty deck gives nothing", cards: "", count: 20, expected: []),
  ]

  @Test("picks and orders the session's new cards", arguments: cases)
  func table(_ c: Case) {
    #expect(picked(c.cards, count: c.count) == c.expected)
  }

  @Test("groups excluded (answered today, or in learning) are never picked")
  func excluded() {
    #expect(picked("date@a place@a date@b", count: 3, excluded: ["a"]) == ["date@b"])
  }

  @Test("a twenty-card session from a larger deck keeps every rule")
  func rules() {
    // 40 items, each a date card then two others, kinds rotating: the earliest items, interleaved.
    let kinds = ["place", "actor", "role", "name", "cloze"]
    let cards = (0..<40).flatMap { i in ["date@i\(i)", "\(kinds[i % 5])@i\(i)", "\(kinds[(i + 2) % 5])@i\(i)"] }
    let candidates = deck(cards.joined(separator: " "))
    let order = IntroductionOrder.pick(candidates, count: 20).map { candidates[$0] }
    #expect(order.count == 20)
    #expect(Set(order.map(\.group)).count == 20)
    #expect(order.filter(\.isDate).count <= 5)
    #expect(Set(order.map(\.kind)).count >= 5)
    var run = 1
    for (a, b) in zip(order, order.dropFirst()) {
      run = a.kind == b.kind ? run + 1 : 1
      #expect(run <= 3)
      #expect(a.group != b.group)
    }
    #expect(order.first?.group == "i0")
    // Heart-first: nothing from the last half of the deck.
    #expect(order.allSatisfy { Int($0.group.dropFirst())! < 24 })
  }

  @Test("a store card is a date question when it asks for a date or for the event of one")
  func dates() {
    func card(_ id: String, _ kind: String) -> StoredCard {
      StoredCard(
        id: id, deckID: "d", kind: kind, siblingGroup: "g", tags: [], era: nil, state: CardState.new(due: noon),
        suspended: false, buriedUntil: nil, retired: false, position: 0)
    }
    #expect(IntroductionOrder.Candidate(card("d/e/date", "date")).isDate)
    #expect(IntroductionOrder.Candidate(card("d/e/event", "event")).isDate)
    #expect(IntroductionOrder.Candidate(card("d/e/choice/date", "choice")).isDate)
    #expect(!IntroductionOrder.Candidate(card("d/e/choice/place", "choice")).isDate)
    #expect(!IntroductionOrder.Candidate(card("d/e/place", "place")).isDate)
  }
}
