import AnswerCheck
import ArgumentParser
import CardBuilder
import EventDeck
import Foundation
import LineEditing
import TextKit

/// `annals check DECK CARD-ID ANSWER [--json]`: judges one typed answer, recording nothing.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Judge one answer to one card (nothing is recorded).",
    discussion: "Prints correct, close or wrong, the expected answer, why, and the grade a study session would propose."
  )

  @Argument(help: ArgumentHelp("The deck file.", valueName: "deck"))
  var deck: String

  @Argument(help: ArgumentHelp("The card id, as `annals cards` lists it (e.g. kalbajar/capital-falls/date).", valueName: "card-id"))
  var cardID: String

  @Argument(help: ArgumentHelp("The answer, as the learner would type it.", valueName: "answer"))
  var answer: String

  @Flag(help: "Print the verdict as JSON.")
  var json = false

  func run() throws {
    let loaded = try DeckInput.load(deck)
    let builder = CardBuilder(deck: loaded)
    let cards = builder.cards()
    guard let card = cards.first(where: { $0.id == cardID }) else {
      let near = cards.map(\.id).min { EditDistance.between($0, cardID, limit: 20) < EditDistance.between($1, cardID, limit: 20) }
      let hint = near.map { "did you mean \(TerminalText.sanitize($0))? (`annals cards \(TerminalText.sanitize(deck))` lists them)" } ?? "`annals cards \(TerminalText.sanitize(deck))` lists them"
      throw CommandError("no card '\(TerminalText.sanitize(cardID))' in \(TerminalText.sanitize(deck))\n  hint: \(hint)")
    }
    let verdict = AnswerChecker(lexicon: builder.lexicon).check(answer, for: card)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      struct Output: Encodable {
        var card: String
        var answer: String
        var outcome: String
        var expected: String
        var explanation: String
        var proposedGrade: String
        var hint: String?
      }
      let output = Output(
        card: card.id, answer: answer, outcome: verdict.outcome.rawValue, expected: verdict.expected,
        explanation: verdict.explanation, proposedGrade: verdict.proposedGrade.name, hint: verdict.hint)
      print(String(decoding: try encoder.encode(output), as: UTF8.self))
      return
    }
    print("\(verdict.outcome.rawValue): \(TerminalText.sanitize(verdict.explanation))")
    print("expected: \(TerminalText.sanitize(verdict.expected))")
    if let hint = verdict.hint { print("hint: \(TerminalText.sanitize(hint))") }
    print("grade: \(verdict.proposedGrade.name.capitalized)")
  }
}
