import Foundation
import Yams

/// A deck file's text composed into a YAML node tree, refusing hostile input before it can hurt.
///
/// Guards, in order: the size cap, UTF-8 and control characters, an alias-expansion budget computed on a copy of
/// the text whose aliases are disarmed (Yams hashes mapping keys while composing, so an alias used as a key can
/// otherwise take exponential time inside `compose`), then the nesting depth. Composing recurses once per level
/// and libyaml allows 1,000 levels, so the caller runs this on a thread with a large stack (`DeckLoader`).
struct YAMLDocument {
  var root: Node

  /// Limits on what a deck file may be.
  struct Limits {
    var maximumBytes = 4 << 20
    var maximumDepth = 64
    var maximumAliasExpansion = 100_000
  }

  /// A problem that stops the file from being read as YAML at all.
  struct Failure: Error {
    var diagnostic: Diagnostic
  }

  /// Decodes and composes `data`, read from `path`.
  static func compose(data: Data, path: String, limits: Limits) throws(Failure) -> YAMLDocument {
    func fail(_ message: String, hint: String, line: Int = 1, column: Int = 1) -> Failure {
      Failure(
        diagnostic: Diagnostic(.error, message, hint: hint, at: SourceLocation(file: path, line: line, column: column)))
    }
    guard data.count <= limits.maximumBytes else {
      throw fail(
        "the file is too large to be a deck (\(data.count) bytes; the limit is \(limits.maximumBytes / (1 << 20)) MiB)",
        hint: "split it into several decks")
    }
    let bytes = [UInt8](data)
    if let offset = firstInvalidUTF8Offset(bytes) {
      let (line, column) = position(ofByte: offset, in: bytes)
      throw fail(
        "the file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
        hint: "save the file with UTF-8 encoding", line: line, column: column)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    var line = 1
    var column = 1
    for scalar in text.unicodeScalars {
      if !isAllowedInYAML(scalar) {
        throw fail(
          "the file contains the control character U+\(hex4(scalar.value))",
          hint: "remove it; only tabs and line breaks are allowed among control characters", line: line, column: column)
      }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }

    if text.utf8.contains(UInt8(ascii: "*")) {
      try checkAliasExpansion(text: text, path: path, limit: limits.maximumAliasExpansion)
    }

    // The basic resolver tags every plain scalar as text: the deck reads raw text anyway, and resolving each
    // scalar's type by regular expression (which Yams does to hash mapping keys) was most of the parse time.
    let composed: Node?
    do {
      composed = try Yams.compose(yaml: text, .basic, .default, .utf8)
    } catch {
      throw Failure(diagnostic: diagnostic(for: error, text: text, path: path))
    }
    guard let root = composed, !isNull(root) else {
      throw fail(
        "the file is empty", hint: "a deck starts with a `deck:` block; `annals init` writes a sample to copy")
    }
    if let deep = firstNode(deeperThan: limits.maximumDepth, in: root, depth: 1), let mark = deep.mark {
      throw fail(
        "the YAML is nested more than \(limits.maximumDepth) levels deep",
        hint: "a deck needs only a few levels; check the indentation", line: mark.line, column: mark.column)
    }
    return YAMLDocument(root: root)
  }

  static func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  // MARK: - Depth

  /// The first node, in document order, nested deeper than `limit`. Aliased subtrees are bounded by the
  /// alias budget checked before, so this walk is bounded too.
  private static func firstNode(deeperThan limit: Int, in node: Node, depth: Int) -> Node? {
    if depth > limit { return node }
    switch node {
    case .scalar, .alias: return nil
    case .sequence(let sequence):
      for child in sequence {
        if let found = firstNode(deeperThan: limit, in: child, depth: depth + 1) { return found }
      }
    case .mapping(let mapping):
      for (key, value) in mapping {
        if let found = firstNode(deeperThan: limit, in: key, depth: depth + 1) { return found }
        if let found = firstNode(deeperThan: limit, in: value, depth: depth + 1) { return found }
      }
    }
    return nil
  }

  // MARK: - Aliases

  private struct BudgetExceeded: Error {
    var line: Int
    var column: Int
    var undefinedAlias: String?
  }

  /// Counts the nodes that aliases would bring in, without letting Yams expand them: every `*` becomes `~`
  /// (same length, so marks stay put), which turns each alias into a plain scalar whose mark points at a `*` in the
  /// real text. Walking that tree in document order with each anchor's expanded size memoised gives the exact
  /// expansion in time linear in the file.
  private static func checkAliasExpansion(text: String, path: String, limit: Int) throws(Failure) {
    let disarmed = String(decoding: text.utf8.map { $0 == UInt8(ascii: "*") ? UInt8(ascii: "~") : $0 }, as: UTF8.self)
    let root: Node?
    do {
      root = try Yams.compose(yaml: disarmed, .basic, .default, .utf8)
    } catch {
      // The same syntax error is in the real text; report it at its place (messages carry no text).
      throw Failure(diagnostic: diagnostic(for: error, text: text, path: path))
    }
    guard let root else { return }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var anchors: [String: Int] = [:]
    var expanded = 0

    /// The name after `indicator` (`*` for an alias, `&` for an anchor) at `mark` in the real text, skipping a
    /// tag (`!tag &name`) first. Yams holds anchors weakly, so the composed tree has lost them: read the text.
    func name(after indicator: Unicode.Scalar, at mark: Mark?) -> String? {
      guard let mark, mark.line - 1 < lines.count else { return nil }
      let scalars = lines[mark.line - 1].unicodeScalars
      guard var i = scalars.index(scalars.startIndex, offsetBy: mark.column - 1, limitedBy: scalars.endIndex),
        i < scalars.endIndex
      else { return nil }
      func endsName(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "," || scalar == "[" || scalar == "]" || scalar == "{"
          || scalar == "}" || scalar == "\r"
      }
      if indicator == "&", scalars[i] == "!" {
        while i < scalars.endIndex, scalars[i] != " ", scalars[i] != "\t" { i = scalars.index(after: i) }
        while i < scalars.endIndex, scalars[i] == " " || scalars[i] == "\t" { i = scalars.index(after: i) }
      }
      guard i < scalars.endIndex, scalars[i] == indicator else { return nil }
      var name = ""
      for scalar in scalars[scalars.index(after: i)...] {
        if endsName(scalar) { break }
        name.unicodeScalars.append(scalar)
      }
      return name
    }

    func size(_ node: Node) throws(BudgetExceeded) -> Int {
      var total = 1
      switch node {
      case .scalar(let scalar):
        if scalar.string.hasPrefix("~"), let name = name(after: "*", at: scalar.mark) {
          // An alias whose anchor was not found is refused (Yams would refuse it too), never counted as small.
          guard let brought = anchors[name] else {
            throw BudgetExceeded(line: scalar.mark?.line ?? 1, column: scalar.mark?.column ?? 1, undefinedAlias: name)
          }
          expanded = min(expanded + brought, Int.max / 4)
          if expanded > limit {
            throw BudgetExceeded(line: scalar.mark?.line ?? 1, column: scalar.mark?.column ?? 1, undefinedAlias: nil)
          }
          total = brought
        }
      case .alias:
        break
      case .sequence(let sequence):
        for child in sequence { total = min(total + (try size(child)), Int.max / 4) }
      case .mapping(let mapping):
        for (key, value) in mapping {
          total = min(total + (try size(key)) + (try size(value)), Int.max / 4)
        }
      }
      if let anchor = name(after: "&", at: node.mark) { anchors[anchor] = total }
      return total
    }

    do {
      _ = try size(root)
    } catch {
      let location = SourceLocation(file: path, line: error.line, column: error.column)
      if let name = error.undefinedAlias {
        throw Failure(
          diagnostic: Diagnostic(
            .error, "YAML alias '*\(name)' has no anchor '&\(name)' before it",
            hint: "an alias (*name) must come after its anchor (&name)", at: location))
      }
      throw Failure(
        diagnostic: Diagnostic(
          .error, "YAML aliases here expand to more than \(limit) nodes",
          hint: "write the values out instead of repeating them through anchors (&) and aliases (*)",
          at: location))
    }
  }

  // MARK: - Yams errors

  static func diagnostic(for error: any Error, text: String, path: String) -> Diagnostic {
    func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: path, line: mark.line, column: mark.column) }
    guard let error = error as? YamlError else {
      return Diagnostic(.error, "YAML error: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
    }
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      if problem.hasPrefix("Maximum nesting level reached") {
        return Diagnostic(
          .error, "the YAML is nested too deeply", hint: "a deck needs only a few levels; check the indentation",
          at: at(mark))
      }
      var hint = syntaxHint(for: problem)
      if let context {
        let whereText = "\(context.text) started at line \(context.mark.line), column \(context.mark.column)"
        hint = hint.isEmpty ? whereText : hint + " (\(whereText))"
      }
      return Diagnostic(.error, "YAML syntax error: \(problem)", hint: hint, at: at(mark))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      let first = context.mark
      if duplicates.count == 1,
        let second = repeatedBlockKey(duplicates[0], after: first.line, column: first.column, in: text)
      {
        return Diagnostic(
          .error, "duplicate key \(keys) in one mapping",
          hint: "each key may appear once per item; it is first given at line \(first.line), column \(first.column)",
          at: SourceLocation(file: path, line: second, column: first.column))
      }
      return Diagnostic(
        .error, "duplicate key \(keys) in one mapping",
        hint: "each key may appear once per item; this is its first use, remove or rename the other",
        at: at(first))
    case .reader(let problem, let offset, _, let yaml):
      var location = SourceLocation(file: path, line: 1, column: 1)
      if let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) {
        let before = yaml[..<index]
        let line = before.count { $0 == "\n" } + 1
        let column =
          (before.lastIndex(of: "\n").map { before[before.index(after: $0)...] } ?? before)
          .unicodeScalars.count + 1
        location = SourceLocation(file: path, line: line, column: column)
      }
      return Diagnostic(.error, "the file cannot be read as YAML: \(problem)", at: location)
    default:
      return Diagnostic(.error, "YAML error: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
    }
  }

  /// The line of the next `key:` at the same indentation as the first, in block style, before the mapping ends;
  /// Yams reports only the first of two equal keys, and the second is the one a teacher just added.
  private static func repeatedBlockKey(_ key: String, after line: Int, column: Int, in text: String) -> Int? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var number = line
    while number < lines.count {
      let content = lines[number]
      number += 1
      let indent = content.prefix { $0 == " " }.count
      let rest = content.dropFirst(indent)
      if rest.isEmpty || rest.hasPrefix("#") { continue }
      if indent < column - 1 { return nil }
      if indent == column - 1, rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") { return number }
    }
    return nil
  }

  private static func syntaxHint(for problem: String) -> String {
    if problem.contains("mapping values are not allowed") {
      return "a value containing ': ' must be put in quotes"
    }
    if problem.contains("found character that cannot start any token") {
      return "indent with spaces, not tabs, and quote values that start with @ or `"
    }
    if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
      return "check the indentation of this line against the lines above"
    }
    if problem.contains("found undefined alias") {
      return "an alias (*name) must come after its anchor (&name)"
    }
    if problem.contains("found unexpected end of stream") || problem.contains("found unknown escape") {
      return "check the quotes on this value"
    }
    return ""
  }

  // MARK: - Bytes

  /// The offset of the first byte that is not part of a well-formed UTF-8 sequence.
  static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    if String(validating: bytes, as: UTF8.self) != nil { return nil }
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var scalar: UInt32
      switch b {
      case 0xC2...0xDF:
        length = 2
        scalar = UInt32(b & 0x1F)
      case 0xE0...0xEF:
        length = 3
        scalar = UInt32(b & 0x0F)
      case 0xF0...0xF4:
        length = 4
        scalar = UInt32(b & 0x07)
      default: return i
      }
      guard i + length <= n else { return i }
      for k in 1..<length {
        let c = bytes[i + k]
        guard c & 0xC0 == 0x80 else { return i }
        scalar = scalar << 6 | UInt32(c & 0x3F)
      }
      if (length == 3 && (scalar < 0x800 || (0xD800...0xDFFF).contains(scalar)))
        || (length == 4 && (scalar < 0x10000 || scalar > 0x10FFFF))
      {
        return i
      }
      i += length
    }
    return nil
  }

  /// 1-based line and column (in characters) of a byte offset whose preceding bytes are valid UTF-8.
  static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var column = 1
    for b in bytes[..<offset] {
      if b == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  /// What YAML 1.1's reader accepts (libyaml): tab, line breaks, printable ASCII, NEL and non-control Unicode.
  static func isAllowedInYAML(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
