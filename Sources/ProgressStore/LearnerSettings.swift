import Foundation
import Scheduling

/// Which scheduler a learner or deck uses.
public enum SchedulerKind: String, Codable, Sendable, CaseIterable {
  case fsrs
  case sm2
}

/// A learner's scheduling settings, one row in the store.
public struct LearnerSettings: Sendable, Equatable, Codable {
  /// The default scheduler (a deck may override it).
  public var scheduler: SchedulerKind = .fsrs
  /// FSRS desired retention.
  public var desiredRetention = 0.9
  /// FSRS weights in use; nil means the defaults.
  public var weights: [Double]? = nil
  /// New cards introduced per study day.
  public var newPerDay = 20
  /// Reviews shown per study day.
  public var reviewsPerDay = 200
  /// The hour a new study day begins.
  public var rolloverHour = 4
  /// The learner's time zone identifier; nil means the system's.
  public var timeZone: String? = nil
  /// Whether intervals are fuzzed.
  public var fuzz = true

  /// The defaults: FSRS, retention 0.9, default weights, 20 new and 200 reviews a day, rollover 4:00.
  public init() {}

  /// The study-day clock these settings describe.
  public var clock: StudyDayClock {
    StudyDayClock(rolloverHour: rolloverHour, timeZone: timeZone.flatMap(TimeZone.init(identifier:)) ?? .current)
  }

  /// The scheduler of the given kind with these settings.
  public func makeScheduler(_ kind: SchedulerKind? = nil) throws(SchedulingError) -> any Scheduler {
    switch kind ?? scheduler {
    case .fsrs:
      let parameters = try FSRSParameters(
        weights: weights ?? FSRSParameters.defaultWeights, desiredRetention: desiredRetention, fuzz: fuzz)
      return FSRSScheduler(parameters: parameters, clock: clock)
    case .sm2:
      var parameters = SM2Parameters()
      parameters.fuzz = fuzz
      return SM2Scheduler(parameters: parameters, clock: clock)
    }
  }
}

/// A set of FSRS weights the optimizer fitted, kept with its provenance.
public struct FittedParameters: Sendable, Equatable, Codable {
  /// When they were fitted.
  public var time: Date
  /// The 21 weights.
  public var weights: [Double]
  /// Who fitted them ("annals fsrs optimize", …).
  public var source: String
  /// How many reviews they were fitted on.
  public var reviewCount: Int
  /// Evaluation metrics as JSON (log loss, RMSE(bins), …), if measured.
  public var metricsJSON: String?

  /// Fitted parameters with the given fields.
  public init(time: Date, weights: [Double], source: String, reviewCount: Int, metricsJSON: String? = nil) {
    self.time = time
    self.weights = weights
    self.source = source
    self.reviewCount = reviewCount
    self.metricsJSON = metricsJSON
  }
}
