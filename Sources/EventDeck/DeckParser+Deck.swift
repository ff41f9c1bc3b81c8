import TextKit
import Yams

extension DeckParser {
  static let topLevelKeys = ["deck", "people", "places", "units", "organisations", "events", "facts", "cards"]

  /// Reads the whole file; nil only when the top level is not a mapping.
  func parseDeck(_ root: Node) -> Deck? {
    guard case .mapping = root else {
      error(
        "the top level of a deck should be a mapping (deck:, people:, events: …), found \(describe(root))",
        hint: "start the file with `deck:` at the left margin", at: root)
      return nil
    }
    guard let top = fields(root, what: "the deck file", allowed: Self.topLevelKeys, required: ["deck"]) else {
      return nil
    }
    var deck = Deck(id: "", title: "")
    if let meta = top["deck"] { parseMetadata(meta, into: &deck) }
    deck.people = items(top["people"], key: "people").compactMap { parseEntity($0, kind: .person) }
    deck.places = items(top["places"], key: "places").compactMap { parseEntity($0, kind: .place) }
    deck.units = items(top["units"], key: "units").compactMap { parseEntity($0, kind: .unit) }
    deck.organisations = items(top["organisations"], key: "organisations").compactMap {
      parseEntity($0, kind: .organisation)
    }
    deck.events = items(top["events"], key: "events").compactMap(parseEvent)
    deck.facts = items(top["facts"], key: "facts").compactMap(parseFact)
    deck.cards = items(top["cards"], key: "cards").compactMap(parseCard)
    return deck
  }

  func parseMetadata(_ node: Node, into deck: inout Deck) {
    let allowed = [
      "id", "title", "description", "language", "authors", "licence", "sources", "eras", "topics", "disable",
    ]
    guard let f = fields(node, what: "the `deck:` block", allowed: allowed, required: ["id", "title"]) else {
      return
    }
    deck.location = location(node)
    if let id = text(f["id"], key: "id"), let idNode = f["id"] {
      if !Self.isValidID(id) {
        error(
          "invalid deck id '\(id)'",
          hint: "ids use lower-case letters, digits and '-' only, e.g. '\(Self.slug(id))'", at: idNode)
      }
      deck.id = id
    }
    deck.title = text(f["title"], key: "title") ?? ""
    deck.description = text(f["description"], key: "description") ?? ""
    deck.language = text(f["language"], key: "language") ?? "en"
    deck.authors = texts(f["authors"], key: "authors").map(\.0)
    deck.licence = text(f["licence"], key: "licence") ?? ""
    deck.topics = texts(f["topics"], key: "topics").map(\.0)
    deck.disabledKinds = disabledKinds(f["disable"])
    deck.sources = items(f["sources"], key: "sources").compactMap(parseSource)
    deck.eras = items(f["eras"], key: "eras").compactMap(parseEra)
  }

  func parseSource(_ node: Node) -> Source? {
    let allowed = ["key", "title", "publisher", "url", "licence", "file"]
    guard let f = fields(node, what: "a source", allowed: allowed, required: ["key", "title"]) else { return nil }
    guard let key = text(f["key"], key: "key"), let keyNode = f["key"] else { return nil }
    if let first = sourceKeys[key] {
      error(
        "duplicate source key '\(key)'",
        hint: "citation keys must be unique; it is first used at line \(first.line), column \(first.column)",
        at: keyNode)
    } else {
      sourceKeys[key] = location(keyNode)
    }
    let file = text(f["file"], key: "file")
    if file != nil, let fileNode = f["file"] { sourceFileLocations[key] = location(fileNode) }
    return Source(
      key: key, title: text(f["title"], key: "title") ?? "", publisher: text(f["publisher"], key: "publisher") ?? "",
      url: text(f["url"], key: "url") ?? "", licence: text(f["licence"], key: "licence") ?? "", file: file,
      location: location(node))
  }

  func parseEra(_ node: Node) -> Era? {
    guard let f = fields(node, what: "an era", allowed: ["id", "title", "from", "to"], required: ["id", "title"])
    else { return nil }
    guard let id = declare(f["id"], kind: .era, in: f) else { return nil }
    let from = plainDate(f["from"], key: "from")
    let to = plainDate(f["to"], key: "to")
    if let from, let to, to.latestDay < from.earliestDay, let toNode = f["to"] {
      error(
        "impossible era: it ends (\(to.iso)) before it starts (\(from.iso))",
        hint: "swap `from:` and `to:`", at: toNode)
    }
    return Era(id: id, title: text(f["title"], key: "title") ?? "", from: from, to: to, location: location(node))
  }

  /// A date without qualifier or span (`from:`, `to:`, `end:`).
  func plainDate(_ node: Node?, key: String) -> HistoricalDate? {
    guard let raw = text(node, key: key), let node else { return nil }
    do {
      return try HistoricalDate.parse(raw.trimmingSpaces)
    } catch {
      self.error(error.message, hint: error.hint, at: node)
      return nil
    }
  }

  /// Card kinds listed under `disable:`, each checked against the known kinds.
  func disabledKinds(_ node: Node?) -> [String] {
    let known = DeckCardKind.switchable.map(\.rawValue)
    var kinds: [String] = []
    for (kind, kindNode) in texts(node, key: "disable") {
      if known.contains(kind) {
        kinds.append(kind)
      } else if let suggestion = EditDistance.suggestion(for: kind, among: known) {
        error("unknown card kind '\(kind)' in `disable:`", hint: "did you mean '\(suggestion)'?", at: kindNode)
      } else {
        error(
          "unknown card kind '\(kind)' in `disable:`", hint: "card kinds: \(known.joined(separator: ", "))",
          at: kindNode)
      }
    }
    return kinds
  }

  /// Question wording overrides keyed by card kind.
  func questionOverrides(_ node: Node?) -> [String: String] {
    guard let node, !YAMLDocument.isNull(node) else { return [:] }
    let known = DeckCardKind.switchable.map(\.rawValue)
    guard let f = fields(node, what: "`questions:`", allowed: known, required: []) else { return [:] }
    var out: [String: String] = [:]
    for (kind, value) in f.values {
      if let question = text(value, key: kind) { out[kind] = question }
    }
    return out
  }

  /// The answer type under `type:`.
  func answerType(_ node: Node?) -> AnswerType {
    guard let raw = text(node, key: "type"), let node else { return .text }
    if let type = AnswerType(rawValue: raw) { return type }
    let known = AnswerType.allCases.map(\.rawValue)
    let hint =
      EditDistance.suggestion(for: raw, among: known).map { "did you mean '\($0)'?" }
      ?? "answer types: \(known.joined(separator: ", "))"
    error("unknown answer type '\(raw)'", hint: hint, at: node)
    return .text
  }

  /// `source:` as a sentence or `{quote:, cite:}`, with an optional sibling `cite:`.
  func quote(in f: Fields, what: String, warnIfMissing: Bool = true) -> Quote? {
    let siblingCite = text(f["cite"], key: "cite")
    if let siblingCite, let citeNode = f["cite"] { citeUses.append((siblingCite, location(citeNode))) }
    guard let node = f["source"], !YAMLDocument.isNull(node) else {
      if warnIfMissing {
        warning(
          "\(what) has no source sentence", hint: "add `source:` quoting the sentence it rests on",
          at: location(f.node))
      }
      if let citeNode = f["cite"], siblingCite != nil {
        error("`cite:` without a `source:` to go with it", hint: "add `source:` with the quoted sentence", at: citeNode)
      }
      return nil
    }
    var quote: Quote
    switch node {
    case .scalar(let scalar):
      quote = Quote(text: scalar.string, cite: siblingCite, location: location(node))
    case .mapping:
      guard let q = fields(node, what: "a `source:`", allowed: ["quote", "cite"], required: ["quote"]),
        let text = text(q["quote"], key: "quote"), let quoteNode = q["quote"]
      else { return nil }
      var cite = siblingCite
      if let inner = self.text(q["cite"], key: "cite"), let innerNode = q["cite"] {
        if siblingCite != nil, let citeNode = f["cite"] {
          error(
            "`cite:` is given twice, inside `source:` and beside it", hint: "keep one of them", at: citeNode)
        }
        citeUses.append((inner, location(innerNode)))
        cite = inner
      }
      quote = Quote(text: text, cite: cite, location: location(quoteNode))
    default:
      error(
        "`source:` should be the quoted sentence or {quote: ..., cite: ...}, found \(describe(node))", at: node)
      return nil
    }
    if quote.text.trimmingSpaces.isEmpty {
      error("the `source:` quote is empty", hint: "quote the sentence the item rests on", at: node)
      return nil
    }
    quotes.append(QuoteUse(quote: quote, location: quote.location ?? location(node)))
    return quote
  }
}
