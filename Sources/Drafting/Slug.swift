import Foundation

/// Deck ids from names: lower-case ASCII letters, digits and single hyphens.
enum Slug {
  /// "Turgut Özal" → "turgut-ozal"; at most `words` words.
  static func make(_ text: String, words: Int = 6) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
    var parts: [String] = []
    var current = ""
    for ch in folded {
      if ch.isASCII && (ch.isLetter || ch.isNumber) {
        current.append(Character(ch.lowercased()))
      } else if ch == "'" || ch == "’" {
        continue
      } else if !current.isEmpty {
        parts.append(current)
        current = ""
      }
    }
    if !current.isEmpty { parts.append(current) }
    return parts.prefix(words).joined(separator: "-")
  }

  /// `base`, or `base-kind`, `base-2` … when taken; "item" when empty.
  static func unique(_ base: String, kind: String? = nil, used: inout Set<String>) -> String {
    let base = base.isEmpty ? "item" : base
    var candidate = base
    if used.contains(candidate), let kind { candidate = base + "-" + kind }
    var n = 2
    while used.contains(candidate) {
      candidate = base + "-" + String(n)
      n += 1
    }
    used.insert(candidate)
    return candidate
  }
}
