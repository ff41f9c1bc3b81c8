import TextKit
import Yams

/// Walks a composed deck file into a `Deck`, recording every problem with its line and column, and every
/// reference, id and quote for the checks that need the whole deck (`DeckParser+Checks.swift`).
final class DeckParser {
  let path: String
  var diagnostics: [Diagnostic] = []

  /// What kind of item an id names; ids are unique across all of them.
  enum IDKind: String {
    case era, person, place, unit, organisation, event, fact, card

    var article: String { self == .era || self == .event || self == .organisation ? "an" : "a" }
  }

  struct Reference {
    var id: String
    var location: SourceLocation
    var expected: [IDKind]
    var field: String
  }

  struct QuoteUse {
    var quote: Quote
    var location: SourceLocation
  }

  var ids: [String: (kind: IDKind, location: SourceLocation)] = [:]
  var references: [Reference] = []
  var citeUses: [(key: String, location: SourceLocation)] = []
  var quotes: [QuoteUse] = []
  var sourceKeys: [String: SourceLocation] = [:]
  var sourceFileLocations: [String: SourceLocation] = [:]

  init(path: String) {
    self.path = path
  }

  // MARK: - Diagnostics

  func location(_ node: Node) -> SourceLocation {
    location(node.mark)
  }

  func location(_ mark: Mark?) -> SourceLocation {
    SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  func error(_ message: String, hint: String = "", at node: Node) {
    diagnostics.append(Diagnostic(.error, message, hint: hint, at: location(node)))
  }

  func error(_ message: String, hint: String = "", at location: SourceLocation) {
    diagnostics.append(Diagnostic(.error, message, hint: hint, at: location))
  }

  func warning(_ message: String, hint: String = "", at location: SourceLocation) {
    diagnostics.append(Diagnostic(.warning, message, hint: hint, at: location))
  }

  // MARK: - Mappings

  /// A mapping's values by key, with the key nodes kept for their places.
  struct Fields {
    var node: Node
    var values: [String: Node] = [:]
    var keys: [String: Node] = [:]

    subscript(_ key: String) -> Node? { values[key] }
  }

  /// Reads a mapping, reporting unknown keys (with the nearest known one) and missing required keys.
  func fields(_ node: Node, what: String, allowed: [String], required: [String]) -> Fields? {
    guard case .mapping(let mapping) = node else {
      error(
        "\(what) should be a mapping of keys (\(required.map { "\($0):" }.joined(separator: ", "))), found \(describe(node))",
        hint: "write its `key: value` lines indented below it", at: node)
      return nil
    }
    var fields = Fields(node: node)
    for (keyNode, value) in mapping {
      guard case .scalar(let keyScalar) = keyNode else {
        error("a key in \(what) should be a plain word, found \(describe(keyNode))", at: keyNode)
        continue
      }
      let key = keyScalar.string
      guard allowed.contains(key) else {
        if let suggestion = EditDistance.suggestion(for: key, among: allowed) {
          error("unknown key '\(key)' in \(what)", hint: "did you mean '\(suggestion)'?", at: keyNode)
        } else {
          error(
            "unknown key '\(key)' in \(what)",
            hint: "known keys: \(allowed.joined(separator: ", "))", at: keyNode)
        }
        continue
      }
      fields.values[key] = value
      fields.keys[key] = keyNode
    }
    for key in required where fields.values[key] == nil || YAMLDocument.isNull(fields.values[key]!) {
      if let present = fields.keys[key] {
        error("`\(key):` in \(what) has no value", hint: "write the value after `\(key):`", at: present)
      } else {
        error("\(what) is missing `\(key):`", hint: "add `\(key):` to it", at: node)
      }
    }
    return fields
  }

  /// "a list", "a mapping", "text 'x'" for messages.
  func describe(_ node: Node) -> String {
    switch node {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    case .scalar(let scalar):
      if YAMLDocument.isNull(node) { return "nothing" }
      let text = scalar.string
      return "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
    }
  }

  // MARK: - Values

  /// Text of a scalar as typed (a YAML timestamp or number is kept as written); nil, with an error, otherwise.
  func text(_ node: Node?, key: String) -> String? {
    guard let node, !YAMLDocument.isNull(node) else { return nil }
    guard case .scalar(let scalar) = node else {
      error(
        "`\(key):` should be text, found \(describe(node))", hint: "write it on the same line as `\(key):`", at: node)
      return nil
    }
    return scalar.string
  }

  /// A yes/no mark (`true`/`false`, as YAML writes them; `yes`/`no` too); nil, with an error naming the value, for
  /// anything else.
  func flag(_ node: Node?, key: String) -> Bool? {
    guard let raw = text(node, key: key), let node else { return nil }
    switch raw.trimmingSpaces.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      error(
        "`\(key):` should be true or false, found '\(raw)'",
        hint: "write `\(key): true` to mark the item, or leave the key out", at: node)
      return nil
    }
  }

  /// A list of texts with each one's place; a single text counts as a one-item list.
  func texts(_ node: Node?, key: String) -> [(String, Node)] {
    guard let node, !YAMLDocument.isNull(node) else { return [] }
    switch node {
    case .scalar(let scalar):
      return [(scalar.string, node)]
    case .sequence(let sequence):
      var out: [(String, Node)] = []
      for item in sequence {
        if case .scalar(let scalar) = item, !YAMLDocument.isNull(item) {
          out.append((scalar.string, item))
        } else {
          error("each item of `\(key):` should be text, found \(describe(item))", at: item)
        }
      }
      return out
    default:
      error("`\(key):` should be a list like [a, b], found \(describe(node))", at: node)
      return []
    }
  }

  /// The items of a list-valued section (`people:`, `events:` …); nothing counts as an empty list.
  func items(_ node: Node?, key: String) -> [Node] {
    guard let node, !YAMLDocument.isNull(node) else { return [] }
    guard case .sequence(let sequence) = node else {
      error(
        "`\(key):` should be a list of items, each starting with '- ', found \(describe(node))",
        hint: "write each item as `- id: ...` under `\(key):`", at: node)
      return []
    }
    return Array(sequence)
  }

  /// A number written as plain digits (an optional sign and decimal point).
  func number(_ node: Node?, key: String, what: String) -> Double? {
    guard let raw = text(node, key: key), let node else { return nil }
    let trimmed = raw.trimmingSpaces
    let plain = trimmed.allSatisfy {
      $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E")
    }
    guard plain, let value = Double(trimmed), value.isFinite else {
      let digits = trimmed.filter { $0.isASCII && ($0.isNumber || $0 == ".") }
      let hint =
        digits.isEmpty || digits == trimmed
        ? "write a plain number, e.g. 1900" : "write a plain number without separators or words: \(digits)"
      error("malformed quantity: `\(key):` of \(what) is '\(raw)', not a number", hint: hint, at: node)
      return nil
    }
    return value
  }

  // MARK: - Ids

  /// Checks an id's spelling and uniqueness across the deck, and records what it names.
  @discardableResult
  func declare(_ node: Node?, kind: IDKind, in fields: Fields) -> String? {
    guard let raw = text(node, key: "id"), let node else { return nil }
    guard Self.isValidID(raw) else {
      error(
        "invalid id '\(raw)'", hint: "ids use lower-case letters, digits and '-' only, e.g. '\(Self.slug(raw))'",
        at: node)
      return raw
    }
    if let first = ids[raw] {
      error(
        "duplicate id '\(raw)'",
        hint:
          "ids must be unique across the deck; \(first.kind.article) \(first.kind.rawValue) already uses it at line \(first.location.line), column \(first.location.column)",
        at: node)
    } else {
      ids[raw] = (kind, location(node))
    }
    return raw
  }

  /// Lower-case letters, digits and single hyphens, starting and ending with a letter or digit.
  /// Read by its bytes (ids are checked for every item and every reference); `isValidIDByCharacters` is the
  /// reference.
  static func isValidID(_ id: String) -> Bool {
    var id = id
    return id.withUTF8 { bytes in
      guard let first = bytes.first, let last = bytes.last, first != 0x2D, last != 0x2D else { return false }
      var previous: UInt8 = 0
      for byte in bytes {
        let allowed = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
        if !allowed || (byte == 0x2D && previous == 0x2D) { return false }
        previous = byte
      }
      return true
    }
  }

  /// `isValidID`, character by character.
  static func isValidIDByCharacters(_ id: String) -> Bool {
    guard let first = id.first, let last = id.last, first != "-", last != "-" else { return false }
    return id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" } && !id.contains("--")
  }

  /// A valid id made from any text, for hints.
  static func slug(_ text: String) -> String {
    var out = ""
    for c in text.lowercased() {
      if c.isASCII && (c.isLetter || c.isNumber) {
        out.append(c)
      } else if !out.isEmpty && out.last != "-" {
        out.append("-")
      }
    }
    while out.last == "-" { out.removeLast() }
    return out.isEmpty ? "my-id" : out
  }

  func refer(_ list: [(String, Node)], to expected: [IDKind], field: String) -> [String] {
    for (id, node) in list {
      references.append(Reference(id: id, location: location(node), expected: expected, field: field))
    }
    return list.map(\.0)
  }

  func refer(_ node: Node?, to expected: [IDKind], field: String) -> String? {
    guard let id = text(node, key: field), let node else { return nil }
    references.append(Reference(id: id, location: location(node), expected: expected, field: field))
    return id
  }
}
