import Foundation
import Optimizer
import Scheduling

func fixtureURL(_ name: String) -> URL {
  Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
}

/// The fixture log's training, with the study-day gaps of a 4:00 rollover in UTC.
func fixtureTrainingSet() throws -> TrainingSet {
  let text = try String(contentsOf: fixtureURL("review-log.csv"), encoding: .utf8)
  let reviews = try ReviewLogCSV.parse(text)
  return TrainingSet(reviews: reviews, clock: StudyDayClock(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!))
}

/// Weights a simulated learner follows: the defaults moved well away in several directions.
let trueWeights: [Double] = [
  0.4, 1.6, 3.5, 12.0, 6.0, 0.6, 2.2, 0.02, 1.5, 0.2, 1.0, 1.8, 0.08, 0.35, 1.3, 0.5, 2.2, 0.6, 0.2, 0.1, 0.3,
]
