import Foundation
import TextKit

/// Whether a question hands over its own answer: every distinctive word of the answer — after dropping stop words
/// and words as generic as "forces" or "district", compared in `AnswerText` form — is written in the question.
///
/// "Who was responsible for the Azerbaijani summer offensive of 1992?" → "Azerbaijani forces" gives it away;
/// "Who captured the mountain stronghold of Shusha?" → "Armenian forces" does not.
public enum Giveaway {
  /// Words that say nothing about which answer is meant: function words and generic nouns of the decks' answers.
  public static let stopWords: Set<String> = AnswerText.fillers.union([
    "forces", "force", "troops", "troop", "unit", "units", "army", "armies", "military", "side", "government",
    "district", "region", "province", "town", "city", "village", "river", "mountains", "mountain", "pass",
    "republic", "state", "states", "people", "men", "civilians", "or", "but", "not", "be", "been", "had", "has",
    "have", "did", "do", "who", "what", "which", "where", "when", "how", "many", "much",
  ])

  /// The answer's distinctive words in comparison form ("Samvel Karapetyan's unit" → ["samvel", "karapetyan"]).
  public static func distinctiveWords(of answer: String) -> [String] { distinctiveWords(of: answer, bytewise: true) }

  /// `distinctiveWords(of:)`, reading ASCII text by its bytes (each word checked against the stop words of its
  /// length and first letter, a string made only for a word kept) or (`bytewise` false) through `AnswerText.tokens`
  /// and the set: the reference the byte path is held to in tests. (The articles `tokens` drops from the front are
  /// stop words, so both keep the same words.)
  static func distinctiveWords(of answer: String, bytewise: Bool) -> [String] {
    if bytewise {
      var out: [String] = []
      let read = AnswerText.eachASCIIToken(answer) { token in
        if !stopWordBytes.contains(token) { out.append(String(decoding: token, as: UTF8.self)) }
      }
      if read { return out }
    }
    return AnswerText.tokens(answer).filter { !stopWords.contains($0) }
  }

  /// `stopWords`, asked about by their bytes.
  static let stopWordBytes = ByteWordSet(stopWords)

  /// Whether every distinctive word of `answer` is in `prompt` (an answer of stop words only is never given away).
  public static func givesAway(answer: String, prompt: String) -> Bool {
    givesAway(words: distinctiveWords(of: answer), prompt: prompt)
  }

  /// `givesAway` with the answer's distinctive words already found.
  public static func givesAway(words: [String], prompt: String, bytewise: Bool = true) -> Bool {
    guard !words.isEmpty else { return false }
    if bytewise, words.count <= 64 {
      // Most answers are not given away, and the question's pairs of letters usually tell so before its words
      // are read.
      if AnswerText.surelyLacks(anyOf: words, text: prompt) { return false }
      // The question's words compared as bytes, as they are read: no strings made. A word of another length is
      // passed over at once, and one of the same length compared with `memcmp`.
      var found: UInt64 = 0
      let read = AnswerText.eachASCIIToken(prompt) { token in
        for k in words.indices where Self.equal(words[k], token) { found |= 1 << UInt64(k) }
      }
      if read { return found == (words.count == 64 ? UInt64.max : (1 << UInt64(words.count)) - 1) }
    }
    // A question's few words are searched in order: quicker than hashing them into a set.
    let asked = AnswerText.rawTokens(prompt)
    return words.allSatisfy { asked.contains($0) }
  }

  /// Whether a word's UTF-8 is these bytes.
  static func equal(_ word: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.utf8.count == bytes.count else { return false }
    if let same = word.utf8.withContiguousStorageIfAvailable({ stored in
      stored.count == bytes.count && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
    }) {
      return same
    }
    return word.utf8.elementsEqual(bytes)
  }
}
