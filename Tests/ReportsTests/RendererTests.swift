import Foundation
import CardBuilder
import FoundationXML
import Reports
import Scheduling
import Testing

/// A small report built by hand, with hostile deck text, for the renderers alone.
enum HandBuilt {
  static let now = Date(timeIntervalSince1970: 1_777_550_400)  // 2026-04-30 12:00 UTC

  static func report() -> LearnerReport {
    let tricky = CardSummary(
      id: "c1", deck: "d", kind: .date, category: .dates, era: "battle", state: "young",
      prompt: "When did <b>\"Kalbajar\" & co</b> fall?\u{1B}[31m", answer: "April 3, 1993", source: "It fell, | said *they*, on =April 3.",
      reviews: 6, passed: 3, firstPassed: false, lapses: 2, retrievability: 0.4123, stability: 3.5, difficulty: 7.25,
      due: "2026-05-02", lastReview: Date(timeIntervalSince1970: 1_777_377_600),
      wrongAnswers: [WrongAnswer(answer: "April 3, 1992", count: 2, confusion: "a year off")])
    let plain = CardSummary(
      id: "c2", deck: "d", kind: .name, category: .people, era: nil, state: "new", prompt: nil, answer: nil,
      source: nil, reviews: 0, lapses: 0, retrievability: nil, stability: nil, difficulty: nil, due: nil,
      lastReview: nil, wrongAnswers: [])
    return LearnerReport(
      learner: "ada", generatedAt: now, today: "2026-04-30", decks: ["d"], desiredRetention: 0.9,
      states: StateCounts(new: 1, learning: 0, young: 1, mature: 0, suspended: 0, retired: 0),
      retention: RetentionFigures(reviews: 4, passed: 3, recentReviews: 2, recentPassed: 1),
      estimatedKnowledge: 0, studiedCards: 1,
      activity: Activity(
        from: "2025-05-01", days: [
          ActivityDay(date: "2026-04-27", reviews: 3, seconds: 30.5), ActivityDay(date: "2026-04-28", reviews: 1, seconds: 4),
          ActivityDay(date: "2026-04-30", reviews: 2, seconds: 12),
        ], totalReviews: 6, totalSeconds: 46.5, currentStreak: 1, longestStreak: 2, daysStudied: 3),
      forecast: (0..<30).map { ForecastDay(date: CivilDay.string(CivilDay.day("2026-04-30")! + $0), due: $0 == 2 ? 1 : 0) },
      mastery: [
        MasteryGroup(dimension: "era", key: "battle", title: "The battle", cards: 1, studied: 1, mature: 0, knowledge: 0.4123, retention: 0.75),
        MasteryGroup(dimension: "kind", key: "dates", title: "dates", cards: 1, studied: 1, mature: 0, knowledge: 0.4123, retention: 0.75),
        MasteryGroup(dimension: "kind", key: "people", title: "people", cards: 1, studied: 0, mature: 0, knowledge: 0, retention: nil),
      ],
      weakest: [tricky],
      quizzes: [QuizSummary(id: "q1", deck: "d", time: now, score: 0.7, questions: 10)],
      cards: [tricky, plain])
  }
}

@Suite("Renderers on a hand-built report")
struct RendererTests {
  @Test func goldenOutputs() throws {
    let report = HandBuilt.report()
    try Support.expectGolden(TextRenderer(width: 80).render(report), "hand.txt")
    try Support.expectGolden(MarkdownRenderer().render(report), "hand.md")
    try Support.expectGolden(try JSONRenderer().render(report), "hand.json")
    try Support.expectGolden(try CSVRenderer().render(report), "hand-cards.csv")
  }

  @Test func deckTextNeverReachesTheTerminalRaw() {
    let text = TextRenderer(width: 80).render(HandBuilt.report())
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("^[[31m"))
  }

  @Test func colourOnlyWhenAsked() {
    let plain = TextRenderer(width: 80, color: false).render(HandBuilt.report())
    let coloured = TextRenderer(width: 80, color: true).render(HandBuilt.report())
    #expect(!plain.contains("\u{1B}["))
    #expect(coloured.contains("\u{1B}[1m"))
  }

  @Test(arguments: [40, 60, 80, 132])
  func textFitsTheWidth(width: Int) {
    let text = TextRenderer(width: width).render(HandBuilt.report())
    let widest = text.split(separator: "\n").max { $0.count < $1.count } ?? ""
    #expect(widest.count <= width, "a line is \(widest.count) columns wide in a \(width)-column terminal: \(widest)")
  }

  @Test func htmlEscapesDeckTextAndHasNoScriptsOrNetwork() {
    let html = HTMLRenderer().render(HandBuilt.report())
    #expect(html.contains("&lt;b&gt;&quot;Kalbajar&quot; &amp; co&lt;/b&gt;"))
    #expect(!html.contains("<b>\"Kalbajar\""))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
    #expect(!html.contains("https://"))
    #expect(html.contains("@media print"))
  }

  @Test func everySVGParsesAsXML() throws {
    let html = HTMLRenderer().render(HandBuilt.report())
    let count = try SVGCheck.parseAll(in: html)
    #expect(count >= 5)
  }

  @Test func csvQuotesAndDefusesFormulas() throws {
    let csv = try CSVRenderer().render(HandBuilt.report())
    #expect(csv.hasPrefix("id,deck,kind,category,era,state,prompt,answer,reviews,"))
    #expect(csv.contains("\r\n"))
    #expect(csv.contains("\"When did <b>\"\"Kalbajar\"\" & co</b> fall?\u{1B}[31m\""))
    #expect(csv.contains("\"April 3, 1993\""))
    #expect(csv.contains("'=April") == false)  // not at the start of the field: left alone
    #expect(throws: ReportError.self) { try CSVRenderer().render(HandBuilt.report(), table: "nope") }
  }

  @Test(arguments: ["=HYPERLINK(\"http://x\")", "+44 cmd", "-2+3", "@SUM(A1)"])
  func csvDefusesFieldsThatStartLikeAFormula(hostile: String) throws {
    var report = HandBuilt.report()
    report.cards[0].prompt = hostile
    report.cards[0].answer = "-12"  // a plain negative number is data, not a formula
    let csv = try CSVRenderer().render(report)
    let row = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("c1,") }).description
    let quoted = hostile.contains(",") || hostile.contains("\"")
    let defused = "'" + hostile.replacingOccurrences(of: "\"", with: "\"\"")
    #expect(row.contains(quoted ? "\"" + defused + "\"" : "," + defused + ","), "\(row)")
    #expect(row.contains(",-12,"))
    #expect(!row.contains("," + hostile.replacingOccurrences(of: "\"", with: "\"\"") + ","))
  }

  @Test func jsonRoundTrips() throws {
    let report = HandBuilt.report()
    let json = try JSONRenderer().render(report)
    #expect(try JSONRenderer().decode(LearnerReport.self, from: json) == report)
  }
}

/// Pulls every `<svg>…</svg>` out of an HTML page and parses it with Foundation's XMLParser.
enum SVGCheck {
  final class Delegate: NSObject, XMLParserDelegate, @unchecked Sendable {
    var error: Error?
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
  }

  static func parseAll(in html: String) throws -> Int {
    var count = 0
    var rest = html[...]
    while let open = rest.range(of: "<svg"), let close = rest.range(of: "</svg>", range: open.upperBound..<rest.endIndex) {
      let fragment = String(rest[open.lowerBound..<close.upperBound])
      let parser = XMLParser(data: Data(fragment.utf8))
      let delegate = Delegate()
      parser.delegate = delegate
      let ok = parser.parse()
      #expect(ok, "SVG \(count + 1) does not parse: \(String(describing: delegate.error ?? parser.parserError))\n\(fragment.prefix(300))")
      count += 1
      rest = rest[close.upperBound...]
    }
    return count
  }
}
