import Foundation
import ProgressStore
import Simulation
import Testing

@testable import Reports

@Suite("Reports on a seeded simulation of the Kalbajar deck")
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
  }

  /// The HTML page of the simulated learner: every section, the figures the report holds, and SVG that parses.
  @Test func htmlShowsEverySectionWithTheReportsFigures() throws {
    let (report, summary) = try Self.report()
    let html = HTMLRenderer().render(report)
    let headings = html.components(separatedBy: "<h2>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    #expect(
      headings == [
        "Cards by state", "Retention and knowledge", "Reviews per day", "Due in the next 30 days", "Mastery",
        "Weakest facts", "Quizzes",
      ])
    // The figures are the simulation's: its reviews, the deck's cards by state, and its quizzes.
    #expect(report.activity.totalReviews == summary.totalReviews)
    #expect(html.contains("\(Fmt.grouped(summary.totalReviews)) reviews in all"))
    #expect(report.states.total == (try Support.catalog()).cards.count)
    #expect(report.quizzes.count == summary.quizzes && summary.quizzes > 0)
    // Mastery by kind lists the categories the deck's cards fall into, people and places apart.
    let kinds = report.mastery.filter { $0.dimension == "kind" }.map(\.key)
    #expect(Set(kinds).isSuperset(of: ["dates", "people", "places", "numbers"]))
    let byKind = html.components(separatedBy: "<h3>By kind</h3>").dropFirst().first ?? ""
    for key in kinds { #expect(byKind.contains(">\(key)<"), "the kind chart has no bar for \(key)") }
    // The weakest fact's question and source appear, escaped.
    let weakest = try #require(report.weakest.first)
    let prompt = try #require(report.cards.first { $0.id == weakest.id }?.prompt)
    #expect(html.contains(HTMLRenderer.e(prompt)))
    #expect(try SVGCheck.parseAll(in: html) >= 5)
    #expect(!html.lowercased().contains("<script") && !html.contains("https://"))
  }
}
