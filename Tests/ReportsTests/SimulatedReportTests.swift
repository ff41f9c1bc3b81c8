import Foundation
import ProgressStore
import Reports
import Testing

@Suite("Reports on a seeded simulation")
struct SimulatedReportTests {
  static func report() throws -> (LearnerReport, SimulationSummary) {
    let directory = try Support.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let summary = try Support.simulate("ada", seed: 7, in: directory)
    let store = try ProgressStore(path: ProgressStore.path(forLearner: "ada", in: directory), access: .readOnly)
    defer { try? store.close() }
    let report = try ReportBuilder(now: Support.now, catalogs: [try Support.catalog()]).report(store: store, learner: "ada")
    return (report, summary)
  }

  @Test func goldenText() throws {
    let (report, _) = try Self.report()
    try Support.expectGolden(TextRenderer(width: 100).render(report), "learner.txt")
    try Support.expectGolden(TextRenderer(width: 60).render(report), "learner-60.txt")
    try Support.expectGolden(MarkdownRenderer().render(report), "learner.md")
    try Support.expectGolden(try JSONRenderer().render(report), "learner.json")
    try Support.expectGolden(try CSVRenderer().render(report), "learner-cards.csv")
    try Support.expectGolden(try CSVRenderer().render(report, table: "days"), "learner-days.csv")
    try FileManager.default.createDirectory(atPath: "/tmp/annals-look", withIntermediateDirectories: true)
    try HTMLRenderer().render(report).write(toFile: "/tmp/annals-look/learner.html", atomically: true, encoding: .utf8)
  }
}
