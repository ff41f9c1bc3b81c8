import CardBuilder
import EventDeck

extension Draft {
  /// The text of the sentence each inferred year came from, by event id, for `CardAudit`.
  public var yearSourceTexts: [String: String] {
    yearSources.mapValues { document.sentences[$0].plain }
  }

  /// The audit's findings on the draft's cards as they stand.
  public func audit() -> [CardAudit.Finding] {
    CardAudit.check(CardBuilder(deck: deck).cards(), deck: deck, yearSources: yearSourceTexts)
  }

  /// Turns off every card kind whose answer its quote does not bear out, on the item it came from, with a
  /// `# check:` note; returns how many cards that removed. A safety net: the tests hold drafts to none.
  @discardableResult
  public mutating func pruneUntrue() -> Int {
    let findings = audit()
    guard !findings.isEmpty else { return 0 }
    var byItem: [String: Set<String>] = [:]
    for f in findings {
      let kind = f.card.hasSuffix("/choice/date") || f.card.contains("/choice/") ? "choice" : f.kind.rawValue
      byItem[f.item, default: []].insert(kind)
      notes[f.item, default: []].append("'\(f.answer)' \(f.reason): \(kind) cards turned off")
    }
    func off(_ id: String, _ current: [String]) -> [String] {
      Array(Set(current).union(byItem[id] ?? [])).sorted()
    }
    for k in deck.events.indices where byItem[deck.events[k].id] != nil {
      deck.events[k].disabledKinds = off(deck.events[k].id, deck.events[k].disabledKinds)
    }
    for k in deck.facts.indices where byItem[deck.facts[k].id] != nil {
      deck.facts[k].disabledKinds = off(deck.facts[k].id, deck.facts[k].disabledKinds)
    }
    for k in deck.people.indices where byItem[deck.people[k].id] != nil {
      deck.people[k].disabledKinds = off(deck.people[k].id, deck.people[k].disabledKinds)
    }
    for k in deck.places.indices where byItem[deck.places[k].id] != nil {
      deck.places[k].disabledKinds = off(deck.places[k].id, deck.places[k].disabledKinds)
    }
    for k in deck.units.indices where byItem[deck.units[k].id] != nil {
      deck.units[k].disabledKinds = off(deck.units[k].id, deck.units[k].disabledKinds)
    }
    for k in deck.organisations.indices where byItem[deck.organisations[k].id] != nil {
      deck.organisations[k].disabledKinds = off(deck.organisations[k].id, deck.organisations[k].disabledKinds)
    }
    return findings.count
  }
}
