import Foundation

/// Cuts plain English prose into sentences and headings.
///
/// Handles abbreviations ("U.S.", "Gen."), initials, decimals, ellipses and full stops inside quotations or
/// parentheses, citation marks after a full stop ("…displaced.[4] Civilians"), headings on lines of their own and
/// headings run into the next sentence ("BackgroundAn autonomous oblast …"), as copied encyclopedia text has them.
public enum SentenceSplitter {
  /// The document's title, headings and sentences.
  public static func split(_ text: String) -> SourceDocument {
    var builder = Builder()
    var paragraph = ""
    var lastLineEnded = true
    func flush() {
      if !paragraph.isEmpty { builder.paragraph(paragraph) }
      paragraph = ""
    }
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = collapse(rawLine)
      if line.isEmpty {
        flush()
        lastLineEnded = true
        continue
      }
      if (paragraph.isEmpty || lastLineEnded) && isHeadingLine(line) {
        flush()
        builder.heading(line)
        lastLineEnded = true
        continue
      }
      paragraph += paragraph.isEmpty ? line : " " + line
      let bare = stripCitations(String(line.suffix(200)))
      let ending = bare.last
      lastLineEnded = ending.map { ".!?\"”’)".contains($0) } ?? false
      // "… a counter-offensive. NotesReferences": a heading run in at the line's end ends it too.
      if !lastLineEnded, let stop = bare.lastIndex(where: { ".!?".contains($0) }) {
        let tail = bare[bare.index(after: stop)...].trimmingCharacters(in: .whitespaces)
        if let first = tail.first, first.isUppercase, tail.split(separator: " ").count <= 4 { lastLineEnded = true }
      }
      // A line ending in a colon introduces a block quotation: the sentence ends with the line.
      if ending == ":" {
        flush()
        lastLineEnded = true
      }
    }
    flush()
    return builder.document()
  }

  /// Words that a full stop follows without ending the sentence.
  static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "maj", "sgt", "cpl", "adm", "cmdr", "gov", "sen",
    "rep", "pres", "st", "mt", "ft", "jr", "sr", "rev", "hon", "vs", "e.g", "i.e", "cf", "al", "approx", "ca", "c",
    "no", "nos", "vol", "pp", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "inc", "ltd", "co", "corp", "bros", "brig", "gens", "lieut", "messrs", "viz", "op",
  ]

  /// Characters that may close a sentence after its full stop.
  static let closers: Set<Character> = ["\"", "”", "’", "'", ")", "»"]

  /// A line on its own that reads as a heading: short, capitalised, without closing punctuation.
  static func isHeadingLine(_ line: String) -> Bool {
    guard line.utf8.count <= 200 else { return false }
    let bare = stripCitations(line)
    guard let first = bare.first, first.isUppercase || first.isNumber, let last = bare.last else { return false }
    if ".!?:;,\"”’)".contains(last) { return false }
    let words = bare.split(separator: " ")
    guard words.count <= 10, !bare.contains(". "), !bare.contains("? "), !bare.contains("! ") else { return false }
    let lastWord = words.last.map { $0.lowercased() } ?? ""
    return !["the", "of", "a", "an", "and", "to", "in", "on", "or", "by", "with"].contains(lastWord)
  }

  /// Runs of whitespace as one space, trimmed.
  static func collapse<S: StringProtocol>(_ text: S) -> String {
    // Most text has single spaces only: nothing to do.
    var clean = true
    var previousSpace = true
    for b in text.utf8 {
      let space = b == 0x20
      if b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C || (space && previousSpace) || b >= 0x80 && b == 0xC2 {
        clean = false
        break
      }
      previousSpace = space
    }
    if clean && !previousSpace { return String(text) }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for ch in text {
      if ch.isWhitespace {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(ch)
      }
    }
    return out
  }

  /// The text without citation marks: "[4]", "[a]", "[23][16]" (one to four letters or digits in brackets).
  public static func stripCitations(_ text: String) -> String {
    guard text.contains(ascii: "[") else { return text }
    let chars = Array(text)
    var out = ""
    var i = 0
    while i < chars.count {
      if chars[i] == "[", let close = citationEnd(chars, from: i) {
        i = close + 1
        continue
      }
      out.append(chars[i])
      i += 1
    }
    return collapse(out)
  }

  /// The index of the `]` closing a citation mark that opens at `i`, if one does.
  static func citationEnd(_ chars: [Character], from i: Int) -> Int? {
    var j = i + 1
    while j < chars.count, j - i <= 5, chars[j].isLetter || chars[j].isNumber { j += 1 }
    guard j < chars.count, chars[j] == "]", j > i + 1, j - i <= 5 else { return nil }
    // A page after the mark: "[2]:344", "[7]:12–14".
    if j + 2 < chars.count, chars[j + 1] == ":", chars[j + 2].isNumber {
      j += 2
      while j + 1 < chars.count, chars[j + 1].isNumber || (("–-".contains(chars[j + 1])) && j + 2 < chars.count && chars[j + 2].isNumber) { j += 1 }
    }
    return j
  }

  /// Collects sentences and headings in order.
  struct Builder {
    var title: String?
    var headings: [Heading] = []
    var sentences: [Sentence] = []

    func document() -> SourceDocument { SourceDocument(title: title, headings: headings, sentences: sentences) }

    mutating func heading(_ text: String) {
      let title = stripCitations(text)
      if sentences.isEmpty && headings.isEmpty && self.title == nil {
        self.title = title
      } else {
        headings.append(Heading(title: title, firstSentence: sentences.count))
      }
    }

    mutating func sentence(_ text: String) {
      var rest = text
      while let (heading, remainder) = SentenceSplitter.runInHeading(rest) {
        self.heading(heading)
        rest = remainder
      }
      guard !rest.isEmpty else { return }
      let bare = stripCitations(rest)
      if let last = bare.last, !".!?:;\"”’)".contains(last), bare.split(separator: " ").count <= 10,
        bare.first?.isUppercase ?? false
      {
        heading(rest)
        return
      }
      sentences.append(
        Sentence(
          index: sentences.count, text: rest, plain: stripCitations(rest),
          section: headings.isEmpty ? nil : headings.count - 1))
    }

    mutating func paragraph(_ text: String) {
      let c = Array(text)
      let n = c.count
      var start = 0
      var inQuote = false
      var paren = 0
      var i = 0
      while i < n {
        let ch = c[i]
        switch ch {
        case "\"": inQuote.toggle()
        case "“": inQuote = true
        case "”": inQuote = false
        case "(": paren += 1
        case ")": paren = max(0, paren - 1)
        default: break
        }
        guard ch == "." || ch == "!" || ch == "?" || ch == "…" else {
          i += 1
          continue
        }
        var j = i
        while j + 1 < n, c[j + 1] == "." || c[j + 1] == "!" || c[j + 1] == "?" || c[j + 1] == "…" { j += 1 }
        let savedQuote = inQuote
        let savedParen = paren
        var k = j + 1
        while k < n, SentenceSplitter.closers.contains(c[k]) {
          switch c[k] {
          case "\"": inQuote.toggle()
          case "”": inQuote = false
          case ")": paren = max(0, paren - 1)
          default: break
          }
          k += 1
        }
        let end = k
        var m = k
        while m < n, c[m] == "[", let close = SentenceSplitter.citationEnd(c, from: m) { m = close + 1 }
        var next = m
        while next < n, c[next] == " " { next += 1 }
        let atEnd = next >= n
        let spaced = m >= n || c[m] == " "
        if atEnd
          || (spaced && !inQuote && paren == 0 && SentenceSplitter.startsSentence(c[next])
            && !(j == i && ch == "." && SentenceSplitter.isAbbreviation(c, before: i)))
        {
          sentence(String(c[start..<end]))
          start = next
          i = next
          inQuote = false
          paren = 0
          continue
        }
        inQuote = savedQuote
        paren = savedParen
        i = j + 1
      }
      if start < n {
        let rest = String(c[start..<n]).trimmingSpaces()
        if !rest.isEmpty { sentence(rest) }
      }
    }
  }

  static func startsSentence(_ ch: Character) -> Bool {
    ch.isUppercase || ch.isNumber || "\"“‘'(«".contains(ch)
  }

  /// Whether the word before the full stop at `i` is an abbreviation or an initial.
  static func isAbbreviation(_ c: [Character], before i: Int) -> Bool {
    var s = i
    while s > 0, c[s - 1].isLetter || c[s - 1] == "." { s -= 1 }
    let word = String(c[s..<i])
    guard !word.isEmpty else { return false }
    if word.count == 1, word.first!.isUppercase { return true }  // an initial: "J. R. Tolkien"
    // Dotted letters: "U.S", "U.N", "D.C".
    let parts = word.split(separator: ".")
    if parts.count >= 2, parts.allSatisfy({ $0.count == 1 }) { return true }
    return abbreviations.contains(word.lowercased())
  }

  /// A heading run into the sentence after it ("The region of KalbajarKalbajar is …"): the heading and the rest.
  static func runInHeading(_ text: String) -> (String, String)? {
    let c = Array(text.prefix(120))
    guard c.first?.isUppercase ?? false, c.count > 2 else { return nil }
    var wordStart = 0
    var words = 1
    for p in 1..<(c.count - 1) {
      let ch = c[p]
      if ch == " " {
        words += 1
        wordStart = p + 1
        if words > 8 { return nil }
        continue
      }
      if !(ch.isLetter || ch == "'" || ch == "’" || ch == "-") { return nil }
      guard ch.isUppercase, c[p - 1].isLowercase, p - wordStart >= 4 else { continue }
      let after = c[p + 1]
      guard after.isLowercase || (after == " " && (ch == "A" || ch == "I")) else { continue }
      let heading = String(c[0..<p])
      let lastWord = heading.split(separator: " ").last.map { $0.lowercased() } ?? ""
      if ["the", "of", "a", "an", "and"].contains(lastWord) { return nil }
      let rest = String(text[text.index(text.startIndex, offsetBy: p)...])
      return (heading, rest)
    }
    return nil
  }
}

extension String {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
