import CardBuilder
import EventDeck

/// A question as a session shows and checks it, independent of how it was built from the deck.
public struct StudyCard: Sendable, Equatable {
  /// How the learner answers.
  public enum Form: Sendable, Equatable {
    /// A free typed answer.
    case typed
    /// Pick one of `options` (in display order; the answer is among them), by number or by text.
    case choice(options: [String])
    /// Put `items` (shown in this order) into their right order, typing their numbers: "3 1 2".
    case ordering(items: [String])
  }

  /// The stable card id the progress store knows it by.
  public var id: String
  /// The deck's id.
  public var deckID: String
  /// The card kind ("date", "role", "choice", …), for filters and reports.
  public var kind: String
  /// The question.
  public var prompt: String
  /// How it is answered.
  public var form: Form
  /// The expected answer as shown after answering.
  public var answer: String
  /// Other answers accepted as correct.
  public var accepted: [String]
  /// For ordering cards: the items in their right order.
  public var correctOrder: [String]
  /// How a typed answer is compared.
  public var answerType: AnswerType
  /// The expected date, for date cards (hints, checking, the timeline).
  public var date: HistoricalDate?
  /// The expected number and its accepted error, for number cards.
  public var number: Double?
  /// The accepted error for `number`.
  public var tolerance: Double?
  /// The source sentence the card rests on.
  public var source: String?
  /// The event the card is about, for the timeline shown after a miss.
  public var eventID: String?
  /// Cards about the same item share a group; the store keeps siblings apart in a day.
  public var siblingGroup: String
  /// Tags, for `--tag`.
  public var tags: [String]
  /// The era id, also usable with `--tag`.
  public var era: String?
  /// The CardBuilder card this was made from, which `CheckerJudge` checks against; nil for cards made here.
  public var card: Card?

  /// A card; most fields have defaults so tests can build one in a line.
  public init(
    id: String, deckID: String, kind: String, prompt: String, form: Form = .typed, answer: String,
    accepted: [String] = [], correctOrder: [String] = [], answerType: AnswerType = .text, date: HistoricalDate? = nil, number: Double? = nil,
    tolerance: Double? = nil, source: String? = nil, eventID: String? = nil, siblingGroup: String? = nil,
    tags: [String] = [], era: String? = nil
  ) {
    self.id = id
    self.deckID = deckID
    self.kind = kind
    self.prompt = prompt
    self.form = form
    self.answer = answer
    self.accepted = accepted
    self.correctOrder = correctOrder
    self.answerType = answerType
    self.date = date
    self.number = number
    self.tolerance = tolerance
    self.source = source
    self.eventID = eventID
    self.siblingGroup = siblingGroup ?? id
    self.tags = tags
    self.era = era
  }
}
