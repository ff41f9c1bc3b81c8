/// Tab completion of the word before the cursor against a list of candidates.
public enum Completion {
  /// What pressing Tab does to the current word.
  public enum Outcome: Equatable, Sendable {
    /// Nothing starts with the word.
    case none
    /// Insert `suffix` after the cursor; `complete` when it finished a unique candidate.
    case insert(suffix: String, complete: Bool)
    /// Several candidates share the word and nothing more can be inserted: list them.
    case ambiguous([String])
  }

  /// The word that ends at the end of `textBeforeCursor` (after the last space).
  public static func currentWord(in textBeforeCursor: String) -> String {
    if let space = textBeforeCursor.lastIndex(where: { $0 == " " || $0 == "\t" }) {
      return String(textBeforeCursor[textBeforeCursor.index(after: space)...])
    }
    return textBeforeCursor
  }

  /// Completes the end of `line` (the text before the cursor) against `candidates`, which may hold spaces.
  ///
  /// The longest tail of `line` that starts a word and begins some candidate is completed, so "Monte Mel" completes
  /// to "Monte Melkonian" as well as ":he" to ":help".
  public static func complete(line: String, among candidates: [String]) -> Outcome {
    var starts = [line.startIndex]
    for index in line.indices where line[index] == " " || line[index] == "\t" {
      starts.append(line.index(after: index))
    }
    for start in starts {
      let tail = String(line[start...])
      if tail.isEmpty && start != line.startIndex { continue }
      let outcome = complete(tail, among: candidates)
      if outcome != .none { return outcome }
    }
    return .none
  }

  /// Completes `word` against `candidates`, case-insensitively, inserting the longest shared continuation.
  ///
  /// ```swift
  /// Completion.complete(":he", among: [":help", ":hint"])  // .insert(suffix: "lp", complete: true)
  /// Completion.complete(":h", among: [":help", ":hint"])   // .ambiguous([":help", ":hint"])
  /// ```
  public static func complete(_ word: String, among candidates: [String]) -> Outcome {
    guard !word.isEmpty else { return candidates.isEmpty ? .none : .ambiguous(candidates.sorted()) }
    var seen = Set<String>()
    let matches = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) && seen.insert($0).inserted }
    guard let first = matches.first else { return .none }
    if matches.count == 1 {
      return .insert(suffix: String(first.dropFirst(word.count)), complete: true)
    }
    var shared = Array(first.lowercased())
    for match in matches.dropFirst() {
      let chars = Array(match.lowercased())
      var length = 0
      while length < min(shared.count, chars.count) && shared[length] == chars[length] { length += 1 }
      shared = Array(shared.prefix(length))
    }
    if shared.count > word.count {
      return .insert(suffix: String(Array(first).dropFirst(word.count).prefix(shared.count - word.count)), complete: false)
    }
    return .ambiguous(matches.sorted())
  }
}
