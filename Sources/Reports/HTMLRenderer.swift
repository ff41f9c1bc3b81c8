/// Renders reports as one self-contained HTML file: inline CSS and SVG, no scripts, no network; reads on screen and
/// printed (A4 or Letter).
public struct HTMLRenderer: Sendable {
  /// An HTML renderer.
  public init() {}

  static func e(_ text: String) -> String { SVGCharts.escape(text) }

  static let style = """
    :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #239a3b; --bad: #c0392b; }
    * { box-sizing: border-box; }
    body { font: 15px/1.45 -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Helvetica, Arial, sans-serif;
      color: var(--ink); margin: 0; background: #f5f7fa; }
    main { max-width: 1000px; margin: 0 auto; padding: 28px 32px 48px; background: #fff; }
    h1 { font-size: 26px; margin: 0 0 2px; }
    h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
    h3 { font-size: 15px; margin: 16px 0 6px; color: var(--muted); }
    .sub { color: var(--muted); margin: 0 0 18px; }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; }
    .figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
    .figure .v { font-size: 26px; font-weight: 700; }
    .figure .k { color: var(--muted); font-size: 13px; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { color: var(--muted); font-weight: 600; font-size: 13px; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .bar { display: inline-block; height: 10px; background: var(--accent); border-radius: 2px; vertical-align: middle; }
    .track { display: inline-block; width: 90px; height: 10px; background: #edf0f3; border-radius: 2px; vertical-align: middle; }
    .track .bar { display: block; }
    ol.weak { padding-left: 22px; }
    ol.weak li { margin-bottom: 12px; }
    .q { font-weight: 600; }
    .meta { color: var(--muted); font-size: 13px; }
    blockquote { margin: 4px 0 0; padding: 2px 10px; border-left: 3px solid var(--line); color: var(--muted); font-style: italic; }
    .wrong { color: var(--bad); }
    .warn { border: 1px solid #f0b429; background: #fffbea; border-radius: 8px; padding: 10px 14px; margin-bottom: 16px; }
    svg text { font-family: inherit; }
    svg .axis { font-size: 11px; fill: #616e7c; }
    svg .label { font-size: 13px; fill: #1f2933; }
    svg .value { font-size: 13px; fill: #1f2933; font-weight: 600; }
    svg .grid { stroke: #e4e7eb; stroke-width: 1; }
    footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
    @media print {
      body { background: #fff; font-size: 11pt; }
      main { max-width: none; padding: 0; }
      section, .figure, tr, li { break-inside: avoid; }
      h2 { break-after: avoid; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      @page { margin: 14mm; }
    }
    """

  static func page(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(e(title))</title>
    <style>
    \(style)
    </style>
    </head>
    <body>
    <main>
    \(body)
    </main>
    </body>
    </html>

    """
  }

  static func figure(_ value: String, _ label: String) -> String {
    "<div class=\"figure\"><div class=\"v\">\(e(value))</div><div class=\"k\">\(e(label))</div></div>"
  }

  static func track(_ value: Double?) -> String {
    guard let value else { return "" }
    return "<span class=\"track\"><span class=\"bar\" style=\"width:\(Fmt.fixed(min(max(value, 0), 1) * 100, digits: 0))%\"></span></span>"
  }

  static func wrongList(_ answers: [WrongAnswer]) -> String {
    answers.prefix(3).map { w in
      "<span class=\"wrong\">“\(e(w.answer))”</span> ×\(w.count)" + (w.confusion.map { " (\(e($0)))" } ?? "")
    }.joined(separator: ", ")
  }

  /// The learner report as an HTML page.
  public func render(_ report: LearnerReport) -> String {
    var b = ""
    b += "<h1>\(Self.e(report.learner))’s progress</h1>\n"
    b += "<p class=\"sub\">Study day \(Self.e(report.today))"
    if !report.decks.isEmpty { b += " · " + report.decks.map(Self.e).joined(separator: ", ") }
    b += "</p>\n"
    let a = report.activity
    b += "<section class=\"figures\">"
    b += Self.figure(Fmt.percent(report.retention.rate, digits: 1), "true retention (desired \(Fmt.percent(report.desiredRetention)))")
    b += Self.figure(
      Fmt.grouped(Int(report.estimatedKnowledge)),
      "cards known now (latest answer right, recall at least \(Fmt.percent(report.desiredRetention))), of \(report.studiedCards) studied")
    b += Self.figure("\(a.currentStreak) d", "streak (longest \(a.longestStreak))")
    b += Self.figure(Fmt.duration(a.totalSeconds), "spent over \(Fmt.grouped(a.totalReviews)) reviews")
    b += "</section>\n"

    b += "<section><h2>Cards by state</h2>\n" + SVGCharts.states(report.states) + "</section>\n"

    b += "<section><h2>Retention and knowledge</h2>\n"
    let known = report.states.total > 0 ? report.estimatedKnowledge / Double(report.states.total) : nil
    b += SVGCharts.bullets([
      ("True retention (all time)", report.retention.rate, report.desiredRetention, "#239a3b"),
      ("True retention (30 days)", report.retention.recentRate, report.desiredRetention, "#7bc96f"),
      ("Knowledge of the deck", known, nil, "#3b82c4"),
    ], label: "True retention beside the desired retention, and knowledge")
    b += "<p class=\"meta\">True retention is the share of reviews of graduated cards not answered Again "
      + "(\(Fmt.grouped(report.retention.passed)) of \(Fmt.grouped(report.retention.reviews))); the black line is the "
      + "desired retention. Knowledge is the sum of every card’s probability of recall now, over all cards.</p></section>\n"

    b += "<section><h2>Reviews per day</h2>\n" + SVGCharts.heatmap(report.activity, today: report.today)
    b += "<p class=\"meta\">\(a.daysStudied) days studied · \(Fmt.grouped(a.totalReviews)) reviews in all</p></section>\n"

    let due = report.forecast.map(\.due).reduce(0, +)
    b += "<section><h2>Due in the next \(report.forecast.count) days</h2>\n" + SVGCharts.forecast(report.forecast)
    b += "<p class=\"meta\">\(Fmt.grouped(due)) reviews due; the first day includes overdue cards.</p></section>\n"

    b += "<section><h2>Mastery</h2>\n"
    for dimension in ["era", "topic", "kind"] {
      let rows = report.mastery.filter { $0.dimension == dimension }
      guard !rows.isEmpty else { continue }
      b += "<h3>By \(dimension)</h3>\n"
      b += SVGCharts.bars(
        rows.map { ($0.title, $0.knowledge, "\(Fmt.percent($0.knowledge)) · \($0.studied)/\($0.cards) studied") },
        label: "Knowledge by \(dimension)")
    }
    b += "<p class=\"meta\">Bars: mean probability of recall now over the group’s cards (unstudied cards count as 0).</p></section>\n"

    b += "<section><h2>Weakest facts</h2>\n"
    if report.weakest.isEmpty {
      b += "<p>None yet: nothing has been forgotten.</p>"
    } else {
      b += "<ol class=\"weak\">"
      for card in report.weakest {
        b += "<li><div class=\"q\">\(Self.e(card.prompt ?? card.id))"
        if let answer = card.answer { b += " → \(Self.e(answer))" }
        b += "</div><div class=\"meta\">lapses \(card.lapses) · recall \(Fmt.percent(card.retrievability)) · \(card.reviews) reviews"
        if !card.wrongAnswers.isEmpty { b += " · wrong: " + Self.wrongList(card.wrongAnswers) }
        b += "</div>"
        if let source = card.source { b += "<blockquote>\(Self.e(source))</blockquote>" }
        b += "</li>\n"
      }
      b += "</ol>"
    }
    b += "</section>\n"

    b += "<section><h2>Quizzes</h2>\n"
    if report.quizzes.isEmpty {
      b += "<p>No quizzes taken.</p>"
    } else {
      b += SVGCharts.quizzes(report.quizzes)
      b += "<table><tr><th>date</th><th>deck</th><th class=\"n\">questions</th><th class=\"n\">score</th><th></th></tr>"
      for quiz in report.quizzes.suffix(10).reversed() {
        b += "<tr><td>\(String(Fmt.moment(quiz.time).prefix(10)))</td><td>\(Self.e(quiz.deck))</td>"
        b += "<td class=\"n\">\(quiz.questions.map(String.init) ?? "–")</td><td class=\"n\">\(Fmt.percent(quiz.score))</td><td>\(Self.track(quiz.score))</td></tr>"
      }
      b += "</table>"
    }
    b += "</section>\n"
    b += "<footer>Generated by Annals at \(Fmt.moment(report.generatedAt)).</footer>"
    return Self.page(title: "Annals report: \(report.learner)", body: b)
  }

  /// The class report as an HTML page.
  public func render(_ report: ClassReport) -> String {
    var b = ""
    b += "<h1>Class report</h1>\n<p class=\"sub\">\(Self.e(report.directory)) · \(report.students.count) students · \(report.items.count) cards studied</p>\n"
    if !report.unreadable.isEmpty {
      b += "<section class=\"warn\"><strong>\(report.unreadable.count) \(report.unreadable.count == 1 ? "store was" : "stores were") not read:</strong><ul>"
      for store in report.unreadable { b += "<li><code>\(Self.e(store.file))</code> — \(Self.e(store.problem)): \(Self.e(store.reason))</li>" }
      b += "</ul></section>\n"
    }
    let students = report.students
    if !students.isEmpty {
      let mean = students.compactMap(\.retention)
      let avgRetention = mean.isEmpty ? nil : mean.reduce(0, +) / Double(mean.count)
      b += "<section class=\"figures\">"
      b += Self.figure("\(students.count)", "students")
      b += Self.figure(Fmt.percent(avgRetention, digits: 1), "mean true retention")
      b += Self.figure(Fmt.grouped(students.map(\.reviews).reduce(0, +)), "reviews in all")
      b += Self.figure(Fmt.fixed(students.map(\.knowledge).reduce(0, +) / Double(students.count), digits: 1), "cards known per student")
      b += "</section>\n"
    }
    b += "<section><h2>Students</h2>\n"
    if students.isEmpty {
      b += "<p>No readable stores.</p>"
    } else {
      b += SVGCharts.bars(
        students.map { s in
          (s.learner, s.cards > 0 ? s.knowledge / Double(s.cards) : 0, "\(Fmt.grouped(Int(s.knowledge))) of \(s.cards) cards known")
        }, label: "Knowledge per student")
      b += "<table><tr><th>learner</th><th class=\"n\">reviews</th><th class=\"n\">retention</th><th class=\"n\">knowledge</th>"
      b += "<th class=\"n\">studied</th><th>last active</th><th class=\"n\">streak</th><th class=\"n\">quizzes</th><th class=\"n\">quiz mean</th></tr>"
      for s in students {
        b += "<tr><td>\(Self.e(s.learner))</td><td class=\"n\">\(Fmt.grouped(s.reviews))</td><td class=\"n\">\(Fmt.percent(s.retention, digits: 1))</td>"
        b += "<td class=\"n\">\(Fmt.grouped(Int(s.knowledge)))</td><td class=\"n\">\(s.studied)/\(s.cards)</td><td>\(Self.e(s.lastActive ?? "never"))</td>"
        b += "<td class=\"n\">\(s.streak)</td><td class=\"n\">\(s.quizzes)</td><td class=\"n\">\(Fmt.percent(s.quizMean))</td></tr>"
      }
      b += "</table>"
    }
    b += "</section>\n"
    b += "<section><h2>Item analysis</h2>\n<p class=\"meta\">The facts the class most needs to revisit come first: "
      + "lowest share of correct answers, then lowest recall now.</p>"
    if report.items.isEmpty {
      b += "<p>Nothing studied yet.</p>"
    } else {
      b += "<table><tr><th class=\"n\">#</th><th>card</th><th class=\"n\">first sight</th><th class=\"n\">overall</th>"
      b += "<th class=\"n\">attempts</th><th class=\"n\">recall</th><th>common wrong answers</th></tr>"
      for (index, item) in report.items.enumerated() {
        b += "<tr><td class=\"n\">\(index + 1)</td><td><span class=\"q\">\(Self.e(item.prompt ?? item.id))</span>"
        if let answer = item.answer { b += "<br><span class=\"meta\">→ \(Self.e(answer))</span>" }
        b += "</td><td class=\"n\">\(Fmt.percent(item.firstSightCorrect)) \(Self.track(item.firstSightCorrect))</td>"
        b += "<td class=\"n\">\(Fmt.percent(item.overallCorrect)) \(Self.track(item.overallCorrect))</td>"
        b += "<td class=\"n\">\(item.attempts)</td><td class=\"n\">\(Fmt.percent(item.meanRetrievability))</td>"
        b += "<td>\(Self.wrongList(item.wrongAnswers))</td></tr>\n"
      }
      b += "</table>"
    }
    b += "</section>\n"
    b += "<footer>Generated by Annals at \(Fmt.moment(report.generatedAt)). Stores were opened read-only.</footer>"
    return Self.page(title: "Annals class report", body: b)
  }
}
