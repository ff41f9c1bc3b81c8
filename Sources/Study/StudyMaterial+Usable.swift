import EventDeck
import Foundation

extension StudyMaterial {
  /// A deck left out of a session because it has an error: its file and the first error found in it.
  public struct SkippedDeck: Sendable, Equatable {
    /// The deck file.
    public var path: String
    /// Its first error, with `file:line:column` and a hint.
    public var firstError: Diagnostic
  }

  /// The usable decks of `paths`: a deck with an error is left out (and named with its first error) so that one
  /// unfinished file never blocks the others. Throws `StudyError.noCards` only when no deck is usable.
  ///
  /// Returns the material, the paths of the decks in it (in the order given, matching `decks`, for `sync`), and
  /// the decks left out.
  public static func loadUsable(
    paths: [String]
  ) throws(StudyError) -> (material: StudyMaterial, paths: [String], skipped: [SkippedDeck]) {
    var material = StudyMaterial(decks: [], cards: [])
    var usable: [String] = []
    var skipped: [SkippedDeck] = []
    var messages: [String] = []
    for path in paths {
      do {
        let one = try load(paths: [path])
        material.decks += one.decks
        material.cards += one.cards
        usable.append(path)
      } catch {
        messages.append(error.description)
        skipped.append(SkippedDeck(path: path, firstError: firstError(in: path, or: error.description)))
      }
    }
    guard !usable.isEmpty else { throw .noCards(messages.joined(separator: "\n")) }
    return (material, usable, skipped)
  }

  /// The first error lint finds in the deck at `path`, or `message` placed at its first line when lint finds none.
  static func firstError(in path: String, or message: String) -> Diagnostic {
    DeckLoader.lint(fileAt: path).diagnostics.first { $0.severity == .error }
      ?? Diagnostic(.error, message, at: SourceLocation(file: path, line: 1, column: 1))
  }
}
