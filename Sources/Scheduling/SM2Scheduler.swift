import Foundation

/// The settings of Anki's SM-2 variant.
public struct SM2Parameters: Codable, Sendable, Equatable {
  /// Learning steps in seconds (default 1 min, 10 min).
  public var learningSteps: [Double] = [60, 600]
  /// Relearning steps in seconds (default 10 min).
  public var relearningSteps: [Double] = [600]
  /// Days after graduating with Good.
  public var graduatingInterval = 1
  /// Days after graduating with Easy.
  public var easyInterval = 4
  /// Ease of a newly graduated card.
  public var startingEase = 2.5
  /// Extra factor for Easy on a review card.
  public var easyBonus = 1.3
  /// Interval factor for Hard on a review card.
  public var hardMultiplier = 1.2
  /// Factor applied to every review interval.
  public var intervalModifier = 1.0
  /// The longest interval in days.
  public var maximumInterval = 36500
  /// Factor applied to the interval on a lapse.
  public var lapseMultiplier = 0.0
  /// The shortest interval after a lapse, in days.
  public var minimumLapseInterval = 1
  /// Whether review intervals are fuzzed.
  public var fuzz = true

  /// Anki's defaults.
  public init() {}
}

/// Anki's SM-2 variant: ease factors, learning steps, Hard/Good/Easy multipliers, lapses back to relearning.
///
/// Days late count from the scheduled interval in study days; reviews before the due day are treated as on time
/// (Anki's separate early-review formula is not implemented).
public struct SM2Scheduler: Scheduler {
  /// The settings in use.
  public let parameters: SM2Parameters
  /// The clock that turns times into study days.
  public let clock: StudyDayClock
  /// "sm2".
  public var name: String { "sm2" }
  /// The settings as compact JSON.
  public let parametersJSON: String

  /// A scheduler with the given settings and clock.
  public init(parameters: SM2Parameters = SM2Parameters(), clock: StudyDayClock = StudyDayClock()) {
    self.parameters = parameters
    self.clock = clock
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    self.parametersJSON = (try? encoder.encode(parameters)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
  }

  /// The card's state after answering `rating` at `now`.
  public func schedule(_ state: CardState, rating: Rating, now: Date, cardID: String) -> CardState {
    var next = state
    next.reps += 1
    next.lastReview = now
    next.stability = nil
    next.difficulty = nil
    let ease = state.ease ?? parameters.startingEase
    next.ease = ease

    switch state.phase {
    case .new, .learning:
      next.phase = .learning
      let outcome = LearningSteps.outcome(
        steps: parameters.learningSteps, step: state.phase == .new ? 0 : state.step, rating: rating)
      switch outcome {
      case .graduate:
        let days = rating == .easy ? parameters.easyInterval : parameters.graduatingInterval
        return toReview(next, days: days, now: now)
      case .wait(let step, let delay):
        return waiting(next, step: step, delay: delay, now: now)
      }
    case .relearning:
      switch LearningSteps.outcome(steps: parameters.relearningSteps, step: state.step, rating: rating) {
      case .graduate:
        let days = Swift.max(state.scheduledDays, 1) + (rating == .easy ? 1 : 0)
        return toReview(next, days: Swift.min(days, parameters.maximumInterval), now: now)
      case .wait(let step, let delay):
        var waiting = waiting(next, step: step, delay: delay, now: now)
        waiting.scheduledDays = state.scheduledDays
        return waiting
      }
    case .review:
      return answerReview(next, previous: state, ease: ease, rating: rating, now: now, cardID: cardID)
    }
  }

  private func answerReview(
    _ state: CardState, previous: CardState, ease: Double, rating: Rating, now: Date, cardID: String
  ) -> CardState {
    var next = state
    let interval = Double(Swift.max(previous.scheduledDays, 1))
    let elapsed = previous.lastReview.map { clock.elapsedDays(from: $0, to: now) } ?? previous.scheduledDays
    let daysLate = Double(Swift.max(0, elapsed - previous.scheduledDays))
    let maximum = parameters.maximumInterval

    func constrained(_ raw: Double, minimum: Int) -> Int {
      Swift.min(Swift.max(Int((raw * parameters.intervalModifier).rounded()), minimum, 1), maximum)
    }
    let hard = constrained(interval * parameters.hardMultiplier, minimum: Int(interval) + 1)
    let good = constrained((interval + daysLate / 2) * ease, minimum: hard + 1)
    let easy = constrained((interval + daysLate) * ease * parameters.easyBonus, minimum: good + 1)

    let days: Int
    let minimum: Int
    switch rating {
    case .again:
      next.ease = Swift.max(1.3, ease - 0.2)
      next.lapses += 1
      let lapse = Swift.min(
        Swift.max(Int((interval * parameters.lapseMultiplier).rounded()), parameters.minimumLapseInterval, 1), maximum)
      guard let firstStep = parameters.relearningSteps.first else { return toReview(next, days: lapse, now: now) }
      next.phase = .relearning
      next.step = 0
      next.scheduledDays = lapse
      next.due = now.addingTimeInterval(firstStep)
      return next
    case .hard:
      next.ease = Swift.max(1.3, ease - 0.15)
      (days, minimum) = (hard, Int(interval) + 1)
    case .good:
      (days, minimum) = (good, hard + 1)
    case .easy:
      next.ease = ease + 0.15
      (days, minimum) = (easy, good + 1)
    }
    var fuzzed = days
    if parameters.fuzz {
      fuzzed = Fuzz.interval(days, cardID: cardID, reps: next.reps, maximumInterval: maximum)
      fuzzed = Swift.min(Swift.max(fuzzed, minimum), maximum)
    }
    return toReview(next, days: fuzzed, now: now)
  }

  private func waiting(_ state: CardState, step: Int, delay: Double, now: Date) -> CardState {
    var next = state
    next.step = step
    next.scheduledDays = 0
    next.due = now.addingTimeInterval(delay)
    return next
  }

  private func toReview(_ state: CardState, days: Int, now: Date) -> CardState {
    var next = state
    next.phase = .review
    next.step = 0
    next.scheduledDays = days
    next.due = clock.start(ofStudyDay: clock.studyDay(now) + days)
    return next
  }

  /// An estimate: SM-2 has no memory model, so this assumes 90% recall at the scheduled interval and FSRS-6's
  /// default forgetting curve.
  public func retrievability(_ state: CardState, at date: Date) -> Double? {
    guard let last = state.lastReview else { return nil }
    let stability = Double(Swift.max(state.scheduledDays, 1))
    let days = Swift.max(0, date.timeIntervalSince(last) / 86400)
    return FSRSMath.retrievability(elapsedDays: days, stability: stability, w: FSRSParameters.defaultWeights)
  }
}
