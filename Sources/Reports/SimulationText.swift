/// The simulation summary as text: totals, reviews a day month by month (what a retention costs), and a chart.
public enum SimulationText {
  /// The summary of `summary`, written to `path`, in `width` columns.
  public static func render(_ summary: SimulationSummary, path: String, width: Int) -> String {
    var out: [String] = []
    let studied = summary.days.filter { $0.reviews > 0 }.count
    out.append("Simulated \(Fmt.visible(summary.learner)) into \(path)")
    out.append(
      "\(summary.days.count) days (\(studied) studied), \(Fmt.grouped(summary.totalReviews)) answers: "
        + Fmt.fixed(summary.reviewsPerDay, digits: 1) + " a day; true retention "
        + Fmt.percent(summary.trueRetention, digits: 1) + " (desired " + Fmt.percent(summary.desiredRetention) + "); "
        + "\(summary.quizzes) quizzes")
    out.append("")
    out.append("Reviews a day, month by month")
    var months: [(String, Int, Int, Int)] = []  // month, reviews, days, peak
    for day in summary.days {
      let month = String(day.date.prefix(7))
      if months.last?.0 == month {
        months[months.count - 1].1 += day.reviews
        months[months.count - 1].2 += 1
        months[months.count - 1].3 = max(months[months.count - 1].3, day.reviews)
      } else {
        months.append((month, day.reviews, 1, day.reviews))
      }
    }
    var table = TextTable(["month", "days", "answers", "a day", "peak"], alignments: [.left, .right, .right, .right, .right])
    for (month, reviews, days, peak) in months {
      table.add([month, "\(days)", Fmt.grouped(reviews), Fmt.fixed(Double(reviews) / Double(days), digits: 1), "\(peak)"])
    }
    out.append(contentsOf: table.lines(width: width))
    out.append("")
    // One column per day (or per week when the days do not fit), as a sparkline.
    let counts = summary.days.map(\.reviews)
    let perColumn = max(1, (counts.count + width - 9) / max(width - 8, 1))
    var columns: [Double] = []
    var index = 0
    while index < counts.count {
      let slice = counts[index..<min(index + perColumn, counts.count)]
      columns.append(Double(slice.reduce(0, +)) / Double(slice.count))
      index += perColumn
    }
    let peak = max(columns.max() ?? 0, 1)
    let line = columns.map { TextRenderer.eighths[min(8, Int(($0 / peak * 8).rounded()))] }
    out.append("Answers per \(perColumn == 1 ? "day" : "\(perColumn) days") (peak \(Fmt.fixed(peak, digits: 0))):")
    out.append("  " + String(line))
    return out.joined(separator: "\n")
  }
}
