import Foundation
import Scheduling

/// A fit set beside the parameters in use: how well each predicts the training set, and the workload each implies.
///
/// What `annals fsrs optimize` shows before a learner decides to use the fitted parameters.
public struct FitComparison: Sendable, Equatable {
  /// Metrics of the parameters in use on the training set.
  public var metricsBefore: FSRSMetrics
  /// Metrics of the fitted parameters on the training set.
  public var metricsAfter: FSRSMetrics
  /// Simulated reviews per day with the parameters in use (10 new cards a day for a year).
  public var reviewsPerDayBefore: Double
  /// Simulated reviews per day with the fitted parameters.
  public var reviewsPerDayAfter: Double

  /// Compares `fitted` with `current` on `training`, the workload simulated at `desiredRetention`.
  public init(training: TrainingSet, current: [Double], fitted: [Double], desiredRetention: Double) {
    metricsBefore = FSRSMetrics(FSRSLoss.predictions(training, weights: current))
    metricsAfter = FSRSMetrics(FSRSLoss.predictions(training, weights: fitted))
    reviewsPerDayBefore = WorkloadSimulator.simulate(weights: current, desiredRetention: desiredRetention).reviewsPerDay
    reviewsPerDayAfter = WorkloadSimulator.simulate(weights: fitted, desiredRetention: desiredRetention).reviewsPerDay
  }
}
