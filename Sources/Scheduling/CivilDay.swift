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
  public static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The civil date of day `z` since 1970-01-01.
  public static func civil(_ z0: Int) -> (Int, Int, Int) {
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
  public static func month(_ day: Int) -> Int { civil(day).1 }
}
