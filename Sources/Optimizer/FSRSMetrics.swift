import Foundation

/// How well predicted recall matches what happened, as srs-benchmark measures it, and as fsrs-rs `evaluate` does.
///
/// srs-benchmark counts every sample the same. fsrs-rs `evaluate` weights sample k of n (in the order given, here card
/// by card) by 0.25 + 0.75·(k/(n−1))³: its log loss is the weighted mean, and its RMSE(bins) weights each bin's
/// squared difference (of plain means) by the bin's total weight. Both are reported so that figures compare with
/// published benchmark results and with fsrs-rs alike.
public struct FSRSMetrics: Sendable, Equatable, Codable {
  /// Mean binary cross-entropy of predicted recall against the outcome.
  public var logLoss: Double
  /// RMSE(bins): predictions and outcomes averaged per (interval, review count, lapse) bin, squared differences
  /// weighted by bin size.
  public var rmseBins: Double
  /// ROC AUC of predicted recall against the outcome (0.5 when only one outcome occurs).
  public var auc: Double
  /// How many samples were scored.
  public var samples: Int
  /// fsrs-rs `evaluate`'s log loss (recency-weighted).
  public var fsrsRSLogLoss: Double
  /// fsrs-rs `evaluate`'s RMSE(bins) (bins weighted by their recency weight).
  public var fsrsRSRMSEBins: Double

  /// The JSON names, as `annals fsrs evaluate --json` prints them and the store keeps them with fitted parameters
  /// (`items` is fsrs-rs' word for training samples).
  enum CodingKeys: String, CodingKey {
    case logLoss = "log_loss", rmseBins = "rmse_bins", auc, samples = "items"
    case fsrsRSLogLoss = "fsrs_rs_log_loss", fsrsRSRMSEBins = "fsrs_rs_rmse_bins"
  }

  /// The metrics as one line of JSON with sorted keys, e.g. `{"auc":0.71,"fsrs_rs_log_loss":0.33,…}`.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    // Only a non-finite number fails to encode; metrics of real predictions are finite.
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  /// Metrics of the given predictions.
  public init(_ predictions: [SamplePrediction]) {
    samples = predictions.count
    var loss = 0.0
    var weightedLoss = 0.0
    var totalWeight = 0.0
    for (k, p) in predictions.enumerated() {
      let r = Swift.min(Swift.max(p.retrievability, FSRSLoss.epsilon), 1 - FSRSLoss.epsilon)
      let itemLoss = p.recalled ? -Foundation.log(r) : -Foundation.log(1 - r)
      let weight = SampleWeighting.recency.weight(k, of: predictions.count)
      loss += itemLoss
      weightedLoss += weight * itemLoss
      totalWeight += weight
    }
    logLoss = predictions.isEmpty ? 0 : loss / Double(predictions.count)
    fsrsRSLogLoss = totalWeight > 0 ? weightedLoss / totalWeight : 0
    (rmseBins, fsrsRSRMSEBins) = Self.rmseBins(predictions)
    auc = Self.auc(predictions)
  }

  /// The bin of a sample: interval bin round(2.48·3.62^⌊log₃.₆₂ Δt⌋); review-count bin
  /// round(1.99·1.89^⌊log₁.₈₉ n⌋), n = day-gap reviews before this one + 2 (the first review and this one, as
  /// fsrs-rs counts); lapse bin 0, or round(1.65·1.73^⌊log₁.₇₃ lapses⌋) for lapses with a day's gap before it.
  ///
  /// Bins are computed on hundredths, as fsrs-rs does, so that they are exact integers.
  public static func bin(_ p: SamplePrediction) -> (Int, Int, Int) {
    let interval = binned(Double(p.gap), 2.48, 3.62)
    let count = binned(Double(p.longTermReviewsBefore + 2), 1.99, 1.89)
    let lapses = p.lapsesBefore == 0 ? 0 : binned(Double(p.lapsesBefore), 1.65, 1.73)
    return (interval, count, lapses)
  }

  /// RMSE(bins) with bins weighted by their size (srs-benchmark) and by their recency weight (fsrs-rs).
  static func rmseBins(_ predictions: [SamplePrediction]) -> (uniform: Double, recency: Double) {
    struct Bin {
      var predicted = 0.0
      var actual = 0.0
      var count = 0.0
      var weight = 0.0
    }
    // Bins depend on small integers; each distinct value is binned once.
    var intervalBins: [Int: Int] = [:]
    var countBins: [Int: Int] = [:]
    var lapseBins: [Int: Int] = [:]
    var bins: [Int: Bin] = [:]
    for (k, p) in predictions.enumerated() {
      let interval =
        intervalBins[p.gap]
        ?? {
          let bin = binned(Double(p.gap), 2.48, 3.62)
          intervalBins[p.gap] = bin
          return bin
        }()
      let count =
        countBins[p.longTermReviewsBefore]
        ?? {
          let bin = binned(Double(p.longTermReviewsBefore + 2), 1.99, 1.89)
          countBins[p.longTermReviewsBefore] = bin
          return bin
        }()
      let lapses =
        p.lapsesBefore == 0
        ? 0
        : lapseBins[p.lapsesBefore]
          ?? {
            let bin = binned(Double(p.lapsesBefore), 1.65, 1.73)
            lapseBins[p.lapsesBefore] = bin
            return bin
          }()
      // Bins are below 2^21 hundredths for any gap of up to a few centuries, so the three pack into one key.
      let key = (interval << 42) | (count << 21) | lapses
      let weight = SampleWeighting.recency.weight(k, of: predictions.count)
      bins[key, default: Bin()].predicted += p.retrievability
      bins[key]!.actual += p.recalled ? 1 : 0
      bins[key]!.count += 1
      bins[key]!.weight += weight
    }
    var sums = (uniform: 0.0, recency: 0.0)
    var totals = (uniform: 0.0, recency: 0.0)
    // In key order, so that the sums round the same way in every run.
    for (_, value) in bins.sorted(by: { $0.key < $1.key }) {
      let difference = (value.predicted - value.actual) / value.count
      sums.uniform += difference * difference * value.count
      totals.uniform += value.count
      sums.recency += difference * difference * value.weight
      totals.recency += value.weight
    }
    return (
      totals.uniform == 0 ? 0 : (sums.uniform / totals.uniform).squareRoot(),
      totals.recency == 0 ? 0 : (sums.recency / totals.recency).squareRoot()
    )
  }

  static func binned(_ x: Double, _ scale: Double, _ base: Double) -> Int {
    Int((scale * Foundation.pow(base, (Foundation.log(x) / Foundation.log(base)).rounded(.down)) * 100).rounded())
  }

  /// ROC AUC by ranks (Mann–Whitney), ties sharing their mean rank.
  static func auc(_ predictions: [SamplePrediction]) -> Double {
    let positives = predictions.reduce(0) { $0 + ($1.recalled ? 1 : 0) }
    let negatives = predictions.count - positives
    guard positives > 0, negatives > 0 else { return 0.5 }
    var ranked = predictions.map { (r: $0.retrievability, recalled: $0.recalled) }
    ranked.sort { $0.r < $1.r }
    var rankSum = 0.0
    var i = 0
    while i < ranked.count {
      var j = i
      while j + 1 < ranked.count && ranked[j + 1].r == ranked[i].r { j += 1 }
      let rank = Double(i + j) / 2 + 1
      for k in i...j where ranked[k].recalled { rankSum += rank }
      i = j + 1
    }
    let p = Double(positives)
    return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
  }
}
