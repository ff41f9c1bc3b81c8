import EventDeck
import Foundation
import TextKit

/// Formatting shared by the renderers: numbers without locale, study-day dates, safe text.
enum Fmt {
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

/// Study days as calendar dates: study day n is the civil date n days after 1970-01-01.
public enum CivilDay {
  /// "YYYY-MM-DD" for study day `day`.
  public static func string(_ day: Int) -> String {
    let (y, m, d) = civil(day)
    func pad(_ n: Int, _ w: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, w - s.count)) + s
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// The study day of "YYYY-MM-DD", or nil.
  public static func day(_ text: String) -> Int? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    return days(year: parts[0], month: parts[1], day: parts[2])
  }

  /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The civil date of day `z` since 1970-01-01.
  static func civil(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// Day of week, 0 = Monday … 6 = Sunday.
  public static func weekday(_ day: Int) -> Int {
    ((day % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday
  }

  /// The month (1…12) of a study day.
  static func month(_ day: Int) -> Int { civil(day).1 }

  /// "Jan" … "Dec", from EventDeck's one table of month names.
  static let monthAbbreviations = HistoricalDate.monthNames.map { String($0.prefix(3)) }
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
