/// A simulation's summary as text: totals, reviews a day month by month (what a retention costs), and a chart.
///
/// It takes the figures rather than the `Simulation` target's summary type, so Reports does not depend on the
/// simulator.
public enum SimulationText {
  /// The summary of a simulation of `learner` written to `path`: `days` as (`YYYY-MM-DD`, answers), the true and
  /// desired retention and the quizzes taken, in `width` columns.
  public static func render(
    learner: String, days: [(date: String, reviews: Int)], trueRetention: Double?, desiredRetention: Double,
    quizzes: Int, path: String, width: Int
  ) -> String {
    var out: [String] = []
    let studied = days.filter { $0.reviews > 0 }.count
    let total = days.map(\.reviews).reduce(0, +)
    let perDay = days.isEmpty ? 0 : Double(total) / Double(days.count)
    out.append("Simulated \(Fmt.visible(learner)) into \(path)")
    out.append(
      "\(days.count) days (\(studied) studied), \(Fmt.grouped(total)) answers: "
        + Fmt.fixed(perDay, digits: 1) + " a day; true retention "
        + Fmt.percent(trueRetention, digits: 1) + " (desired " + Fmt.percent(desiredRetention) + "); "
        + "\(quizzes) quizzes")
    out.append("")
    out.append("Reviews a day, month by month")
    var months: [(String, Int, Int, Int)] = []  // month, reviews, days, peak
    for day in days {
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
    let counts = days.map(\.reviews)
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
