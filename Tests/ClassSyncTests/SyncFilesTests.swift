import ClassModel
import Foundation
import Testing

@testable import ClassSync

@Suite struct SyncFilesTests {
  func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("annals-sync-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func settingsAreWrittenPrivatelyAndReadBack() throws {
    let path = (try folder() as NSString).appendingPathComponent("ada.sync.json")
    var settings = SyncSettings()
    #expect(try SyncSettings.load(from: path) == settings)
    settings.server = "http://127.0.0.1:1"
    settings.token = "annals_secret"
    settings.acknowledged["u1"] = 42
    settings.decks["mini"] = .init(version: 3, files: ["mini.yaml": DeckPuller.digest("x")])
    try settings.save(to: path)
    #expect(try SyncSettings.load(from: path) == settings)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    try Data("{".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: SyncError.self) { try SyncSettings.load(from: path) }
  }

  @Test func aDeckBundleCarriesItsSourcesAndRefusesOnesOutsideItsFolder() throws {
    let root = try folder()
    try FileManager.default.createDirectory(atPath: root + "/sources", withIntermediateDirectories: true)
    try Data("Ada Lovelace wrote the first published program.\n".utf8).write(to: URL(fileURLWithPath: root + "/sources/notes.txt"))
    let deck = """
      deck:
        id: tiny
        title: Tiny
        sources:
          - key: notes
            title: Notes
            file: sources/notes.txt
      people:
        - id: ada
          name: Ada Lovelace
          role: author of the first published program
          source: Ada Lovelace wrote the first published program.
          cite: notes
      """
    try Data(deck.utf8).write(to: URL(fileURLWithPath: root + "/tiny.yaml"))
    let bundle = try DeckBundle(deckAt: root + "/tiny.yaml")
    #expect(bundle.id == "tiny")
    #expect(bundle.files.map(\.path) == ["tiny.yaml", "sources/notes.txt"])
    #expect(bundle.files[1].text.hasPrefix("Ada Lovelace"))
    #expect(throws: SyncError.self) { try DeckBundle(deckAt: root + "/missing.yaml") }
  }

  @Test func aClientRefusesABadURLAndReportsAnUnreachableServerAsOffline() async throws {
    #expect(throws: SyncError.self) { try ClassClient(server: "ftp://x", token: "t") }
    #expect(throws: SyncError.self) { try ClassClient(server: "http://127.0.0.1:1", token: "two words") }
    let client = try ClassClient(server: "http://127.0.0.1:1/", token: "t", timeout: 5)
    await #expect {
      let _: Identity = try await client.get("/v1/me")
    } throws: { error in
      guard case .offline = error as? SyncError else { return false }
      return true
    }
  }
}
