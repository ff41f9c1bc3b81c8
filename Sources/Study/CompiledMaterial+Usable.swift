import DeckCache
import EventDeck

extension CompiledMaterial {
  /// Opens the decks at `paths` that can be compiled and names the others by their first `file:line:column`
  /// error, so that one unfinished deck never blocks a session on the rest.
  ///
  /// Throws `StudyError.noCards` (every deck's problem) only when no deck is usable.
  public static func openUsable(
    paths: [String], cache: DeckCache
  ) throws(StudyError) -> (material: CompiledMaterial, skipped: [StudyMaterial.SkippedDeck]) {
    var usable: [String] = []
    var compiled: [CompiledDeck] = []
    var skipped: [StudyMaterial.SkippedDeck] = []
    var messages: [String] = []
    for path in paths {
      do {
        // Kept, not opened a second time: a launch reads each copy's header once.
        compiled.append(try cache.open(deckAt: path))
        usable.append(path)
      } catch {
        messages.append(error.description)
        skipped.append(StudyMaterial.SkippedDeck(path: path, firstError: StudyMaterial.firstError(in: path, or: error.description)))
      }
    }
    guard !usable.isEmpty else { throw .noCards(messages.joined(separator: "\n")) }
    return (CompiledMaterial(paths: usable, cache: cache, compiled: compiled), skipped)
  }
}
