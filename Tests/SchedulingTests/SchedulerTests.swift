import Foundation
import Testing

@testable import Scheduling

/// 2026-03-02 12:00 UTC, a Monday.
let noon = Date(timeIntervalSince1970: 1_772_452_800)

func at(_ base: Date, days: Double = 0, hours: Double = 0, minutes: Double = 0) -> Date {
  base.addingTimeInterval(days * 86400 + hours * 3600 + minutes * 60)
}

@Suite("Study days")
struct StudyDayClockTests {
  @Test("a new study day starts at the rollover hour in the learner's time zone")
  func rollover() {
    let clock = StudyDayClock(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!)
    let day = clock.studyDay(noon)
    #expect(clock.studyDay(at(noon, hours: 15.9)) == day)  // 03:54 next morning: still today
    #expect(clock.studyDay(at(noon, hours: 16)) == day + 1)  // 04:00
    #expect(clock.elapsedDays(from: at(noon, hours: 11), to: at(noon, hours: 17)) == 1)  // 23:00 → 05:00
    #expect(clock.start(ofStudyDay: day) == at(noon, hours: -8))
  }

  @Test("time zones shift the day boundary")
  func timeZones() {
    let baku = StudyDayClock(rolloverHour: 4, timeZone: TimeZone(identifier: "Asia/Baku")!)  // UTC+4
    let utc = StudyDayClock(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!)
    // 00:30 UTC is 04:30 in Baku: a new day there, still yesterday in UTC.
    let moment = at(noon, hours: 12.5)
    #expect(baku.studyDay(moment) == utc.studyDay(moment) + 1)
    #expect(baku.start(ofStudyDay: baku.studyDay(moment)) == at(noon, hours: 12))
  }

  @Test("a daylight-saving change keeps the rollover at local 4:00")
  func daylightSaving() {
    let berlin = StudyDayClock(rolloverHour: 4, timeZone: TimeZone(identifier: "Europe/Berlin")!)
    // 2026-03-29: clocks go from 02:00 CET to 03:00 CEST. 04:00 CEST = 02:00 UTC.
    let dayStart = berlin.start(ofStudyDay: berlin.studyDay(Date(timeIntervalSince1970: 1_774_800_000)))
    #expect(dayStart.timeIntervalSince1970.truncatingRemainder(dividingBy: 86400) == 2 * 3600)
  }
}

@Suite("FSRS scheduler")
struct FSRSSchedulerTests {
  let clock = StudyDayClock(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!)
  var plain: FSRSScheduler { FSRSScheduler(parameters: try! FSRSParameters(fuzz: false), clock: clock) }

  @Test(
    "a new card's first answer follows the learning steps",
    arguments: [
      (Rating.again, CardPhase.learning, 60.0),
      (.hard, .learning, 330.0),
      (.good, .learning, 600.0),
    ])
  func firstAnswer(rating: Rating, phase: CardPhase, delay: Double) {
    let next = plain.schedule(.new(), rating: rating, now: noon, cardID: "c")
    #expect(next.phase == phase)
    #expect(next.due == noon.addingTimeInterval(delay))
    #expect(next.stability == FSRSParameters.defaultWeights[rating.rawValue - 1])
    #expect(next.reps == 1 && next.lastReview == noon)
  }

  @Test("Easy graduates a new card at once with an interval from S0 = w3")
  func easyGraduates() {
    let next = plain.schedule(.new(), rating: .easy, now: noon, cardID: "c")
    #expect(next.phase == .review)
    #expect(next.scheduledDays == 8)  // w3 = 8.2956 → 8 days at retention 0.9
    #expect(next.due == clock.start(ofStudyDay: clock.studyDay(noon) + 8))
  }

  @Test("Good, Good graduates; a lapse goes to relearning and counts; Good graduates again")
  func lifecycle() {
    var state = plain.schedule(.new(), rating: .good, now: noon, cardID: "c")
    state = plain.schedule(state, rating: .good, now: at(noon, minutes: 10), cardID: "c")
    #expect(state.phase == .review && state.scheduledDays >= 1)
    let beforeLapse = state
    state = plain.schedule(state, rating: .again, now: at(noon, days: 5), cardID: "c")
    #expect(state.phase == .relearning && state.lapses == 1 && state.step == 0)
    #expect(state.stability! < beforeLapse.stability!)
    #expect(state.due == at(noon, days: 5, minutes: 10))
    state = plain.schedule(state, rating: .good, now: at(noon, days: 5, minutes: 10), cardID: "c")
    #expect(state.phase == .review && state.reps == 4)
  }

  @Test("same-day reviews use the short-term formula, next-day reviews the long-term one")
  func sameDay() {
    let first = plain.schedule(.new(), rating: .good, now: noon, cardID: "c")
    let sameDay = plain.schedule(first, rating: .good, now: at(noon, hours: 3), cardID: "c")
    let w = FSRSParameters.defaultWeights
    #expect(sameDay.stability == FSRSMath.shortTermStability(stability: w[2], rating: .good, w: w))
    // 23:00 and 05:00 are different study days even though less than 24 h apart.
    let late = plain.schedule(.new(), rating: .good, now: at(noon, hours: 11), cardID: "c")
    let morning = plain.schedule(late, rating: .good, now: at(noon, hours: 17), cardID: "c")
    #expect(morning.stability! > sameDay.stability!)
  }

  @Test("fuzz draws are fixed values of FNV-1a over the card id and review count, so stored intervals never move")
  func fuzzGoldenValues() {
    #expect(Fuzz.unitValue(cardID: "kalbajar/capital-falls/date", reps: 3) == 0.9147915153248923)
    #expect(Fuzz.unitValue(cardID: "a", reps: 0) == 0.25186744648415804)
    #expect(Fuzz.unitValue(cardID: "a", reps: 255) == 0.7115723568969051)
    #expect(Fuzz.interval(30, cardID: "kalbajar/capital-falls/date", reps: 3, maximumInterval: 36500) == 33)
    #expect(Fuzz.interval(30, cardID: "a", reps: 0, maximumInterval: 36500) == 28)
  }

  @Test("fuzz is deterministic per card and review, stays in range, and can be switched off")
  func fuzz() {
    var lengths = Set<Int>()
    for card in 0..<200 {
      let id = "card-\(card)"
      let a = Fuzz.interval(30, cardID: id, reps: 5, maximumInterval: 36500)
      #expect(a == Fuzz.interval(30, cardID: id, reps: 5, maximumInterval: 36500))
      #expect(Fuzz.range(for: 30, maximumInterval: 36500)!.contains(a))
      lengths.insert(a)
    }
    #expect(lengths.count >= 4)
    #expect(Fuzz.interval(2, cardID: "x", reps: 1, maximumInterval: 36500) == 2)
    #expect(Fuzz.range(for: 30, maximumInterval: 36500) == 27...33)
    let review = CardState(
      phase: .review, due: noon, stability: 40, difficulty: 5, reps: 4, lastReview: at(noon, days: -40),
      scheduledDays: 40)
    let fuzzed = FSRSScheduler(clock: clock)
    let results = Set((0..<50).map { fuzzed.schedule(review, rating: .good, now: noon, cardID: "k\($0)").scheduledDays })
    #expect(results.count > 1)
    let unfuzzed = Set((0..<50).map { plain.schedule(review, rating: .good, now: noon, cardID: "k\($0)").scheduledDays })
    #expect(unfuzzed.count == 1)
  }

  @Test("desired retention and maximum interval shape the interval")
  func retentionAndMaximum() throws {
    let s = 100.0
    let at90 = FSRSScheduler(parameters: try FSRSParameters(desiredRetention: 0.9), clock: clock)
    let at80 = FSRSScheduler(parameters: try FSRSParameters(desiredRetention: 0.8), clock: clock)
    #expect(at90.intervalDays(stability: s) == 100)
    #expect(at80.intervalDays(stability: s) > 100)
    let capped = FSRSScheduler(parameters: try FSRSParameters(maximumInterval: 30), clock: clock)
    #expect(capped.intervalDays(stability: s) == 30)
    #expect(at90.intervalDays(stability: 0.01) == 1)
  }

  @Test("parameters are clipped to bounds and bad ones are refused")
  func parameters() throws {
    var weights = FSRSParameters.defaultWeights
    weights[20] = 5
    weights[0] = -1
    let clipped = try FSRSParameters(weights: weights)
    #expect(clipped.weights[20] == 0.8 && clipped.weights[0] == 0.001)
    #expect(throws: SchedulingError.self) { try FSRSParameters(weights: [1, 2]) }
    #expect(throws: SchedulingError.self) { try FSRSParameters(desiredRetention: 1.2) }
  }

  @Test("retrievability is 0.9 after one stability's worth of days and falls with time")
  func retrievability() {
    let state = CardState(phase: .review, due: noon, stability: 10, difficulty: 5, lastReview: noon, scheduledDays: 10)
    #expect(abs(plain.retrievability(state, at: at(noon, days: 10))! - 0.9) < 1e-12)
    #expect(plain.retrievability(state, at: noon) == 1)
    #expect(plain.retrievability(state, at: at(noon, days: 30))! < 0.9)
    #expect(plain.retrievability(.new(), at: noon) == nil)
  }
}

@Suite("SM-2 scheduler")
struct SM2SchedulerTests {
  let clock = StudyDayClock(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!)
  var sm2: SM2Scheduler {
    var parameters = SM2Parameters()
    parameters.fuzz = false
    return SM2Scheduler(parameters: parameters, clock: clock)
  }

  func reviewCard(interval: Int, ease: Double = 2.5, daysAgo: Int) -> CardState {
    CardState(
      phase: .review, due: noon, reps: 3, lastReview: at(noon, days: -Double(daysAgo)), scheduledDays: interval,
      ease: ease)
  }

  @Test("graduating: Good after the last step gives 1 day, Easy gives 4 days, ease starts at 2.5")
  func graduating() {
    var state = sm2.schedule(.new(), rating: .good, now: noon, cardID: "c")
    #expect(state.phase == .learning && state.due == at(noon, minutes: 10))
    state = sm2.schedule(state, rating: .good, now: at(noon, minutes: 10), cardID: "c")
    #expect(state.phase == .review && state.scheduledDays == 1 && state.ease == 2.5)
    let easy = sm2.schedule(.new(), rating: .easy, now: noon, cardID: "c")
    #expect(easy.scheduledDays == 4)
  }

  @Test(
    "review answers follow Anki's table (interval 10, ease 2.5, on time)",
    arguments: [
      (Rating.hard, 12, 2.35),
      (.good, 25, 2.5),
      (.easy, 33, 2.65),
    ])
  func reviewTable(rating: Rating, interval: Int, ease: Double) {
    let next = sm2.schedule(reviewCard(interval: 10, daysAgo: 10), rating: rating, now: noon, cardID: "c")
    #expect(next.scheduledDays == interval)
    #expect(abs(next.ease! - ease) < 1e-9)
  }

  @Test("lateness counts half for Good and fully for Easy")
  func lateness() {
    let good = sm2.schedule(reviewCard(interval: 10, daysAgo: 14), rating: .good, now: noon, cardID: "c")
    #expect(good.scheduledDays == 30)  // (10 + 4/2) × 2.5
    let easy = sm2.schedule(reviewCard(interval: 10, daysAgo: 14), rating: .easy, now: noon, cardID: "c")
    #expect(easy.scheduledDays == 46)  // (10 + 4) × 2.5 × 1.3 = 45.5 → 46
  }

  @Test("a lapse lowers ease by 0.2 (never below 1.3), relearns, then returns at the minimum interval")
  func lapse() {
    var state = sm2.schedule(reviewCard(interval: 20, ease: 1.4, daysAgo: 20), rating: .again, now: noon, cardID: "c")
    #expect(state.phase == .relearning && state.lapses == 1 && state.ease == 1.3)
    state = sm2.schedule(state, rating: .good, now: at(noon, minutes: 10), cardID: "c")
    #expect(state.phase == .review && state.scheduledDays == 1)
  }

  @Test("Hard is at least one day more than the old interval")
  func hardMinimum() {
    let next = sm2.schedule(reviewCard(interval: 2, daysAgo: 2), rating: .hard, now: noon, cardID: "c")
    #expect(next.scheduledDays == 3)
  }
}
