import Foundation
import Testing

import Scheduling

@Suite("YYYY-MM-DD options")
struct CalendarDateTests {
  static let baku = StudyDayClock(timeZone: TimeZone(identifier: "Asia/Baku")!)

  @Test("a date is noon of that day in the learner's time zone")
  func noonInTheTimeZone() throws {
    let date = try #require(Self.baku.noon(onCalendarDate: "2026-12-01"))
    // Baku is UTC+4: noon there is 08:00 UTC.
    #expect(date == Date(timeIntervalSince1970: 1_796_083_200 + 8 * 3600))
  }

  @Test(
    "anything but a real YYYY-MM-DD is refused",
    arguments: ["2026-02-30", "2026-13-01", "2026-1-011", "26-12-01", "2026-12-1", "2026/12/01", "", "２０２６-12-01",
      "2026-12-01T12:00"])
  func refused(_ text: String) {
    #expect(Self.baku.noon(onCalendarDate: text) == nil)
  }

  @Test func aLeapDayIsADate() {
    #expect(Self.baku.noon(onCalendarDate: "2028-02-29") != nil)
    #expect(Self.baku.noon(onCalendarDate: "2027-02-29") == nil)
  }
}
