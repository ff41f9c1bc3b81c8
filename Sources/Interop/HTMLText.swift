/// Reduces the HTML of Anki fields and TimelineJS text to plain text: tags dropped, block ends as spaces,
/// entities decoded, control characters and runs of white space made single spaces.
///
/// ```swift
/// HTMLText.plain("Fell on <b>April&nbsp;3</b>,<br>1993")   // "Fell on April 3, 1993"
/// HTMLText.mediaReferences("<img src=\"map.png\"> [sound:a.mp3]")   // ["map.png", "a.mp3"]
/// ```
public enum HTMLText {
  /// The text of an HTML fragment on one line.
  public static func plain(_ html: String) -> String {
    var out = ""
    out.reserveCapacity(html.utf8.count)
    var rest = Substring(html)
    while let lt = rest.firstIndex(where: { $0 == "<" || $0 == "&" || $0 == "[" }) {
      out += rest[..<lt]
      rest = rest[lt...]
      if rest.first == "<" {
        guard let gt = rest.firstIndex(of: ">") else {
          out += rest
          rest = ""
          break
        }
        let tag = rest[rest.index(after: rest.startIndex)..<gt].lowercased()
        let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
        rest = rest[rest.index(after: gt)...]
        if !tag.hasPrefix("/"), name == "style" || name == "script" {
          // Their content is not text: skip to the closing tag.
          if let close = rest.range(of: "</\(name)", options: .caseInsensitive) {
            rest = rest[close.upperBound...]
            if let gt = rest.firstIndex(of: ">") { rest = rest[rest.index(after: gt)...] }
          } else {
            rest = ""
          }
        } else if blockTags.contains(String(name)) {
          out += " "
        }
      } else if rest.first == "&" {
        let (text, length) = entity(at: rest)
        out += text
        rest = rest.dropFirst(length)
      } else {
        // `[sound:file]` is a media reference, not text.
        if rest.hasPrefix("[sound:"), let close = rest.firstIndex(of: "]") {
          rest = rest[rest.index(after: close)...]
          out += " "
        } else {
          out += "["
          rest = rest.dropFirst()
        }
      }
    }
    out += rest
    return collapse(out)
  }

  /// File names of `<img src>`, `<audio src>`, `<source src>` and `[sound:…]` references, in order of appearance.
  public static func mediaReferences(_ html: String) -> [String] {
    var names: [String] = []
    var rest = Substring(html)
    while let r = rest.range(of: "src=", options: .caseInsensitive) {
      rest = rest[r.upperBound...]
      guard let quote = rest.first else { break }
      if quote == "\"" || quote == "'" {
        rest = rest.dropFirst()
        let end = rest.firstIndex(of: quote) ?? rest.endIndex
        names.append(plain(String(rest[..<end])))
        rest = rest[end...]
      } else {
        let end = rest.firstIndex { $0 == " " || $0 == ">" } ?? rest.endIndex
        names.append(plain(String(rest[..<end])))
        rest = rest[end...]
      }
    }
    rest = Substring(html)
    while let r = rest.range(of: "[sound:") {
      rest = rest[r.upperBound...]
      guard let close = rest.firstIndex(of: "]") else { break }
      names.append(String(rest[..<close]))
      rest = rest[rest.index(after: close)...]
    }
    return names.filter { !$0.isEmpty }
  }

  static let blockTags: Set<String> = [
    "br", "div", "p", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "blockquote", "section", "article", "img",
  ]

  static let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
    "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
    "copy": "©", "reg": "®", "deg": "°", "middot": "·", "times": "×", "eacute": "é", "egrave": "è",
    "aacute": "á", "agrave": "à", "ouml": "ö", "uuml": "ü", "auml": "ä", "ccedil": "ç", "szlig": "ß",
    "shy": "", "zwj": "", "zwnj": "", "thinsp": " ", "ensp": " ", "emsp": " ",
  ]

  /// The text of an entity at the start of `s` and how many characters it spans (1 when it is not one).
  static func entity(at s: Substring) -> (String, Int) {
    let body = s.dropFirst().prefix(12)
    guard let semi = body.firstIndex(of: ";") else { return ("&", 1) }
    let name = body[..<semi]
    let length = name.count + 2
    if name.hasPrefix("#") {
      let digits = name.dropFirst()
      let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      if let value, let scalar = Unicode.Scalar(value), value != 0 { return (String(Character(scalar)), length) }
      return ("\u{FFFD}", length)
    }
    if let text = namedEntities[String(name)] { return (text, length) }
    return ("&", 1)
  }

  /// Control characters, line breaks and runs of white space become one space; ends trimmed.
  static func collapse(_ text: String) -> String {
    var out = ""
    var space = false
    for scalar in text.unicodeScalars {
      let blank = scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        || [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].contains(scalar.value)
      if blank {
        space = !out.isEmpty
      } else {
        if space { out += " " }
        space = false
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
