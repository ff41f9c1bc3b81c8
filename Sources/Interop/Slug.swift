import Foundation

/// Deck ids from free text: lower-case ASCII letters and digits joined by single hyphens.
enum Slug {
  /// "The Battle (1993)" → "the-battle-1993"; `fallback` when nothing is left.
  static func make(_ text: String, fallback: String) -> String {
    var out = ""
    var hyphen = false
    for c in text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
      if c.isASCII, c.isLetter || c.isNumber {
        if hyphen, !out.isEmpty { out += "-" }
        hyphen = false
        out.append(c)
      } else {
        hyphen = true
      }
      if out.count >= 60 { break }
    }
    return out.isEmpty ? fallback : out
  }
}
