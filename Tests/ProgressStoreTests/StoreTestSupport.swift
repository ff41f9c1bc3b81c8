import Foundation
import GRDB
import Scheduling

@testable import ProgressStore

/// A fresh directory under the temporary directory, unique per call.
func temporaryStorePath(_ name: String = "learner") -> String {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("annals-store-tests-\(UUID().uuidString)")
  return directory.appendingPathComponent("\(name).sqlite").path
}

let utcClock = StudyDayClock(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!)
/// 2026-03-02 12:00 UTC.
let noon = Date(timeIntervalSince1970: 1_772_452_800)

func minutes(_ m: Double, after date: Date = noon) -> Date { date.addingTimeInterval(m * 60) }
func days(_ d: Double, after date: Date = noon) -> Date { date.addingTimeInterval(d * 86400) }

/// A store with UTC settings and a deck "d" of `count` cards c0…, two per sibling group (g0: c0 c1, …).
func makeStore(count: Int = 10, path: String = temporaryStorePath()) throws -> ProgressStore {
  let store = try ProgressStore(path: path)
  var settings = try store.settings()
  settings.timeZone = "UTC"
  try store.saveSettings(settings)
  let cards = (0..<count).map {
    CardRecord(id: "c\($0)", kind: $0 % 2 == 0 ? "when" : "where", siblingGroup: "g\($0 / 2)",
      tags: $0 < count / 2 ? ["war", "1993"] : ["peace"], era: $0 < count / 2 ? "modern" : "medieval")
  }
  _ = try store.sync(deck: DeckInfo(id: "d", contentHash: "h1", path: "Decks/d.yaml"), cards: cards, at: noon)
  return store
}
