import EventDeck
import Foundation
import Scheduling
import TextKit

/// Formatting shared by the renderers: numbers without locale, study-day dates, safe text.
enum Fmt {
  /// "Jan" … "Dec", from EventDeck's one table of month names.
  static let monthAbbreviations = HistoricalDate.monthNames.map { String($0.prefix(3)) }

  /// "87%" (nil: "–").
  static func percent(_ value: Double?, digits: Int = 0) -> String {
    guard let value, value.isFinite else { return "–" }
    return fixed(value * 100, digits: digits) + "%"
  }

  /// A number with `digits` decimals, rounded half away from zero, "." as separator.
  static func fixed(_ value: Double, digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }

  /// "1,234,567".
  static func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var out = ""
    for (index, char) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
      out.append(char)
    }
    return (value < 0 ? "-" : "") + out
  }

  /// "2 h 05 min", "14 min", "45 s".
  static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    if total < 60 { return "\(total) s" }
    let minutes = total / 60
    if minutes < 60 { return "\(minutes) min" }
    let rest = minutes % 60
    return "\(minutes / 60) h " + (rest < 10 ? "0" : "") + "\(rest) min"
  }

  /// An ISO 8601 moment in UTC, seconds precision.
  static func moment(_ date: Date) -> String {
    // By hand: a formatter per call costs ~0.5 ms on Linux, which a 5,000-row CSV would feel.
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let day = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
    let rest = seconds - day * 86400
    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return CivilDay.string(day) + "T" + pad(rest / 3600) + ":" + pad(rest / 60 % 60) + ":" + pad(rest % 60) + "Z"
  }

  /// The text made safe for a terminal by TextKit's `TerminalText.sanitize`: deck text is never written raw.
  static func visible(_ text: String) -> String { TerminalText.sanitize(text) }

  /// `text` cut to `width` characters with an ellipsis.
  static func truncate(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    if text.count <= width { return text }
    if width == 1 { return "…" }
    return String(text.prefix(width - 1)) + "…"
  }

  static func padRight(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  static func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }
}


/// The report's daily review counts as a dense grid of weeks (columns, Monday first) by weekdays.
struct HeatmapGrid {
  /// The first day shown (a Monday).
  let firstDay: Int
  /// The last day shown (today).
  let lastDay: Int
  /// Reviews per day, by day number.
  let counts: [Int: Int]
  /// Thresholds for levels 1…4 (a count ≥ thresholds[i] is level i+1).
  let thresholds: [Int]

  init(activity: Activity, today: String, weeks: Int) {
    let last = CivilDay.day(today) ?? 0
    lastDay = last
    let monday = last - CivilDay.weekday(last)
    firstDay = monday - 7 * (max(weeks, 1) - 1)
    var counts: [Int: Int] = [:]
    for day in activity.days { if let d = CivilDay.day(day.date) { counts[d] = day.reviews } }
    self.counts = counts
    let first = firstDay
    let visible = counts.filter { $0.key >= first && $0.key <= last }.map(\.value).filter { $0 > 0 }.sorted()
    if visible.isEmpty {
      thresholds = [1, 2, 3, 4]
    } else {
      // Quartiles of the days with reviews, so one busy day does not wash out the rest.
      func q(_ p: Double) -> Int { visible[min(visible.count - 1, Int(Double(visible.count - 1) * p))] }
      var t = [1, max(1, q(0.25)), max(1, q(0.5)), max(1, q(0.75))]
      for i in 1..<t.count where t[i] <= t[i - 1] { t[i] = t[i - 1] + 1 }
      thresholds = t
    }
  }

  var weeks: Int { (lastDay - firstDay) / 7 + 1 }

  /// 0 (none) … 4 (busiest), or -1 for days after today.
  func level(_ day: Int) -> Int {
    if day > lastDay { return -1 }
    let count = counts[day] ?? 0
    if count == 0 { return 0 }
    var level = 1
    for (index, threshold) in thresholds.enumerated() where count >= threshold { level = index + 1 }
    return level
  }

  func count(_ day: Int) -> Int { counts[day] ?? 0 }
}
