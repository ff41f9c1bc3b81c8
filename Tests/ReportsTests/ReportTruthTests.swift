import CardBuilder
import EventDeck
import Foundation
import ProgressStore
import Reports
import Scheduling
import Testing

/// Reports that tell the truth: eras in the order of their dates, "known" meaning known, the heatmap's legend from
/// the data shown.
@Suite("Reports that tell the truth")
struct ReportTruthTests {
  /// A real store with a deck of three cards in three eras, given out of order (neither by date nor by name).
  static func store(_ directory: String) throws -> ProgressStore {
    let store = try ProgressStore(path: directory + "/ada.sqlite")
    var settings = try store.settings()
    settings.timeZone = "UTC"
    try store.saveSettings(settings)
    let cards = [
      CardRecord(id: "d/late/date", kind: "date", siblingGroup: "d/late", era: "aftermath"),
      CardRecord(id: "d/early/date", kind: "date", siblingGroup: "d/early", era: "prelude"),
      CardRecord(id: "d/middle/date", kind: "date", siblingGroup: "d/middle", era: "battle"),
    ]
    _ = try store.sync(deck: DeckInfo(id: "d", contentHash: "1", path: "d.yaml"), cards: cards, at: HandBuilt.now)
    return store
  }

  static let catalog = CardCatalog(
    deck: Deck(
      id: "d", title: "D",
      eras: [
        Era(id: "aftermath", title: "Aftermath", from: HistoricalDate(year: 1994), to: HistoricalDate(year: 1995)),
        Era(id: "prelude", title: "Zero hour", from: HistoricalDate(year: 1988), to: HistoricalDate(year: 1993)),
        Era(id: "battle", title: "Battle", from: HistoricalDate(year: 1993, month: 3), to: HistoricalDate(year: 1993, month: 4)),
      ]),
    cards: [])

  @Test("eras come in the order of their dates, not by name or by first appearance")
  func erasChronological() throws {
    let directory = try Support.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try Self.store(directory)
    defer { try? store.close() }
    let report = try ReportBuilder(now: HandBuilt.now, catalogs: [Self.catalog]).report(store: store, learner: "ada")
    #expect(report.mastery.filter { $0.dimension == "era" }.map(\.key) == ["prelude", "battle", "aftermath"])
  }

  @Test("a store opened read-only is reported with its log read on a second connection, to the same report")
  func readOnlyTwin() throws {
    let directory = try Support.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try Self.store(directory)
    let scheduler = try store.scheduler()
    let now = HandBuilt.now
    try store.answer(Answer(cardID: "d/early/date", rating: .easy, time: now.addingTimeInterval(-2 * 86400)), scheduler: scheduler)
    try store.answer(
      Answer(cardID: "d/middle/date", rating: .again, time: now.addingTimeInterval(-60), typedAnswer: "1990"),
      scheduler: scheduler)
    #expect(store.readOnlyTwin() == nil)  // a store open for writing is read through its own connections
    let written = try ReportBuilder(now: now, catalogs: [Self.catalog]).report(store: store, learner: "ada")
    try store.close()
    let readOnly = try ProgressStore(path: directory + "/ada.sqlite", access: .readOnly)
    defer { try? readOnly.close() }
    #expect(readOnly.readOnlyTwin() != nil)
    let read = try ReportBuilder(now: now, catalogs: [Self.catalog]).report(store: readOnly, learner: "ada")
    #expect(read == written)
    #expect(read.activity.totalReviews == 2 && read.cards.contains { !$0.wrongAnswers.isEmpty })
  }

  @Test("a card failed a minute ago is not known, though its recall is near 1; one answered right and fresh is")
  func knowledge() throws {
    let directory = try Support.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try Self.store(directory)
    defer { try? store.close() }
    let scheduler = try store.scheduler()
    let now = HandBuilt.now
    // early: right (Easy) two days ago, so in review with recall above 90%; middle: Again a minute ago.
    try store.answer(Answer(cardID: "d/early/date", rating: .easy, time: now.addingTimeInterval(-2 * 86400)), scheduler: scheduler)
    try store.answer(Answer(cardID: "d/middle/date", rating: .again, time: now.addingTimeInterval(-60)), scheduler: scheduler)
    let report = try ReportBuilder(now: now, catalogs: [Self.catalog]).report(store: store, learner: "ada")
    let cards = Dictionary(uniqueKeysWithValues: report.cards.map { ($0.id, $0) })
    let failed = try #require(cards["d/middle/date"])
    #expect((failed.retrievability ?? 0) > 0.9)  // what the old "sum of recall" counted as almost one fact known
    #expect(!failed.known)
    #expect(cards["d/early/date"]?.known == true)
    #expect(cards["d/late/date"]?.known == false)  // new
    #expect(report.estimatedKnowledge == 1)
    #expect(report.mastery.first { $0.dimension == "era" && $0.key == "battle" }?.knowledge == 0)
    #expect(report.mastery.first { $0.dimension == "era" && $0.key == "prelude" }?.knowledge == 1)
    #expect(TextRenderer(width: 100).render(report).contains("1 cards known now, of 2 studied"))
  }

  @Test("the definition: latest answer not Again and recall now at least the desired retention")
  func definition() {
    #expect(Knowledge.isKnown(retrievability: 0.95, lastPassed: true, desiredRetention: 0.9))
    #expect(Knowledge.isKnown(retrievability: 0.9, lastPassed: true, desiredRetention: 0.9))
    #expect(!Knowledge.isKnown(retrievability: 0.99, lastPassed: false, desiredRetention: 0.9))
    #expect(!Knowledge.isKnown(retrievability: 0.85, lastPassed: true, desiredRetention: 0.9))
    #expect(!Knowledge.isKnown(retrievability: nil, lastPassed: nil, desiredRetention: 0.9))
  }

  @Test("the heatmap legend's thresholds come from the days shown, not fixed numbers")
  func heatmapLegend() {
    func legend(_ counts: [Int]) -> String {
      var report = HandBuilt.report()
      let last = CivilDay.day(report.today)!
      report.activity.days = counts.enumerated().map {
        ActivityDay(date: CivilDay.string(last - $0.offset), reviews: $0.element, seconds: 1)
      }
      let lines = TextRenderer(width: 100).render(report).split(separator: "\n")
      return String(lines.first { $0.contains("none") && $0.contains("reviews") && $0.contains("+") } ?? "")
    }
    let light = legend([1, 2, 3, 4, 5, 6, 7, 8])
    let heavy = legend([100, 200, 300, 400, 500, 600, 700, 800])
    // The quartiles of the days with reviews: 2, 4 and 6 of 1…8; a hundred times those of 100…800.
    #expect(light.contains(" 2+") && light.contains(" 4+") && light.contains(" 6+"))
    #expect(heavy.contains(" 200+") && heavy.contains(" 400+") && heavy.contains(" 600+"))
    #expect(light != heavy)
  }
}
