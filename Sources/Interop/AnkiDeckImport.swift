import Foundation
import CardBuilder
import EventDeck

/// An Anki collection turned into an Annals deck: hand-written cards, the notes' text as the deck's source file,
/// and which Anki card became which Annals card (for the review history).
///
/// ```swift
/// let imported = try AnkiDeckImport(collection, deckID: "french", packageName: "French.apkg",
///                                   sourceFile: "sources/french.txt")
/// try DeckWriter.yaml(for: imported.deck)   // and imported.sourceText into Decks/sources/french.txt
/// ```
public struct AnkiDeckImport: Sendable {
  /// The deck: one hand card per Anki card, subdecks as eras, note tags as tags.
  public var deck: Deck
  /// The source file's text: one paragraph per note, each card's quote among them.
  public var sourceText: String
  /// Anki card id → the Annals card id its hand card gets (`deck/note-…/hand`).
  public var cardIDs: [Int64: String]
  /// Media files the notes refer to, in order of first reference.
  public var mediaReferences: [String]
  /// Anki cards that could not become a card, with the reason.
  public var skipped: [(cardID: Int64, reason: String)]
  /// Notes in the package.
  public var noteCount: Int

  /// Builds the deck from `collection`; the source entry points at `sourceFile`, relative to the deck file.
  public init(_ collection: AnkiCollection, deckID: String, packageName: String, sourceFile: String) {
    let notes = Dictionary(collection.notes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    noteCount = collection.notes.count
    let deckNames = collection.cards.compactMap { collection.decks[$0.deckID] }
    let tops = Dictionary(grouping: deckNames, by: { $0.components(separatedBy: "::")[0] })
    let title = tops.count == 1 ? tops.keys.first! : packageTitle(packageName)
    var eras: [Era] = []
    var eraByDeck: [Int64: String] = [:]
    for (id, name) in collection.decks.sorted(by: { $0.value < $1.value }) {
      var parts = name.components(separatedBy: "::")
      if tops.count == 1 { parts.removeFirst() }
      guard !parts.isEmpty, deckNames.contains(where: { $0 == name }) else { continue }
      let eraTitle = parts.joined(separator: " › ")
      var eraID = Slug.make(eraTitle, fallback: "deck-\(id)")
      while eras.contains(where: { $0.id == eraID }) { eraID += "-\(id)" }
      eras.append(Era(id: eraID, title: eraTitle))
      eraByDeck[id] = eraID
    }
    var cards: [HandCard] = []
    var paragraphs: [String] = []
    var noteText: [Int64: String] = [:]
    var cardIDs: [Int64: String] = [:]
    var skipped: [(Int64, String)] = []
    var media: [String] = []
    for note in collection.notes {
      for field in note.fields {
        for name in HTMLText.mediaReferences(field) where !media.contains(name) { media.append(name) }
      }
    }
    for card in collection.cards {
      guard let note = notes[card.noteID] else {
        skipped.append((card.id, "its note \(card.noteID) is not in the package"))
        continue
      }
      guard let type = collection.notetypes[note.notetypeID] else {
        skipped.append((card.id, "its note type \(note.notetypeID) is not in the package"))
        continue
      }
      let plain = note.fields.map(HTMLText.plain)
      let made: HandCard?
      let text: String
      if type.isCloze {
        let fieldIndex = Self.clozeField(type) ?? 0
        let source = fieldIndex < plain.count ? plain[fieldIndex] : ""
        let extra = plain.enumerated().filter { $0.offset != fieldIndex && !$0.element.isEmpty }.map(\.element)
        text = ([Cloze.resolved(source)] + extra).joined(separator: " — ")
        made = Cloze.blanked(source, number: card.ord + 1).map { question, answer in
          HandCard(
            id: "note-\(note.id)-c\(card.ord + 1)", kind: .cloze, question: question, answer: answer)
        }
        if made == nil { skipped.append((card.id, "note \(note.id) has no cloze c\(card.ord + 1)")) }
      } else {
        text = plain.filter { !$0.isEmpty }.joined(separator: " — ")
        let template = card.ord < type.templates.count ? type.templates[card.ord] : type.templates.first
        let (q, a) = template.map { Self.questionAndAnswerFields($0, fields: type.fields) } ?? (0, 1)
        let question = q < plain.count ? plain[q] : ""
        let answer = a < plain.count ? plain[a] : ""
        if question.isEmpty || answer.isEmpty {
          made = nil
          skipped.append((card.id, "note \(note.id): the card's question or answer is empty (after removing HTML)"))
        } else {
          let suffix = card.ord == 0 ? "" : "-card\(card.ord + 1)"
          made = HandCard(id: "note-\(note.id)\(suffix)", kind: .typed, question: question, answer: answer)
        }
      }
      guard var hand = made else { continue }
      if noteText[note.id] == nil {
        noteText[note.id] = text
        paragraphs.append(text)
      }
      hand.tags = note.tags
      hand.era = eraByDeck[card.deckID]
      hand.source = Quote(text: text)
      cards.append(hand)
      cardIDs[card.id] = hand.id
    }
    let usedEras = Set(cards.compactMap(\.era))
    deck = Deck(
      id: deckID, title: title, description: "Imported from the Anki package \(packageName).",
      sources: [Source(key: "anki", title: "Notes of \(packageName)", publisher: "Anki", file: sourceFile)],
      eras: eras.filter { usedEras.contains($0.id) }, cards: cards)
    sourceText = paragraphs.joined(separator: "\n\n") + (paragraphs.isEmpty ? "" : "\n")
    // The ids the card builder gives these hand cards, so a store finds them.
    let built = Dictionary(CardBuilder(deck: deck).cards().map { ($0.item, $0.id) }, uniquingKeysWith: { a, _ in a })
    self.cardIDs = cardIDs.compactMapValues { built[$0] }
    self.skipped = skipped
    self.mediaReferences = media
  }

  /// The field a cloze template fills (`{{cloze:Text}}`).
  static func clozeField(_ type: AnkiCollection.Notetype) -> Int? {
    guard let qfmt = type.templates.first?.questionFormat else { return nil }
    for reference in Self.references(qfmt) where reference.filters.contains("cloze") {
      if let i = type.fields.firstIndex(of: reference.field) { return i }
    }
    return nil
  }

  /// Question field: the first field the question shows; answer field: the `{{type:…}}` field, else the first
  /// other field the answer side shows.
  static func questionAndAnswerFields(_ template: AnkiCollection.Template, fields: [String]) -> (Int, Int) {
    let question = references(template.questionFormat)
    let q = question.first { !$0.filters.contains("type") }.flatMap { fields.firstIndex(of: $0.field) } ?? 0
    if let typed = question.first(where: { $0.filters.contains("type") }), let a = fields.firstIndex(of: typed.field) {
      return (q, a)
    }
    let answer = references(template.answerFormat).compactMap { fields.firstIndex(of: $0.field) }
    return (q, answer.first { $0 != q } ?? (q == 0 ? 1 : 0))
  }

  /// `{{filter:Field}}` references of a template, without `FrontSide` and section tags (`{{#F}}`, `{{/F}}`).
  static func references(_ format: String) -> [(field: String, filters: [String])] {
    var result: [(String, [String])] = []
    var rest = Substring(format)
    while let open = rest.range(of: "{{") {
      rest = rest[open.upperBound...]
      guard let close = rest.range(of: "}}") else { break }
      let inside = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      rest = rest[close.upperBound...]
      if inside.hasPrefix("#") || inside.hasPrefix("/") || inside.hasPrefix("^") || inside == "FrontSide" { continue }
      var parts = inside.components(separatedBy: ":")
      let field = parts.removeLast()
      result.append((field, parts))
    }
    return result
  }
}

/// "French.apkg" → "French".
private func packageTitle(_ name: String) -> String {
  let base = name.split(separator: "/").last.map(String.init) ?? name
  if let dot = base.lastIndex(of: "."), dot != base.startIndex { return String(base[..<dot]) }
  return base
}
