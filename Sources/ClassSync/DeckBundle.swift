import ClassModel
import EventDeck
import Foundation

/// A deck file and the source files it quotes, read for `annals class publish`: the deck is loaded (and so
/// checked) first, and its sources' paths must stay inside the deck's folder.
public struct DeckBundle: Sendable, Equatable {
  /// The deck's id.
  public var id: String
  /// The deck file (its name only), then each source file (its path relative to the deck's folder).
  public var files: [DeckFile]

  /// The request that publishes it.
  public var request: PublishRequest { PublishRequest(deck: files[0], sources: Array(files.dropFirst())) }

  /// Reads the deck at `path` and its sources.
  public init(deckAt path: String) throws(SyncError) {
    let deck: Deck
    do { deck = try DeckLoader.load(fileAt: path) } catch { throw .invalid(error.description) }
    guard ClassNames.isValid(deck.id) else {
      throw .invalid("\(path): deck id '\(deck.id)' cannot be published (use letters, digits, '.', '_' or '-')")
    }
    let folder = (path as NSString).deletingLastPathComponent
    var files = [DeckFile(path: (path as NSString).lastPathComponent, text: try Self.read(path))]
    for source in deck.sources {
      guard let file = source.file, !files.contains(where: { $0.path == file }) else { continue }
      guard ClassNames.isSafeRelativePath(file) else {
        throw .invalid(
          "\(source.location?.description ?? path): source file '\(file)' is outside the deck's folder; "
            + "copy it beside the deck (e.g. sources/) to publish it")
      }
      files.append(DeckFile(path: file, text: try Self.read((folder as NSString).appendingPathComponent(file))))
    }
    id = deck.id
    self.files = files
  }

  static func read(_ path: String) throws(SyncError) -> String {
    do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw .file(path: path, reason: "cannot read as UTF-8 text (\(error.localizedDescription))")
    }
  }
}
