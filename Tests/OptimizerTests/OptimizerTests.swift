import Foundation
import Testing

@testable import Optimizer
import Scheduling

@Suite("Fitting FSRS parameters")
struct OptimizerTests {
  /// A learner simulated from `trueWeights`: 2,000 cards over a year, scheduled at retentions 0.6–0.95.
  static let simulated = ReviewLogSimulator.trainingSet(
    ReviewLogSimulator.simulate(cards: 2000, days: 365, weights: trueWeights, desiredRetention: 0.6...0.95, seed: 11))
  static let fit = FSRSOptimizer.fit(simulated)

  @Test("on a log simulated from known parameters the fit predicts recall as the true parameters do")
  func recoversKnownParameters() {
    let fitted = FSRSLoss.predictions(Self.simulated, weights: Self.fit.weights)
    let truth = FSRSLoss.predictions(Self.simulated, weights: trueWeights)
    let defaults = FSRSLoss.predictions(Self.simulated, weights: FSRSParameters.defaultWeights)
    func meanDifference(_ a: [SamplePrediction], _ b: [SamplePrediction]) -> Double {
      zip(a, b).reduce(0) { $0 + Swift.abs($1.0.retrievability - $1.1.retrievability) } / Double(a.count)
    }
    let fitError = meanDifference(fitted, truth)
    let defaultError = meanDifference(defaults, truth)
    // Predicted recall within 0.015 of the truth on average (defaults are several times further off).
    #expect(fitError < 0.015, "mean |R_fit − R_true| = \(fitError)")
    #expect(fitError < defaultError / 2, "fit \(fitError) vs defaults \(defaultError)")
    // In-sample, the fit explains the outcomes at least as well as the truth does (up to noise).
    #expect(FSRSMetrics(fitted).logLoss <= FSRSMetrics(truth).logLoss + 0.002)
    // The best-identified weights come back close: initial stabilities of Again and Good, decay-free growth.
    #expect(Swift.abs(Self.fit.weights[2] - trueWeights[2]) / trueWeights[2] < 0.3, "w2 \(Self.fit.weights[2])")
    #expect(Swift.abs(Self.fit.weights[20] - trueWeights[20]) < 0.15, "w20 \(Self.fit.weights[20])")
  }

  @Test("fitting lowers the loss from the starting point and keeps every weight within fsrs-rs' bounds")
  func boundsAndImprovement() {
    #expect(!Self.fit.keptDefaults)
    #expect(Self.fit.lossAfter < Self.fit.lossBefore)
    let bounds = ParameterClipper.bounds(weights: Self.fit.weights)
    for i in 0..<21 { #expect(bounds[i].contains(Self.fit.weights[i]), "w\(i) = \(Self.fit.weights[i])") }
  }

  @Test("the same input gives the same weights")
  func deterministic() throws {
    let training = try fixtureTrainingSet()
    #expect(FSRSOptimizer.fit(training).weights == FSRSOptimizer.fit(training).weights)
  }

  @Test("fewer than 8 reviews with a day's gap keep the defaults")
  func tooLittleData() {
    let training = TrainingSet(cards: [
      [(.good, 0), (.good, 2), (.again, 5)], [(.easy, 0), (.good, 0), (.hard, 3)],
    ])
    #expect(training.sampleCount == 3)
    let result = FSRSOptimizer.fit(training)
    #expect(result.keptDefaults)
    #expect(result.weights == FSRSParameters.defaultWeights)
  }

  @Test("on the real log the fit beats the defaults and fsrs-rs' own fit, by fsrs-rs' measure")
  func beatsReferenceOnRealLog() throws {
    let training = try fixtureTrainingSet()
    let fixture = MetricsParityTests.fixture
    let result = FSRSOptimizer.fit(training)
    let metrics = FSRSMetrics(FSRSLoss.predictions(training, weights: result.weights))
    let reference = fixture.sets.first { $0.name == "fsrs-rs fitted" }!.fsrs_rs.log_loss
    let defaults = fixture.sets.first { $0.name == "defaults" }!.fsrs_rs.log_loss
    #expect(metrics.fsrsRSLogLoss < defaults)
    #expect(metrics.fsrsRSLogLoss <= reference, "Annals \(metrics.fsrsRSLogLoss) vs fsrs-rs \(reference)")
  }

  @Test("pretraining finds the initial stability of a simulated learner")
  func pretraining() {
    let s0 = Pretraining.initialStabilities(Self.simulated)
    #expect(s0 == s0.sorted())
    #expect(Swift.abs(s0[2] - trueWeights[2]) / trueWeights[2] < 0.35, "S0(Good) \(s0[2])")
  }

  @Test("training from a log group reviews by card in time order with study-day gaps")
  func training() throws {
    let clock = StudyDayClock(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!)
    func at(_ text: String) -> Date { ReviewLogCSV.parseTime(text)! }
    let training = TrainingSet(
      reviews: [
        Review(cardID: "b", time: at("2024-01-02T10:00:00Z"), rating: .good),
        Review(cardID: "a", time: at("2024-01-01T23:00:00Z"), rating: .again),
        Review(cardID: "a", time: at("2024-01-02T03:00:00Z"), rating: .good),  // same study day
        Review(cardID: "a", time: at("2024-01-02T05:00:00Z"), rating: .good),  // next study day
      ], clock: clock)
    #expect(training.cardIDs == ["a", "b"])
    #expect(training.reviews(ofCard: 0).map(\.gap) == [0, 0, 1])
    #expect(training.sampleCount == 1)
  }
}

@Suite("Workload simulation")
struct WorkloadTests {
  @Test("higher desired retention costs more reviews a day and yields more knowledge")
  func monotone() {
    let low = WorkloadSimulator.simulate(weights: FSRSParameters.defaultWeights, desiredRetention: 0.75, days: 120)
    let high = WorkloadSimulator.simulate(weights: FSRSParameters.defaultWeights, desiredRetention: 0.95, days: 120)
    #expect(high.reviewsPerDay > low.reviewsPerDay * 1.5)
    #expect(high.knowledge > low.knowledge)
  }

  @Test("the sweep covers 0.70 to 0.97 and its optimum is the cheapest per fact remembered")
  func sweep() {
    let points = WorkloadSimulator.sweep(weights: FSRSParameters.defaultWeights, days: 120, newPerDay: 5)
    #expect(points.count == 28)
    #expect(points.first?.desiredRetention == 0.7)
    #expect(points.last?.desiredRetention == 0.97)
    let best = try! #require(WorkloadSimulator.optimal(points))
    #expect(points.allSatisfy { $0.secondsPerFact >= best.secondsPerFact })
  }
}
