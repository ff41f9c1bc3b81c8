import Foundation
import TextKit

extension DeckParser {
  /// Checks what needs the whole deck: references to ids, citation keys, and quotes against source texts.
  func checkDeck(_ deck: Deck, baseDirectory: URL) {
    checkReferences()
    checkCitations(deck)
    checkQuotes(deck, baseDirectory: baseDirectory)
    diagnostics.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
  }

  func checkReferences() {
    for reference in references {
      let names = reference.expected.map(\.rawValue)
      let expected = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names[0]
      if let found = ids[reference.id] {
        if !reference.expected.contains(found.kind) {
          error(
            "'\(reference.id)' in `\(reference.field):` is \(found.kind.article) \(found.kind.rawValue), not \(reference.expected[0].article) \(expected)",
            hint: "`\(reference.field):` takes ids of \(plural(reference.expected))", at: reference.location)
        }
        continue
      }
      let candidates = ids.filter { reference.expected.contains($0.value.kind) }.keys
      let hint =
        EditDistance.suggestion(for: reference.id, among: candidates.sorted()).map {
          "did you mean '\($0)'?"
        } ?? "define it under `\(section(reference.expected[0])):`, or check the spelling"
      error(
        "unknown \(expected) '\(reference.id)' in `\(reference.field):`", hint: hint, at: reference.location)
    }
  }

  private func plural(_ kinds: [IDKind]) -> String {
    kinds.map { section($0) }.joined(separator: ", ")
  }

  private func section(_ kind: IDKind) -> String {
    switch kind {
    case .era: "eras"
    case .person: "people"
    case .place: "places"
    case .unit: "units"
    case .organisation: "organisations"
    case .event: "events"
    case .fact: "facts"
    case .card: "cards"
    }
  }

  func checkCitations(_ deck: Deck) {
    let keys = deck.sources.map(\.key)
    for (key, location) in citeUses where !keys.contains(key) {
      let hint =
        EditDistance.suggestion(for: key, among: keys).map { "did you mean '\($0)'?" }
        ?? (keys.isEmpty
          ? "list the source under `sources:` in the `deck:` block"
          : "citation keys: \(keys.joined(separator: ", "))")
      error("unknown citation key '\(key)'", hint: hint, at: location)
    }
  }

  /// Every quote must appear verbatim (runs of whitespace aside) in its source's text file, when it has one.
  func checkQuotes(_ deck: Deck, baseDirectory: URL) {
    var texts: [String: SourceText?] = [:]
    for key in checkSourcePaths(deck, baseDirectory: baseDirectory) { texts[key] = .some(nil) }  // never read
    if deck.sources.isEmpty, let first = quotes.first {
      error(
        "the deck quotes sources but lists none", hint: "add a `sources:` list to the `deck:` block",
        at: first.location)
      return
    }
    for use in quotes {
      let source: Source?
      if let key = use.quote.cite {
        source = deck.sources.first { $0.key == key }
      } else {
        source = deck.sources.first
      }
      guard let source, let file = source.file else { continue }
      if texts[source.key] == nil {
        let url = URL(fileURLWithPath: file, relativeTo: baseDirectory)
        if let data = try? Data(contentsOf: url), data.count <= 4 << 20,
          let text = String(data: data, encoding: .utf8)
        {
          texts[source.key] = .some(SourceText(text))
        } else {
          texts[source.key] = .some(nil)
          error(
            "cannot read the text of source '\(source.key)' at '\(file)'",
            hint: "the path is relative to the deck file's folder; the file must be UTF-8 text of at most 4 MiB",
            at: sourceFileLocations[source.key] ?? source.location ?? use.location)
        }
      }
      guard let text = texts[source.key] ?? nil else { continue }
      let quote = Self.collapsingWhitespace(use.quote.text)
      if text.contains(quote) { continue }
      error(
        "the quote does not appear in source '\(source.key)' (\(file))",
        hint: Self.divergenceHint(quote: quote, text: text), at: use.location)
    }
  }

  /// Runs of spaces, tabs and line breaks as one space, trimmed, so YAML folding does not matter.
  ///
  /// Read as UTF-8 bytes: ASCII bytes (nearly all deck text, and the source texts) are classed by value, and only
  /// the other scalars ask Unicode whether they are white space. `collapsingWhitespaceByScalars` is the reference.
  static func collapsingWhitespace(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes -> String in
      guard let base = bytes.baseAddress else { return "" }
      let n = bytes.count
      return String(unsafeUninitializedCapacity: n) { out in
        guard let to = out.baseAddress else { return 0 }
        var at = 0
        var pendingSpace = false
        var i = 0
        while i < n {
          let byte = base[i]
          let length: Int
          let isSpace: Bool
          if byte < 0x80 {
            length = 1
            isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
          } else {
            // A Swift string's bytes are valid UTF-8: the lead byte gives the length.
            length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | (UInt32(base[i + k]) & 0x3F) }
            isSpace = Unicode.Scalar(value)?.properties.isWhitespace ?? false
          }
          if isSpace {
            pendingSpace = at > 0
          } else {
            if pendingSpace {
              to[at] = 0x20
              at += 1
            }
            pendingSpace = false
            for k in 0..<length { to[at + k] = base[i + k] }
            at += length
          }
          i += length
        }
        return at
      }
    }
  }

  /// `collapsingWhitespace`, scalar by scalar.
  static func collapsingWhitespaceByScalars(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.unicodeScalars.append(" ") }
        pendingSpace = false
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Says how far the quote matches the source before it differs.
  static func divergenceHint(quote: String, text: SourceText) -> String {
    let characters = Array(quote)
    var low = 0
    var high = characters.count
    while low < high {
      let mid = (low + high + 1) / 2
      if text.contains(String(characters[..<mid])) { low = mid } else { high = mid - 1 }
    }
    guard low >= 3 else { return "no part of its start was found; copy the sentence from the source text" }
    let matched = String(characters[..<low])
    let tail = matched.count > 40 ? "…" + String(matched.suffix(40)) : matched
    let next = String(characters[low...].prefix(20))
    return "it matches the source as far as '\(tail)', then has '\(next)'; copy it exactly"
  }

  /// Every source's `file:` must resolve (symbolic links included) inside the workspace, or the deck's folder when
  /// it is in none; returns the keys of the sources that do not, each reported as an error at its `file:` value.
  func checkSourcePaths(_ deck: Deck, baseDirectory: URL) -> [String] {
    let files = deck.sources.compactMap { source in source.file.map { (source, $0) } }
    guard !files.isEmpty else { return [] }
    let confinement = SourceConfinement(deckFolder: baseDirectory)
    var outside: [String] = []
    for (source, file) in files where !confinement.allows(file, deckFolder: baseDirectory) {
      outside.append(source.key)
      let place = confinement.isWorkspace ? "the workspace" : "the deck's folder"
      error(
        "the text of source '\(source.key)' ('\(file)') lies outside \(place); Annals does not read it",
        hint: "copy the text into the deck's folder (e.g. Decks/sources/) and give its path relative to the deck, "
          + "like `file: sources/\((file as NSString).lastPathComponent)`",
        at: sourceFileLocations[source.key] ?? source.location ?? SourceLocation(file: path, line: 1, column: 1))
    }
    return outside
  }
}
