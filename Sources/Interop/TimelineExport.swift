import EventDeck
import Foundation

/// A deck as TimelineJS JSON: each dated event a slide (integer year/month/day, headline, the source sentence as
/// text, its first tag as group), the deck's eras with both ends, and the title slide.
public enum TimelineExport {
  /// The timeline of `deck`'s dated events, in date order.
  public static func timeline(for deck: Deck) -> Timeline {
    let eraTitles = Dictionary(deck.eras.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    let events = deck.events.compactMap { event -> Timeline.Slide? in
      guard let date = event.date else { return nil }
      let text = event.source?.text ?? event.summary ?? ""
      return Timeline.Slide(
        startDate: Self.date(date.start), endDate: date.end.map(Self.date),
        text: Timeline.Text(headline: escape(capitalised(event.title)), text: escape(text)),
        group: event.tags.first ?? event.era.flatMap { eraTitles[$0] },
        displayDate: date.qualifier == .exact && [.year, .month, .day].contains(date.start.precision) ? nil : date.description,
        uniqueID: event.id)
    }.sorted { a, b in
      let x = a.startDate!
      let y = b.startDate!
      return (x.year, x.month ?? 0, x.day ?? 0) < (y.year, y.month ?? 0, y.day ?? 0)
    }
    let eras = deck.eras.compactMap { era -> Timeline.Era? in
      guard let from = era.from, let to = era.to else { return nil }
      return Timeline.Era(startDate: date(from), endDate: date(to), text: Timeline.Text(headline: escape(era.title)))
    }
    return Timeline(
      title: Timeline.Slide(text: Timeline.Text(headline: escape(deck.title), text: escape(deck.description))),
      events: events, eras: eras)
  }

  /// The timeline as JSON text, keys sorted.
  public static func json(for deck: Deck) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(timeline(for: deck))
  }

  /// TimelineJS's integer parts; a season, decade or century is given by its first month or year.
  static func date(_ d: HistoricalDate) -> Timeline.Date {
    if let season = d.season { return Timeline.Date(year: season == .winter ? d.year : d.year, month: season.firstMonth) }
    return Timeline.Date(year: d.year, month: d.month, day: d.month == nil ? nil : d.day)
  }

  static func capitalised(_ s: String) -> String {
    guard let first = s.first, first.isLowercase else { return s }
    return first.uppercased() + s.dropFirst()
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
