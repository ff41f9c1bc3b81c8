import Foundation

/// Paths of the fixture decks copied into the test bundle.
enum Fixtures {
  static let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

  /// `Fixtures/rules/<name>.yaml`.
  static func rule(_ name: String) -> String {
    root.appendingPathComponent("rules/\(name).yaml").path
  }

  /// A fresh temporary folder for a test that writes files.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("annals-deck-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
