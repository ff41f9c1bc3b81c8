import Foundation

/// Turns moments into study days, as Anki does: a new day starts at a rollover hour in the learner's time zone.
///
/// Study day n covers local time from n days after 1970-01-01 at the rollover hour to the next rollover. The
/// elapsed days between two reviews are the difference of their study-day numbers, so a review at 23:00 and one
/// at 05:00 the next morning are a day apart, while 01:00 and 03:00 (before a 4:00 rollover) are the same day.
public struct StudyDayClock: Sendable, Equatable, Codable {
  /// The hour (0…23, local time) at which a new study day begins.
  public let rolloverHour: Int
  /// The learner's time zone.
  public let timeZone: TimeZone

  /// A clock with the given rollover hour (default 4) and time zone (default: the system's).
  public init(rolloverHour: Int = 4, timeZone: TimeZone = .current) {
    self.rolloverHour = Swift.min(Swift.max(rolloverHour, 0), 23)
    self.timeZone = timeZone
  }

  /// The study-day number of `date`.
  public func studyDay(_ date: Date) -> Int {
    let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
    return Int(((local - Double(rolloverHour * 3600)) / 86400).rounded(.down))
  }

  /// Whole study days from `earlier` to `later` (negative if `later` is earlier).
  public func elapsedDays(from earlier: Date, to later: Date) -> Int {
    studyDay(later) - studyDay(earlier)
  }

  /// The moment study day `day` begins.
  public func start(ofStudyDay day: Int) -> Date {
    let local = Double(day) * 86400 + Double(rolloverHour * 3600)
    var utc = local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
    utc = local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utc)))
    return Date(timeIntervalSince1970: utc)
  }

  /// The moment the study day containing `date` ends (the next rollover).
  public func endOfStudyDay(containing date: Date) -> Date {
    start(ofStudyDay: studyDay(date) + 1)
  }
}

extension StudyDayClock {
  /// Noon, in the clock's time zone, of the calendar date written `YYYY-MM-DD`; nil for any other text or an
  /// impossible date ("2026-02-30").
  ///
  /// ```swift
  /// StudyDayClock(timeZone: TimeZone(identifier: "UTC")!).noon(onCalendarDate: "2026-12-01")  // 2026-12-01T12:00:00Z
  /// ```
  public func noon(onCalendarDate text: String) -> Date? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard text.utf8.count == 10, parts.count == 3, parts.map(\.count) == [4, 2, 2],
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)),
      calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
    else { return nil }
    return date
  }
}
