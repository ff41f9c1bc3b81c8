import TextKit
import CardBuilder
import EventDeck

/// A sentence with its characters and tokens, read once.
struct Analyzed: Sendable {
  var sentence: Sentence
  var chars: [Character]
  var tokens: [Token]

  init(_ sentence: Sentence) {
    self.sentence = sentence
    chars = Array(sentence.plain)
    tokens = Token.tokenize(chars)
  }

  func surface(_ a: Int, _ b: Int) -> String { String(chars[tokens[a].start..<tokens[b].end]) }
}

/// Finds the people, places, units and organisations a text names, with their kind, role and aliases.
enum EntityExtractor {
  static let titles: Set<String> = [
    "General", "Gen.", "Colonel", "Col.", "President", "King", "Queen", "Emperor", "Empress", "Sir", "Pope", "Saint",
    "Lieutenant", "Lt.", "Captain", "Capt.", "Major", "Maj.", "Admiral", "Marshal", "Senator", "Governor",
    "Chancellor", "Dr.", "Mr.", "Mrs.", "Ms.", "Prince", "Princess", "Duke", "Lord", "Lady", "Commander", "Sultan",
    "Tsar", "Czar", "Shah", "Caliph", "Archbishop", "Bishop", "Consul", "Premier", "Minister", "Sergeant",
  ]
  /// Lowercase nouns before a name that make it a person ("Armenian president Levon Ter-Petrosyan").
  static let roleNouns: Set<String> = [
    "president", "commander", "general", "colonel", "adviser", "advisor", "leader", "minister", "governor", "king",
    "queen", "emperor", "chief", "prince", "princess", "brother", "sister", "son", "daughter", "wife", "husband",
    "journalist", "officer", "senator", "ambassador", "secretary", "historian", "writer", "poet", "general",
    "lieutenant", "captain", "admiral", "marshal", "pope", "bishop", "chancellor", "premier", "dictator", "ruler",
    "statesman", "politician", "author", "explorer", "philosopher", "scientist", "father", "mother", "consul",
  ]
  static let unitNouns: Set<String> = [
    "brigade", "regiment", "division", "battalion", "army", "corps", "squadron", "fleet", "legion", "detachment",
    "platoon", "company", "battery", "wing", "flotilla", "cohort",
  ]
  static let orgKeywords: Set<String> = [
    "committee", "council", "party", "front", "nations", "union", "republic", "government", "parliament",
    "assembly", "congress", "senate", "ministry", "agency", "organization", "organisation", "corporation", "bank",
    "university", "church", "league", "alliance", "federation", "commission", "court", "association", "movement",
    "institute", "society", "guard", "navy", "force", "forces", "police", "service", "office", "command",
    "embassy", "senate", "politburo", "council",
  ]
  static let placeKeywords: Set<String> = [
    "river", "mountains", "mountain", "pass", "district", "province", "oblast", "region", "valley", "sea", "ocean",
    "lake", "island", "islands", "peninsula", "desert", "bay", "strait", "gulf", "city", "county", "ssr", "kingdom",
    "empire", "states", "canal", "forest", "hills", "gorge", "canyon", "plain", "plateau", "range", "coast", "basin",
    "delta", "territory", "territories", "raion", "krai", "square", "street", "bridge", "castle", "fortress",
  ]
  static let placeFirstWords: Set<String> = ["lake", "mount", "cape", "fort", "port", "mt."]
  static let eventKeywords: Set<String> = [
    "battle", "war", "revolution", "siege", "massacre", "offensive", "operation", "campaign", "uprising", "treaty",
    "agreement", "accords", "crisis", "rebellion", "conference", "olympics",
  ]
  /// Nouns before "of X" that make X a place of that type ("the village of Aghdaban").
  static let placeCues: Set<String> = [
    "village", "town", "city", "district", "province", "region", "capital", "port", "fortress", "stronghold",
    "country", "island", "state", "county", "oblast", "republic", "kingdom", "settlement", "municipality",
  ]
  /// Words before a lone name that make it a place.
  static let placePrepositions: Set<String> = [
    "in", "to", "from", "at", "through", "towards", "toward", "near", "into", "via", "outside", "across", "reached",
    "reach", "between", "of", "on",
  ]
  static let reportingVerbs: Set<String> = [
    "stated", "said", "ordered", "responded", "argued", "wrote", "declared", "noted", "explained", "claimed",
    "alleged", "told", "halted", "traveled", "travelled", "justified", "asked", "offered", "announced",
  ]
  /// Capitalised words that start sentences or clauses without being names.
  static let stopCaps: Set<String> = [
    "The", "A", "An", "In", "On", "At", "By", "After", "Before", "However", "Meanwhile", "As", "It", "Its", "His",
    "Her", "Their", "This", "These", "Those", "That", "Although", "While", "When", "With", "Within", "During",
    "Since", "From", "For", "If", "But", "And", "Or", "Then", "There", "Thus", "Yet", "Also", "Many", "Some",
    "Most", "Several", "Both", "Each", "All", "No", "Not", "One", "Two", "Three", "Four", "Five", "Six", "Seven",
    "Eight", "Nine", "Ten", "First", "Second", "Third", "Last", "Other", "Another", "Such", "We", "They", "He",
    "She", "You", "I", "Our", "My", "Unfortunately", "Aside", "Although", "Despite", "Following", "According",
    "Under", "Over", "Through", "Between", "Among", "Because", "Until", "Where", "Which", "Who", "What", "Why",
    "How", "Nearly", "About", "Only", "Even", "Today", "Later", "Early", "Late", "OK", "Yes",
  ]
  static let demonyms: Set<String> = [
    "Soviet", "Chechen", "Afghan", "Kurd", "Kurds", "Turkic", "Arab", "Greek", "Dutch", "French", "Thai", "Swiss",
    "Czech", "Slav", "Roman", "Norman", "Saxon", "Viking", "Celtic", "Frankish", "Gallic", "Latin", "English",
    "Welsh", "Irish", "Scottish", "Spanish", "Polish", "Danish", "Swedish", "Finnish", "Persian", "Mongol",
    "Ottoman", "Byzantine", "Islamic", "Christian", "Muslim", "Jewish", "Catholic", "Orthodox", "Protestant",
    "Western", "Eastern", "Northern", "Southern", "Communist", "Nazi", "Allied", "Republican", "Democratic",
    "German", "American", "Mexican", "African", "Cuban", "Union", "Confederate", "Federal", "Axis", "Liberal",
    "Conservative", "Roman", "Germans", "Americans",
  ]
  static let compass: Set<String> = [
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Upper", "Lower", "New", "Great",
    "Greater", "Central",
  ]
  static let weekdays: Set<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

  /// What one run of capitalised words is evidence of.
  struct Candidate {
    var name: String
    var kind: EntityKind
    /// 0 a guess from one lone mention, 1 a guess from the name's shape, 2 a keyword or cue, 3 a role found.
    var strength: Int
    var role: String?
    var type: String?
    var withinName: String?
    var sentence: Int
    var aliases: [String] = []
    var notes: [String] = []
  }

  /// A lone capitalised word and where it stood.
  struct Single {
    var sentence: Int
    var atStart: Bool
    var previous: String?
    var next: Token?
  }

  static func isDemonym(_ word: String) -> Bool {
    if demonyms.contains(word) { return true }
    guard word.count >= 6 else { return false }
    return ["ian", "ani", "ish", "ese", "ean"].contains { word.hasSuffix($0) }
  }

  /// "Armenian-controlled", "Soviet-built": a name with a lower-case tail is an adjective.
  static func isAdjectival(_ word: String) -> Bool {
    guard let dash = word.firstIndex(of: "-") else { return false }
    return word[word.index(after: dash)...].first?.isLowercase ?? false
  }

  /// "Azerbaijanis", "Armenians": a people, not a place.
  static func isPeople(_ word: String) -> Bool {
    word.hasSuffix("s") && (isDemonym(String(word.dropLast())) || demonyms.contains(String(word.dropLast())))
  }

  static func stripPossessive(_ text: String) -> String {
    for s in ["'s", "’s"] where text.hasSuffix(s) { return String(text.dropLast(2)) }
    if text.hasSuffix("s'") { return String(text.dropLast()) }
    return text
  }

  static func isNameWord(_ t: Token) -> Bool {
    guard t.isCapitalized, t.isWord else { return false }
    if t.text.contains(where: \.isNumber) { return false }
    if DateExtractor.month(t) != nil || weekdays.contains(t.text) { return false }
    if t.text.contains(ascii: "-"), t.text.split(separator: "-").contains(where: { DateExtractor.month(Token(text: String($0), start: 0, end: 0)) != nil }) {
      return false
    }
    if t.text.contains(ascii: ".") {
      return titles.contains(t.text) || (t.text.count == 2 && t.text.first!.isUppercase)
    }
    return !["BC", "BCE", "AD", "CE"].contains(t.text)
  }

  static func isOrdinal(_ t: Token) -> Bool {
    let s = t.lower
    guard s.count >= 3, ["st", "nd", "rd", "th"].contains(where: { s.hasSuffix($0) }) else { return false }
    return s.dropLast(2).allSatisfy(\.isNumber)
  }

  /// Every entity the text names, in order of first appearance.
  static func extract(_ sentences: [Analyzed]) -> [DraftEntity] {
    var candidates: [Candidate] = []
    var singles: [String: [Single]] = [:]
    var singleOrder: [String] = []
    var skipped = Set<String>()

    for a in sentences {
      let tokens = a.tokens
      let n = tokens.count
      func tok(_ k: Int) -> Token? { k >= 0 && k < n ? tokens[k] : nil }
      var i = 0
      while i < n {
        let t = tokens[i]
        // "the 709th brigade", "Russian 128th Regiment", "7th Russian Army".
        if isOrdinal(t) {
          var k = i + 1
          while let w = tok(k), w.isCapitalized, !unitNouns.contains(w.lower), k < i + 3 { k += 1 }
          if let u = tok(k), unitNouns.contains(u.lower) {
            candidates.append(
              Candidate(name: a.surface(i, k), kind: .unit, strength: 2, type: u.lower, sentence: a.sentence.index))
            i = k + 1
            continue
          }
        }
        guard isNameWord(t) else {
          i += 1
          continue
        }
        var j = i
        while true {
          if let next = tok(j + 1), isNameWord(next) {
            j += 1
            continue
          }
          if tok(j + 1)?.lower == "of", tok(j + 2)?.lower == "the", let next = tok(j + 3), isNameWord(next),
            unitNouns.contains(tokens[j].lower) || orgKeywords.contains(tokens[j].lower)
          {
            // "Army of the Potomac", "Committee of the NKR".
            j += 3
            continue
          }
          if tok(j + 1)?.lower == "of", let next = tok(j + 2), isNameWord(next), next.text != "The",
            !placeKeywords.contains(tokens[j].lower) || ["states", "republic", "kingdom", "empire"].contains(tokens[j].lower),
            stripPossessive(tokens[j].text) == tokens[j].text
          {
            j += 2
            continue
          }
          if tokens[j].text == "Resolution", let num = tok(j + 1), num.isNumeral {
            j += 1
            continue
          }
          break
        }
        run(a, i, j, into: &candidates, singles: &singles, order: &singleOrder, skipped: &skipped)
        i = j + 1
      }
    }
    return resolve(candidates, singles: singles, order: singleOrder, skipped: skipped, sentences: sentences)
  }

  /// Reads one run of capitalised tokens `first...last` of a sentence.
  static func run(
    _ a: Analyzed, _ first: Int, _ last: Int, into candidates: inout [Candidate], singles: inout [String: [Single]],
    order: inout [String], skipped: inout Set<String>
  ) {
    let tokens = a.tokens
    func tok(_ k: Int) -> Token? { k >= 0 && k < tokens.count ? tokens[k] : nil }
    var i = first
    let j = last
    var atStart = first == 0 || ["\"", "“", "(", "‘", ":", "'"].contains(tokens[first - 1].text)
    while i <= j, stopCaps.contains(tokens[i].text) || isAdjectival(tokens[i].text) {
      i += 1
      atStart = false
    }
    guard i <= j else { return }
    // A possessive inside the run ends a name: "Turkey's President Turgut Özal".
    var possessor: (Int, Int)?
    if let k = (i..<j).first(where: { stripPossessive(tokens[$0].text) != tokens[$0].text }) {
      run(a, i, k, into: &candidates, singles: &singles, order: &order, skipped: &skipped)
      possessor = (i, k)
      i = k + 1
      atStart = false
    }
    var title: (Int, Int)?
    var affiliation: Int?
    // "Union Maj. Gen. George Meade": words before a title belong to the role.
    if !titles.contains(tokens[i].text), let t = (i..<min(j, i + 3)).first(where: { titles.contains(tokens[$0].text) }),
      t < j
    {
      affiliation = i
      i = t
    }
    while i < j, titles.contains(tokens[i].text) {
      title = (title?.0 ?? i, i)
      i += 1
    }
    if let affiliation, let t = title { title = (affiliation, t.1) }
    let words = (i...j).filter { tokens[$0].lower != "of" }
    let lowerWords = words.map { tokens[$0].lower }
    if lowerWords.contains(where: eventKeywords.contains) {
      skipped.insert(a.surface(i, j))
      return
    }
    // "United Nations Security Council Resolution 822".
    if let r = (i...j).first(where: { tokens[$0].text == "Resolution" }), r < j, tokens[r + 1].isNumeral {
      var c = Candidate(
        name: a.surface(r, r + 1), kind: .organisation, strength: 2, type: "resolution", sentence: a.sentence.index)
      if r > i {
        c.aliases.append(a.surface(i, r + 1))
        run(a, i, r - 1, into: &candidates, singles: &singles, order: &order, skipped: &skipped)
      }
      c.notes.append("a resolution is a document, not a body: kept among organisations")
      candidates.append(c)
      return
    }
    // Leading demonyms go when nothing else makes the run a name of its kind: "Azerbaijani Colonel" stays.
    while i < j, isDemonym(tokens[i].text), !lowerWords.contains(where: { placeKeywords.contains($0) || orgKeywords.contains($0) || unitNouns.contains($0) }) {
      i += 1
    }
    var end = tokens[j].end
    let lastText = tokens[j].text
    let bare = stripPossessive(lastText)
    if bare != lastText { end -= lastText.count - bare.count }
    let name = String(a.chars[tokens[i].start..<end])
    let nameWords = (i...j).filter { tokens[$0].lower != "of" }
    let lastLower = stripPossessive(tokens[j].lower)
    let sentence = a.sentence.index

    // An acronym in brackets after the name is its alias: "Nagorno-Karabakh Republic (NKR)".
    var aliases: [String] = []
    if tok(j + 1)?.text == "(", let acronym = tok(j + 2), tok(j + 3)?.text == ")", acronym.text.count >= 2,
      acronym.text.allSatisfy({ $0.isUppercase })
    {
      aliases.append(acronym.text)
    }
    // A place the run is said to lie in: "the town of Vardenis, Armenia", "the village of Charektar in Kalbajar".
    var withinName: String?
    if let sep = tok(j + 1), sep.text == "," || sep.lower == "in", let p = tok(j + 2), isNameWord(p),
      !stopCaps.contains(p.text)
    {
      var e = j + 2
      while let w = tok(e + 1), isNameWord(w) { e += 1 }
      withinName = stripPossessive(a.surface(j + 2, e))
    }
    // Cues before the run.
    var cue: String?
    var b = i - 1
    if possessor == nil, title == nil {
      if tok(b)?.lower == "the" { b -= 1 }
      if tok(b)?.lower == "of", let noun = tok(b - 1), noun.isLowercaseWord, placeCues.contains(noun.lower),
        !(tok(b - 2).map { $0.isCapitalized && $0.isWord } ?? false)
      {
        cue = noun.lower
      }
    }
    var role: String?
    var isPerson = title != nil
    if let title { role = a.surface(title.0, title.1) }
    if let possessor, let title { role = a.surface(possessor.0, title.1) }
    if title == nil, let noun = tok(i - 1), roleNouns.contains(noun.lower) {
      // "Armenian president Levon Ter-Petrosyan", "the rebellious commander Surat Huseynov".
      var s = i - 1
      while let w = tok(s - 1), s > i - 3,
        (w.isCapitalized && isDemonym(w.text)) || stripPossessive(w.text) != w.text
          || (w.text.count >= 2 && w.text.allSatisfy(\.isUppercase))
          || (w.isLowercaseWord && !["the", "a", "an", "and", "of", "by", "to", "his", "her", "their", "its"].contains(w.lower) && !w.lower.hasSuffix("ed"))
      {
        s -= 1
      }
      role = a.surface(s, i - 1)
      isPerson = true
    }
    // "Serzh Sargsyan, who was a member of …,", "Vafa Guluzade, the chief adviser to …,".
    if tok(j + 1)?.text == "," {
      var k = j + 2
      if tok(k)?.lower == "who", ["was", "is", "had", "became"].contains(tok(k + 1)?.lower ?? "") {
        k += 2
        if tok(k)?.lower == "been" { k += 1 }
      }
      if let article = tok(k), ["a", "an", "the"].contains(article.lower), let head = tok(k + 1), head.isLowercaseWord {
        var e = k + 1
        while let w = tok(e + 1), w.text != ",", w.text != ".", w.text != ";", w.text != "(", e < k + 22 { e += 1 }
        if tok(e + 1)?.text == "," || tok(e + 1) == nil || tok(e + 1)?.text == "." {
          let phrase = a.surface(k + 1, e)
          if nameWords.count >= 2 || isPerson { role = role ?? phrase }
          if role == phrase { isPerson = isPerson || nameWords.count >= 2 }
        }
      }
    }

    func add(_ kind: EntityKind, _ strength: Int, type: String? = nil, note: String? = nil) {
      var c = Candidate(
        name: name, kind: kind, strength: role != nil && (kind == .person || kind == .organisation) ? 3 : strength,
        role: kind == .person || kind == .organisation ? role : nil, type: type, withinName: kind == .place ? withinName : nil,
        sentence: sentence, aliases: aliases)
      if kind == .person, let title {
        c.aliases.append(a.surface(title.0, j).replacingOccurrences(of: lastText, with: bare))
      }
      if let note { c.notes.append(note) }
      candidates.append(c)
    }

    if nameWords.count >= 2, nameWords.contains(where: { unitNouns.contains(tokens[$0].lower) && tokens[$0].isCapitalized }),
      !placeKeywords.contains(lastLower)
    {
      add(.unit, 2, type: nameWords.map { tokens[$0].lower }.first(where: unitNouns.contains))
    } else if unitNouns.contains(lastLower) && nameWords.count >= 2 {
      add(.unit, 2, type: lastLower)
    } else if nameWords.count >= 2 || aliases.count > 0 || title != nil, lowerWords.contains(where: orgKeywords.contains),
      !placeKeywords.contains(lastLower)
    {
      add(.organisation, 2, type: lowerWords.last(where: orgKeywords.contains))
    } else if placeKeywords.contains(lastLower) && nameWords.count >= 2 {
      add(.place, 2, type: lastLower)
    } else if nameWords.count >= 2, placeFirstWords.contains(tokens[i].lower) {
      add(.place, 2, type: tokens[i].lower)
    } else if let cue {
      add(.place, 2, type: cue)
    } else if isPerson {
      add(.person, 2)
    } else if nameWords.count >= 2, compass.contains(tokens[i].text) {
      if isDemonym(tokens[j].text) || demonyms.contains(tokens[j].text) { return }
      add(.place, 1, note: "a place guessed from '\(tokens[i].text)': check its kind")
    } else if nameWords.count >= 2, (i...j).contains(where: { tokens[$0].lower == "of" }) {
      add(.place, 1, note: "a place guessed from the name's shape: check its kind")
    } else if nameWords.count >= 2, nameWords.count <= 4, !isDemonym(tokens[nameWords[0]].text),
      !(i...j).contains(where: { tokens[$0].lower == "of" }),
      nameWords.allSatisfy({ !tokens[$0].text.allSatisfy(\.isUppercase) })
    {
      add(.person, 1, note: "a person guessed from the shape of the name: check its kind")
    } else if nameWords.count == 1 {
      let key = name
      if singles[key] == nil { order.append(key) }
      singles[key, default: []].append(
        Single(sentence: sentence, atStart: atStart, previous: tok(i - 1)?.lower, next: tok(j + 1)))
      if !aliases.isEmpty || withinName != nil {
        // Keep the evidence of a lone name with an acronym or a place it lies in for later.
        var c = Candidate(name: name, kind: .place, strength: 0, withinName: withinName, sentence: sentence, aliases: aliases)
        c.notes.append("kind guessed")
        candidates.append(c)
      }
    } else {
      add(.organisation, 0, note: "kind guessed: a name of several words without a keyword")
    }
  }

  /// Merges candidates into entities: one per name, aliases linked, lone repeated names added, ids given.
  static func resolve(
    _ candidates: [Candidate], singles: [String: [Single]], order: [String], skipped: Set<String>,
    sentences: [Analyzed]
  ) -> [DraftEntity] {
    var byName: [String: Int] = [:]
    var merged: [Candidate] = []
    var counts: [Int] = []
    for c in candidates {
      if let k = byName[c.name] {
        counts[k] += 1
        var m = merged[k]
        if c.strength > m.strength {
          let aliases = m.aliases
          let notes = m.notes
          m = c
          m.aliases = aliases
          m.notes = c.notes.isEmpty ? notes.filter { !$0.contains("guessed") } : c.notes
        }
        for alias in c.aliases where !m.aliases.contains(alias) && alias != m.name { m.aliases.append(alias) }
        if m.withinName == nil, c.kind == .place { m.withinName = c.withinName }
        merged[k] = m
      } else {
        byName[c.name] = merged.count
        merged.append(c)
        counts.append(1)
      }
    }
    // Spelling variants of one person: same given name, surnames one or two letters apart.
    var dropped = Set<Int>()
    for (x, p) in merged.enumerated() where p.kind == .person {
      for y in merged.indices where y > x && merged[y].kind == .person && !dropped.contains(y) {
        let a = p.name.split(separator: " ")
        let b = merged[y].name.split(separator: " ")
        guard a.count == 2, b.count == 2, a[0] == b[0], a[1] != b[1], a[1].count >= 6,
          !a[1].hasPrefix(b[1]), !b[1].hasPrefix(a[1]),
          EditDistance.between(String(a[1]), String(b[1])) <= 2
        else { continue }
        merged[x].aliases.append(merged[y].name)
        merged[x].aliases.append(String(b[1]))
        merged[x].notes.append("'\(merged[y].name)' taken as another spelling of the same name")
        counts[x] += counts[y]
        dropped.insert(y)
      }
    }
    // Lone names: a person's surname becomes an alias; other repeated names become entities.
    var surnameOwners: [String: [Int]] = [:]
    for (x, p) in merged.enumerated() where p.kind == .person && !dropped.contains(x) {
      if let last = p.name.split(separator: " ").last, p.name.contains(" ") { surnameOwners[String(last), default: []].append(x) }
      for alias in p.aliases where !alias.contains(" ") && alias.first?.isUppercase == true && !alias.allSatisfy(\.isUppercase) {
        surnameOwners[alias, default: []].append(x)
      }
    }
    let knownNames = Set(merged.enumerated().filter { !dropped.contains($0.offset) }.flatMap { [$0.element.name] + $0.element.aliases })
    var lone: [Candidate] = []
    for word in order {
      guard let seen = singles[word], !knownNames.contains(word) || byName[word] != nil else { continue }
      if let k = byName[word], merged[k].strength == 0, !knownNames.subtracting([word]).isEmpty,
        merged.enumerated().contains(where: { $0.offset != k && $0.element.aliases.contains(word) })
      {
        continue
      }
      if let owners = surnameOwners[word] {
        let unique = Set(owners)
        if unique.count == 1, let x = unique.first {
          if !merged[x].aliases.contains(word) { merged[x].aliases.append(word) }
          counts[x] += seen.count
        } else if let x = owners.first {
          merged[x].notes.append(
            "'\(word)' alone could be \(unique.map { merged[$0].name }.sorted().joined(separator: " or ")): not linked")
        }
        continue
      }
      if let k = byName[word], merged[k].strength > 0 {
        counts[k] += seen.count
        continue
      }
      // A bare keyword ("the Republic") stands for the one name it ends, if only one does.
      if placeKeywords.contains(word.lowercased()) || orgKeywords.contains(word.lowercased()) {
        let owners = merged.indices.filter { !dropped.contains($0) && merged[$0].name.hasSuffix(" " + word) }
        if owners.count == 1, let x = owners.first {
          merged[x].aliases.append(word)
          merged[x].notes.append("'\(word)' alone taken as \(merged[x].name)")
          counts[x] += seen.count
        }
        continue
      }
      if skipped.contains(word) || stopCaps.contains(word) || isPeople(word) || word.allSatisfy(\.isUppercase) && word.count < 2 { continue }
      let mid = seen.filter { !$0.atStart }
      // Named twice, or once after a word that puts it on the map ("at Chancellorsville", "in Virginia").
      let placed = mid.contains { s in s.previous.map { ["in", "at", "to", "from", "near", "through", "towards", "toward", "via", "into", "reached", "outside"].contains($0) } ?? false }
      guard mid.count >= 2 || (mid.count >= 1 && seen.count >= 2) || placed else { continue }
      // An adjective of nationality ("Armenian forces") is not a name.
      let adjectival = seen.contains { s in s.next.map { $0.isLowercaseWord && $0.lower != "and" } ?? false }
      if isDemonym(word) && adjectival { continue }
      if demonyms.contains(word) { continue }
      let asPlace = seen.contains { s in s.previous.map(placePrepositions.contains) ?? false }
      let asPerson = seen.contains { s in s.next.map { reportingVerbs.contains($0.lower) } ?? false }
      let first = mid.first ?? seen[0]
      var c = Candidate(
        name: word, kind: asPerson && !asPlace ? .person : (word.allSatisfy(\.isUppercase) ? .organisation : .place),
        strength: 0, sentence: first.sentence)
      c.notes.append(
        asPlace || asPerson
          ? "kind guessed from the words around '\(word)': check it"
          : "'\(word)' is named \(seen.count) times; its kind is a guess: check it")
      lone.append(c)
      counts.append(seen.count)
    }
    // Lone names that already have a candidate (an acronym or a 'within' seen) are merged, not duplicated.
    var all: [(Candidate, Int)] = []
    var loneIndex = 0
    for (x, c) in merged.enumerated() where !dropped.contains(x) {
      if c.strength == 0, c.kind == .place, singles[c.name] != nil {
        // Decided below with the lone names.
        if let l = lone.firstIndex(where: { $0.name == c.name }) {
          var m = lone[l]
          m.aliases = c.aliases
          m.withinName = c.withinName
          lone[l] = m
        } else if c.aliases.isEmpty {
          continue
        } else {
          all.append((c, counts[x]))
        }
        continue
      }
      all.append((c, counts[x]))
    }
    for c in lone {
      all.append((c, counts[merged.count + loneIndex]))
      loneIndex += 1
    }
    // Ids, in order of the sentence each rests on.
    all.sort { $0.0.sentence < $1.0.sentence }
    var used = Set<String>()
    var out: [DraftEntity] = []
    for (c, mentions) in all {
      let id = Slug.unique(Slug.make(c.name), kind: c.kind.rawValue, used: &used)
      var notes = c.notes
      if c.kind == .person, c.role == nil, c.strength < 2, !notes.contains(where: { $0.contains("guessed") }) {
        notes.append("kind guessed: check it")
      }
      out.append(
        DraftEntity(
          id: id, kind: c.kind, name: c.name, aliases: c.aliases.filter { $0 != c.name }, role: c.role, type: c.type,
          within: c.withinName, sentence: c.sentence, mentions: mentions, notes: notes))
    }
    // 'within' names become ids.
    let ids = Dictionary(out.flatMap { e in e.allNames.map { ($0, e.id) } }, uniquingKeysWith: { a, _ in a })
    for k in out.indices {
      if let w = out[k].within {
        out[k].within = ids[w].flatMap { id in out.first { $0.id == id && $0.kind == .place && $0.id != out[k].id }?.id }
      }
    }
    return out
  }
}
