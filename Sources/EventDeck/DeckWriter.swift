import Yams

/// Writes a `Deck` back as deck YAML that `DeckLoader` reads to an equal deck (locations aside).
///
/// Used to generate decks (benchmarks, tests); hand-written decks keep their own layout and comments.
public enum DeckWriter {
  /// The deck as YAML text.
  public static func yaml(for deck: Deck) throws -> String { try yaml(for: deck, comments: [:]) }

  /// The deck as YAML with comment lines: `header` at the top, and each item's `comments` (keyed by item id, or
  /// "deck" for the `deck:` block) as `# check: …` lines above it. Comments never change what the file reads as.
  public static func yaml(for deck: Deck, comments: [String: [String]], header: [String] = []) throws -> String {
    let body = try plainYAML(for: deck)
    guard !comments.isEmpty || !header.isEmpty else { return body }
    func clean(_ s: String) -> String {
      String(s.map { $0.isNewline || ($0.asciiValue.map { $0 < 32 } ?? false) ? " " : $0 })
    }
    var out = header.map { "# " + clean($0) }
    if !out.isEmpty { out.append("") }
    var inEras = false
    for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop { $0 == " " }
      let indent = String(repeating: " ", count: line.count - trimmed.count)
      if line == "deck:", let notes = comments["deck"] {
        out += notes.map { "# check: " + clean($0) }
      }
      if !line.hasPrefix(" ") { inEras = false }
      if trimmed == "eras:" { inEras = true }
      // Top-level items sit at "- id:" under their section; eras under deck:, quantities deeper (not keyed).
      if trimmed.hasPrefix("- id: "), indent.isEmpty || (inEras && indent.count == 2) {
        var id = String(trimmed.dropFirst(6))
        if id.count >= 2, let q = id.first, q == "'" || q == "\"", id.last == q { id = String(id.dropFirst().dropLast()) }
        for note in comments[id] ?? [] { out.append(indent + "# check: " + clean(note)) }
      }
      out.append(String(line))
    }
    return out.joined(separator: "\n")
  }

  static func plainYAML(for deck: Deck) throws -> String {
    var top: [(Node, Node)] = [("deck", metadata(deck))]
    let sections: [(String, [Node])] = [
      ("people", deck.people.map(entity)), ("places", deck.places.map(entity)), ("units", deck.units.map(entity)),
      ("organisations", deck.organisations.map(entity)), ("events", deck.events.map(event)),
      ("facts", deck.facts.map(fact)), ("cards", deck.cards.map(card)),
    ]
    for (key, items) in sections where !items.isEmpty { top.append((Node(key), Node(items))) }
    return try Yams.serialize(node: Node(top), width: -1, allowUnicode: true)
  }

  private static func metadata(_ deck: Deck) -> Node {
    var m = Pairs()
    m.add("id", deck.id)
    m.add("title", deck.title)
    m.add("description", deck.description.isEmpty ? nil : deck.description)
    m.add("language", deck.language)
    m.add("authors", deck.authors)
    m.add("licence", deck.licence.isEmpty ? nil : deck.licence)
    if !deck.sources.isEmpty {
      m.pairs.append(
        (
          "sources",
          Node(
            deck.sources.map { s in
              var p = Pairs()
              p.add("key", s.key)
              p.add("title", s.title)
              p.add("publisher", s.publisher.isEmpty ? nil : s.publisher)
              p.add("url", s.url.isEmpty ? nil : s.url)
              p.add("licence", s.licence.isEmpty ? nil : s.licence)
              p.add("file", s.file)
              return p.node
            })
        ))
    }
    if !deck.eras.isEmpty {
      m.pairs.append(
        (
          "eras",
          Node(
            deck.eras.map { e in
              var p = Pairs()
              p.add("id", e.id)
              p.add("title", e.title)
              p.add("from", e.from?.iso)
              p.add("to", e.to?.iso)
              return p.node
            })
        ))
    }
    m.add("topics", deck.topics)
    m.add("disable", deck.disabledKinds)
    return m.node
  }

  private static func entity(_ e: Entity) -> Node {
    var p = Pairs()
    p.add("id", e.id)
    p.add("name", e.name)
    p.add("aliases", e.aliases)
    p.add("role", e.role)
    p.add("within", e.within)
    p.add("type", e.type)
    p.add("tags", e.tags)
    p.add("disable", e.disabledKinds)
    p.add("core", e.core.map { $0 ? "true" : "false" })
    p.add(questions: e.questions)
    p.add(source: e.source)
    return p.node
  }

  private static func event(_ e: Event) -> Node {
    var p = Pairs()
    p.add("id", e.id)
    p.add("title", e.title)
    p.add("summary", e.summary)
    p.add("stem", e.stem)
    if let date = e.date {
      p.add("date", date.deckForm)
    }
    p.add("places", e.places)
    p.add("actors", e.actors)
    if !e.quantities.isEmpty {
      p.pairs.append(
        (
          "quantities",
          Node(
            e.quantities.map { q in
              var qp = Pairs()
              qp.add("id", q.id)
              qp.add("value", number(q.value))
              qp.add("unit", q.unit)
              qp.add("qualifier", q.qualifier == .exact ? nil : q.qualifier.rawValue)
              qp.add("tolerance", q.tolerance.map(number))
              qp.add("counts", q.counts)
              qp.add("question", q.question)
              qp.add(source: q.source)
              return qp.node
            })
        ))
    }
    p.add("outcome", e.outcome)
    p.add("era", e.era)
    p.add("tags", e.tags)
    p.add("disable", e.disabledKinds)
    p.add("core", e.core.map { $0 ? "true" : "false" })
    p.add(questions: e.questions)
    p.add(source: e.source)
    return p.node
  }

  private static func fact(_ f: Fact) -> Node {
    var p = Pairs()
    p.add("id", f.id)
    p.add("statement", f.statement)
    p.add("term", f.term)
    p.add("accept", f.accept)
    p.add("question", f.question)
    p.add("type", f.answerType == .text ? nil : f.answerType.rawValue)
    p.add("era", f.era)
    p.add("tags", f.tags)
    p.add("disable", f.disabledKinds)
    p.add("core", f.core.map { $0 ? "true" : "false" })
    p.add(source: f.source)
    return p.node
  }

  private static func card(_ c: HandCard) -> Node {
    var p = Pairs()
    p.add("id", c.id)
    p.add("kind", c.kind.rawValue)
    p.add("question", c.question)
    p.add("answer", c.answer.isEmpty ? nil : c.answer)
    p.add("accept", c.accept)
    p.add("type", c.answerType == .text ? nil : c.answerType.rawValue)
    p.add("choices", c.choices)
    p.add("order", c.order)
    p.add("era", c.era)
    p.add("tags", c.tags)
    p.add("core", c.core.map { $0 ? "true" : "false" })
    p.add(source: c.source)
    return p.node
  }

  /// "1900", "21.5": no trailing ".0".
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// An ordered mapping under construction; empty values are left out.
  private struct Pairs {
    var pairs: [(Node, Node)] = []

    var node: Node { Node(pairs) }

    mutating func add(_ key: String, _ value: String?) {
      guard let value else { return }
      pairs.append((Node(key), text(value)))
    }

    mutating func add(_ key: String, _ values: [String]) {
      guard !values.isEmpty else { return }
      pairs.append((Node(key), Node(values.map(text), .implicit, .flow)))
    }

    mutating func add(questions: [String: String]) {
      guard !questions.isEmpty else { return }
      pairs.append(("questions", Node(questions.sorted { $0.key < $1.key }.map { (Node($0.key), text($0.value)) })))
    }

    mutating func add(source: Quote?) {
      guard let source else { return }
      if let cite = source.cite {
        pairs.append(("source", Node([(Node("quote"), text(source.text)), (Node("cite"), text(cite))])))
      } else {
        pairs.append(("source", text(source.text)))
      }
    }

    /// A string scalar; Yams quotes it when it would otherwise read as something else.
    private func text(_ value: String) -> Node {
      // The emitter would write these plain, and a plain `null` or `~` reads back as nothing.
      let readsAsNothing = ["", "~", "null", "Null", "NULL"].contains(value)
      return Node(value, Tag(.str), readsAsNothing ? .doubleQuoted : .any)
    }
  }
}
