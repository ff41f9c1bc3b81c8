import EventDeck
import TextKit

/// The cards an edit of a deck adds, retires and rewords, matched by their stable ids.
public struct DeckDiff: Sendable, Equatable {
  /// A card's id with its question (and answer), as the learner sees them.
  public struct Entry: Sendable, Equatable {
    public var id: String
    public var prompt: String
    public var answer: String

    public init(id: String, prompt: String, answer: String) {
      self.id = id
      self.prompt = prompt
      self.answer = answer
    }
  }

  /// The same card id asked or answered differently.
  public struct Rewording: Sendable, Equatable {
    public var id: String
    public var old: Entry
    public var new: Entry

    public init(id: String, old: Entry, new: Entry) {
      self.id = id
      self.old = old
      self.new = new
    }
  }

  public var added: [Entry]
  public var retired: [Entry]
  public var reworded: [Rewording]
  /// Cards whose id, question and answer are unchanged.
  public var unchanged: Int

  /// A diff known only in part (a retired card's question may be empty: it is then shown by id alone).
  public init(added: [Entry], retired: [Entry], reworded: [Rewording], unchanged: Int) {
    self.added = added
    self.retired = retired
    self.reworded = reworded
    self.unchanged = unchanged
  }

  /// Compares the cards of two versions of a deck.
  public init(old: [Card], new: [Card]) {
    func entry(_ c: Card) -> Entry { Entry(id: c.id, prompt: c.prompt, answer: c.answer) }
    var oldByID: [String: Card] = [:]
    for c in old where oldByID[c.id] == nil { oldByID[c.id] = c }
    let newIDs = Set(new.map(\.id))
    var seen = Set<String>()
    added = []
    reworded = []
    unchanged = 0
    for c in new where seen.insert(c.id).inserted {
      if let o = oldByID[c.id] {
        if o.prompt != c.prompt || o.answer != c.answer {
          reworded.append(Rewording(id: c.id, old: entry(o), new: entry(c)))
        } else {
          unchanged += 1
        }
      } else {
        added.append(entry(c))
      }
    }
    var retiredSeen = Set<String>()
    retired = old.filter { !newIDs.contains($0.id) && retiredSeen.insert($0.id).inserted }.map(entry)
  }

  /// Compares two decks' cards.
  public init(old: Deck, new: Deck) {
    self.init(old: CardBuilder(deck: old).cards(), new: CardBuilder(deck: new).cards())
  }

  public var isEmpty: Bool { added.isEmpty && retired.isEmpty && reworded.isEmpty }

  /// "2 added, 1 retired, 3 reworded, 140 unchanged".
  public var summary: String {
    "\(added.count) added, \(retired.count) retired, \(reworded.count) reworded, \(unchanged) unchanged"
  }

  /// One line per change ("+ id  prompt", "- id  prompt", "~ id  old → new") then the summary; at most `limit`
  /// lines of each sort, terminal-safe.
  public func lines(limit: Int = .max) -> [String] {
    let s = TerminalText.sanitize
    var out: [String] = []
    func section<T>(_ items: [T], _ line: (T) -> String) {
      out += items.prefix(limit).map(line)
      if items.count > limit { out.append("  … and \(items.count - limit) more") }
    }
    section(added) { "+ \(s($0.id))  \(s($0.prompt))" }
    section(retired) { $0.prompt.isEmpty ? "- \(s($0.id))" : "- \(s($0.id))  \(s($0.prompt))" }
    section(reworded) { r in
      if r.old.prompt != r.new.prompt {
        return "~ \(s(r.id))  \(s(r.old.prompt)) → \(s(r.new.prompt))"
      }
      return "~ \(s(r.id))  answer: \(s(r.old.answer)) → \(s(r.new.answer))"
    }
    out.append(summary)
    return out
  }
}
