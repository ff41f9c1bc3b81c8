import TextKit
import CardBuilder
import EventDeck
import LineEditing

/// A walk through a draft's proposals, one at a time, on a line reader: accept, skip, rename, change an
/// entity's kind, reword the question. The study sessions' reader, so history and Ctrl-C behave the same.
///
/// ```swift
/// let review = DraftReview(draft: draft, reader: ScriptedLineReader(lines: ["", "s", "r Monte Melkonian"])) { print($0, terminator: "") }
/// if let reviewed = review.run() { try reviewed.yaml() }   // nil: the user quit without writing
/// ```
public final class DraftReview {
  /// One proposal: where it sits in the deck.
  enum Item {
    case entity(EntityKind, String)
    case event(String)
    case fact(String)
  }

  private var draft: Draft
  private let reader: LineReader
  private let write: (String) -> Void
  /// Item id → the first question its cards ask, as drafted.
  private let firstQuestion: [String: (CardKind, String)]

  public init(draft: Draft, reader: LineReader, write: @escaping (String) -> Void) {
    self.draft = draft
    self.reader = reader
    self.write = write
    var first: [String: (CardKind, String)] = [:]
    for card in CardBuilder(deck: draft.deck).cards() where first[card.item] == nil {
      first[card.item] = (card.kind, card.prompt)
    }
    self.firstQuestion = first
    reader.completionWords = ["done", "skip", "rename", "kind", "question", "person", "place", "unit", "organisation"]
  }

  static let help = "Enter accepts · s skips · r NAME renames · k KIND (person, place, unit, organisation) · q TEXT rewords the question · done keeps the rest · ? help\n"

  /// Runs the walk-through; the reviewed draft, or nil when the user quit without writing (Ctrl-C twice, SIGTERM).
  public func run() -> Draft? {
    let deck = draft.deck
    let items: [Item] =
      deck.people.map { .entity(.person, $0.id) } + deck.places.map { .entity(.place, $0.id) }
      + deck.units.map { .entity(.unit, $0.id) } + deck.organisations.map { .entity(.organisation, $0.id) }
      + deck.events.map { .event($0.id) } + deck.facts.map { .fact($0.id) }
    write("Reviewing \(items.count) proposals from \(TerminalText.sanitize(deck.sources.first?.file ?? "the source")).\n")
    write(Self.help)
    var index = 0
    var interrupted = false
    while index < items.count {
      let item = items[index]
      write("\n" + describe(item, number: index + 1, of: items.count))
      switch reader.readLine(prompt: "review> ") {
      case .line(let raw):
        interrupted = false
        let line = raw.trimmingCharacters(in: .whitespaces)
        let (command, argument) = Self.split(line)
        switch command {
        case "", "a", "accept", "y":
          index += 1
        case "s", "skip", "n":
          remove(item)
          write("skipped\n")
          index += 1
        case "r", "rename":
          guard !argument.isEmpty else {
            write("rename to what? type: r NEW NAME\n")
            continue
          }
          if let problem = rename(item, to: argument) { write(problem + "\n") } else { write("renamed\n") }
        case "k", "kind":
          if let problem = changeKind(item, to: argument) { write(problem + "\n") } else { write("now a \(argument)\n") }
        case "q", "question":
          guard !argument.isEmpty else {
            write("which question? type: q THE QUESTION\n")
            continue
          }
          reword(item, argument)
          write("question set\n")
        case "done":
          write("keeping the remaining \(items.count - index) proposals as drafted\n")
          return draft
        case "?", "h", "help":
          write(Self.help)
        default:
          write("unknown command '\(TerminalText.sanitize(command))'\n" + Self.help)
        }
      case .interrupted(let discarded):
        if discarded.isEmpty && interrupted { return nil }
        interrupted = discarded.isEmpty
        write(discarded.isEmpty ? "(Ctrl-C again quits without writing)\n" : "\n")
      case .endOfInput:
        write("\nkeeping the remaining \(items.count - index) proposals as drafted\n")
        return draft
      case .terminated:
        return nil
      }
    }
    write("\nreviewed all \(items.count) proposals\n")
    return draft
  }

  static func split(_ line: String) -> (String, String) {
    guard let space = line.firstIndex(of: " ") else { return (line.lowercased(), "") }
    return (line[..<space].lowercased(), line[line.index(after: space)...].trimmingCharacters(in: .whitespaces))
  }

  // MARK: - Showing

  func describe(_ item: Item, number: Int, of total: Int) -> String {
    let s = TerminalText.sanitize
    var lines: [String] = []
    var id = ""
    switch item {
    case .entity(let kind, let eid):
      guard let e = draft.deck.entity(eid) else { return "" }
      id = eid
      lines.append("[\(number)/\(total)] \(kind.rawValue): \(s(e.name))")
      if !e.aliases.isEmpty { lines.append("  also: \(s(e.aliases.joined(separator: ", ")))") }
      if let role = e.role { lines.append("  role: \(s(role))") }
      if let type = e.type { lines.append("  type: \(s(type))") }
      if let q = e.source?.text { lines.append("  quote: \u{201C}\(s(Self.short(q)))\u{201D}") }
    case .event(let eid):
      guard let e = draft.deck.event(eid) else { return "" }
      id = eid
      lines.append("[\(number)/\(total)] event: \(s(e.title))")
      if let d = e.date { lines.append("  date: \(d)") }
      if let q = e.source?.text { lines.append("  quote: \u{201C}\(s(Self.short(q)))\u{201D}") }
    case .fact(let fid):
      guard let f = draft.deck.facts.first(where: { $0.id == fid }) else { return "" }
      id = fid
      lines.append("[\(number)/\(total)] fact: \(s(f.term))")
      lines.append("  statement: \u{201C}\(s(Self.short(f.statement)))\u{201D}")
    }
    if let (_, prompt) = firstQuestion[id] { lines.append("  asks: \(s(prompt))") }
    for note in draft.notes[id] ?? [] { lines.append("  check: \(s(note))") }
    return lines.joined(separator: "\n") + "\n"
  }

  static func short(_ text: String, limit: Int = 160) -> String {
    text.count <= limit ? text : String(text.prefix(limit)) + "…"
  }

  // MARK: - Editing

  private func id(of item: Item) -> String {
    switch item {
    case .entity(_, let id), .event(let id), .fact(let id): return id
    }
  }

  func remove(_ item: Item) {
    let id = id(of: item)
    draft.notes[id] = nil
    switch item {
    case .entity:
      draft.deck.people.removeAll { $0.id == id }
      draft.deck.places.removeAll { $0.id == id }
      draft.deck.units.removeAll { $0.id == id }
      draft.deck.organisations.removeAll { $0.id == id }
      for k in draft.deck.events.indices {
        draft.deck.events[k].places.removeAll { $0 == id }
        draft.deck.events[k].actors.removeAll { $0 == id }
      }
      for k in draft.deck.places.indices where draft.deck.places[k].within == id { draft.deck.places[k].within = nil }
    case .event:
      draft.deck.events.removeAll { $0.id == id }
    case .fact:
      draft.deck.facts.removeAll { $0.id == id }
    }
  }

  /// Applies `change` to the entity with `id`, wherever it is filed.
  private func editEntity(_ id: String, _ change: (inout Entity) -> Void) {
    for k in draft.deck.people.indices where draft.deck.people[k].id == id { change(&draft.deck.people[k]) }
    for k in draft.deck.places.indices where draft.deck.places[k].id == id { change(&draft.deck.places[k]) }
    for k in draft.deck.units.indices where draft.deck.units[k].id == id { change(&draft.deck.units[k]) }
    for k in draft.deck.organisations.indices where draft.deck.organisations[k].id == id {
      change(&draft.deck.organisations[k])
    }
  }

  func rename(_ item: Item, to name: String) -> String? {
    switch item {
    case .entity(_, let id):
      editEntity(id) { e in
        if !e.aliases.contains(e.name) { e.aliases.insert(e.name, at: 0) }
        e.aliases.removeAll { $0 == name }
        e.name = name
      }
    case .event(let id):
      guard let k = draft.deck.events.firstIndex(where: { $0.id == id }) else { return "no such event" }
      var e = draft.deck.events[k]
      e.title = name
      if let date = e.date { e.questions["date"] = Drafter.datePrompt(date, title: name) }
      if e.questions["place"] != nil { e.questions["place"] = "Where was it that \(name)" }
      if e.questions["actor"] != nil { e.questions["actor"] = "Who was involved when \(name)" }
      draft.deck.events[k] = e
    case .fact(let id):
      guard let k = draft.deck.facts.firstIndex(where: { $0.id == id }) else { return "no such fact" }
      guard draft.deck.facts[k].statement.contains(name) else {
        return "a fact's term must appear in its statement exactly; '\(TerminalText.sanitize(name))' does not"
      }
      draft.deck.facts[k].term = name
    }
    return nil
  }

  func changeKind(_ item: Item, to argument: String) -> String? {
    guard case .entity(_, let id) = item else { return "only people, places, units and organisations have a kind" }
    let names: [String: EntityKind] = [
      "person": .person, "people": .person, "place": .place, "unit": .unit, "organisation": .organisation,
      "organization": .organisation, "org": .organisation,
    ]
    guard let kind = names[argument.lowercased()] else {
      return "kind must be person, place, unit or organisation"
    }
    guard var entity = draft.deck.entity(id) else { return "no such entity" }
    remove(.entity(entity.kind, id))
    let was = entity.kind
    entity.kind = kind
    if kind != .place { entity.within = nil }
    if kind == .person || kind == .organisation {
      if entity.role == nil { entity.role = entity.type }
      entity.type = nil
    }
    switch kind {
    case .person: draft.deck.people.append(entity)
    case .place: draft.deck.places.append(entity)
    case .unit: draft.deck.units.append(entity)
    case .organisation: draft.deck.organisations.append(entity)
    }
    // Its mentions move between an event's places and actors.
    for k in draft.deck.events.indices {
      guard let quote = draft.deck.events[k].source?.text,
        entity.allNames.contains(where: { quote.contains($0) })
      else { continue }
      if kind == .place { draft.deck.events[k].places.append(id) } else { draft.deck.events[k].actors.append(id) }
    }
    _ = was
    return nil
  }

  func reword(_ item: Item, _ question: String) {
    let id = id(of: item)
    switch item {
    case .fact:
      if let k = draft.deck.facts.firstIndex(where: { $0.id == id }) { draft.deck.facts[k].question = question }
    case .event:
      let kind = firstQuestion[id]?.0.rawValue ?? "date"
      if let k = draft.deck.events.firstIndex(where: { $0.id == id }) { draft.deck.events[k].questions[kind] = question }
    case .entity:
      let kind = firstQuestion[id]?.0.rawValue ?? "role"
      editEntity(id) { $0.questions[kind] = question }
    }
  }
}
