import AnswerCheck
import CardBuilder
import DeckFixtures
import EventDeck
import Scheduling
import Testing

/// One row of an answer table: the card, what the learner typed, and the outcome it must get.
struct Row: CustomTestStringConvertible, Sendable {
  var card: String
  var answer: String
  var outcome: Verdict.Outcome
  init(_ card: String, _ answer: String, _ outcome: Verdict.Outcome) {
    self.card = card
    self.answer = answer
    self.outcome = outcome
  }
  var testDescription: String { "\(card) ← \"\(answer)\" is \(outcome)" }
}

enum Fixture {
  static let builder = CardBuilder(deck: FixtureDeck.deck)
  static let cards = Dictionary(uniqueKeysWithValues: builder.cards().map { ($0.id, $0) })
  static let checker = AnswerChecker(lexicon: builder.lexicon)

  static func verdict(_ row: Row) -> Verdict? {
    guard let card = cards["kalbajar/" + row.card] else { return nil }
    return checker.check(row.answer, for: card)
  }
}

@Suite struct AnswerCheckerTests {
  func expectRow(_ row: Row) {
    guard let verdict = Fixture.verdict(row) else {
      Issue.record("no card \(row.card)")
      return
    }
    #expect(verdict.outcome == row.outcome, "\(row.testDescription): got \(verdict.outcome) (\(verdict.explanation))")
    let grade: Rating = row.outcome == .correct ? .good : row.outcome == .close ? .hard : .again
    #expect(verdict.proposedGrade == grade)
  }

  @Test(arguments: [
    // Case, diacritics, punctuation, articles.
    Row("monte-melkonian/name", "Monte Melkonian", .correct),
    Row("monte-melkonian/name", "monte melkonian", .correct),
    Row("monte-melkonian/name", "MONTE MELKONIAN.", .correct),
    Row("turgut-ozal/name", "Turgut Özal", .correct),
    Row("turgut-ozal/name", "Ozal", .correct),
    Row("turgut-ozal/name", "özal", .correct),
    Row("omar-pass/within", "the Murov Mountains", .correct),
    Row("omar-pass/within", "in the Murov mountain range", .correct),
    Row("brigade-709-task/fact", "the Murov Mountains", .correct),
    Row("brigade-709-task/fact", "Murov", .correct),
    // The article's spelling variants and aliases.
    Row("gurgen-dalibaltyan/name", "Dalibaltayan", .correct),
    Row("gurgen-dalibaltyan/name", "Gurgen Dalibaltayan", .correct),
    Row("gurgen-dalibaltyan/name", "General Dalibaltyan", .correct),
    Row("spellings/hand", "Zulufgarli", .correct),
    Row("spellings/hand", "Zulfugarli", .correct),
    Row("levon-ter-petrosyan/name", "Ter Petrosyan", .correct),
    // A surname alone: unambiguous, or one of two Melkonians.
    Row("surat-huseynov/name", "Huseynov", .correct),
    Row("abulfaz-elchibey/name", "elchibey", .correct),
    Row("monte-melkonian/name", "Melkonian", .correct),
    Row("markar-melkonian/name", "Melkonian", .close),
    Row("markar-melkonian/name", "Markar", .correct),
    // Small typos are close; a different person of the deck is wrong, however near.
    Row("gurgen-dalibaltyan/name", "Dalibaltian", .close),
    Row("gurgen-dalibaltyan/name", "Gurgen Dalibatlyan", .close),
    Row("spellings/hand", "Zulfugarly", .close),
    Row("turgut-ozal/name", "Turgut Ozall", .close),
    Row("markar-melkonian/name", "Monte Melkonian", .wrong),
    Row("monte-melkonian/name", "Markar Melkonian", .wrong),
    Row("monte-melkonian/name", "Marker Melkonian", .wrong),
    Row("serzh-sargsyan/name", "Karapetyan", .wrong),
    Row("omar-pass/within", "Kalbajar District", .close),
    Row("omar-pass/within", "Shusha", .wrong),
    Row("tunnel-guard/place", "the Kalbajar District", .close),
    Row("tunnel-guard/place", "Zulufgarli", .correct),
    Row("offensive-begins/place", "Charektar", .close),
    Row("heydar-aliyev/name", "Elchibey", .wrong),
    Row("heydar-aliyev/name", "Stalin", .wrong),
    // Longer answers around the name.
    Row("gurgen-dalibaltyan/name", "it was General Gurgen Dalibaltyan", .correct),
    Row("capture-of-shusha/actor", "the Armenian troops", .correct),
    Row("capture-of-shusha/actor", "Azerbaijani forces", .wrong),
  ])
  func names(row: Row) { expectRow(row) }

  @Test(arguments: [
    Row("omar-pass-impassable/fact", "winter and early spring", .correct),
    Row("omar-pass-impassable/fact", "in the winter and early spring", .correct),
    Row("omar-pass-impassable/fact", "Winter", .correct),
    Row("omar-pass-impassable/fact", "early spring and winter", .correct),
    Row("omar-pass-impassable/fact", "wintr and erly spring", .close),
    Row("omar-pass-impassable/fact", "summer", .wrong),
    Row("khan-codename/fact", "Khan", .correct),
    Row("khan-codename/fact", "\"Khan\"", .correct),
    Row("khan-codename/fact", "Kahn", .close),
    Row("khan-codename/fact", "Elchibey", .wrong),
    Row("cloze-omar/hand", "Omar Pass", .correct),
    Row("cloze-omar/hand", "omar", .correct),
  ])
  func text(row: Row) { expectRow(row) }

  @Test(arguments: [
    // April 3, 1993, written every usual way.
    Row("capital-falls/date", "3 April 1993", .correct),
    Row("capital-falls/date", "April 3, 1993", .correct),
    Row("capital-falls/date", "3 Apr 1993", .correct),
    Row("capital-falls/date", "1993-04-03", .correct),
    Row("capital-falls/date", "April 3rd 1993", .correct),
    Row("capital-falls/date", "the 3rd of April, 1993", .correct),
    Row("capital-falls/date", "on 3 April 1993", .correct),
    // Less precise than the question: close, not correct.
    Row("capital-falls/date", "April 1993", .close),
    Row("capital-falls/date", "1993", .close),
    Row("capital-falls/date", "April 3", .close),
    // Wrong days, months, years.
    Row("capital-falls/date", "April 4, 1993", .wrong),
    Row("capital-falls/date", "3 April 1992", .wrong),
    Row("capital-falls/date", "May 1993", .wrong),
    Row("capital-falls/date", "13/4/1993", .wrong),
    Row("capital-falls/date", "soon", .wrong),
    // "By March 29": what the article allows (from the battle's start).
    Row("town-encircled/date", "March 29, 1993", .correct),
    Row("town-encircled/date", "by March 29, 1993", .correct),
    Row("town-encircled/date", "28 March 1993", .correct),
    Row("town-encircled/date", "March 1993", .close),
    Row("town-encircled/date", "March 30, 1993", .wrong),
    Row("town-encircled/date", "April 1993", .wrong),
    // "Circa June 1993".
    Row("march-on-baku/date", "June 1993", .correct),
    Row("march-on-baku/date", "circa June 1993", .correct),
    Row("march-on-baku/date", "July 1993", .correct),
    Row("march-on-baku/date", "1993", .close),
    Row("march-on-baku/date", "September 1993", .wrong),
    // A span: both ends right, or part of it (close).
    Row("battle-of-kalbajar/date", "March 27 to April 3, 1993", .correct),
    Row("battle-of-kalbajar/date", "27 March – 3 April 1993", .correct),
    Row("battle-of-kalbajar/date", "from 27 March 1993 to 3 April 1993", .correct),
    Row("battle-of-kalbajar/date", "March 28 - April 2, 1993", .close),
    Row("battle-of-kalbajar/date", "April 1, 1993", .close),
    Row("battle-of-kalbajar/date", "March 1993", .close),
    Row("battle-of-kalbajar/date", "May 1 to May 9, 1993", .wrong),
    // Month precision: a day inside the month is right.
    Row("violence-flares/date", "February 1988", .correct),
    Row("violence-flares/date", "Feb 1988", .correct),
    Row("violence-flares/date", "12 February 1988", .correct),
    Row("violence-flares/date", "1988", .close),
    Row("violence-flares/date", "March 1988", .wrong),
  ])
  func dates(row: Row) { expectRow(row) }

  @Test func ambiguousAllNumberDatesGetAHint() throws {
    let v = try #require(Fixture.verdict(Row("capital-falls/date", "3/4/1993", .close)))
    #expect(v.outcome == .close)
    #expect(v.hint?.contains("3 April 1993") == true)
    let w = try #require(Fixture.verdict(Row("capital-falls/date", "5/6/1993", .wrong)))
    #expect(w.outcome == .wrong)
    #expect(w.hint != nil)
  }

  @Test(arguments: [
    // An estimated 60,000 (default 10%).
    Row("displacement/quantity/displaced", "60,000", .correct),
    Row("displacement/quantity/displaced", "60000", .correct),
    Row("displacement/quantity/displaced", "60 000", .correct),
    Row("displacement/quantity/displaced", "60k", .correct),
    Row("displacement/quantity/displaced", "sixty thousand", .correct),
    Row("displacement/quantity/displaced", "about 60,000", .correct),
    Row("displacement/quantity/displaced", "an estimated 60,000 civilians", .correct),
    Row("displacement/quantity/displaced", "58,000", .correct),
    Row("displacement/quantity/displaced", "50,000", .close),
    Row("displacement/quantity/displaced", "6,000", .wrong),
    Row("displacement/quantity/displaced", "600,000", .wrong),
    Row("displacement/quantity/displaced", "many", .wrong),
    // 29 km, exact.
    Row("tartar-river-reached/quantity/advance", "29 km", .correct),
    Row("tartar-river-reached/quantity/advance", "twenty-nine kilometres", .correct),
    Row("tartar-river-reached/quantity/advance", "29", .correct),
    Row("tartar-river-reached/quantity/advance", "29 kilometers", .correct),
    Row("tartar-river-reached/quantity/advance", "29 miles", .close),
    Row("tartar-river-reached/quantity/advance", "30 km", .close),
    Row("tartar-river-reached/quantity/advance", "20 km", .wrong),
    // More than 1,900 km².
    Row("second-overland-link/quantity/area", "1,900 square kilometres", .correct),
    Row("second-overland-link/quantity/area", "more than 1900 km2", .correct),
    Row("second-overland-link/quantity/area", "2000 km²", .correct),
    Row("second-overland-link/quantity/area", "1,800", .close),
    Row("second-overland-link/quantity/area", "3,000", .wrong),
    // Facts and hand cards with numbers.
    Row("nk-population/fact", "76%", .correct),
    Row("nk-population/fact", "76 percent", .correct),
    Row("nk-population/fact", "about 75%", .correct),
    Row("nk-population/fact", "half", .wrong),
    Row("capital-twenty-km/fact", "20 km", .correct),
    Row("capital-twenty-km/fact", "twenty", .correct),
    Row("swath/hand", "3000", .correct),
    Row("swath/hand", "3,000 sq km", .correct),
  ])
  func numbers(row: Row) { expectRow(row) }

  @Test func multipleChoiceByLetterNumberOrText() throws {
    let card = try #require(Fixture.cards["kalbajar/who-planned/hand"])
    let right = try #require(card.correctChoice)
    let letter = String(UnicodeScalar(UInt8(97 + right)))
    for answer in [letter, letter.uppercased(), "\(letter.uppercased()))", "(\(letter))", String(right + 1), card.choices[right],
                   card.choices[right].lowercased(), "Dalibaltyan"] {
      let v = Fixture.checker.check(answer, for: card)
      if answer == "Dalibaltyan" {
        #expect(v.outcome == .wrong, "a surname is not an option's text")
      } else {
        #expect(v.outcome == .correct, "\(answer)")
      }
    }
    let wrongIndex = (right + 1) % card.choices.count
    #expect(Fixture.checker.check(String(UnicodeScalar(UInt8(97 + wrongIndex))), for: card).outcome == .wrong)
    #expect(Fixture.checker.check(card.choices[wrongIndex], for: card).outcome == .wrong)
    let outOfRange = Fixture.checker.check("e", for: card)
    #expect(outOfRange.outcome == .wrong)
    #expect(outOfRange.hint != nil)
  }

  @Test func multipleChoiceDatesByValue() throws {
    let card = try #require(Fixture.cards["kalbajar/capture-of-shusha/choice/date"])
    #expect(Fixture.checker.check("9 May 1992", for: card).outcome == .correct)
    #expect(Fixture.checker.check("1992-05-09", for: card).outcome == .correct)
  }

  @Test func orderingsAsNumbersOrLetters() throws {
    let card = try #require(Fixture.cards["kalbajar/order-of-the-battle/hand"])
    let order = try #require(card.correctOrder)
    let numbers = order.map { String($0 + 1) }
    let letters = order.map { String(UnicodeScalar(UInt8(97 + $0))) }
    for answer in [numbers.joined(separator: " "), numbers.joined(separator: ","), numbers.joined(separator: ", "),
                   numbers.joined(), letters.joined(separator: " "), letters.joined(separator: " ").uppercased()] {
      #expect(Fixture.checker.check(answer, for: card).outcome == .correct, "\(answer)")
    }
    let swapped = [order[1], order[0], order[2]].map { String($0 + 1) }.joined(separator: " ")
    #expect(Fixture.checker.check(swapped, for: card).outcome == .close)
    let reversed = order.reversed().map { String($0 + 1) }.joined(separator: " ")
    #expect(Fixture.checker.check(reversed, for: card).outcome == .wrong)
    let incomplete = Fixture.checker.check("1 2", for: card)
    #expect(incomplete.outcome == .wrong)
    #expect(incomplete.hint != nil)
    #expect(Fixture.checker.check("1 1 2", for: card).outcome == .wrong)
  }

  @Test(arguments: ["", "   ", "?", "??", "I don't know", "i dont know", "idk", "no idea", "Pass"])
  func nonAnswersAreWrongWithoutFuss(answer: String) {
    for id in ["kalbajar/monte-melkonian/name", "kalbajar/capital-falls/date", "kalbajar/displacement/quantity/displaced",
               "kalbajar/who-planned/hand", "kalbajar/omar-pass-impassable/fact", "kalbajar/order-of-the-battle/hand"] {
      let v = Fixture.checker.check(answer, for: Fixture.cards[id]!)
      #expect(v.outcome == .wrong, "\(id) ← \(answer)")
      #expect(v.explanation == "No answer given.")
    }
  }

  @Test(arguments: [
    String(repeating: "Melkonian ", count: 20_000),
    String(repeating: "9", count: 5_000),
    "\u{0}\u{1B}[31mMonte\u{7}",
    "🙂🙂🙂 Monte Melkonian 🙂",
    "e\u{301}\u{301}\u{301}\u{301}",
    String(decoding: [0xFF, 0xFE, 0x41, 0xC3], as: UTF8.self),
    "3/4/1993/5/6",
    "1e308 km",
    "-29 km",
    "99999999999999999999999999999 kilometres",
  ])
  func answersOfAnyLengthOrContentAreHandled(answer: String) {
    for card in Fixture.cards.values {
      let v = Fixture.checker.check(answer, for: card)
      #expect(!v.expected.isEmpty)
      #expect(!v.explanation.isEmpty)
    }
  }

  @Test func verdictsSayWhy() throws {
    let markar = try #require(Fixture.verdict(Row("markar-melkonian/name", "Melkonian", .close)))
    #expect(markar.explanation.contains("Markar Melkonian") && markar.explanation.contains("Monte Melkonian"))
    #expect(markar.hint == "Give the first name too.")
    let other = try #require(Fixture.verdict(Row("markar-melkonian/name", "Monte Melkonian", .wrong)))
    #expect(other.explanation.contains("different person"))
    #expect(other.expected == "Markar Melkonian")
    let vague = try #require(Fixture.verdict(Row("capital-falls/date", "April 1993", .close)))
    #expect(vague.explanation.contains("asks for the day"))
    let typo = try #require(Fixture.verdict(Row("gurgen-dalibaltyan/name", "Dalibaltian", .close)))
    #expect(typo.explanation.contains("spelling"))
  }
}

@Suite struct SelfConsistencyTests {
  @Test func everyCardAcceptsItsOwnAnswerAndEveryAcceptedForm() {
    for card in Fixture.cards.values.sorted(by: { $0.id < $1.id }) {
      var answers = card.acceptedForms
      if let right = card.correctChoice { answers = [card.choices[right], String(right + 1)] }
      if let order = card.correctOrder { answers = [order.map { String($0 + 1) }.joined(separator: " ")] }
      for answer in answers {
        let v = Fixture.checker.check(answer, for: card)
        #expect(v.outcome == .correct, "\(card.id) ← \(answer): \(v.outcome) (\(v.explanation))")
      }
    }
  }
}
