/// A word, number or punctuation mark of a sentence, with its place in the sentence's characters.
struct Token: Sendable, Equatable {
  var text: String {
    didSet { lower = text.lowercased() }
  }
  /// First character (inclusive) and end (exclusive), as indices into the sentence's characters.
  var start: Int
  var end: Int

  /// The text in lower case, computed once.
  var lower: String
  init(text: String, start: Int, end: Int) {
    self.text = text
    self.lower = text.lowercased()
    self.start = start
    self.end = end
  }

  var isWord: Bool { text.first.map { $0.isLetter || $0.isNumber } ?? false }
  var isNumber: Bool { text.first?.isNumber ?? false }
  var isCapitalized: Bool { text.first?.isUppercase ?? false }
  var isLowercaseWord: Bool { text.first?.isLowercase ?? false }
  /// All digits (commas between thousands and one decimal point allowed).
  var isNumeral: Bool {
    guard let first = text.first, first.isNumber, let last = text.last, last.isNumber else { return false }
    return text.allSatisfy { $0.isNumber || $0 == "," || $0 == "." }
  }
  /// The value of an integer token without separators ("1,900" → 1900).
  var integer: Int? {
    guard isNumeral, !text.contains(ascii: ".") else { return nil }
    return Int(text.filter { $0 != "," })
  }

  /// Cuts a sentence into tokens: words keep inner apostrophes, hyphens and dots ("Ter-Petrosyan", "U.S.",
  /// "21.5"); numerals keep thousands commas ("60,000"); every other character but a space is a token of its own.
  static func tokenize(_ c: [Character]) -> [Token] {
    var out: [Token] = []
    let n = c.count
    var i = 0
    while i < n {
      let ch = c[i]
      if ch == " " {
        i += 1
        continue
      }
      guard ch.isLetter || ch.isNumber else {
        out.append(Token(text: String(ch), start: i, end: i + 1))
        i += 1
        continue
      }
      var j = i + 1
      while j < n {
        let x = c[j]
        if x.isLetter || x.isNumber {
          j += 1
        } else if x == "'" || x == "’" || x == "-" || x == ".", j + 1 < n, c[j + 1].isLetter || c[j + 1].isNumber,
          !(x == "." && c[j - 1].isLetter && c[j + 1].isNumber)
        {
          j += 2
        } else if x == ",", c[i].isNumber, j + 3 < n + 1, j + 3 <= n,
          c[(j + 1)..<(j + 4)].allSatisfy(\.isNumber), j + 4 >= n || !c[j + 4].isNumber
        {
          j += 4
        } else {
          break
        }
      }
      // "U.S.", "Gen.", "E." (an initial): an abbreviation keeps its dot.
      if j < n, c[j] == ".", j - i >= 3, c[j - 2] == ".", c[j - 1].isLetter {
        j += 1
      } else if j < n, c[j] == ".", j + 1 < n, c[j + 1] == " ", j + 2 < n, c[j + 2].isUppercase,
        (j - i == 1 && c[i].isUppercase) || SentenceSplitter.abbreviations.contains(String(c[i..<j]).lowercased())
      {
        j += 1
      }
      out.append(Token(text: String(c[i..<j]), start: i, end: j))
      i = j
    }
    return out
  }
}
