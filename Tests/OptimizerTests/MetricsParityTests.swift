import Foundation
import Testing

@testable import Optimizer
import Scheduling

struct ParityFixture: Decodable {
  struct Figures: Decodable {
    let log_loss: Double
    let rmse_bins: Double
    let auc: Double?
  }
  struct ParameterSet: Decodable {
    let name: String
    let weights: [Double]
    let fsrs_rs: Figures
    let srs_benchmark: Figures
  }
  let items: Int
  let reviews: Int
  let cards: Int
  let sets: [ParameterSet]
}

@Suite("Evaluation metrics")
struct MetricsParityTests {
  static let fixture = try! JSONDecoder().decode(
    ParityFixture.self, from: Data(contentsOf: fixtureURL("evaluate-parity.json")))

  @Test("training samples are built as the fixtures' fsrs-rs items are")
  func samples() throws {
    let training = try fixtureTrainingSet()
    #expect(training.cardCount == Self.fixture.cards)
    #expect(training.reviewCount == Self.fixture.reviews)
    #expect(training.sampleCount == Self.fixture.items)
  }

  @Test("log loss and RMSE(bins) agree with fsrs-rs evaluate, and srs-benchmark's figures, to 1e-4",
    arguments: 0..<4)
  func parity(set index: Int) throws {
    let set = Self.fixture.sets[index]
    let metrics = FSRSMetrics(FSRSLoss.predictions(try fixtureTrainingSet(), weights: set.weights))
    #expect(metrics.samples == Self.fixture.items)
    #expect(Swift.abs(metrics.fsrsRSLogLoss - set.fsrs_rs.log_loss) < 1e-4, "\(set.name)")
    #expect(Swift.abs(metrics.fsrsRSRMSEBins - set.fsrs_rs.rmse_bins) < 1e-4, "\(set.name)")
    #expect(Swift.abs(metrics.logLoss - set.srs_benchmark.log_loss) < 1e-4, "\(set.name)")
    #expect(Swift.abs(metrics.rmseBins - set.srs_benchmark.rmse_bins) < 1e-4, "\(set.name)")
    #expect(Swift.abs(metrics.auc - (set.srs_benchmark.auc ?? 0)) < 1e-4, "\(set.name)")
  }

  @Test("AUC counts ties as half and is 0.5 with one outcome only")
  func aucByHand() {
    func sample(_ r: Double, _ recalled: Bool) -> SamplePrediction {
      SamplePrediction(retrievability: r, recalled: recalled, gap: 1, longTermReviewsBefore: 0, lapsesBefore: 0)
    }
    // Positives 0.9, 0.5; negatives 0.5, 0.1: pairs (0.9>0.5) (0.9>0.1) (0.5=0.5 → ½) (0.5>0.1) = 3.5 / 4.
    #expect(FSRSMetrics([sample(0.9, true), sample(0.5, true), sample(0.5, false), sample(0.1, false)]).auc == 0.875)
    #expect(FSRSMetrics([sample(0.9, true), sample(0.2, true)]).auc == 0.5)
  }

  @Test("bins follow srs-benchmark's formulas")
  func bins() {
    let p = SamplePrediction(retrievability: 0.9, recalled: true, gap: 20, longTermReviewsBefore: 3, lapsesBefore: 2)
    // 20 days: 2.48·3.62^2 = 32.50; n = 5: 1.99·1.89^2 = 7.11; 2 lapses: 1.65·1.73 = 2.85 (in hundredths).
    let (interval, count, lapses) = FSRSMetrics.bin(p)
    #expect(interval == 3250)
    #expect(count == 711)
    #expect(lapses == 285)
  }
}
