import EventDeck
import Foundation
import ProgressStore
import LineEditing
import Scheduling

@testable import Study

/// A temporary store with a fixture deck synced into it, and a clock that moves ten seconds per reading.
final class StudyFixture {
  let directory: URL
  let store: ProgressStore
  let material: StudyMaterial
  private(set) var clockTime = Date(timeIntervalSince1970: 1_780_000_000)
  /// How far the clock moves per reading.
  var step: TimeInterval = 10

  init(deck name: String) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("annals-study-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "yaml")!.path
    material = try StudyMaterial.load(paths: [path])
    store = try ProgressStore(path: directory.appendingPathComponent("test.sqlite").path)
    _ = try material.sync(into: store, paths: [path], at: clockTime)
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  /// Each call returns a time `step` (ten seconds unless set) after the previous one.
  func tick() -> Date {
    clockTime += step
    return clockTime
  }

  func session(_ script: [ReadResult], output: BufferedOutput = BufferedOutput()) throws -> (StudySession, ScriptedLineReader) {
    let reader = ScriptedLineReader(script)
    let session = StudySession(
      store: store, scheduler: try store.scheduler(), cards: material.cards, decks: material.decks, reader: reader,
      output: output, options: QueueOptions(decks: material.decks.map(\.id)), now: { [unowned self] in self.tick() })
    return (session, reader)
  }

  /// Reviews in the store that are not undone: (card id, rating, typed answer).
  func liveReviews() throws -> [(String, Rating, String?)] {
    try store.reviews().map { ($0.cardID, $0.rating, $0.typedAnswer) }
  }
}
