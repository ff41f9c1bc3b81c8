/// The (re)learning-step rules shared by FSRS and SM-2 (py-fsrs / Anki behaviour).
enum LearningSteps {
  /// What a rating does to a card in steps: graduate to day intervals, or wait `delay` seconds at `step`.
  enum Outcome: Equatable {
    case graduate
    case wait(step: Int, delay: Double)
  }

  /// Again → step 0; Hard → stays (step 0: the mean of steps 0 and 1, or 1.5 × step 0); Good → next step or
  /// graduate after the last; Easy → graduate. No steps (or a step past the end) graduates at once.
  static func outcome(steps: [Double], step: Int, rating: Rating) -> Outcome {
    if steps.isEmpty || (step >= steps.count && rating != .again) { return .graduate }
    switch rating {
    case .again:
      return .wait(step: 0, delay: steps[0])
    case .hard:
      if step == 0 {
        return .wait(step: 0, delay: steps.count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2)
      }
      return .wait(step: step, delay: steps[step])
    case .good:
      if step + 1 >= steps.count { return .graduate }
      return .wait(step: step + 1, delay: steps[step + 1])
    case .easy:
      return .graduate
    }
  }
}
