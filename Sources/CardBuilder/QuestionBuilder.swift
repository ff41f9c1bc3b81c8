import EventDeck
import TextKit

/// Turns an event's own words — its past-tense `summary`, or its `stem` where the summary does not turn — into the
/// questions a teacher would ask:
///
/// ```swift
/// let questions = QuestionBuilder(deck: deck)
/// let clause = questions.clause("Armenian forces captured the mountain stronghold of Shusha.")!
/// questions.dateQuestion(clause, date: date)   // "On what date did Armenian forces capture the mountain stronghold of Shusha?"
/// questions.actorQuestion(clause)              // "Who captured the mountain stronghold of Shusha?"
/// ```
///
/// A sentence is read as (leading clause,) subject, verb, predicate (, the rest): the leading clause ("After
/// initial heavy resistance, …") and everything after the main clause ("…, the only time …", "… but …") are left
/// out; date phrases are taken out of the predicate (the date is the answer), and of verbs joined by "and" the
/// ones that state one of the event's numbers are left out (another card asks for it). A sentence that does not
/// read this way gives no clause, and the card builder falls back to the event's `stem:` or its title.
public struct QuestionBuilder: Sendable {
  /// The main clause of a sentence, ready to be asked about.
  public struct Clause: Sendable, Equatable {
    /// How the main verb is built: "captured" (active), "was returned" (passive or a copula), "had encircled".
    public enum Voice: Sendable, Equatable {
      case active, passive, perfect
    }

    /// The subject as it reads inside a question: "Armenian forces", "the provincial capital".
    public var subject: String
    public var voice: Voice
    /// "was" or "were" (passive), "had" (perfect), "" (active).
    public var auxiliary: String
    /// Active: the predicate with its verbs in the base form ("capture the mountain stronghold of Shusha").
    /// Passive and perfect: what follows the auxiliary ("returned to Azerbaijani control", "encircled the capital").
    public var base: String
    /// Active: the predicate in the past tense ("captured the mountain stronghold of Shusha").
    public var past: String
    /// Active: the predicate with past participles ("taken …", for "By what date had … taken …?").
    public var participle: String
    /// Passive: the sentence turned active without its agent, for "Who …?" ("intercepted and defeated a unit of
    /// 200 men"); nil when the verb is a copula or the clause is active.
    public var activeWithoutAgent: String?
    /// Passive: the agent after "by" ("Samvel Karapetyan's unit"), when the clause names one whole.
    public var agent: String?
    /// The main verb's base form: "capture", "return", "state".
    public var verb: String
  }

  /// Lower-cased words the deck writes with a capital inside a sentence (names: "Armenian", "Kalbajar").
  let capitalized: Set<String>
  /// Lower-cased words the deck writes in lower case (common words: "civilians", "military").
  let lowercase: Set<String>

  /// A builder that knows the deck's names (which words keep their capital at the start of a question).
  public init(deck: Deck) {
    var texts: [String] = []
    texts.reserveCapacity(deck.events.count * 4 + deck.entities.count * 2 + deck.facts.count)
    for event in deck.events {
      texts.append(event.title)
      if let summary = event.summary { texts.append(summary) }
      if let stem = event.stem { texts.append(stem) }
      if let source = event.source?.text { texts.append(source) }
    }
    for entity in deck.entities {
      texts.append(entity.name)
      texts += entity.aliases
    }
    for fact in deck.facts { texts.append(fact.statement) }
    self.init(texts: texts)
  }

  /// A builder that learns capitals from `texts` (each a sentence or a name).
  public init(texts: [String]) { self.init(texts: texts, bytewise: true) }

  /// `init(texts:)`; `bytewise` false reads even ASCII texts character by character (for tests).
  init(texts: [String], bytewise: Bool) {
    var capitalized = Set<String>()
    var lowercase = Set<String>()
    var scratch: [UInt8] = []
    for text in texts {
      if bytewise, Self.learnASCII(text, capitalized: &capitalized, lowercase: &lowercase, scratch: &scratch) { continue }
      var first = true
      for chunk in text.split(separator: " ") {
        let word = Self.bare(chunk, bytewise: bytewise)
        defer { first = chunk.last == "." || chunk.last == ":" }
        guard let initial = word.first, initial.isLetter else { continue }
        if initial.isUppercase {
          if !first { capitalized.insert(word.lowercased()) }
        } else {
          lowercase.insert(word)
        }
      }
    }
    self.capitalized = capitalized
    self.lowercase = lowercase
  }

  /// `init(texts:)`'s reading of one text, byte by byte, when the text is plain ASCII (nearly every one): the
  /// same words learnt as the `Character` walk learns them, without its grapheme breaking and `Set<Character>`
  /// probes. False, and nothing learnt, for any other text.
  static func learnASCII(
    _ text: String, capitalized: inout Set<String>, lowercase: inout Set<String>, scratch: inout [UInt8]
  ) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for byte in bytes where byte >= 0x80 { return false }
      let n = bytes.count
      var first = true
      var i = 0
      while i < n {
        while i < n, bytes[i] == 0x20 { i += 1 }
        guard i < n else { break }
        var end = i
        while end < n, bytes[end] != 0x20 { end += 1 }
        var lo = i
        var hi = end
        while lo < hi, isEdgeByte(bytes[lo]) { lo += 1 }
        while hi > lo, isEdgeByte(bytes[hi - 1]) { hi -= 1 }
        if lo < hi {
          let initial = bytes[lo]
          if initial >= 0x41, initial <= 0x5A {
            if !first {
              scratch.removeAll(keepingCapacity: true)
              for k in lo..<hi {
                let b = bytes[k]
                scratch.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
              }
              capitalized.insert(String(decoding: scratch, as: UTF8.self))
            }
          } else if initial >= 0x61, initial <= 0x7A {
            lowercase.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self))
          }
        }
        first = bytes[end - 1] == 0x2E || bytes[end - 1] == 0x3A
        i = end
      }
      return true
    }
  }

  /// The ASCII characters `bare` trims.
  @inline(__always) static func isEdgeByte(_ b: UInt8) -> Bool {
    switch b {
    case 0x2C, 0x3B, 0x3A, 0x2E, 0x22, 0x28, 0x29, 0x21, 0x3F: true
    default: false
    }
  }

  // MARK: - Reading a sentence

  /// One word of a sentence, with what punctuation followed it.
  struct Word: Sendable {
    var text: String
    /// Lower case, without quotation marks.
    var lower: String
    /// Followed by a comma, semicolon, colon or dash.
    var pause: Bool
  }

  /// Words that open a leading clause or phrase ended by a comma: "After …,", "Soon after taking Shusha,".
  static let openers: Set<String> = [
    "as", "after", "before", "when", "while", "since", "although", "though", "once", "until", "because", "if", "soon",
    "judging", "assessing", "prompted", "instead", "despite", "following", "under", "with", "by", "in", "on",
    "during", "unlike", "besides", "having", "speaking", "for", "upon", "amid", "within", "from", "at", "throughout",
    "shortly", "meanwhile", "however", "then", "later", "thereafter", "afterwards", "eventually", "finally",
    "initially", "thus", "hence", "also", "still", "nevertheless", "moreover", "according",
  ]

  /// Words after which an "-ed" word is an adjective or a participle, not the main verb.
  static let notBeforeVerb: Set<String> = [
    "the", "a", "an", "of", "by", "in", "on", "at", "to", "from", "for", "with", "his", "her", "their",
    "its", "this", "that", "these", "those", "many", "some", "several", "all", "any", "each", "every", "no", "into",
    "through", "between", "against", "most", "more", "less", "newly", "recently", "well", "so", "very", "heavily",
    "lightly", "poorly", "badly",
  ]

  /// "-ed" words that describe rather than act: "the stretched out forces", "entrenched defences".
  static let adjectives: Set<String> = [
    "stretched", "battered", "entrenched", "armoured", "armored", "unprepared", "prepared", "armed", "mounted",
    "fixed", "occupied", "contested", "self-proclaimed", "so-called", "based", "aged", "wounded",
    "detailed", "limited", "skilled", "experienced", "organised", "organized", "united", "tired", "scattered",
  ]

  /// Words that start a second clause: what follows them is not part of the main clause.
  static let clauseBreaks: Set<String> = [
    "but", "while", "whereas", "although", "though", "yet", "so", "because", "since", "which", "who", "whom",
    "where", "when", "thereby", "leaving", "prompting", "forcing", "making", "causing", "resulting",
  ]

  /// Words that open a subordinate clause: a "subject" holding one is a leading clause.
  static let subordinators: Set<String> = [
    "before", "after", "when", "while", "until", "since", "because", "although", "though", "once", "as", "if",
  ]

  /// Subjects that do not name anyone: the sentence leans on an earlier one.
  static let pronouns: Set<String> = ["he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there"]

  /// Words that open a subject and read in lower case inside a question: "The", "A", "Four".
  static let functionWords: Set<String> = [
    "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "some", "many", "most", "several",
    "both", "all", "each", "every", "only", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "hundreds", "thousands", "dozens", "nearly", "about", "around", "almost", "over", "more", "fewer",
  ]

  /// Prepositions that carry a date phrase: "on April 3", "in the early afternoon of April 1", "by October 1992".
  static let datePrepositions: Set<String> = [
    "in", "on", "by", "until", "till", "during", "since", "from", "before", "after", "of", "around", "circa", "through",
  ]

  static let months: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]

  static let seasons: Set<String> = ["spring", "summer", "autumn", "fall", "winter"]

  /// Words between a date preposition and the date itself: "in the early afternoon of April 1", "in late March".
  static let dateFillers: Set<String> = [
    "the", "early", "late", "mid", "middle", "end", "beginning", "start", "afternoon", "morning", "evening", "night",
    "of", "first", "last", "days", "day", "week", "weeks", "month", "months", "year",
  ]

  /// A chunk of text without the punctuation around it.
  static func bare<S: StringProtocol>(_ chunk: S, bytewise: Bool = true) -> String {
    var s = Substring(chunk)
    // An ASCII edge beside another ASCII byte is a whole character: trimmed byte by byte, the rest as characters.
    while bytewise, let f = s.utf8.first, f < 0x80, isEdgeByte(f) {
      let next = s.utf8.index(after: s.utf8.startIndex)
      guard next == s.utf8.endIndex || s.utf8[next] < 0x80 else { break }
      s = s[next...]
    }
    while bytewise, let l = s.utf8.last, l < 0x80, isEdgeByte(l) {
      let at = s.utf8.index(before: s.utf8.endIndex)
      guard at == s.utf8.startIndex || s.utf8[s.utf8.index(before: at)] < 0x80 else { break }
      s = s[..<at]
    }
    while let f = s.first, edges.contains(f) { s = s.dropFirst() }
    while let l = s.last, edges.contains(l) { s = s.dropLast() }
    return String(s)
  }

  /// What `bare` trims.
  static let edges: Set<Character> = [",", ";", ":", ".", "\"", "\u{201C}", "\u{201D}", "(", ")", "!", "?", "\u{2014}"]

  /// The sentence's words, parentheses left out.
  static func words(_ sentence: String, bytewise: Bool = true) -> [Word] {
    if bytewise, let words = asciiWords(sentence) { return words }
    var text = ""
    var depth = 0
    for c in sentence {
      if c == "(" {
        depth += 1
        continue
      }
      if c == ")" {
        depth = max(0, depth - 1)
        continue
      }
      if depth == 0 { text.append(c) }
    }
    var out: [Word] = []
    let chunks = text.split(separator: " ")
    for (n, chunk) in chunks.enumerated() {
      var word = Substring(chunk)
      var pause = false
      // A full stop ends the sentence; inside it, it belongs to an abbreviation ("the U.S., Russia and Turkey").
      if n == chunks.count - 1, word.last == "." { word = word.dropLast() }
      while let last = word.last, last == "," || last == ";" || last == ":" || last == "\u{2014}" {
        pause = true
        word = word.dropLast()
      }
      guard !word.isEmpty else {
        if pause, !out.isEmpty { out[out.count - 1].pause = true }
        continue
      }
      out.append(Word(text: String(word), lower: bare(word, bytewise: bytewise).lowercased(), pause: pause))
    }
    return out
  }

  /// `words` for ASCII text, on bytes: the same words, pauses and comparison forms.
  static func asciiWords(_ sentence: String) -> [Word]? {
    var sentence = sentence
    return sentence.withUTF8 { bytes -> [Word]? in
      guard UTF8Search.isASCII(bytes) else { return nil }
      var text: [UInt8] = []
      text.reserveCapacity(bytes.count)
      var depth = 0
      for b in bytes {
        if b == 0x28 {
          depth += 1
        } else if b == 0x29 {
          depth = max(0, depth - 1)
        } else if depth == 0 {
          text.append(b)
        }
      }
      var chunks: [Range<Int>] = []
      var i = 0
      while i < text.count {
        while i < text.count, text[i] == 0x20 { i += 1 }
        guard i < text.count else { break }
        var end = i
        while end < text.count, text[end] != 0x20 { end += 1 }
        chunks.append(i..<end)
        i = end
      }
      var out: [Word] = []
      var lower: [UInt8] = []
      for (n, chunk) in chunks.enumerated() {
        let lo = chunk.lowerBound
        var hi = chunk.upperBound
        var pause = false
        if n == chunks.count - 1, text[hi - 1] == 0x2E { hi -= 1 }
        while hi > lo, text[hi - 1] == 0x2C || text[hi - 1] == 0x3B || text[hi - 1] == 0x3A {
          pause = true
          hi -= 1
        }
        guard hi > lo else {
          if pause, !out.isEmpty { out[out.count - 1].pause = true }
          continue
        }
        var bareLo = lo
        var bareHi = hi
        while bareLo < bareHi, isEdgeByte(text[bareLo]) { bareLo += 1 }
        while bareHi > bareLo, isEdgeByte(text[bareHi - 1]) { bareHi -= 1 }
        lower.removeAll(keepingCapacity: true)
        for b in text[bareLo..<bareHi] { lower.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
        out.append(
          Word(text: String(decoding: text[lo..<hi], as: UTF8.self), lower: String(decoding: lower, as: UTF8.self),
               pause: pause))
      }
      return out
    }
  }

  /// Whether a text starts with a lower-case letter (its first character, on its first byte when that byte and
  /// the next are ASCII).
  static func startsLowercase(_ text: String) -> Bool {
    let utf8 = text.utf8
    if let first = utf8.first, first < 0x80 {
      let second = utf8.dropFirst().first
      if second.map({ $0 < 0x80 }) ?? true { return first >= 0x61 && first <= 0x7A }
    }
    return text.first?.isLowercase == true
  }

  static func isFinitePast(_ words: [Word], _ i: Int) -> Bool {
    let w = words[i].lower
    if w == "was" || w == "were" || w == "had" { return true }
    guard startsLowercase(words[i].text) else { return false }
    if i > 0, notBeforeVerb.contains(words[i - 1].lower) { return false }
    if VerbForms.isIrregularPast(w) { return true }
    guard !adjectives.contains(w), VerbForms.regularBase(w) != nil else { return false }
    if i + 1 < words.count, words[i + 1].lower == "by" { return false }
    return true
  }

  /// The main clause of a past-tense sentence, or nil when it does not read as one.
  ///
  /// `numbers` are the event's quantities: of verbs joined by "and", one that states such a number is left out.
  public func clause(_ sentence: String, numbers: [Double] = []) -> Clause? {
    clause(sentence, numbers: numbers, depth: 0)
  }

  func clause(_ sentence: String, numbers: [Double], depth: Int) -> Clause? {
    var words = Self.words(sentence)
    // A leading clause or phrase, up to its comma: "After initial heavy resistance, …".
    var stripped = 0
    while stripped < 2, let first = words.first,
      Self.openers.contains(first.lower) || first.lower.hasSuffix("ing")
        || (first.lower.hasSuffix("ed") && first.lower.contains("-"))
    {
      guard let comma = words.firstIndex(where: \.pause), comma + 1 < words.count else { return nil }
      words.removeFirst(comma + 1)
      stripped += 1
    }
    guard words.count >= 2 else { return nil }
    // The main verb. An aside between commas inside the subject ("…, already fought over in earlier weeks,") is
    // left out; a list ("The U.S., Russia and Turkey") stays.
    var found: Int?
    var i = 1
    while i < words.count {
      if words[i - 1].pause {
        if let close = words[i...].firstIndex(where: \.pause), close + 1 < words.count, Self.isFinitePast(words, close + 1),
          !words[i...close].contains(where: { $0.lower == "and" || $0.lower == "or" })
        {
          words.removeSubrange(i...close)
          words[i - 1].pause = false
          continue
        }
        let upToVerb = words[i...].prefix { !$0.pause }
        guard upToVerb.contains(where: { $0.lower == "and" || $0.lower == "or" }) else { return nil }
      }
      if Self.isFinitePast(words, i) {
        found = i
        break
      }
      i += 1
    }
    guard let verbIndex = found else { return nil }
    // "A few days before the operation began, Armenian forces warned …": the verb found belongs to a leading clause.
    if words[..<verbIndex].contains(where: { Self.subordinators.contains($0.lower) }),
      let comma = words.firstIndex(where: \.pause), comma >= verbIndex, comma + 1 < words.count, depth < 2
    {
      return clause(Self.join(words[(comma + 1)...]), numbers: numbers, depth: depth + 1)
    }
    let subjectWords = Self.withoutNumbers(Array(words[..<verbIndex]), verbs: [], numbers: numbers).words
    guard !subjectWords.isEmpty else { return nil }
    guard let head = subjectWords.first, !Self.pronouns.contains(head.lower), !Self.openers.contains(head.lower),
      subjectWords.count <= 14
    else { return nil }
    let subject = self.subject(subjectWords)
    let verbWord = words[verbIndex]
    var voice = Clause.Voice.active
    var auxiliary = ""
    var predicateStart = verbIndex
    if verbWord.lower == "was" || verbWord.lower == "were" {
      voice = .passive
      auxiliary = verbWord.lower
      predicateStart = verbIndex + 1
    } else if verbWord.lower == "had", verbIndex + 1 < words.count,
      VerbForms.isParticiple(words[verbIndex + 1].lower) || words[verbIndex + 1].lower.hasSuffix("ly")
    {
      voice = .perfect
      auxiliary = "had"
      predicateStart = verbIndex + 1
    }
    guard predicateStart < words.count else { return nil }
    // The predicate, up to the end of the main clause; `verbs` marks the verbs to turn.
    var predicate: [Word] = []
    var verbs: Set<Int> = voice == .active ? [0] : []
    var cut = false
    i = predicateStart
    while i < words.count {
      let w = words[i]
      if !predicate.isEmpty, Self.clauseBreaks.contains(w.lower) {
        cut = true
        break
      }
      if w.lower == "and", i + 1 < words.count {
        let next = i + 1
        let nextLower = words[next].lower
        let joinsVerb: Bool
        switch voice {
        case .active:
          joinsVerb = nextLower != "was" && nextLower != "were" && nextLower != "had" && Self.isFinitePast(words, next)
        case .passive, .perfect:
          joinsVerb = VerbForms.isParticiple(nextLower) && !Self.adjectives.contains(nextLower)
        }
        if joinsVerb {
          predicate.append(w)
          predicate.append(words[next])
          if voice == .active { verbs.insert(predicate.count - 1) }
          if words[next].pause {
            cut = true
            break
          }
          i = next + 1
          continue
        }
        // "… and the provincial capital fell": a second clause.
        let ahead = (next + 1)..<min(words.count, next + 7)
        if let k = ahead.first(where: { Self.isFinitePast(words, $0) }),
          !words[next..<k].contains(where: { $0.pause || $0.lower == "and" })
        {
          cut = true
          break
        }
      }
      predicate.append(w)
      if w.pause {
        // "…, met tenacious resistance … and was forced to retreat": a list of verbs does not turn.
        if voice == .active, i + 1 < words.count, Self.isFinitePast(words, i + 1) { return nil }
        // A list goes on: "proposed by Russia, the United States and Turkey for …".
        let after = words[(i + 1)...].prefix(5)
        let goesOn = after.first.map { !Self.clauseBreaks.contains($0.lower) && $0.lower != "and" } ?? false
          && after.contains { $0.lower == "and" || $0.lower == "or" }
        if !goesOn {
          cut = true
          break
        }
      }
      i += 1
    }
    if let last = predicate.indices.last { predicate[last].pause = false }
    // "… destroyed it with rocket-propelled grenades": "it" points at words left out.
    guard !predicate.isEmpty, !predicate.contains(where: { $0.lower == "it" || $0.lower == "them" }) else { return nil }
    // Of verbs joined by "and", leave out the ones that state one of the event's numbers.
    if voice == .active, verbs.count > 1, !numbers.isEmpty {
      let starts = verbs.sorted()
      var conjuncts: [Range<Int>] = []
      for (n, start) in starts.enumerated() {
        conjuncts.append(start..<(n + 1 < starts.count ? starts[n + 1] - 1 : predicate.count))
      }
      let keep = conjuncts.filter { !Self.states(numbers, in: predicate[$0].map(\.lower)) }
      if !keep.isEmpty, keep.count < conjuncts.count {
        var rebuilt: [Word] = []
        var rebuiltVerbs: Set<Int> = []
        for (n, range) in keep.enumerated() {
          if n > 0 { rebuilt.append(Word(text: "and", lower: "and", pause: false)) }
          rebuiltVerbs.insert(rebuilt.count)
          rebuilt += predicate[range]
        }
        predicate = rebuilt
        verbs = rebuiltVerbs
      }
    }
    // Date phrases: the date is the answer; the event's numbers: other cards ask for them.
    (predicate, verbs) = Self.withoutDates(predicate, verbs: verbs)
    (predicate, verbs) = Self.withoutNumbers(predicate, verbs: verbs, numbers: numbers)
    guard !predicate.isEmpty else { return nil }
    // A passive's agent, and the clause turned active without it ("Who intercepted and defeated …?").
    var agent: String?
    var activeWithoutAgent: String?
    if voice == .passive {
      let means: Set<String> = ["air", "road", "sea", "land", "rail", "night", "day", "far", "now", "then", "both", "truck", "car"]
      if let byIndex = predicate.indices.first(where: {
        $0 > 0 && predicate[$0].lower == "by" && $0 + 1 < predicate.count && !means.contains(predicate[$0 + 1].lower)
      }) {
        // A clause cut short may have cut the agent short too ("by Azerbaijani and foreign Chechen, …").
        if !cut { agent = Self.join(predicate[(byIndex + 1)...]) }
        let before = Array(predicate[..<byIndex])
        if cut { predicate = before }
        var n = 0
        var lead: [String] = []
        while n < before.count, before[n].lower.hasSuffix("ly") {
          lead.append(before[n].text)
          n += 1
        }
        var turned: [String] = []
        while n < before.count, let past = VerbForms.past(ofParticiple: before[n].lower) {
          turned.append(past)
          n += 1
          guard n + 1 < before.count, before[n].lower == "and", VerbForms.isParticiple(before[n + 1].lower) else { break }
          turned.append("and")
          n += 1
        }
        if !turned.isEmpty {
          let rest = Self.join(before[n...])
          activeWithoutAgent = (lead + turned + [subject] + (rest.isEmpty ? [] : [rest])).joined(separator: " ")
        }
      }
    }
    let pastText = Self.join(predicate[...])
    var baseWords = predicate.map { $0.pause ? $0.text + "," : $0.text }
    var participleWords = baseWords
    if voice == .active {
      for v in verbs where v < predicate.count {
        let lower = predicate[v].lower
        guard let base = VerbForms.base(ofPast: lower), let participle = VerbForms.participle(ofPast: lower) else {
          return nil
        }
        baseWords[v] = base
        participleWords[v] = participle
      }
    }
    let mainVerb: String
    switch voice {
    case .active:
      mainVerb = VerbForms.base(ofPast: verbWord.lower) ?? verbWord.lower
    case .passive, .perfect:
      let participle = predicate.first { VerbForms.isParticiple($0.lower) }?.lower ?? "been"
      let past = VerbForms.past(ofParticiple: participle) ?? participle
      mainVerb = VerbForms.base(ofPast: past) ?? past
    }
    return Clause(
      subject: subject, voice: voice, auxiliary: auxiliary,
      base: voice == .active ? baseWords.joined(separator: " ") : pastText, past: pastText,
      participle: voice == .active ? participleWords.joined(separator: " ") : pastText,
      activeWithoutAgent: activeWithoutAgent, agent: agent, verb: mainVerb)
  }

  /// The subject as it reads after "did": "The battered village" → "the battered village", "Armenian" kept.
  func subject(_ words: [Word]) -> String {
    var texts = words.map(\.text)
    for (n, w) in words.enumerated() where w.pause && n + 1 < words.count { texts[n] += "," }
    if let first = words.first, let initial = first.text.first, initial.isUppercase {
      let lower = first.lower
      let common = Self.functionWords.contains(lower)
        || (lowercase.contains(lower) && !capitalized.contains(lower))
      if common { texts[0] = first.text.prefix(1).lowercased() + first.text.dropFirst() }
    }
    return texts.joined(separator: " ")
  }

  /// Words as text again, with the commas of a list ("Russia, the United States and Turkey").
  static func join(_ words: ArraySlice<Word>) -> String {
    var out = ""
    for (n, w) in zip(words.indices, words) {
      if !out.isEmpty { out += " " }
      out += w.text
      if w.pause, n != words.indices.last { out += "," }
    }
    return out
  }

  /// Whether the words state one of `numbers`, at the start of a word: "twenty-nine kilometres", "29 km", "an
  /// eight-hour battle" (not the "8" of "Mi-8").
  static func states(_ numbers: [Double], in words: [String]) -> Bool {
    for (n, w) in words.enumerated() {
      let parts = w.split(separator: "-").map(String.init)
      guard let head = parts.first else { continue }
      if let value = Double(head.filter { $0 != "," }), numbers.contains(value) { return true }
      var tail = parts
      for later in words[(n + 1)...].prefix(4) { tail += later.split(separator: "-").map(String.init) }
      if let (value, _) = NumberReader.parseWords(tail), numbers.contains(value) { return true }
    }
    return false
  }

  /// Hedges that go with a number: "an estimated 60,000", "nearly 39,000", "as many as 15,000".
  static let hedges: Set<String> = [
    "an", "estimated", "nearly", "about", "some", "approximately", "around", "almost", "roughly", "over", "as", "many",
  ]

  /// Words without the event's numbers and their hedges: "an estimated 60,000 Kurdish … civilians" → "Kurdish …
  /// civilians", "a two-month state of emergency" → "a state of emergency".
  static func withoutNumbers(_ words: [Word], verbs: Set<Int>, numbers: [Double]) -> (words: [Word], verbs: Set<Int>) {
    guard !numbers.isEmpty else { return (words, verbs) }
    var drop = Set<Int>()
    for (k, w) in words.enumerated() where !verbs.contains(k) && states(numbers, in: [w.lower]) {
      if isLabel(words, at: k) { continue }
      drop.insert(k)
      var left = k
      while left > 0, hedges.contains(words[left - 1].lower), !verbs.contains(left - 1) {
        left -= 1
        drop.insert(left)
      }
    }
    guard !drop.isEmpty else { return (words, verbs) }
    var kept: [Word] = []
    var keptVerbs: Set<Int> = []
    for (n, w) in words.enumerated() where !drop.contains(n) {
      if verbs.contains(n) { keptVerbs.insert(kept.count) }
      kept.append(w)
    }
    return (kept, keptVerbs)
  }

  /// Words that may stand before a count with a capital at a sentence's start ("The 300 defenders", "All 40
  /// villages"), so a numeral after them is no label.
  static let determiners: Set<String> = [
    "the", "a", "these", "those", "this", "that", "all", "its", "their", "his", "her", "our", "only", "another",
    "every", "each", "both", "of", "with", "and", "by", "up", "to", "at", "in", "on", "for",
  ]

  /// Whether the numeral at `k` labels the capitalised word before it ("Resolution 822", "Event 0", "Route 66"):
  /// part of a name, which a question keeps, not a count that another card asks for. A count is written with its
  /// noun after it ("The 300 defenders", "5,000 troops") or after a hedge ("Some 40").
  static func isLabel(_ words: [Word], at k: Int) -> Bool {
    guard k > 0, words[k].lower.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
    let before = words[k - 1]
    guard before.text.first?.isUppercase == true, !before.pause, !hedges.contains(before.lower),
      !determiners.contains(before.lower)
    else { return false }
    return k + 1 == words.count || words[k + 1].text.first?.isLowercase != true
  }

  /// The predicate without its date phrases ("in the early afternoon of April 1", "on May 6", "in 1992").
  static func withoutDates(_ words: [Word], verbs: Set<Int>) -> (words: [Word], verbs: Set<Int>) {
    var drop = Set<Int>()
    for (k, w) in words.enumerated() {
      let isYear = w.lower.count == 4 && w.lower.allSatisfy(\.isNumber)
      let isSeasonYear = seasons.contains(w.lower) && k + 1 < words.count && words[k + 1].lower.allSatisfy(\.isNumber)
      guard months.contains(w.lower) && w.text.first?.isUppercase == true || isYear || isSeasonYear else { continue }
      var left = k
      while left > 0, dateFillers.contains(words[left - 1].lower), !verbs.contains(left - 1) { left -= 1 }
      guard left > 0, datePrepositions.contains(words[left - 1].lower), !verbs.contains(left - 1) else { continue }
      left -= 1
      var right = k
      while right + 1 < words.count, words[right + 1].lower.allSatisfy(\.isNumber) { right += 1 }
      for n in left...right { drop.insert(n) }
    }
    guard !drop.isEmpty else { return (words, verbs) }
    var kept: [Word] = []
    var keptVerbs: Set<Int> = []
    for (n, w) in words.enumerated() where !drop.contains(n) {
      if verbs.contains(n) { keptVerbs.insert(kept.count) }
      kept.append(w)
    }
    return (kept, keptVerbs)
  }

  // MARK: - Questions

  /// "On what date", "In what month and year" … by the date's precision and qualifier.
  public static func dateStem(_ date: DateSpec) -> String {
    if date.end != nil { return "When" }
    switch (date.qualifier, date.start.precision) {
    case (.exact, .day): return "On what date"
    case (.exact, .month): return "In what month and year"
    case (.exact, .season): return "In what season and year"
    case (.exact, .year): return "In what year"
    case (.exact, .decade): return "In which decade"
    case (.exact, .century): return "In what century"
    case (.by, .day): return "By what date"
    case (.by, .month): return "By what month"
    case (.by, .season): return "By what season"
    case (.by, .year): return "By what year"
    case (.by, .decade): return "By which decade"
    case (.by, .century): return "By what century"
    case (.circa, _): return "Around when"
    case (.before, _), (.after, _): return "When"
    }
  }

  /// "On what date did Armenian forces capture …?", "By what date had Armenian forces encircled …?",
  /// "When was Kalbajar returned to Azerbaijani control?".
  public func dateQuestion(_ clause: Clause, date: DateSpec) -> String {
    let stem = Self.dateStem(date)
    let by = date.qualifier == .by
    let s = clause.subject
    switch clause.voice {
    case .active:
      return Self.tidy(by ? "\(stem) had \(s) \(clause.participle)" : "\(stem) did \(s) \(clause.base)")
    case .passive:
      return Self.tidy(by ? "\(stem) had \(s) been \(clause.base)" : "\(stem) \(clause.auxiliary) \(s) \(clause.base)")
    case .perfect:
      return Self.tidy("\(stem) had \(s) \(clause.base)")
    }
  }

  /// "Where did small-scale violence flare up between the two ethnic groups?".
  public func placeQuestion(_ clause: Clause) -> String {
    switch clause.voice {
    case .active: return Self.tidy("Where did \(clause.subject) \(clause.base)")
    case .passive: return Self.tidy("Where \(clause.auxiliary) \(clause.subject) \(clause.base)")
    case .perfect: return Self.tidy("Where had \(clause.subject) \(clause.base)")
    }
  }

  /// "Who captured the mountain stronghold of Shusha?" (or "Which of these …?"), asking for the subject of an
  /// active clause or the agent of a passive one; nil when a passive has no active form.
  public func actorQuestion(_ clause: Clause, lead: String = "Who") -> String? {
    switch clause.voice {
    case .active:
      // "Who began their assault?" says too little once its subject is gone.
      let words = clause.past.split(separator: " ")
      if words.count <= 3, words.contains(where: { ["their", "his", "her", "its"].contains($0.lowercased()) }) { return nil }
      return Self.tidy("\(lead) \(clause.past)")
    case .perfect: return Self.tidy("\(lead) had \(clause.base)")
    case .passive: return clause.activeWithoutAgent.map { Self.tidy("\(lead) \($0)") }
    }
  }

  /// "What followed when Melkonian's forces reached the Tartar River?".
  public func outcomeQuestion(_ clause: Clause) -> String {
    switch clause.voice {
    case .active: return Self.tidy("What followed when \(clause.subject) \(clause.past)")
    case .passive: return Self.tidy("What followed when \(clause.subject) \(clause.auxiliary) \(clause.base)")
    case .perfect: return Self.tidy("What followed when \(clause.subject) had \(clause.base)")
    }
  }

  /// A question made tidy, never "did … take place": "take place" becomes "happen".
  static func tidy(_ text: String) -> String {
    var words = text.split(separator: " ").map(String.init)
    for (n, w) in words.enumerated() where n + 1 < words.count && Self.startsWithPlace(words[n + 1]) {
      switch w.lowercased() {
      case "take": words[n] = "happen"
      case "taken", "took": words[n] = "happened"
      default: continue
      }
      words[n + 1] = String(words[n + 1].dropFirst(5))
    }
    return Phrasing.question(words.filter { !$0.isEmpty }.joined(separator: " "))
  }

  /// `word.lowercased().hasPrefix("place")`, on bytes when its first six are ASCII.
  static func startsWithPlace(_ word: String) -> Bool {
    let bytes = word.utf8.prefix(6)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return word.lowercased().hasPrefix("place") }
    return bytes.count >= 5 && zip(bytes, "place".utf8).allSatisfy { $0 | 0x20 == $1 }
  }

  // MARK: - Statements

  /// Nouns that make an event a statement about something rather than the thing: "Sargsyan's account of …".
  static let accountNouns: Set<String> = [
    "account", "accounts", "interview", "interviews", "statement", "statements", "allegation", "allegations", "claim",
    "claims", "report", "reports", "remarks", "testimony", "memoir", "memoirs", "recollection", "description",
    "refutation", "denial", "speech", "assertion", "explanation", "comment", "comments",
  ]

  /// Verbs of saying: a sentence whose main verb is one reports what someone said.
  static let speechVerbs: Set<String> = [
    "state", "say", "explain", "allege", "claim", "report", "describe", "note", "tell", "argue", "recall", "remark",
    "write", "insist", "assert", "testify", "comment", "admit", "deny", "contend", "refute", "recount", "speak",
  ]

  /// Whether an event is a statement, interview, account, report or claim (whose date is not worth a card).
  public static func isAccount(title: String, clause: Clause?) -> Bool {
    if let clause, clause.voice == .active, speechVerbs.contains(clause.verb) { return true }
    return isAccount(title: title, bytewise: true)
  }

  /// Whether one of the title's first five words is an account noun, read by its bytes for ASCII titles or
  /// (`bytewise` false, and for any other title) through `AnswerText.rawTokens`.
  static func isAccount(title: String, bytewise: Bool) -> Bool {
    if bytewise {
      var seen = 0
      var found = false
      let read = AnswerText.eachASCIIToken(title) { word in
        guard seen < 5, !found else { return }
        seen += 1
        found = accountNounBytes.contains(word)
      }
      if read { return found }
    }
    let words = AnswerText.rawTokens(title).prefix(5)
    return words.contains { accountNouns.contains($0) }
  }

  /// `accountNouns`, asked about by their bytes.
  static let accountNounBytes = ByteWordSet(accountNouns)
}
