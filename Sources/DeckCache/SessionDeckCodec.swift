import EventDeck

/// The compiled copy's session deck (`CompiledDeck.sessionDeck()`) in the binary form of `CardCodec`.
///
/// A study session decodes it once its first card is shown, for the answer checker's names and for timelines.
/// From JSON, a 5,000-event deck took 90 ms of CPU, and the decoder's own tree raised the peak memory by several
/// megabytes. Here it is one forward pass. It holds exactly what `CompiledDeck.sessionPart(of:)` keeps: the
/// deck's id and title, its eras, each entity's id, kind, names, role, place and type, and each event's id,
/// title, summary, date and era.
enum SessionDeckCodec {
  static func encode(_ deck: Deck) -> [UInt8] {
    var out = CodecWriter()
    out.string(deck.id)
    out.string(deck.title)
    out.varint(UInt64(deck.eras.count))
    for era in deck.eras {
      out.string(era.id)
      out.string(era.title)
      out.optional(era.from) { $0.date($1) }
      out.optional(era.to) { $0.date($1) }
    }
    for group in [deck.people, deck.places, deck.units, deck.organisations] {
      out.varint(UInt64(group.count))
      for entity in group {
        out.string(entity.id)
        out.string(entity.kind.rawValue)
        out.string(entity.name)
        out.strings(entity.aliases)
        out.optional(entity.role) { $0.string($1) }
        out.optional(entity.within) { $0.string($1) }
        out.optional(entity.type) { $0.string($1) }
      }
    }
    out.varint(UInt64(deck.events.count))
    for event in deck.events {
      out.string(event.id)
      out.string(event.title)
      out.optional(event.summary) { $0.string($1) }
      out.optional(event.date) { out, spec in
        out.date(spec.start)
        out.optional(spec.end) { $0.date($1) }
        out.string(spec.qualifier.rawValue)
      }
      out.optional(event.era) { $0.string($1) }
    }
    return out.bytes
  }

  /// The deck in `bytes`, or nil when they are not a whole session deck of this form.
  static func decode(_ bytes: UnsafeRawBufferPointer) -> Deck? {
    var input = CodecReader(bytes: bytes)
    guard let id = input.string(), let title = input.string(), let eraCount = input.count() else { return nil }
    var eras: [Era] = []
    eras.reserveCapacity(eraCount)
    for _ in 0..<eraCount {
      guard let id = input.string(), let title = input.string(), let from = input.optional({ $0.date() }),
        let to = input.optional({ $0.date() })
      else { return nil }
      eras.append(Era(id: id, title: title, from: from, to: to))
    }
    var groups: [[Entity]] = []
    for _ in 0..<4 {
      guard let count = input.count() else { return nil }
      var group: [Entity] = []
      group.reserveCapacity(count)
      for _ in 0..<count {
        guard let id = input.string(), let kind = input.raw(EntityKind.self), let name = input.string(),
          let aliases = input.strings(), let role = input.optional({ $0.string() }),
          let within = input.optional({ $0.string() }), let type = input.optional({ $0.string() })
        else { return nil }
        group.append(Entity(id: id, kind: kind, name: name, aliases: aliases, role: role, within: within, type: type))
      }
      groups.append(group)
    }
    guard let eventCount = input.count() else { return nil }
    var events: [Event] = []
    events.reserveCapacity(eventCount)
    for _ in 0..<eventCount {
      guard let id = input.string(), let title = input.string(), let summary = input.optional({ $0.string() }),
        let date = input.optional({ input -> DateSpec? in
          guard let start = input.date(), let end = input.optional({ $0.date() }),
            let qualifier = input.raw(DateQualifier.self)
          else { return nil }
          return DateSpec(start: start, end: end, qualifier: qualifier)
        }),
        let era = input.optional({ $0.string() })
      else { return nil }
      events.append(Event(id: id, title: title, summary: summary, date: date, era: era))
    }
    guard input.isAtEnd else { return nil }
    return Deck(
      id: id, title: title, eras: eras, people: groups[0], places: groups[1], units: groups[2],
      organisations: groups[3], events: events)
  }
}
