/// Renders reports as GitHub-flavoured Markdown: tables, with the charts as Unicode text blocks.
public struct MarkdownRenderer: Sendable {
  /// A Markdown renderer.
  public init() {}

  /// Escapes text for a table cell or a paragraph: pipes, backslashes, emphasis and HTML characters.
  static func escape(_ text: String) -> String {
    var out = ""
    for char in Fmt.visible(text) {
      switch char {
      case "|", "\\", "*", "_", "`", "[", "]", "#", "<", ">": out += "\\\(char)"
      case "\n", "\r": out += " "
      default: out.append(char)
      }
    }
    return out
  }

  static func table(_ headers: [String], right: Set<Int>, _ rows: [[String]]) -> [String] {
    var out = ["| " + headers.joined(separator: " | ") + " |"]
    out.append("|" + headers.indices.map { right.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|")
    for row in rows { out.append("| " + row.joined(separator: " | ") + " |") }
    return out
  }

  /// The learner report as Markdown.
  public func render(_ report: LearnerReport) -> String {
    let text = TextRenderer(width: 80, color: false)
    var out: [String] = []
    out.append("# Annals report: \(Self.escape(report.learner))")
    out.append("")
    out.append("Study day \(report.today)" + (report.decks.isEmpty ? "" : " · decks: " + report.decks.map(Self.escape).joined(separator: ", ")))
    out.append("")
    out.append("## Summary")
    out.append("")
    let r = report.retention
    let a = report.activity
    out.append(contentsOf: Self.table(["measure", "value"], right: [], [
      ["true retention", Fmt.percent(r.rate, digits: 1) + " on \(Fmt.grouped(r.reviews)) review-card reviews"],
      ["true retention, last 30 days", Fmt.percent(r.recentRate, digits: 1) + " on \(Fmt.grouped(r.recentReviews)) reviews"],
      ["desired retention", Fmt.percent(report.desiredRetention)],
      ["knowledge", Fmt.grouped(Int(report.estimatedKnowledge)) + " cards known now, of \(report.studiedCards) studied"],
      ["streak", "\(a.currentStreak) \(a.currentStreak == 1 ? "day" : "days") (longest \(a.longestStreak))"],
      ["days studied", "\(a.daysStudied)"],
      ["time spent", Fmt.duration(a.totalSeconds) + " over \(Fmt.grouped(a.totalReviews)) reviews"],
    ]))
    out.append("")
    out.append("## Cards by state")
    out.append("")
    out.append(contentsOf: Self.table(["state", "cards"], right: [1], report.states.named.map { [$0.name, "\($0.count)"] } + [["**total**", "**\(report.states.total)**"]]))
    out.append("")
    out.append("## Reviews per day")
    out.append("")
    out.append("```text")
    out.append(contentsOf: text.heatmapLines(report).dropFirst())
    out.append("```")
    out.append("")
    out.append("## Due in the next \(report.forecast.count) days")
    out.append("")
    out.append("```text")
    out.append(contentsOf: text.forecastLines(report.forecast).dropFirst())
    out.append("```")
    out.append("")
    out.append("## Mastery")
    out.append("")
    if report.mastery.isEmpty { out.append("No cards.") }
    for dimension in ["era", "topic", "kind"] {
      let rows = report.mastery.filter { $0.dimension == dimension }
      guard !rows.isEmpty else { continue }
      out.append(contentsOf: Self.table(["by \(dimension)", "cards", "studied", "mature", "knowledge", "retention"], right: [1, 2, 3, 4, 5], rows.map {
        [Self.escape($0.title), "\($0.cards)", "\($0.studied)", "\($0.mature)", Fmt.percent($0.knowledge), Fmt.percent($0.retention)]
      }))
      out.append("")
    }
    out.append("## Weakest facts")
    out.append("")
    if report.weakest.isEmpty { out.append("None yet: nothing has been forgotten.") }
    for (index, card) in report.weakest.enumerated() {
      var line = "\(index + 1). **\(Self.escape(card.prompt ?? card.id))**"
      if let answer = card.answer { line += " → \(Self.escape(answer))" }
      line += " — lapses \(card.lapses), recall \(Fmt.percent(card.retrievability)), \(card.reviews) reviews"
      out.append(line)
      if !card.wrongAnswers.isEmpty {
        out.append("   - wrong answers: " + card.wrongAnswers.prefix(3).map { w in
          "“\(Self.escape(w.answer))” ×\(w.count)" + (w.confusion.map { " (\(Self.escape($0)))" } ?? "")
        }.joined(separator: ", "))
      }
      if let source = card.source { out.append("   - source: “\(Self.escape(source))”") }
    }
    out.append("")
    out.append("## Quizzes")
    out.append("")
    if report.quizzes.isEmpty {
      out.append("No quizzes taken.")
    } else {
      out.append(contentsOf: Self.table(["date", "deck", "questions", "score"], right: [2, 3], report.quizzes.map {
        [String(Fmt.moment($0.time).prefix(10)), Self.escape($0.deck), $0.questions.map(String.init) ?? "–", Fmt.percent($0.score)]
      }))
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The class report as Markdown.
  public func render(_ report: ClassReport) -> String {
    var out: [String] = []
    out.append("# Annals class report: \(Self.escape(report.directory))")
    out.append("")
    out.append("\(report.students.count) students · \(report.items.count) cards studied · generated \(Fmt.moment(report.generatedAt))")
    out.append("")
    out.append("## Students")
    out.append("")
    out.append(contentsOf: Self.table(
      ["learner", "reviews", "retention", "knowledge", "studied", "last active", "streak", "quizzes", "quiz mean"],
      right: [1, 2, 3, 4, 6, 7, 8],
      report.students.map {
        [Self.escape($0.learner), Fmt.grouped($0.reviews), Fmt.percent($0.retention, digits: 1), Fmt.grouped(Int($0.knowledge)),
         "\($0.studied)/\($0.cards)", $0.lastActive ?? "never", "\($0.streak)", "\($0.quizzes)", Fmt.percent($0.quizMean)]
      }))
    out.append("")
    out.append("## Item analysis (to revisit first at the top)")
    out.append("")
    out.append(contentsOf: Self.table(
      ["#", "card", "answer", "learners", "first sight", "overall", "attempts", "recall", "common wrong answers"],
      right: [0, 3, 4, 5, 6, 7],
      report.items.enumerated().map { index, item in
        ["\(index + 1)", Self.escape(item.prompt ?? item.id), Self.escape(item.answer ?? ""), "\(item.learners)",
         Fmt.percent(item.firstSightCorrect), Fmt.percent(item.overallCorrect), "\(item.attempts)",
         Fmt.percent(item.meanRetrievability),
         item.wrongAnswers.prefix(3).map { w in "“\(Self.escape(w.answer))” ×\(w.count)" + (w.confusion.map { " (\(Self.escape($0)))" } ?? "") }
          .joined(separator: "; ")]
      }))
    if !report.unreadable.isEmpty {
      out.append("")
      out.append("## Stores not read")
      out.append("")
      for store in report.unreadable {
        out.append("- `\(Fmt.visible(store.file).replacingOccurrences(of: "`", with: "'"))` — \(store.problem): \(Self.escape(store.reason))")
      }
    }
    return out.joined(separator: "\n") + "\n"
  }
}
