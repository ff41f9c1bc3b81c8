import Foundation

/// Names and paths for a drafted deck.
public enum DeckPath {
  /// A deck id from a file name: "battle-of-kalbajar", "Apollo 11" → "apollo-11".
  public static func slug(_ name: String) -> String { Slug.make(name, words: 8) }

  /// Whether `id` is a valid deck id: lower-case letters, digits and single hyphens.
  public static func isValidID(_ id: String) -> Bool {
    guard !id.isEmpty, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
    return id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
  }

  /// The path of `file` relative to `directory` ("sources/x.txt", "../texts/x.txt").
  public static func relative(from directory: URL, to file: URL) -> String {
    let from = directory.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    let to = file.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    var common = 0
    while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
    let ups = Array(repeating: "..", count: from.count - common)
    return (ups + to[common...]).joined(separator: "/")
  }
}
