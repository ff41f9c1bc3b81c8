import EventDeck
import Foundation

/// Writing an imported deck: the YAML file the user named and its source text in `sources/` beside it.
public enum DeckFiles {
  /// Where an import writes, derived from the output path `Decks/NAME.yaml`.
  public struct Target: Sendable, Equatable {
    /// The deck file.
    public var deckPath: String
    /// The deck's id (NAME, as an id).
    public var deckID: String
    /// The source text file, `sources/NAME.txt` beside the deck.
    public var sourcePath: String
    /// The source file as the deck names it, relative to the deck file.
    public var sourceReference: String
  }

  /// The target for output path `path`; refuses a path that is not a `.yaml` file or that exists without `force`.
  public static func target(for path: String, force: Bool) throws(InteropError) -> Target {
    let url = URL(fileURLWithPath: path)
    guard ["yaml", "yml"].contains(url.pathExtension.lowercased()) else {
      throw InteropError(file: path, "the output must be a .yaml deck file", hint: "e.g. -o Decks/french.yaml")
    }
    let name = url.deletingPathExtension().lastPathComponent
    let id = Slug.make(name, fallback: "imported")
    let reference = "sources/\(id).txt"
    let source = url.deletingLastPathComponent().appendingPathComponent(reference).path
    if !force {
      for existing in [path, source] where FileManager.default.fileExists(atPath: existing) {
        throw InteropError(file: existing, "already exists", hint: "choose another -o, or pass --force to replace it")
      }
    }
    return Target(deckPath: path, deckID: id, sourcePath: source, sourceReference: reference)
  }

  /// Writes the deck and its source text, then reads the deck back as `annals lint` does.
  public static func write(_ deck: Deck, sourceText: String, to target: Target) throws(InteropError) -> DeckReport {
    let yaml: String
    do {
      yaml = try DeckWriter.yaml(for: deck)
    } catch {
      throw InteropError(file: target.deckPath, "cannot write the deck as YAML (\(error))")
    }
    let header = "# \(deck.title): imported by annals (\(deck.description)).\n"
    do {
      let folder = URL(fileURLWithPath: target.sourcePath).deletingLastPathComponent()
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(sourceText.utf8).write(to: URL(fileURLWithPath: target.sourcePath), options: .atomic)
    } catch {
      throw InteropError(file: target.sourcePath, "cannot write the source text (\(error.localizedDescription))")
    }
    do {
      try Data((header + yaml).utf8).write(to: URL(fileURLWithPath: target.deckPath), options: .atomic)
    } catch {
      throw InteropError(file: target.deckPath, "cannot write the deck (\(error.localizedDescription))")
    }
    return DeckLoader.lint(fileAt: target.deckPath)
  }
}

extension DeckFiles {
  /// Whether `id` is a deck id: lower-case letters, digits and single hyphens.
  static func isValidID(_ id: String) -> Bool {
    Slug.make(id, fallback: "") == id
  }
}
