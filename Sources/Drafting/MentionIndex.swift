/// Finds where a sentence names the draft's entities, by name or alias, longest name first.
struct MentionIndex {
  /// First token (lower case, possessive dropped) → (the name's tokens, entity index), longest first.
  private var byFirst: [String: [([String], Int)]] = [:]

  init(_ entities: [DraftEntity]) {
    for (k, e) in entities.enumerated() {
      for name in e.allNames {
        let words = Token.tokenize(Array(name)).map { EntityExtractor.stripPossessive($0.text).lowercased() }
        guard let first = words.first else { continue }
        byFirst[first, default: []].append((words, k))
      }
    }
    for key in byFirst.keys { byFirst[key]!.sort { $0.0.count > $1.0.count } }
  }

  /// The entities a sentence names, with their character ranges, in order; case matters for the first letter.
  func mentions(in a: Analyzed) -> [(entity: Int, start: Int, end: Int)] {
    var out: [(Int, Int, Int)] = []
    let tokens = a.tokens
    var i = 0
    while i < tokens.count {
      let t = tokens[i]
      guard t.isCapitalized || t.isNumber, let candidates = byFirst[EntityExtractor.stripPossessive(t.text).lowercased()] else {
        i += 1
        continue
      }
      var matched = false
      for (words, entity) in candidates where i + words.count <= tokens.count {
        var ok = true
        for (k, w) in words.enumerated() {
          let text = tokens[i + k].text
          let form = k == words.count - 1 ? EntityExtractor.stripPossessive(text) : text
          if form.lowercased() != w { ok = false; break }
        }
        if ok {
          let last = tokens[i + words.count - 1]
          let trimmed = EntityExtractor.stripPossessive(last.text)
          out.append((entity, t.start, last.end - (last.text.count - trimmed.count)))
          i += words.count
          matched = true
          break
        }
      }
      if !matched { i += 1 }
    }
    return out
  }
}
