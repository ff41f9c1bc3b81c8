import Foundation

/// Anki's cloze markup, `{{c1::answer}}` or `{{c1::answer::hint}}`, in plain text.
enum Cloze {
  /// One deletion: its number, answer, and where it sits in the text.
  struct Deletion {
    var number: Int
    var answer: String
    var range: Range<String.Index>
  }

  /// Every deletion in `text`, in order; nested markup is read as text.
  static func deletions(_ text: String) -> [Deletion] {
    var found: [Deletion] = []
    var searchFrom = text.startIndex
    while let open = text.range(of: "{{c", range: searchFrom..<text.endIndex) {
      var i = open.upperBound
      var digits = ""
      while i < text.endIndex, text[i].isASCII, text[i].isNumber, digits.count < 4 {
        digits.append(text[i])
        i = text.index(after: i)
      }
      guard let number = Int(digits), number > 0, text[i...].hasPrefix("::"),
        let close = text.range(of: "}}", range: text.index(i, offsetBy: 2)..<text.endIndex)
      else {
        searchFrom = open.upperBound
        continue
      }
      let body = text[text.index(i, offsetBy: 2)..<close.lowerBound]
      let answer = body.range(of: "::").map { String(body[..<$0.lowerBound]) } ?? String(body)
      found.append(Deletion(number: number, answer: answer, range: open.lowerBound..<close.upperBound))
      searchFrom = close.upperBound
    }
    return found
  }

  /// The text with every deletion shown as its answer.
  static func resolved(_ text: String) -> String {
    replacing(text) { $0.answer }
  }

  /// The question of card `number` in Annals' hand-cloze form (`{{answer}}` for the first deletion of that
  /// number, `[…]` for later ones, other numbers shown), and its answer; nil when the number is absent.
  static func blanked(_ text: String, number: Int) -> (String, String)? {
    guard let first = deletions(text).first(where: { $0.number == number }) else { return nil }
    var seen = false
    let question = replacing(text) { d in
      guard d.number == number else { return d.answer }
      if seen { return "[…]" }
      seen = true
      return "{{" + d.answer + "}}"
    }
    return (question, first.answer)
  }

  private static func replacing(_ text: String, _ show: (Deletion) -> String) -> String {
    var out = ""
    var last = text.startIndex
    for d in deletions(text) {
      out += text[last..<d.range.lowerBound]
      out += show(d)
      last = d.range.upperBound
    }
    out += text[last...]
    return out
  }
}
