import CardBuilder
import EventDeck

extension StudyCard {
  /// The session's view of a CardBuilder card: its form (typed, choice, ordering), what hints and the timeline need.
  public init(_ card: Card, in deck: Deck) {
    self.init(card, isEvent: deck.event(card.item) != nil)
  }

  /// The session's view of a CardBuilder card whose item is (or is not) one of its deck's events.
  public init(_ card: Card, isEvent: Bool) {
    var form = Form.typed
    var correctOrder: [String] = []
    var answerType = AnswerType.text
    var date: HistoricalDate?
    var number: Double?
    var tolerance: Double?
    switch card.expectation {
    case .choice: form = .choice(options: card.choices)
    case .ordering(let order):
      form = .ordering(items: card.choices)
      correctOrder = order.compactMap { $0 < card.choices.count ? card.choices[$0] : nil }
    case .date(let expectation):
      answerType = .date
      date = expectation.spec.start
    case .quantity(let expectation):
      answerType = .number
      number = expectation.value
      tolerance = max(expectation.high - expectation.value, expectation.value - expectation.low)
    case .entity: answerType = .name
    case .text(let isName): answerType = isName ? .name : .text
    }
    self.init(
      id: card.id, deckID: card.deck, kind: card.kind.rawValue, prompt: card.prompt, form: form, answer: card.answer,
      accepted: card.accepted, correctOrder: correctOrder, answerType: answerType, date: date, number: number,
      tolerance: tolerance, source: card.source, eventID: isEvent ? card.item : nil,
      siblingGroup: card.siblingGroup, tags: card.tags, era: card.era)
    self.card = card
  }
}
