import CardBuilder
import EventDeck
import Foundation
import ProgressStore
import Reports
import Simulation
import Testing

/// Shared fixtures: the Kalbajar deck's catalog, scratch folders, seeded simulations and golden files.
enum Support {
  /// 2026-03-02 00:00 UTC: the simulations' first study day begins at 04:00 that day.
  static let start = Date(timeIntervalSince1970: 1_772_409_600 + 4 * 3600)
  /// The moment the reports describe: noon on the 60th day.
  static let now = start.addingTimeInterval(59 * 86400 + 8 * 3600)

  static func fixtureURL(_ name: String) -> URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
  }

  /// The catalog of `Fixtures/kalbajar/kalbajar.yaml` (a copy of `Decks/kalbajar.yaml` with its source text, so
  /// deck edits do not silently move the golden files), its cards built by the real `CardBuilder`.
  static func catalog() throws -> CardCatalog { try loaded.get() }

  /// Built once: every simulation and report of the suite reads the same catalog.
  private static let loaded = Result { () throws(DeckError) -> CardCatalog in
    try CardCatalog.load(deckAt: fixtureURL("kalbajar/kalbajar.yaml").path)
  }

  /// A fresh folder on tmpfs when there is one (every answer is fsynced), removed by the caller.
  static func scratch() throws -> String {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let path = (base as NSString).appendingPathComponent("annals-reports-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Simulates `learner` for `days` days into `<directory>/<learner>.sqlite`.
  @discardableResult
  static func simulate(
    _ learner: String, seed: UInt64, days: Int = 60, retention: Double = 0.9, in directory: String
  ) throws -> SimulationSummary {
    let store = try ProgressStore(path: ProgressStore.path(forLearner: learner, in: directory))
    defer { try? store.close() }
    let options = SimulationOptions(learner: learner, days: days, desiredRetention: retention, seed: seed, start: start)
    return try LearnerSimulator(catalog: try catalog(), options: options).run(store: store)
  }

  /// Compares `actual` with the golden file `name`; with ANNALS_UPDATE_GOLDEN=1 rewrites it instead.
  static func expectGolden(_ actual: String, _ name: String, filePath: String = #filePath, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let source = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden/\(name)")
    if ProcessInfo.processInfo.environment["ANNALS_UPDATE_GOLDEN"] == "1" {
      try actual.write(to: source, atomically: true, encoding: .utf8)
      return
    }
    // Read from the source tree, not the bundle copy, which is stale until the next build after an update.
    let expected = try String(contentsOf: source, encoding: .utf8)
    if expected != actual {
      let lines = zip(expected.split(separator: "\n", omittingEmptySubsequences: false), actual.split(separator: "\n", omittingEmptySubsequences: false))
      let first = lines.enumerated().first { $0.element.0 != $0.element.1 }
      Issue.record(
        "\(name) differs from the golden file at line \((first?.offset ?? 0) + 1):\n- \(first.map { String($0.element.0) } ?? "")\n+ \(first.map { String($0.element.1) } ?? "")",
        sourceLocation: sourceLocation)
    }
  }
}
