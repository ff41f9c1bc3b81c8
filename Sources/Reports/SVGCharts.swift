import Scheduling
/// The inline SVG charts of the HTML reports. Each chart is a well-formed XML fragment with every text escaped,
/// sized by its viewBox so that it scales to the page and to print.
enum SVGCharts {
  /// Escapes text for XML content and attribute values; characters XML 1.0 forbids become U+FFFD.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  static func n(_ value: Double) -> String { Fmt.fixed(value, digits: 1) }

  static let heatColors = ["#ebedf0", "#c6e48b", "#7bc96f", "#239a3b", "#196127"]
  static let stateColors: [String: String] = [
    "new": "#9aa5b1", "learning": "#f0a202", "young": "#7bc96f", "mature": "#196127", "suspended": "#d64545",
    "retired": "#52606d",
  ]

  static func open(width: Double, height: Double, label: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"100%\" role=\"img\" aria-label=\"\(escape(label))\" style=\"max-width:\(n(width))px\">"
  }

  /// A year of daily reviews as a calendar: weeks as columns, Monday at the top.
  static func heatmap(_ activity: Activity, today: String) -> String {
    let grid = HeatmapGrid(activity: activity, today: today, weeks: 53)
    let cell = 12.0
    let gap = 2.0
    let left = 30.0
    let top = 18.0
    let width = left + Double(grid.weeks) * (cell + gap) + 4
    let height = top + 7 * (cell + gap) + 26
    var out = open(width: width, height: height, label: "Reviews per day over the last year")
    let names = ["Mon", "", "Wed", "", "Fri", "", "Sun"]
    for (row, name) in names.enumerated() where !name.isEmpty {
      out += "<text x=\"0\" y=\(quote(n(top + Double(row) * (cell + gap) + cell - 2))) class=\"axis\">\(name)</text>"
    }
    var lastMonth = CivilDay.month(grid.firstDay)
    var lastLabel = -3
    for week in 0..<grid.weeks {
      let day = grid.firstDay + 7 * week
      let month = CivilDay.month(day)
      if month != lastMonth {
        // A label only where there is room for it (the first column may start at the end of a month).
        if week - lastLabel >= 3 && week < grid.weeks - 2 {
          out += "<text x=\(quote(n(left + Double(week) * (cell + gap)))) y=\"12\" class=\"axis\">\(Fmt.monthAbbreviations[month - 1])</text>"
          lastLabel = week
        }
        lastMonth = month
      }
      for weekday in 0..<7 {
        let d = day + weekday
        let level = grid.level(d)
        guard level >= 0 else { continue }
        let x = left + Double(week) * (cell + gap)
        let y = top + Double(weekday) * (cell + gap)
        let count = grid.count(d)
        out += "<rect x=\(quote(n(x))) y=\(quote(n(y))) width=\"\(n(cell))\" height=\"\(n(cell))\" rx=\"2\" fill=\"\(heatColors[level])\">"
        out += "<title>\(CivilDay.string(d)): \(count) \(count == 1 ? "review" : "reviews")</title></rect>"
      }
    }
    // Legend.
    let legendY = top + 7 * (cell + gap) + 8
    var x = left + 34
    out += "<text x=\(quote(n(x - 4))) y=\(quote(n(legendY + cell - 2))) class=\"axis\" text-anchor=\"end\">none</text>"
    let t = grid.thresholds
    let labels = ["0", "1+", "\(t[1])+", "\(t[2])+", "\(t[3])+"]
    for level in 0..<5 {
      out += "<rect x=\(quote(n(x))) y=\(quote(n(legendY))) width=\"\(n(cell))\" height=\"\(n(cell))\" rx=\"2\" fill=\"\(heatColors[level])\"><title>\(labels[level]) reviews</title></rect>"
      x += cell + gap
    }
    out += "<text x=\(quote(n(x + 2))) y=\(quote(n(legendY + cell - 2))) class=\"axis\">\(escape(labels[4])) reviews a day</text>"
    return out + "</svg>"
  }

  static func quote(_ text: String) -> String { "\"" + text + "\"" }

  /// Vertical bars, one per day, with a y axis of round steps.
  static func forecast(_ days: [ForecastDay]) -> String {
    let width = 900.0
    let height = 200.0
    let left = 36.0
    let bottom = 24.0
    let top = 10.0
    var out = open(width: width, height: height, label: "Cards due on each of the next \(days.count) days")
    let peak = max(days.map(\.due).max() ?? 0, 1)
    let step = niceStep(Double(peak) / 4)
    let axisMax = max(step * (Double(peak) / step).rounded(.up), 1)
    let plotHeight = height - top - bottom
    var tick = 0.0
    while tick <= axisMax + 0.001 {
      let y = top + plotHeight * (1 - tick / axisMax)
      out += "<line x1=\(quote(n(left))) y1=\(quote(n(y))) x2=\(quote(n(width))) y2=\(quote(n(y))) class=\"grid\"/>"
      out += "<text x=\(quote(n(left - 6))) y=\(quote(n(y + 4))) class=\"axis\" text-anchor=\"end\">\(Int(tick))</text>"
      tick += step
    }
    let slot = (width - left) / Double(max(days.count, 1))
    for (index, day) in days.enumerated() {
      let barHeight = plotHeight * Double(day.due) / axisMax
      let x = left + Double(index) * slot + slot * 0.15
      out += "<rect x=\(quote(n(x))) y=\(quote(n(top + plotHeight - barHeight))) width=\(quote(n(slot * 0.7))) height=\(quote(n(barHeight))) fill=\"#3b82c4\">"
      out += "<title>\(escape(day.date)): \(day.due) due</title></rect>"
      if index % 5 == 0 {
        out += "<text x=\(quote(n(x + slot * 0.35))) y=\(quote(n(height - 6))) class=\"axis\" text-anchor=\"middle\">\(escape(String(day.date.dropFirst(5))))</text>"
      }
    }
    return out + "</svg>"
  }

  /// A round step (1, 2, 5 × 10^k) near `raw`.
  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0 else { return 1 }
    var magnitude = 1.0
    while magnitude * 10 <= raw { magnitude *= 10 }
    while magnitude > raw { magnitude /= 10 }
    for factor in [1.0, 2.0, 5.0, 10.0] where magnitude * factor >= raw { return max(1, magnitude * factor) }
    return max(1, magnitude * 10)
  }

  /// One stacked bar of the card states, with a legend below.
  static func states(_ counts: StateCounts) -> String {
    let width = 900.0
    let height = 64.0
    var out = open(width: width, height: height, label: "Cards by state")
    let total = Double(max(counts.total, 1))
    var x = 0.0
    for (name, count) in counts.named where count > 0 {
      let w = width * Double(count) / total
      out += "<rect x=\(quote(n(x))) y=\"0\" width=\(quote(n(w))) height=\"24\" fill=\"\(stateColors[name] ?? "#999")\"><title>\(name): \(count)</title></rect>"
      x += w
    }
    var lx = 0.0
    for (name, count) in counts.named {
      out += "<rect x=\(quote(n(lx))) y=\"38\" width=\"12\" height=\"12\" fill=\"\(stateColors[name] ?? "#999")\"/>"
      out += "<text x=\(quote(n(lx + 16))) y=\"48\" class=\"label\">\(name) \(count)</text>"
      lx += 120
    }
    return out + "</svg>"
  }

  /// Bullet bars: each measure as a bar on 0…100% with an optional target line.
  static func bullets(_ rows: [(label: String, value: Double?, target: Double?, color: String)], label: String) -> String {
    let width = 900.0
    let rowHeight = 30.0
    let left = 190.0
    let right = 60.0
    let height = Double(rows.count) * rowHeight + 18
    var out = open(width: width, height: height, label: label)
    let plot = width - left - right
    for (index, row) in rows.enumerated() {
      let y = Double(index) * rowHeight + 4
      out += "<text x=\"0\" y=\(quote(n(y + 15))) class=\"label\">\(escape(row.label))</text>"
      out += "<rect x=\(quote(n(left))) y=\(quote(n(y + 2))) width=\(quote(n(plot))) height=\"18\" fill=\"#edf0f3\"/>"
      if let value = row.value {
        out += "<rect x=\(quote(n(left))) y=\(quote(n(y + 2))) width=\(quote(n(plot * min(max(value, 0), 1)))) height=\"18\" fill=\"\(row.color)\"/>"
      }
      if let target = row.target {
        let tx = left + plot * min(max(target, 0), 1)
        out += "<line x1=\(quote(n(tx))) y1=\(quote(n(y - 1))) x2=\(quote(n(tx))) y2=\(quote(n(y + 23))) stroke=\"#111\" stroke-width=\"2\"><title>target \(Fmt.percent(target))</title></line>"
      }
      out += "<text x=\(quote(n(width - right + 6))) y=\(quote(n(y + 15))) class=\"value\">\(Fmt.percent(row.value))</text>"
    }
    for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
      out += "<text x=\(quote(n(left + plot * tick))) y=\(quote(n(height - 2))) class=\"axis\" text-anchor=\"middle\">\(Int(tick * 100))%</text>"
    }
    return out + "</svg>"
  }

  /// Quiz scores over time as dots joined by a line, on 0…100%.
  static func quizzes(_ quizzes: [QuizSummary]) -> String {
    let width = 900.0
    let height = 140.0
    let left = 36.0
    let top = 10.0
    let bottom = 20.0
    var out = open(width: width, height: height, label: "Quiz scores")
    let plot = height - top - bottom
    for tick in stride(from: 0.0, through: 1.0, by: 0.5) {
      let y = top + plot * (1 - tick)
      out += "<line x1=\(quote(n(left))) y1=\(quote(n(y))) x2=\(quote(n(width))) y2=\(quote(n(y))) class=\"grid\"/>"
      out += "<text x=\(quote(n(left - 6))) y=\(quote(n(y + 4))) class=\"axis\" text-anchor=\"end\">\(Int(tick * 100))%</text>"
    }
    let shown = Array(quizzes.suffix(30))
    let slot = (width - left - 10) / Double(max(shown.count, 1))
    var points: [String] = []
    for (index, quiz) in shown.enumerated() {
      let x = left + slot * (Double(index) + 0.5)
      let y = top + plot * (1 - min(max(quiz.score, 0), 1))
      points.append("\(n(x)),\(n(y))")
    }
    if points.count > 1 { out += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#3b82c4\" stroke-width=\"2\"/>" }
    for (index, quiz) in shown.enumerated() {
      let parts = points[index].split(separator: ",")
      out += "<circle cx=\"\(parts[0])\" cy=\"\(parts[1])\" r=\"4\" fill=\"#3b82c4\"><title>\(String(Fmt.moment(quiz.time).prefix(10))): \(Fmt.percent(quiz.score))</title></circle>"
    }
    return out + "</svg>"
  }

  /// Horizontal bars for several labelled values 0…1 (mastery groups, students).
  static func bars(_ rows: [(label: String, value: Double, note: String)], label: String) -> String {
    let width = 900.0
    let rowHeight = 24.0
    let left = 240.0
    let right = 190.0
    let height = Double(rows.count) * rowHeight + 4
    var out = open(width: width, height: height, label: label)
    let plot = width - left - right
    for (index, row) in rows.enumerated() {
      let y = Double(index) * rowHeight + 2
      out += "<text x=\(quote(n(left - 8))) y=\(quote(n(y + 14))) class=\"label\" text-anchor=\"end\">\(escape(Fmt.truncate(row.label, to: 36)))</text>"
      out += "<rect x=\(quote(n(left))) y=\(quote(n(y + 2))) width=\(quote(n(plot))) height=\"16\" fill=\"#edf0f3\"/>"
      out += "<rect x=\(quote(n(left))) y=\(quote(n(y + 2))) width=\(quote(n(plot * min(max(row.value, 0), 1)))) height=\"16\" fill=\"#239a3b\"><title>\(escape(row.label)): \(Fmt.percent(row.value))</title></rect>"
      out += "<text x=\(quote(n(left + plot + 8))) y=\(quote(n(y + 14))) class=\"value\">\(escape(row.note))</text>"
    }
    return out + "</svg>"
  }
}
