import AnswerCheck
import CardBuilder
import DeckFixtures
import EventDeck
import Foundation
import StableRandom

/// Cards generated per second on a generated 10,000-event deck, and answers checked per second.
/// `buildOnly` skips the answer checks, for profiling the build alone.
/// `deckPath` builds that deck file's cards instead of a generated deck's. `rounds` above 1 builds that many times
/// more, each from a new `CardBuilder`, and prints their median wall and CPU time: a steadier figure than one build
/// on a machine whose speed wanders.
func runCardsBench(
  events eventCount: Int = 10_000, deckPath: String? = nil, buildOnly: Bool = false, rounds: Int = 1
) throws {
  if buildOnly { print("cards digest (1,500 events): \(cardsDigest(CardBuilder(deck: GeneratedDeck.deck(events: 1_500)).cards()))") }
  let deck = try deckPath.map { try DeckLoader.load(fileAt: $0) } ?? GeneratedDeck.deck(events: eventCount)
  let eventCount = deck.events.count
  let clock = ContinuousClock()

  var cards: [Card] = []
  var builder = CardBuilder(deck: deck)
  let cpuBefore = processCPUSeconds()
  let buildTime = clock.measure {
    builder = CardBuilder(deck: deck)
    cards = builder.cards()
  }
  let buildCPU = processCPUSeconds() - cpuBefore
  let prepareTime = clock.measure { _ = CardBuilder(deck: deck) }
  // A second run, to report a warm figure too.
  let warmTime = clock.measure { cards = CardBuilder(deck: deck).cards() }
  let buildSeconds = seconds(buildTime)
  let warmSeconds = seconds(warmTime)
  print(
    "cards: \(eventCount) events, \(deck.entities.count) entities → \(cards.count) cards in "
      + String(format: "%.3f s (%.0f cards/s); again %.3f s (%.0f cards/s)", buildSeconds,
               Double(cards.count) / buildSeconds, warmSeconds, Double(cards.count) / warmSeconds)
      + String(format: "; of which preparing the deck's indexes %.3f s; CPU of the first build %.3f s", seconds(prepareTime), buildCPU))
  if rounds > 1 {
    var walls: [Double] = []
    var cpus: [Double] = []
    for _ in 0..<rounds {
      let cpu = processCPUSeconds()
      walls.append(seconds(clock.measure { cards = CardBuilder(deck: deck).cards() }))
      cpus.append(processCPUSeconds() - cpu)
    }
    func median(_ xs: [Double]) -> Double {
      let s = xs.sorted()
      return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    print(
      String(
        format: "cards, %d more builds: median %.3f s (%.3f–%.3f), CPU median %.3f s", rounds, median(walls),
        walls.min()!, walls.max()!, median(cpus)))
  }
  if buildOnly { return }

  // Answers: for each card, its right answer, a typo, a wrong answer and a non-answer, cycling over kinds.
  let checker = AnswerChecker(lexicon: builder.lexicon)
  let sample = stride(from: 0, to: cards.count, by: max(1, cards.count / 20_000)).map { cards[$0] }
  var answers: [(Card, String)] = []
  for (i, card) in sample.enumerated() {
    switch i % 4 {
    case 0: answers.append((card, card.answer))
    case 1: answers.append((card, String(card.answer.dropLast())))
    case 2: answers.append((card, "April 3, 1993"))
    default: answers.append((card, "60,000"))
    }
  }
  var outcomes: [Verdict.Outcome: Int] = [:]
  let checkTime = clock.measure {
    for (card, answer) in answers { outcomes[checker.check(answer, for: card).outcome, default: 0] += 1 }
  }
  let checkSeconds = seconds(checkTime)
  // Per kind of expected answer, to show where checking time goes.
  var perKind: [String: (Int, Double)] = [:]
  for (card, answer) in answers {
    let kind: String
    switch card.expectation {
    case .entity: kind = "name"
    case .text: kind = "text"
    case .date: kind = "date"
    case .quantity: kind = "number"
    case .choice: kind = "choice"
    case .ordering: kind = "ordering"
    }
    let t = seconds(clock.measure { _ = checker.check(answer, for: card) })
    perKind[kind, default: (0, 0)].0 += 1
    perKind[kind, default: (0, 0)].1 += t
  }
  let breakdown = perKind.sorted { $0.key < $1.key }.map { String(format: "%@ %.0f/s", $0.key, Double($0.value.0) / $0.value.1) }
    .joined(separator: ", ")
  let summary = outcomes.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }
    .joined(separator: ", ")
  print(
    "check: \(answers.count) answers in "
      + String(format: "%.3f s (%.0f answers/s)", checkSeconds, Double(answers.count) / checkSeconds)
      + " [\(summary)]; by answer type: \(breakdown)")
}

/// FNV-1a 64 of the cards' sorted-key JSON, one a line, as `CardDigestTests` pins it: a quick check in a release
/// build that a speed-up left every card as it was.
private func cardsDigest(_ cards: [Card]) -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for card in cards {
    for byte in (try? encoder.encode(card)) ?? Data() {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    hash ^= 0x0A
    hash &*= 0x0000_0100_0000_01b3
  }
  return "\(String(hash, radix: 16)), \(cards.count) cards"
}

/// User and system CPU time of the whole process so far (every thread), in seconds.
func processCPUSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
  return secs(usage.ru_utime) + secs(usage.ru_stime)
}

private func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}
