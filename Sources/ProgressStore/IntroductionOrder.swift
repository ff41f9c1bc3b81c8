/// Which new cards a session introduces, and in what order: the earliest in the deck's order of introduction
/// (heart-first, see `Deck.heartFirst`), with kinds interleaved.
///
/// The rules, strictest first: one card per sibling group (siblings are buried for the day, so two never follow
/// each other); never more than `longestRun` cards of one kind in a row; date questions at most a quarter of the
/// session. When nothing fits, the date share gives way first, then the run length, so that a deck of dates alone
/// still fills the session.
///
/// ```swift
/// let picked = IntroductionOrder.pick(candidates, count: 20)  // indices into candidates, in study order
/// ```
public enum IntroductionOrder {
  /// A new card that may be introduced.
  public struct Candidate: Sendable, Equatable {
    /// The card's kind ("date", "place", "choice", …).
    public var kind: String
    /// Its sibling group (the item it comes from).
    public var group: String
    /// Whether it asks for a date (or for the event of a date).
    public var isDate: Bool

    /// A candidate with the given kind, group and date flag.
    public init(kind: String, group: String, isDate: Bool) {
      self.kind = kind
      self.group = group
      self.isDate = isDate
    }

    /// A store card's candidate: a date question is a `date` or `event` card, or a multiple-choice card on a date
    /// (its id ends in `/date`).
    public init(_ card: StoredCard) { self.init(id: card.id, kind: card.kind, group: card.siblingGroup) }

    /// The candidate for a card with this id, kind and sibling group (as `init(_:)` reads them from a card).
    public init(id: String, kind: String, group: String) {
      self.init(
        kind: kind, group: group,
        isDate: kind == "date" || kind == "event" || (kind == "choice" && id.hasSuffix("/date")))
    }
  }

  /// The most cards of one kind in a row.
  public static let longestRun = 3

  /// The most date questions in a session of `count` new cards: a quarter, at least one.
  public static func dateLimit(count: Int) -> Int { max(1, count / 4) }

  /// How many of the earliest unused sibling groups each pick chooses among.
  public static let lookahead = 3

  /// Up to `count` indices into `candidates` (given in order of introduction), in the order to study them.
  ///
  /// Each pick takes, from the first `lookahead` sibling groups not yet used, the earliest card the rules allow,
  /// except that a kind the session has shown `longestRun` times already gives way to one shown less; when none
  /// there is allowed, the earliest allowed card further on. Candidates whose group is in `excludedGroups` are
  /// never picked.
  public static func pick(
    _ candidates: [Candidate], count: Int, excludedGroups: Set<String> = []
  ) -> [Int] {
    var used = excludedGroups
    var taken = [Bool](repeating: false, count: candidates.count)
    var picked: [Int] = []
    var shown: [String: Int] = [:]
    var dates = 0
    let dateLimit = dateLimit(count: count)
    var first = 0  // every candidate before this one is taken or in a used group
    while picked.count < count {
      while first < candidates.count && (taken[first] || used.contains(candidates[first].group)) { first += 1 }
      guard first < candidates.count else { break }
      let run = trailingRun(picked.map { candidates[$0].kind })
      func allowed(_ index: Int, strictness: Int) -> Bool {
        let candidate = candidates[index]
        if taken[index] || used.contains(candidate.group) { return false }
        if strictness >= 2 && candidate.isDate && dates >= dateLimit { return false }
        if strictness >= 1 && run.kind == candidate.kind && run.length >= longestRun { return false }
        return true
      }
      // The window: every candidate of the first `lookahead` unused groups.
      var window: [Int] = []
      var groups = Set<String>()
      for index in first..<candidates.count where !taken[index] && !used.contains(candidates[index].group) {
        if !groups.contains(candidates[index].group) {
          if groups.count == lookahead { break }
          groups.insert(candidates[index].group)
        }
        window.append(index)
      }
      // A kind shown `longestRun` times already gives way to one shown less; below that, the earliest card wins.
      func weight(_ index: Int) -> Int {
        let times = shown[candidates[index].kind] ?? 0
        return times >= longestRun ? times : 0
      }
      var choice = window.filter { allowed($0, strictness: 2) }.min { (weight($0), $0) < (weight($1), $1) }
      if choice == nil {
        for strictness in stride(from: 2, through: 0, by: -1) {
          choice = (first..<candidates.count).first { allowed($0, strictness: strictness) }
          if choice != nil { break }
        }
      }
      guard let choice else { break }
      taken[choice] = true
      used.insert(candidates[choice].group)
      shown[candidates[choice].kind, default: 0] += 1
      if candidates[choice].isDate { dates += 1 }
      picked.append(choice)
    }
    return picked
  }

  /// The kind the list ends with and how many times it repeats at its end.
  static func trailingRun(_ kinds: [String]) -> (kind: String?, length: Int) {
    guard let last = kinds.last else { return (nil, 0) }
    return (last, kinds.reversed().prefix { $0 == last }.count)
  }
}
