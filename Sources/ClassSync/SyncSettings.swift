import Foundation
import ProgressStore

/// What `annals sync` remembers per learner in `Progress/<learner>.sync.json` (mode 0600, written atomically):
/// the server and token, the last review row the server acknowledged per store, and the digest of every deck file
/// as last pulled, which tells a local edit from an untouched copy.
public struct SyncSettings: Codable, Sendable, Equatable {
  /// The server's URL.
  public var server: String?
  /// The learner's token.
  public var token: String?
  /// Per store UUID, the highest review row id the server acknowledged.
  public var acknowledged: [String: Int64] = [:]
  /// Per deck id, the version last pulled and the digest of each of its files (path under `Decks/` → digest).
  public var decks: [String: PulledDeck] = [:]

  /// A deck as last pulled.
  public struct PulledDeck: Codable, Sendable, Equatable {
    /// The server's version of it.
    public var version: Int
    /// Path under `Decks/` → digest of the text written there.
    public var files: [String: String]

    /// A pulled deck.
    public init(version: Int, files: [String: String]) {
      self.version = version
      self.files = files
    }
  }

  /// Empty settings.
  public init() {}

  /// `Progress/<learner>.sync.json`.
  public static func path(progressDirectory: String, learner: String) -> String {
    (progressDirectory as NSString).appendingPathComponent("\(learner).sync.json")
  }

  /// The settings at `path`, or empty ones when there is no such file.
  public static func load(from path: String) throws(SyncError) -> SyncSettings {
    guard FileManager.default.fileExists(atPath: path) else { return SyncSettings() }
    do {
      return try JSONDecoder().decode(SyncSettings.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw .file(path: path, reason: "unreadable sync settings (\(error.localizedDescription)); fix or remove the file")
    }
  }

  /// Writes the settings to `path` atomically with mode 0600.
  public func save(to path: String) throws(SyncError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do { try FileAccess.writePrivately(try encoder.encode(self), to: path) } catch {
      throw .file(path: path, reason: "cannot write (\(error.localizedDescription))")
    }
  }
}
