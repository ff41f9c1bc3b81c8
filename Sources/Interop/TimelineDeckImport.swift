import EventDeck
import Foundation

/// A TimelineJS timeline turned into an Annals deck: one event per slide (its text as the source sentence),
/// eras kept, groups as tags, and the slides' text as the deck's source file.
public struct TimelineDeckImport: Sendable {
  public var deck: Deck
  /// The source file's text: one paragraph per slide.
  public var sourceText: String

  /// Builds the deck; the source entry points at `sourceFile`, relative to the deck file.
  public init(_ timeline: Timeline, deckID: String, fileName: String, sourceFile: String) {
    var paragraphs: [String] = []
    func remember(_ text: String) {
      if !text.isEmpty, !paragraphs.contains(text) { paragraphs.append(text) }
    }
    let title = timeline.title?.text?.headline.map(HTMLText.plain).flatMap { $0.isEmpty ? nil : $0 }
      ?? URL(fileURLWithPath: fileName).deletingPathExtension().lastPathComponent
    let description = timeline.title?.text?.text.map(HTMLText.plain) ?? ""
    var ids = Set<String>()
    func uniqueID(_ text: String, fallback: String) -> String {
      var id = Slug.make(text, fallback: fallback)
      if id.count > 48 { id = String(id.prefix(48)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
      var n = 2
      let base = id
      while !ids.insert(id).inserted {
        id = "\(base)-\(n)"
        n += 1
      }
      return id
    }
    var eras: [Era] = []
    for (i, era) in (timeline.eras ?? []).enumerated() {
      let headline = era.text?.headline.map(HTMLText.plain) ?? ""
      let eraTitle = headline.isEmpty ? "Era \(i + 1)" : headline
      eras.append(
        Era(id: uniqueID(eraTitle, fallback: "era-\(i + 1)"), title: eraTitle, from: Self.date(era.startDate),
            to: Self.date(era.endDate)))
    }
    var events: [Event] = []
    for (i, slide) in timeline.events.enumerated() {
      guard let start = slide.startDate else { continue }
      let headline = slide.text?.headline.map(HTMLText.plain) ?? ""
      let text = slide.text?.text.map(HTMLText.plain) ?? ""
      let eventTitle = headline.isEmpty ? String(text.prefix(80)) : headline
      let sentence = text.isEmpty ? eventTitle : text
      remember(sentence)
      let begin = Self.date(start)
      var end = slide.endDate.map(Self.date)
      if end == begin { end = nil }
      // The era that contains the start, the most recently begun when several do.
      let era = eras.filter { era in
        guard let from = era.from, let to = era.to else { return false }
        return from.earliestDay <= begin.earliestDay && begin.earliestDay <= to.latestDay
      }.max { $0.from!.earliestDay < $1.from!.earliestDay }
      let group = slide.group.map(HTMLText.plain).map { Slug.make($0, fallback: "") } ?? ""
      events.append(
        Event(
          id: slide.uniqueID.flatMap { DeckFiles.isValidID($0) && !ids.contains($0) ? $0 : nil }.map { ids.insert($0); return $0 }
            ?? uniqueID(eventTitle, fallback: "event-\(i + 1)"),
          title: eventTitle, summary: text.isEmpty ? nil : text, date: DateSpec(start: begin, end: end),
          era: era?.id, tags: group.isEmpty ? [] : [group], source: Quote(text: sentence)))
    }
    remember(description)
    deck = Deck(
      id: deckID, title: title,
      description: description.isEmpty ? "Imported from the TimelineJS file \(fileName)." : description,
      sources: [Source(key: "timeline", title: title, publisher: "TimelineJS: \(fileName)", file: sourceFile)],
      eras: eras, events: events)
    sourceText = paragraphs.joined(separator: "\n\n") + (paragraphs.isEmpty ? "" : "\n")
  }

  static func date(_ d: Timeline.Date) -> HistoricalDate {
    HistoricalDate(year: d.year, month: d.month, day: d.month == nil ? nil : d.day)
  }
}
