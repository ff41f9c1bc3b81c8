/// Pieces of a sentence a draft reuses: the clause around a date (an event's title), a number blanked out.
enum Clause {
  static let boundaries: Set<String> = [",", ";", ":", "(", ")", "—", "[", "]"]
  static let datePrepositions: Set<String> = [
    "in", "on", "by", "during", "since", "until", "from", "of", "the", "early", "late", "mid", "through", "throughout",
    "around", "circa", "about", "before", "after", "at", "as", "given",
  ]
  static let connectives: Set<String> = [
    "and", "but", "when", "which", "while", "however", "then", "so", "where", "whereupon", "until", "that", "also",
  ]
  static let cuts: Set<String> = ["and", "but", "until", "when", "as", "which", "while", "where", "because", "since"]
  static let lowerFirst: Set<String> = ["The", "A", "An", "Its", "His", "Her", "Their", "This", "It", "These", "Those", "There"]

  /// Words that open a clause a date may belong to ("… and the provincial capital fell on April 3, 1993").
  static let openers: Set<String> = ["and", "but", "as", "when", "while", "after", "before", "until", "that", "which", "where"]
  /// Words that open a phrase that is not itself an event ("Speaking in 2020, …", "In an interview given in …").
  static let subordinate: Set<String> = [
    "as", "with", "after", "before", "speaking", "besides", "following", "while", "when", "since", "although", "in",
    "during", "on", "by", "at", "from", "within", "for", "throughout",
  ]
  static let reporting: Set<String> = ["stated", "said", "reported", "announced", "explained", "claimed", "noted", "argued", "added"]
  static let trailing: Set<String> = ["the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "from", "and", "or", "but", "with", "as", "that", "which", "who", "his", "her", "their", "its"]

  /// The clause that holds a date, without the date, and whether it had to be taken from beside the date's own
  /// phrase (the date may then belong to that phrase, not to the clause): "Armenian forces captured the mountain
  /// stronghold of Shusha" from "On May 9, 1992, Armenian forces captured …".
  static func title(_ a: Analyzed, dateStart: Int, dateEnd: Int, otherDates: [(Int, Int)] = [], maxWords: Int = 16)
    -> (text: String, borrowed: Bool)
  {
    let tokens = a.tokens
    let inDate = { (t: Token) in t.start >= dateStart && t.end <= dateEnd }
    let inOther = { (t: Token) in otherDates.contains { t.start >= $0.0 && t.end <= $0.1 } }
    var segments: [[Int]] = [[]]
    for (k, t) in tokens.enumerated() {
      if boundaries.contains(t.text) && !inDate(t) && !inOther(t) {
        if !segments[segments.count - 1].isEmpty { segments.append([]) }
      } else if t.text != "." || k != tokens.count - 1 {
        segments[segments.count - 1].append(k)
      }
    }
    segments = segments.filter { !$0.isEmpty }
    guard let home = segments.firstIndex(where: { $0.contains { inDate(tokens[$0]) } }) else { return ("", false) }
    var segment = segments[home]
    // Within its segment, the date belongs to the nearest clause before it, and the clause ends at the next
    // "and"/"but" after it: "… collapsed and the provincial capital fell on April 3, 1993".
    guard let firstDate = segment.firstIndex(where: { inDate(tokens[$0]) }) else { return ("", false) }
    var subject: [Int] = []
    if let open = segment[..<firstDate].lastIndex(where: { openers.contains(tokens[$0].lower) && !inOther(tokens[$0]) }),
      segment[(open + 1)..<firstDate].filter({ tokens[$0].isWord && !inOther(tokens[$0]) }).count >= 2
    {
      let head = Array(segment[..<open])
      if tokens[segment[open]].lower == "and", let w = head.first, tokens[w].isCapitalized, head.count >= 2,
        let next = segment[(open + 1)...].first, tokens[next].isLowercaseWord, !["the", "a", "an", "his", "her", "their", "its", "they", "he", "she", "it"].contains(tokens[next].lower)
      {
        subject = Array(head.prefix(2))
      }
      segment = Array(segment[(open + 1)...])
    }
    if let lastDate = segment.lastIndex(where: { inDate(tokens[$0]) }),
      let close = segment[(lastDate + 1)...].firstIndex(where: { ["and", "but"].contains(tokens[$0].lower) })
    {
      segment = Array(segment[..<close])
    }
    func keep(_ segment: [Int]) -> [Int] {
      var out: [Int] = []
      for k in segment {
        if inDate(tokens[k]) || inOther(tokens[k]) {
          while let last = out.last, datePrepositions.contains(tokens[last].lower) { out.removeLast() }
          continue
        }
        out.append(k)
      }
      return out
    }
    func wordCount(_ pieces: [[Int]]) -> Int { pieces.reduce(0) { $0 + $1.filter { tokens[$0].isWord }.count } }
    var pieces: [[Int]] = [subject + keep(segment)]
    var borrowed = false
    let opening = pieces[0].first.map { tokens[$0].lower } ?? ""
    let untilWhen = segment.contains { ["until", "till"].contains(tokens[$0].lower) } && home + 1 < segments.count
      && tokens[segments[home + 1][0]].lower == "when"
    if untilWhen || ((subordinate.contains(opening) || opening.hasSuffix("ing")) && home + 1 < segments.count) {
      // "Speaking in 2020, Serzh Sargsyan … stated": the main clause follows.
      pieces = []
      var next = home + 1
      while wordCount(pieces) < 4, next < segments.count {
        pieces.append(keep(segments[next]))
        next += 1
      }
      borrowed = true
    } else if opening.hasSuffix("ing"), home > 0 {
      // "They advanced twenty-nine kilometres, reaching the Tartar River on March 31".
      pieces.insert(keep(segments[home - 1]), at: 0)
    }
    var next = home + 1
    while wordCount(pieces) < 4, next < segments.count, !borrowed {
      pieces.append(keep(segments[next]))
      next += 1
    }
    var previous = home - 1
    while wordCount(pieces) < 4, previous >= 0 {
      pieces.insert(keep(segments[previous]), at: 0)
      previous -= 1
      borrowed = true
    }
    // Leading connectives, "stated that", and punctuation go.
    func dropFirst() {
      pieces[0].removeFirst()
      if pieces[0].isEmpty { pieces.removeFirst() }
    }
    while let k = pieces.first?.first {
      let w = tokens[k].lower
      if connectives.contains(w) || subordinate.contains(w) && pieces.count > 1 && pieces[0].count == 1 || !tokens[k].isWord {
        dropFirst()
      } else if reporting.contains(w), pieces[0].count > 1, tokens[pieces[0][1]].lower == "that" {
        dropFirst()
        dropFirst()
      } else {
        break
      }
    }
    // At most `maxWords` words, cut before a conjunction where one comes late enough.
    var count = 0
    var cut: [[Int]] = []
    outer: for piece in pieces {
      var kept: [Int] = []
      for k in piece {
        if tokens[k].isWord { count += 1 }
        if count > maxWords || (count > 6 && cuts.contains(tokens[k].lower) && count > maxWords / 2) {
          if !kept.isEmpty { cut.append(kept) }
          break outer
        }
        kept.append(k)
      }
      if !kept.isEmpty { cut.append(kept) }
    }
    while var last = cut.last, let k = last.last, trailing.contains(tokens[k].lower) || !tokens[k].isWord {
      last.removeLast()
      if last.isEmpty { cut.removeLast() } else { cut[cut.count - 1] = last }
    }
    var text = cut.map { piece in runs(piece).map { String(a.chars[tokens[$0.0].start..<tokens[$0.1].end]) }.joined(separator: " ") }
      .joined(separator: ", ")
    text = text.filter { $0 != "\"" && $0 != "“" && $0 != "”" }
    text = SentenceSplitter.collapse(text)
    while let last = text.last, ",;:-–".contains(last) || last == " " { text.removeLast() }
    if let firstWord = text.split(separator: " ").first, lowerFirst.contains(String(firstWord)) || subordinate.contains(firstWord.lowercased()) && false {
      text = text.prefix(1).lowercased() + text.dropFirst()
    }
    if let first = text.first, first.isUppercase, let word = text.split(separator: " ").first,
      ["Civilians", "Refugees", "Defeats", "Troops", "Soldiers", "They", "He", "She", "We", "Many", "Some"].contains(String(word))
    {
      text = text.prefix(1).lowercased() + text.dropFirst()
    }
    return (text, borrowed)
  }

  /// Consecutive token indices as (first, last) runs.
  static func runs(_ indices: [Int]) -> [(Int, Int)] {
    var out: [(Int, Int)] = []
    for k in indices {
      if let last = out.last, last.1 == k - 1 { out[out.count - 1].1 = k } else { out.append((k, k)) }
    }
    return out
  }

  /// The sentence with the characters `start..<end` replaced by a blank (or by `replacement`).
  static func blanked(_ a: Analyzed, start: Int, end: Int, replacement: String = "_____") -> String {
    var s = String(a.chars[0..<start]) + replacement + String(a.chars[end...])
    while let last = s.last, last == "." || last == " " { s.removeLast() }
    return s
  }
}
