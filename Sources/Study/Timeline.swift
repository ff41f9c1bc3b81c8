import EventDeck

/// An event's neighbours in time, shown after a miss so the fact lands in context.
public enum Timeline {
  /// One line of the timeline.
  public struct Entry: Sendable, Equatable {
    /// The event's date as the deck gives it.
    public var date: String
    /// The event's summary, or its title.
    public var text: String
    /// Whether this is the event the card asked about.
    public var isCurrent: Bool
  }

  /// Up to `radius` dated events either side of `eventID`, in date order, the event itself included.
  public static func around(_ eventID: String, in deck: Deck, radius: Int = 2) -> [Entry] {
    var dated: [(Int, Event, DateSpec)] = []
    for (offset, event) in deck.events.enumerated() {
      if let date = event.date { dated.append((offset, event, date)) }
    }
    dated.sort { (a: (Int, Event, DateSpec), b: (Int, Event, DateSpec)) -> Bool in
      a.2.sortKey != b.2.sortKey ? a.2.sortKey < b.2.sortKey : a.0 < b.0
    }
    guard let index = dated.firstIndex(where: { $0.1.id == eventID }) else { return [] }
    let range = max(0, index - radius)...min(dated.count - 1, index + radius)
    return dated[range].map { _, event, date in
      Entry(date: date.description, text: event.summary ?? event.title, isCurrent: event.id == eventID)
    }
  }
}

