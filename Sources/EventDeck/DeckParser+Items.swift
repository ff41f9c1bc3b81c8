import Foundation
import TextKit
import Yams

extension DeckParser {
  func parseEntity(_ node: Node, kind: EntityKind) -> Entity? {
    let allowed = [
      "id", "name", "aliases", "role", "within", "type", "tags", "source", "cite", "disable", "questions", "core",
    ]
    let idKind: IDKind =
      switch kind {
      case .person: .person
      case .place: .place
      case .unit: .unit
      case .organisation: .organisation
      }
    guard let f = fields(node, what: "\(idKind.article) \(kind.rawValue)", allowed: allowed, required: ["id", "name"]),
      let id = declare(f["id"], kind: idKind, in: f)
    else { return nil }
    var entity = Entity(
      id: id, kind: kind, name: text(f["name"], key: "name") ?? "",
      aliases: texts(f["aliases"], key: "aliases").map(\.0), role: text(f["role"], key: "role"),
      within: refer(f["within"], to: [.place], field: "within"), type: text(f["type"], key: "type"),
      tags: texts(f["tags"], key: "tags").map(\.0), source: quote(in: f, what: "\(kind.rawValue) '\(id)'"),
      disabledKinds: disabledKinds(f["disable"]), questions: questionOverrides(f["questions"]),
      location: location(node))
    entity.core = flag(f["core"], key: "core")
    return entity
  }

  func parseEvent(_ node: Node) -> Event? {
    let allowed = [
      "id", "title", "summary", "stem", "date", "end", "places", "actors", "quantities", "outcome", "era", "tags",
      "source", "cite", "disable", "questions", "core",
    ]
    guard let f = fields(node, what: "an event", allowed: allowed, required: ["id", "title"]),
      let id = declare(f["id"], kind: .event, in: f)
    else { return nil }
    var date: DateSpec?
    if let raw = text(f["date"], key: "date"), let dateNode = f["date"] {
      do {
        date = try DateSpec.parse(raw)
      } catch {
        self.error(error.message, hint: error.hint, at: dateNode)
      }
    }
    if let endNode = f["end"], let end = plainDate(endNode, key: "end") {
      if date == nil, f["date"] == nil {
        error("`end:` without a `date:` to start from", hint: "add `date:` with the start", at: endNode)
      } else if var spec = date {
        if spec.end != nil {
          error(
            "the date is given as a span and with `end:`", hint: "keep either the '/' span or `end:`", at: endNode)
        } else {
          do {
            try spec.setEnd(end, written: "")
            date = spec
          } catch {
            self.error(error.message, hint: error.hint, at: endNode)
          }
        }
      }
    }
    var quantities: [Quantity] = []
    var quantityIDs: [String: SourceLocation] = [:]
    for item in items(f["quantities"], key: "quantities") {
      guard let quantity = parseQuantity(item, event: id) else { continue }
      if let first = quantityIDs[quantity.id], let idNode = quantityIDNode(item) {
        error(
          "duplicate quantity id '\(quantity.id)' in event '\(id)'",
          hint: "first used at line \(first.line), column \(first.column)", at: idNode)
      } else if let idNode = quantityIDNode(item) {
        quantityIDs[quantity.id] = location(idNode)
      }
      quantities.append(quantity)
    }
    var event = Event(
      id: id, title: text(f["title"], key: "title") ?? "", summary: text(f["summary"], key: "summary"), date: date,
      places: refer(texts(f["places"], key: "places"), to: [.place], field: "places"),
      actors: refer(texts(f["actors"], key: "actors"), to: [.person, .unit, .organisation], field: "actors"),
      quantities: quantities, outcome: text(f["outcome"], key: "outcome"),
      era: refer(f["era"], to: [.era], field: "era"), tags: texts(f["tags"], key: "tags").map(\.0),
      source: quote(in: f, what: "event '\(id)'"), disabledKinds: disabledKinds(f["disable"]),
      questions: questionOverrides(f["questions"]), location: location(node), stem: text(f["stem"], key: "stem"))
    event.core = flag(f["core"], key: "core")
    return event
  }

  private func quantityIDNode(_ node: Node) -> Node? {
    guard case .mapping(let mapping) = node else { return nil }
    return mapping.first { $0.key.string == "id" }?.value
  }

  func parseQuantity(_ node: Node, event: String) -> Quantity? {
    let allowed = ["id", "value", "unit", "qualifier", "tolerance", "counts", "question", "source", "cite"]
    guard let f = fields(node, what: "a quantity", allowed: allowed, required: ["id", "value"]),
      let id = text(f["id"], key: "id"), let idNode = f["id"]
    else { return nil }
    if !Self.isValidID(id) {
      error(
        "invalid quantity id '\(id)'", hint: "ids use lower-case letters, digits and '-' only, e.g. '\(Self.slug(id))'",
        at: idNode)
    }
    let what = "quantity '\(id)'"
    let value = number(f["value"], key: "value", what: what)
    var qualifier = QuantityQualifier.exact
    if let raw = text(f["qualifier"], key: "qualifier"), let qualifierNode = f["qualifier"] {
      if let known = QuantityQualifier(rawValue: raw) {
        qualifier = known
      } else {
        let names = QuantityQualifier.allCases.map(\.rawValue)
        let hint =
          EditDistance.suggestion(for: raw, among: names).map { "did you mean '\($0)'?" }
          ?? "qualifiers: \(names.joined(separator: ", "))"
        error("malformed quantity: unknown qualifier '\(raw)'", hint: hint, at: qualifierNode)
      }
    }
    var tolerance: Double?
    if let toleranceNode = f["tolerance"], let t = number(toleranceNode, key: "tolerance", what: what) {
      if t < 0 {
        error(
          "malformed quantity: tolerance \(text(toleranceNode, key: "tolerance") ?? "") is negative",
          hint: "a tolerance is the accepted error either way; write it without a sign", at: toleranceNode)
      } else {
        tolerance = t
      }
    }
    guard let value else { return nil }
    return Quantity(
      id: id, value: value, unit: text(f["unit"], key: "unit"), qualifier: qualifier, tolerance: tolerance,
      counts: text(f["counts"], key: "counts"), question: text(f["question"], key: "question"),
      source: quote(in: f, what: "quantity '\(id)' of event '\(event)'", warnIfMissing: false),
      location: location(node))
  }

  func parseFact(_ node: Node) -> Fact? {
    let allowed = [
      "id", "statement", "term", "accept", "question", "type", "era", "tags", "source", "cite", "disable", "core",
    ]
    guard let f = fields(node, what: "a fact", allowed: allowed, required: ["id", "statement", "term"]),
      let id = declare(f["id"], kind: .fact, in: f)
    else { return nil }
    let statement = text(f["statement"], key: "statement") ?? ""
    let term = text(f["term"], key: "term") ?? ""
    if !statement.isEmpty, !term.isEmpty, !statement.contains(term), let termNode = f["term"] {
      let hint =
        statement.lowercased().contains(term.lowercased())
        ? "it appears with different capitals; copy it exactly as the statement has it"
        : "the term is the part of the statement asked about; copy it from the statement"
      error("the term '\(term)' does not appear in the statement of fact '\(id)'", hint: hint, at: termNode)
    }
    var fact = Fact(
      id: id, statement: statement, term: term, accept: texts(f["accept"], key: "accept").map(\.0),
      question: text(f["question"], key: "question"), answerType: answerType(f["type"]),
      era: refer(f["era"], to: [.era], field: "era"), tags: texts(f["tags"], key: "tags").map(\.0),
      source: quote(in: f, what: "fact '\(id)'"), disabledKinds: disabledKinds(f["disable"]),
      location: location(node))
    fact.core = flag(f["core"], key: "core")
    return fact
  }

  func parseCard(_ node: Node) -> HandCard? {
    let allowed = [
      "id", "kind", "question", "answer", "accept", "type", "choices", "order", "era", "tags", "source", "cite",
      "core",
    ]
    guard let f = fields(node, what: "a card", allowed: allowed, required: ["id", "kind", "question"]),
      let id = declare(f["id"], kind: .card, in: f)
    else { return nil }
    guard let rawKind = text(f["kind"], key: "kind"), let kindNode = f["kind"] else { return nil }
    guard let kind = HandCardKind(rawValue: rawKind) else {
      let names = HandCardKind.allCases.map(\.rawValue)
      let hint =
        EditDistance.suggestion(for: rawKind, among: names).map { "did you mean '\($0)'?" }
        ?? "card kinds: \(names.joined(separator: ", "))"
      error("unknown card kind '\(rawKind)'", hint: hint, at: kindNode)
      return nil
    }
    let question = text(f["question"], key: "question") ?? ""
    var answer = text(f["answer"], key: "answer") ?? ""
    let choices = texts(f["choices"], key: "choices")
    let order = texts(f["order"], key: "order")
    let what = "\(kind.rawValue) card '\(id)'"
    switch kind {
    case .typed:
      if answer.isEmpty { error("\(what) has no `answer:`", hint: "add `answer:` with the expected answer", at: node) }
    case .choice:
      if answer.isEmpty {
        error("\(what) has no `answer:`", hint: "add `answer:` with the right option", at: node)
      }
      if choices.isEmpty {
        error(
          "\(what) has no wrong options", hint: "add `choices: [...]` with the wrong options",
          at: f["choices"] ?? node)
      }
      let normalisedAnswer = answer.trimmingSpaces.lowercased()
      for (choice, choiceNode) in choices where choice.trimmingSpaces.lowercased() == normalisedAnswer {
        error(
          "the wrong option '\(choice)' of \(what) is its answer",
          hint: "`choices:` lists only the wrong options; the answer is added to them for you", at: choiceNode)
      }
    case .ordering:
      if order.count < 2 {
        error(
          "\(what) needs at least 2 items in `order:`, found \(order.count)",
          hint: "list the items in their right order: `order: [first, second, ...]`", at: f["order"] ?? node)
      }
    case .cloze:
      if let blank = Self.firstBlank(in: question) {
        if answer.isEmpty { answer = blank }
      } else if let questionNode = f["question"] {
        error(
          "\(what) has no {{blank}} in its question",
          hint: "wrap the hidden words in double braces: 'through the {{Omar Pass}} of ...'", at: questionNode)
      }
    }
    var card = HandCard(
      id: id, kind: kind, question: question, answer: answer, accept: texts(f["accept"], key: "accept").map(\.0),
      answerType: answerType(f["type"]), choices: choices.map(\.0), order: order.map(\.0),
      era: refer(f["era"], to: [.era], field: "era"), tags: texts(f["tags"], key: "tags").map(\.0),
      source: quote(in: f, what: "card '\(id)'"), location: location(node))
    card.core = flag(f["core"], key: "core")
    return card
  }

  /// The text of the first non-empty `{{…}}` in a cloze question.
  static func firstBlank(in question: String) -> String? {
    guard let open = question.range(of: "{{"),
      let close = question.range(of: "}}", range: open.upperBound..<question.endIndex)
    else { return nil }
    let inner = String(question[open.upperBound..<close.lowerBound]).trimmingSpaces
    return inner.isEmpty ? nil : inner
  }
}
