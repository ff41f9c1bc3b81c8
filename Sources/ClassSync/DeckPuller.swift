import ClassModel
import Foundation
import ProgressStore
import StableRandom

/// Brings the class's published decks (and their source files) into the workspace's `Decks/`, never replacing a
/// local edit silently: a file changed since it was last pulled (or one that was there before and differs) is
/// moved aside to `<file>.local-<UTC time>` before the published version is written, and said so.
public struct DeckPuller: Sendable {
  /// What a pull did.
  public struct Outcome: Sendable, Equatable {
    /// Files written (new or updated), relative to `Decks/`.
    public var written: [String] = []
    /// Local edits kept beside: (the file, where the local copy now is), relative to `Decks/`.
    public var keptLocal: [KeptCopy] = []
    /// Decks already up to date.
    public var upToDate: [String] = []
  }

  /// A local copy moved aside.
  public struct KeptCopy: Sendable, Equatable {
    /// The published file's path under `Decks/`.
    public var file: String
    /// Where the local copy was moved, under `Decks/`.
    public var keptAs: String
  }

  let client: ClassClient
  let decksDirectory: String

  /// A puller into `decksDirectory` through `client`.
  public init(client: ClassClient, decksDirectory: String) {
    self.client = client
    self.decksDirectory = decksDirectory
  }

  /// The digest the settings record for a file's text.
  public static func digest(_ text: String) -> String { String(FNV1a.hash(text), radix: 16) }

  /// Pulls every deck whose version differs from the one recorded in `settings` (or whose files went missing).
  public func pull(settings: inout SyncSettings, now: Date) async throws(SyncError) -> Outcome {
    let listings: [DeckListing] = try await client.get("/v1/decks")
    var outcome = Outcome()
    for listing in listings {
      let recorded = settings.decks[listing.id]
      if let recorded, recorded.version == listing.version,
        recorded.files.keys.allSatisfy({ FileManager.default.fileExists(atPath: path($0)) })
      {
        outcome.upToDate.append(listing.id)
        continue
      }
      let deck: PublishedDeck = try await client.get("/v1/decks/\(ClassClient.segment(listing.id))")
      var digests: [String: String] = [:]
      for file in deck.files {
        guard ClassNames.isSafeRelativePath(file.path) else {
          throw .invalid("the server sent deck \(deck.id) with an unsafe file path '\(file.path.prefix(80))'; nothing of it was written")
        }
      }
      for file in deck.files {
        let target = path(file.path)
        let newDigest = Self.digest(file.text)
        digests[file.path] = newDigest
        if let local = try? String(contentsOfFile: target, encoding: .utf8) {
          if local == file.text { continue }
          if recorded?.files[file.path] != Self.digest(local) {
            let aside = FileAccess.timestampedSibling(of: target, label: "local", at: now, milliseconds: false)
            do { try FileManager.default.moveItem(atPath: target, toPath: aside) } catch {
              throw .file(path: target, reason: "cannot keep the local copy aside (\(error.localizedDescription))")
            }
            outcome.keptLocal.append(KeptCopy(file: file.path, keptAs: relative(aside)))
          }
        } else if FileManager.default.fileExists(atPath: target) {
          throw .file(path: target, reason: "exists but is not readable text; move it away and sync again")
        }
        try write(file.text, to: target)
        outcome.written.append(file.path)
      }
      settings.decks[deck.id] = SyncSettings.PulledDeck(version: deck.version, files: digests)
    }
    return outcome
  }

  func path(_ relative: String) -> String { (decksDirectory as NSString).appendingPathComponent(relative) }

  func relative(_ path: String) -> String {
    path.hasPrefix(decksDirectory + "/") ? String(path.dropFirst(decksDirectory.count + 1)) : path
  }

  func write(_ text: String, to target: String) throws(SyncError) {
    do {
      try FileManager.default.createDirectory(
        atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
    } catch {
      throw .file(path: target, reason: "cannot write (\(error.localizedDescription))")
    }
  }
}
