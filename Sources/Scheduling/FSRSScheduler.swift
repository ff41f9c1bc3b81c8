import Foundation

/// The FSRS-6 scheduler: memory from `FSRSMath`, learning steps, day intervals on study days, optional fuzz.
///
/// Elapsed time between reviews is counted in study days (`StudyDayClock`), so two reviews in the same study day
/// use the same-day formula. Intervals are rounded half to even (as Python's `round`, which py-fsrs uses), kept
/// within 1…maximum interval, then fuzzed when fuzz is on. A card due in n days is due at the start of that study
/// day.
public struct FSRSScheduler: Scheduler {
  /// The parameters in use.
  public let parameters: FSRSParameters
  /// The clock that turns times into study days.
  public let clock: StudyDayClock
  /// "fsrs".
  public var name: String { "fsrs" }
  /// The parameters as compact JSON, stored with every review.
  public let parametersJSON: String

  /// A scheduler with the given parameters and clock.
  public init(parameters: FSRSParameters = .default, clock: StudyDayClock = StudyDayClock()) {
    self.parameters = parameters
    self.clock = clock
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    self.parametersJSON = (try? encoder.encode(parameters)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
  }

  /// The next interval in whole days for stability `stability`, before fuzz.
  public func intervalDays(stability: Double) -> Int {
    let raw = FSRSMath.interval(
      stability: stability, desiredRetention: parameters.desiredRetention, w: parameters.weights)
    return Swift.min(Swift.max(Int(raw.rounded(.toNearestOrEven)), 1), parameters.maximumInterval)
  }

  /// The memory after answering `rating` `elapsedDays` study days after the previous review (nil: first review).
  public func nextMemory(_ memory: MemoryState?, rating: Rating, elapsedDays: Int) -> MemoryState {
    let previous = memory.map { (stability: $0.stability, difficulty: $0.difficulty) }
    let next = FSRSMath.step(previous, rating: rating, elapsedDays: Double(elapsedDays), w: parameters.weights)
    return MemoryState(stability: next.stability, difficulty: next.difficulty)
  }

  /// The card's state after answering `rating` at `now`.
  public func schedule(_ state: CardState, rating: Rating, now: Date, cardID: String) -> CardState {
    var next = state
    let elapsed = state.lastReview.map { Swift.max(0, clock.elapsedDays(from: $0, to: now)) } ?? 0
    let memory = nextMemory(state.phase == .new ? nil : state.memory, rating: rating, elapsedDays: elapsed)
    next.stability = memory.stability
    next.difficulty = memory.difficulty
    next.reps += 1
    next.lastReview = now
    next.ease = nil

    let steps: [Double]
    switch state.phase {
    case .new, .learning:
      next.phase = .learning
      steps = parameters.learningSteps
    case .relearning:
      steps = parameters.relearningSteps
    case .review:
      guard rating == .again else { return graduate(next, now: now, cardID: cardID) }
      next.lapses += 1
      guard !parameters.relearningSteps.isEmpty else { return graduate(next, now: now, cardID: cardID) }
      next.phase = .relearning
      next.step = 0
      next.scheduledDays = 0
      next.due = now.addingTimeInterval(parameters.relearningSteps[0])
      return next
    }
    switch LearningSteps.outcome(steps: steps, step: state.phase == .new ? 0 : state.step, rating: rating) {
    case .graduate:
      return graduate(next, now: now, cardID: cardID)
    case .wait(let step, let delay):
      next.step = step
      next.scheduledDays = 0
      next.due = now.addingTimeInterval(delay)
      return next
    }
  }

  /// Moves a card to day intervals: the interval from its stability, fuzzed, due at the start of that study day.
  private func graduate(_ state: CardState, now: Date, cardID: String) -> CardState {
    var next = state
    var days = intervalDays(stability: state.stability ?? FSRSMath.minimumStability)
    if parameters.fuzz {
      days = Fuzz.interval(days, cardID: cardID, reps: state.reps, maximumInterval: parameters.maximumInterval)
    }
    next.phase = .review
    next.step = 0
    next.scheduledDays = days
    next.due = clock.start(ofStudyDay: clock.studyDay(now) + days)
    return next
  }

  /// The probability of recall at `date`, from the time since the last review in (fractional) days.
  public func retrievability(_ state: CardState, at date: Date) -> Double? {
    guard let stability = state.stability, let last = state.lastReview else { return nil }
    let days = Swift.max(0, date.timeIntervalSince(last) / 86400)
    return FSRSMath.retrievability(elapsedDays: days, stability: stability, w: parameters.weights)
  }
}
