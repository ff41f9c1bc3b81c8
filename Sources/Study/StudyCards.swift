/// The cards a session may show, by id: all given up front, or read on demand (from compiled decks) and kept.
public final class StudyCards {
  private var known: [String: StudyCard]
  private var absent = Set<String>()
  private let fetch: (([String]) throws(StudyError) -> [StudyCard])?

  /// Every card, given now.
  public init(_ cards: [StudyCard]) {
    known = Dictionary(cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    fetch = nil
  }

  /// Cards read by `fetch` when first asked for (it returns those of the ids it knows).
  public init(fetch: @escaping ([String]) throws(StudyError) -> [StudyCard]) {
    known = [:]
    self.fetch = fetch
  }

  /// The cards with these ids, in order; ids no deck has are left out. Reads the missing ones in one go.
  public func cards(_ ids: [String]) throws(StudyError) -> [StudyCard] {
    if let fetch {
      var seen = Set<String>()
      let missing = ids.filter { known[$0] == nil && !absent.contains($0) && seen.insert($0).inserted }
      if !missing.isEmpty {
        for card in try fetch(missing) { known[card.id] = card }
        for id in missing where known[id] == nil { absent.insert(id) }
      }
    }
    return ids.compactMap { known[$0] }
  }

  /// The card with this id, if any deck has it.
  public subscript(id: String) -> StudyCard? { (try? cards([id]))?.first }

  /// How many cards have been read so far.
  public var loadedCount: Int { known.count }
}
