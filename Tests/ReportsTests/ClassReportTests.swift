import CardBuilder
import Foundation
import ProgressStore
@testable import Reports
import Simulation
import StableRandom
import Testing

@Suite("Class report over simulated learners and broken stores")
struct ClassReportTests {
  /// Three simulated learners, a file of garbage bytes, a store from a newer Annals, and a stray text file.
  static func classFolder() throws -> String {
    let directory = try Support.scratch()
    try Support.simulate("amir", seed: 11, days: 45, in: directory)
    try Support.simulate("bella", seed: 12, days: 45, retention: 0.85, in: directory)
    try Support.simulate("chen", seed: 13, days: 45, retention: 0.95, in: directory)
    var garbage = Data()
    var random = SplitMix64(seed: 99)
    for _ in 0..<8192 { garbage.append(UInt8(truncatingIfNeeded: random.next())) }
    try garbage.write(to: URL(fileURLWithPath: directory + "/broken.sqlite"))
    let future = try ProgressStore(path: directory + "/future.sqlite")
    try future.close()
    // PRAGMA user_version lives in the database header at offset 60 (big-endian).
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: directory + "/future.sqlite"))
    try handle.seek(toOffset: 60)
    handle.write(Data([0, 0, 0, 99]))
    try handle.close()
    try "not a store".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
    return directory
  }

  static func snapshot(_ directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    // The -shm file is SQLite's shared-memory index, where every reader of a live WAL store notes its read lock;
    // the store is the database and its log.
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) where !name.hasSuffix("-shm") {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
    }
    return files
  }

  @Test func reportsStudentsItemsAndUnreadableStoresWithoutChangingAnyFile() throws {
    let directory = try Self.classFolder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let before = try Self.snapshot(directory)
    var report = try ClassReportBuilder(now: Support.now, catalogs: [try Support.catalog()]).report(directory: directory)
    let after = try Self.snapshot(directory)
    #expect(before == after, "the class report changed or created files: \(Set(after.keys).symmetricDifference(before.keys))")

    #expect(report.students.map(\.learner) == ["amir", "bella", "chen"])
    #expect(report.unreadable.map(\.file) == ["broken.sqlite", "future.sqlite"])
    #expect(report.unreadable.map(\.problem) == ["corrupt", "newer-schema"])
    #expect(report.students.allSatisfy { $0.reviews > 0 && $0.quizzes > 0 && $0.lastActive != nil })
    #expect(!report.items.isEmpty)
    // Ranked by share correct, smoothed towards the class rate: the first item is missed more than the last.
    #expect(report.items.first!.overallCorrect < report.items.last!.overallCorrect)
    #expect(report.items.allSatisfy { $0.learners <= 3 && $0.attempts >= $0.learners })
    // Wrong names are recognised as other people of the deck.
    #expect(report.items.contains { $0.wrongAnswers.contains { $0.confusion == "another person in the deck" } })

    // The report renders in full with the broken stores named (the scratch folder's random name left out).
    #expect(report.directory == directory)
    report.directory = "Progress/class-7b"
    let text = TextRenderer(width: 100).render(report)
    #expect(text.contains("broken.sqlite: corrupt"))
    #expect(text.contains("future.sqlite: newer-schema"))
    try Support.expectGolden(text, "class.txt")
    try Support.expectGolden(MarkdownRenderer().render(report), "class.md")
    try Support.expectGolden(try JSONRenderer().render(report), "class.json")
    try Support.expectGolden(try CSVRenderer().render(report), "class-students.csv")
    try Support.expectGolden(try CSVRenderer().render(report, table: "items"), "class-items.csv")
    let html = HTMLRenderer().render(report)
    #expect(try SVGCheck.parseAll(in: html) >= 1)
    #expect(html.contains("broken.sqlite"))
    try? html.write(toFile: "/tmp/annals-look/class.html", atomically: true, encoding: .utf8)
  }

  /// The learners are read in runs, one per core, joined in name order: any split gives the report of one run
  /// (students, unreadable stores, and each item's tallies, its recall averaged in the same order).
  @Test func aClassReadInRunsIsTheClassReadInOne() throws {
    let directory = try Self.classFolder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Support.simulate("dara", seed: 14, days: 30, retention: 0.8, in: directory)
    var builder = ClassReportBuilder(now: Support.now, catalogs: [try Support.catalog()])
    builder.runs = 1
    let one = try builder.report(directory: directory)
    #expect(one.students.map(\.learner) == ["amir", "bella", "chen", "dara"])
    #expect(one.items.contains { $0.learners == 4 })
    for runs in [2, 3, 6, 40] {
      builder.runs = runs
      #expect(try builder.report(directory: directory) == one, "\(runs) runs")
    }
    #expect(try ClassReportBuilder(now: Support.now, catalogs: [try Support.catalog()]).report(directory: directory) == one)
  }

  @Test func aMissingFolderIsAClearError() {
    #expect(throws: ReportError.self) {
      try ClassReportBuilder(now: Support.now).report(directory: "/nonexistent/annals-class")
    }
  }
}

@Suite("The simulated learner")
struct SimulatorTests {
  @Test func sameSeedSameStoreDifferentSeedDifferentStore() throws {
    let directory = try Support.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Support.simulate("a", seed: 5, days: 20, in: directory)
    try Support.simulate("b", seed: 5, days: 20, in: directory)
    try Support.simulate("c", seed: 6, days: 20, in: directory)
    func json(_ learner: String) throws -> String {
      let store = try ProgressStore(path: ProgressStore.path(forLearner: learner, in: directory), access: .readOnly)
      defer { try? store.close() }
      var report = try ReportBuilder(now: Support.now).report(store: store, learner: "x")
      report.quizzes = report.quizzes.map { var q = $0; q.id = ""; return q }
      return try JSONRenderer().render(report)
    }
    #expect(try json("a") == json("b"))
    #expect(try json("a") != json("c"))
  }

  @Test func answersGoThroughTheStoreWithTypedAnswersAndVerdicts() throws {
    let directory = try Support.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let summary = try Support.simulate("d", seed: 3, days: 30, in: directory)
    let store = try ProgressStore(path: ProgressStore.path(forLearner: "d", in: directory))
    defer { try? store.close() }
    let reviews = try store.reviews()
    #expect(reviews.count == summary.totalReviews)
    let catalog = try Support.catalog()
    for review in reviews {
      let card = try #require(catalog.byID[review.cardID])
      if review.rating == .again {
        if let typed = review.typedAnswer {
          let isDate = if case .date = card.expectation { true } else { false }
          #expect(catalog.distractors(of: card).contains(typed) || (isDate && typed != card.answer))
        } else {
          #expect(review.verdict == "dont-know")
        }
      } else {
        // A remembered answer is the card's own, and the real checker accepts it.
        let own = card.correctOrder.map { $0.map { String($0 + 1) }.joined(separator: " ") } ?? card.answer
        #expect(review.typedAnswer == own)
        #expect(review.verdict == "correct", "\(card.id): the checker does not accept its own answer \(own)")
      }
    }
    #expect(try store.quizResults().count == summary.quizzes)
    #expect(try store.integrityCheck() == "ok")
  }

  @Test func aHigherDesiredRetentionCostsMoreReviews() throws {
    let directory = try Support.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let low = try Support.simulate("low", seed: 8, days: 90, retention: 0.75, in: directory)
    let high = try Support.simulate("high", seed: 8, days: 90, retention: 0.95, in: directory)
    #expect(high.totalReviews > low.totalReviews)
    #expect((high.trueRetention ?? 0) > (low.trueRetention ?? 1))
  }

  @Test(arguments: [0.8, 0.9])
  func withoutSpreadTheTrueRetentionIsTheDesiredOne(retention: Double) throws {
    let directory = try Support.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try ProgressStore(path: directory + "/s.sqlite")
    defer { try? store.close() }
    var options = SimulationOptions(learner: "s", days: 240, desiredRetention: retention, seed: 21, start: Support.start)
    options.spread = 0
    let summary = try LearnerSimulator(catalog: try Support.catalog(), options: options).run(store: store)
    let measured = try #require(summary.trueRetention)
    #expect(abs(measured - retention) < 0.05, "true retention \(measured) for a desired \(retention)")
  }

  @Test func refusesNonsense() throws {
    let directory = try Support.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try ProgressStore(path: directory + "/x.sqlite")
    defer { try? store.close() }
    let options = SimulationOptions(learner: "x", days: 0, start: Support.start)
    #expect(throws: SimulationError.self) { try LearnerSimulator(catalog: try Support.catalog(), options: options).run(store: store) }
  }
}
