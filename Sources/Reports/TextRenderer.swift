import Scheduling
/// Renders reports as terminal text: tables and Unicode charts that fit `width` columns, coloured only when asked.
///
/// Deck text passes through `Fmt.visible`, so a control character in a deck shows as `^[` instead of acting.
public struct TextRenderer: Sendable {
  /// The terminal width in columns (at least 40 is used).
  public var width: Int
  /// Whether to use ANSI colours (the command turns this off for `NO_COLOR` and non-terminals).
  public var color: Bool

  /// A renderer for `width` columns, with or without colour.
  public init(width: Int = 80, color: Bool = false) {
    self.width = max(40, width)
    self.color = color
  }

  static let shades: [Character] = ["·", "░", "▒", "▓", "█"]
  static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
  func dim(_ text: String) -> String { color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
  func green(_ text: String, level: Int) -> String {
    guard color, level > 0 else { return text }
    let codes = [0, 22, 28, 34, 40]
    return "\u{1B}[38;5;\(codes[level])m\(text)\u{1B}[0m"
  }

  /// A horizontal bar of `fraction` (0…1) in `cells` characters, with eighth-block precision.
  static func bar(_ fraction: Double, cells: Int) -> String {
    let clamped = min(max(fraction.isFinite ? fraction : 0, 0), 1)
    let eighthsTotal = Int((clamped * Double(cells * 8)).rounded())
    let full = eighthsTotal / 8
    let partials: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    var out = String(repeating: "█", count: full)
    if full < cells {
      let rest = eighthsTotal % 8
      out += rest > 0 ? String(partials[rest]) : " "
      out += String(repeating: " ", count: cells - full - 1)
    }
    return out
  }

  // MARK: - Learner report

  /// The learner report as text.
  public func render(_ report: LearnerReport) -> String {
    var out: [String] = []
    let title = "Annals report · \(Fmt.visible(report.learner)) · \(report.today)"
    out.append(bold(title))
    out.append(report.decks.isEmpty ? "No decks studied yet." : "Decks: " + report.decks.map(Fmt.visible).joined(separator: ", "))
    out.append("")

    // Cards by state, with a bar each.
    out.append(bold("Cards by state"))
    let total = max(report.states.total, 1)
    let barCells = max(10, min(40, width - 24))
    for (name, count) in report.states.named {
      let line = "  " + Fmt.padRight(name, 10) + Fmt.padLeft(String(count), 6) + "  "
        + Self.bar(Double(count) / Double(total), cells: barCells)
      out.append(Self.trimRight(line))
    }
    out.append("  " + Fmt.padRight("total", 10) + Fmt.padLeft(String(report.states.total), 6))
    out.append("")

    out.append(contentsOf: summaryLines(report))
    out.append("")
    out.append(contentsOf: heatmapLines(report))
    out.append("")
    out.append(contentsOf: forecastLines(report.forecast))
    out.append("")
    out.append(contentsOf: masteryLines(report.mastery))
    out.append("")
    out.append(contentsOf: weakestLines(report.weakest))
    out.append("")
    out.append(contentsOf: quizLines(report.quizzes))
    return fitted(out)
  }

  func summaryLines(_ report: LearnerReport) -> [String] {
    let r = report.retention
    var retention = "true " + Fmt.percent(r.rate, digits: 1) + " on \(Fmt.grouped(r.reviews)) reviews"
    retention += " (last 30 days " + Fmt.percent(r.recentRate, digits: 1) + ")"
    retention += " · desired " + Fmt.percent(report.desiredRetention)
    let knowledge = Fmt.grouped(Int(report.estimatedKnowledge))
      + " cards known now, of \(report.studiedCards) studied (\(report.states.total) cards)"
    let a = report.activity
    let streak = "\(a.currentStreak) " + (a.currentStreak == 1 ? "day" : "days")
      + " (longest \(a.longestStreak)) · \(a.daysStudied) days studied"
    let time = Fmt.duration(a.totalSeconds) + " over \(Fmt.grouped(a.totalReviews)) reviews"
    return [
      bold("Retention") + "  " + retention,
      bold("Knowledge") + "  " + knowledge,
      bold("Streak") + "     " + streak,
      bold("Time") + "       " + time,
    ].map { Fmt.truncate($0, to: color ? Int.max : width) }
  }

  func heatmapLines(_ report: LearnerReport) -> [String] {
    let weeks = min(53, width - 6)
    let grid = HeatmapGrid(activity: report.activity, today: report.today, weeks: weeks)
    let recent = report.activity.days.filter { (CivilDay.day($0.date) ?? 0) >= grid.firstDay }.map(\.reviews)
    var out = [bold("Reviews per day, last \(grid.weeks) weeks") + "  (\(Fmt.grouped(recent.reduce(0, +))) reviews)"]
    // Month labels above the first week that starts in each month.
    var labels = Array(repeating: Character(" "), count: grid.weeks + 3)
    var lastMonth = -1
    var column = 0
    while column < grid.weeks {
      let month = CivilDay.month(grid.firstDay + 7 * column)
      if month != lastMonth {
        let name = Fmt.monthAbbreviations[month - 1]
        if column + name.count <= labels.count && (column == 0 || labels[column - 1] == " ") {
          for (offset, char) in name.enumerated() { labels[column + offset] = char }
        }
        lastMonth = month
      }
      column += 1
    }
    out.append("     " + Self.trimRight(String(labels)))
    let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    for weekday in 0..<7 {
      var line = names[weekday] + "  "
      for week in 0..<grid.weeks {
        let level = grid.level(grid.firstDay + 7 * week + weekday)
        line += level < 0 ? " " : green(String(Self.shades[level]), level: level)
      }
      out.append(Self.trimRight(line))
    }
    let t = grid.thresholds
    let legend =
      width >= 60
      ? "\(Self.shades[0]) none  \(Self.shades[1]) 1+  \(Self.shades[2]) \(t[1])+  \(Self.shades[3]) \(t[2])+  \(Self.shades[4]) \(t[3])+ reviews"
      : "\(Self.shades[0]) 0 \(Self.shades[1]) 1+ \(Self.shades[2]) \(t[1])+ \(Self.shades[3]) \(t[2])+ \(Self.shades[4]) \(t[3])+"
    out.append("     " + legend)
    return out
  }

  func forecastLines(_ forecast: [ForecastDay]) -> [String] {
    let total = forecast.map(\.due).reduce(0, +)
    var out = [bold("Due in the next \(forecast.count) days") + "  (\(Fmt.grouped(total)) reviews)"]
    guard !forecast.isEmpty else { return out + ["  nothing scheduled"] }
    let peak = max(forecast.map(\.due).max() ?? 0, 1)
    let axis = String(peak).count
    let cell = max(1, min(3, (width - axis - 3) / forecast.count))
    let height = 6
    for row in stride(from: height - 1, through: 0, by: -1) {
      var line = row == height - 1 ? Fmt.padLeft(String(peak), axis) + " ┤" : String(repeating: " ", count: axis) + " │"
      for day in forecast {
        let eighths = Int((Double(day.due) / Double(peak) * Double(height * 8)).rounded())
        let level = min(max(eighths - row * 8, 0), 8)
        let glyph = level == 0 && row == 0 && day.due > 0 ? "▁" : String(Self.eighths[level])
        line += String(repeating: glyph, count: cell == 1 ? 1 : cell - 1) + (cell == 1 ? "" : " ")
      }
      out.append(Self.trimRight(line))
    }
    var axisLine = String(repeating: " ", count: axis) + " └" + String(repeating: "─", count: cell * forecast.count)
    axisLine = Self.trimRight(axisLine)
    out.append(axisLine)
    let first = String(forecast.first!.date.dropFirst(5))
    let last = String(forecast.last!.date.dropFirst(5))
    let span = cell * forecast.count
    out.append(String(repeating: " ", count: axis + 2) + first + String(repeating: " ", count: max(1, span - first.count - last.count)) + last)
    return out
  }

  func masteryLines(_ groups: [MasteryGroup]) -> [String] {
    var out = [bold("Mastery")]
    guard !groups.isEmpty else { return out + ["  no cards"] }
    for dimension in ["era", "topic", "kind"] {
      let rows = groups.filter { $0.dimension == dimension }
      guard !rows.isEmpty else { continue }
      let withBar = width >= 84
      var table = TextTable(
        ["by \(dimension)", "cards", "studied", "mature", "knowledge", "retention"] + (withBar ? [""] : []),
        alignments: [.left, .right, .right, .right, .right, .right] + (withBar ? [.left] : []), flexible: 0)
      for group in rows {
        table.add(
          [
            Fmt.visible(group.title), "\(group.cards)", "\(group.studied)", "\(group.mature)",
            Fmt.percent(group.knowledge), Fmt.percent(group.retention),
          ] + (withBar ? [Self.bar(group.knowledge, cells: 12)] : []))
      }
      out.append(contentsOf: table.lines(width: width).map(Self.trimRight))
    }
    return out
  }

  func weakestLines(_ cards: [CardSummary]) -> [String] {
    var out = [bold("Weakest facts") + (width >= 60 ? "  (most lapses, then lowest recall)" : "")]
    guard !cards.isEmpty else { return out + ["  none yet: nothing has been forgotten"] }
    for (index, card) in cards.enumerated() {
      let number = "\(index + 1)."
      let prompt = Fmt.visible(card.prompt ?? card.id)
      let answer = card.answer.map { " → " + Fmt.visible($0) } ?? ""
      out.append(Fmt.truncate("  " + Fmt.padRight(number, 4) + prompt + answer, to: width))
      var detail = "lapses \(card.lapses) · recall " + Fmt.percent(card.retrievability) + " · \(card.reviews) reviews"
      if !card.wrongAnswers.isEmpty {
        detail += " · wrong: " + card.wrongAnswers.prefix(3).map { wrong in
          "“\(Fmt.visible(wrong.answer))” ×\(wrong.count)" + (wrong.confusion.map { " (\(Fmt.visible($0)))" } ?? "")
        }.joined(separator: ", ")
      }
      out.append(contentsOf: Self.wrap(detail, width: width, indent: 6))
      if let source = card.source {
        out.append(contentsOf: Self.wrap("“" + Fmt.visible(source) + "”", width: width, indent: 6).map(dim))
      }
    }
    return out
  }

  func quizLines(_ quizzes: [QuizSummary]) -> [String] {
    var out = [bold("Quizzes")]
    guard !quizzes.isEmpty else { return out + ["  no quizzes taken"] }
    let withBar = width >= 60
    var table = TextTable(
      ["date", "deck", "questions", "score"] + (withBar ? [""] : []),
      alignments: [.left, .left, .right, .right] + (withBar ? [.left] : []), flexible: 1)
    for quiz in quizzes.suffix(12) {
      table.add(
        [
          String(Fmt.moment(quiz.time).prefix(10)), Fmt.visible(quiz.deck), quiz.questions.map(String.init) ?? "–",
          Fmt.percent(quiz.score),
        ] + (withBar ? [Self.bar(quiz.score, cells: 10)] : []))
    }
    if quizzes.count > 12 { out.append("  (last 12 of \(quizzes.count))") }
    return out + table.lines(width: width).map(Self.trimRight)
  }

  // MARK: - Class report

  /// The class report as text.
  public func render(_ report: ClassReport) -> String {
    var out: [String] = []
    out.append(bold("Annals class report · \(Fmt.visible(report.directory))"))
    out.append("\(report.students.count) students · \(report.items.count) cards studied · generated \(Fmt.moment(report.generatedAt))")
    out.append("")
    out.append(bold("Students"))
    if report.students.isEmpty {
      out.append("  no readable stores")
    } else {
      var table = TextTable(
        ["learner", "reviews", "retention", "knowledge", "studied", "last active", "streak", "quizzes", "mean"],
        alignments: [.left, .right, .right, .right, .right, .left, .right, .right, .right], flexible: 0)
      for s in report.students {
        table.add([
          Fmt.visible(s.learner), Fmt.grouped(s.reviews), Fmt.percent(s.retention, digits: 1),
          Fmt.grouped(Int(s.knowledge)), "\(s.studied)/\(s.cards)", s.lastActive ?? "never", "\(s.streak)",
          "\(s.quizzes)", Fmt.percent(s.quizMean),
        ])
      }
      out.append(contentsOf: table.lines(width: width).map(Self.trimRight))
    }
    out.append("")
    out.append(bold("To revisit first") + "  (lowest share correct, then lowest recall)")
    out.append(contentsOf: itemLines(Array(report.items.prefix(10)), detailed: true))
    if report.items.count > 10 {
      out.append("")
      out.append(bold("Item analysis") + "  (all \(report.items.count) cards)")
      var table = TextTable(
        ["card", "learners", "first sight", "overall", "attempts", "recall"],
        alignments: [.left, .right, .right, .right, .right, .right], flexible: 0)
      for item in report.items {
        table.add([
          Fmt.visible(item.prompt ?? item.id), "\(item.learners)", Fmt.percent(item.firstSightCorrect),
          Fmt.percent(item.overallCorrect), "\(item.attempts)", Fmt.percent(item.meanRetrievability),
        ])
      }
      out.append(contentsOf: table.lines(width: width).map(Self.trimRight))
    }
    if !report.unreadable.isEmpty {
      out.append("")
      out.append(bold("Stores not read"))
      for store in report.unreadable {
        out.append(contentsOf: Self.wrap("\(Fmt.visible(store.file)): \(store.problem): \(Fmt.visible(store.reason))", width: width, indent: 2))
      }
    }
    return fitted(out)
  }

  func itemLines(_ items: [ItemAnalysis], detailed: Bool) -> [String] {
    guard !items.isEmpty else { return ["  nothing studied yet"] }
    var out: [String] = []
    for (index, item) in items.enumerated() {
      let answer = item.answer.map { " → " + Fmt.visible($0) } ?? ""
      out.append(Fmt.truncate("  " + Fmt.padRight("\(index + 1).", 4) + Fmt.visible(item.prompt ?? item.id) + answer, to: width))
      var detail = "first sight " + Fmt.percent(item.firstSightCorrect) + " · overall " + Fmt.percent(item.overallCorrect)
      detail += " · \(item.attempts) attempts by \(item.learners) · recall " + Fmt.percent(item.meanRetrievability)
      out.append(contentsOf: Self.wrap(detail, width: width, indent: 6))
      if !item.wrongAnswers.isEmpty {
        let wrong = "confused with: " + item.wrongAnswers.prefix(3).map { wrong in
          "“\(Fmt.visible(wrong.answer))” ×\(wrong.count)" + (wrong.confusion.map { " (\(Fmt.visible($0)))" } ?? "")
        }.joined(separator: ", ")
        out.append(contentsOf: Self.wrap(wrong, width: width, indent: 6))
      }
    }
    return out
  }

  // MARK: - Helpers

  /// The lines joined, each cut to the width (coloured lines are left whole: their escapes take no columns).
  func fitted(_ lines: [String]) -> String {
    lines.map { color ? $0 : Fmt.truncate($0, to: width) }.joined(separator: "\n") + "\n"
  }

  static func trimRight(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }

  /// Word-wraps `text` to `width` with `indent` spaces before each line.
  static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
    let room = max(10, width - indent)
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = String(word)
      while word.count > room {
        if !current.isEmpty { lines.append(current); current = "" }
        lines.append(String(word.prefix(room)))
        word = String(word.dropFirst(room))
      }
      if current.isEmpty {
        current = word
      } else if current.count + 1 + word.count <= room {
        current += " " + word
      } else {
        lines.append(current)
        current = word
      }
    }
    if !current.isEmpty { lines.append(current) }
    let pad = String(repeating: " ", count: indent)
    return lines.map { pad + $0 }
  }
}
