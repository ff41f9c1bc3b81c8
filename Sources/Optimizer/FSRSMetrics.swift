import Foundation

/// How well predicted recall matches what happened, as srs-benchmark (and fsrs-rs `evaluate`) measure it.
public struct FSRSMetrics: Sendable, Equatable, Codable {
  /// Mean binary cross-entropy of predicted recall against the outcome.
  public var logLoss: Double
  /// RMSE(bins): predictions and outcomes averaged per (interval, review count, lapse) bin, squared differences
  /// weighted by bin size.
  public var rmseBins: Double
  /// ROC AUC of predicted recall against the outcome (0.5 when only one outcome occurs).
  public var auc: Double
  /// How many items were scored.
  public var items: Int

  /// Metrics of the given predictions.
  public init(_ predictions: [ItemPrediction]) {
    items = predictions.count
    var loss = 0.0
    for p in predictions {
      let r = Swift.min(Swift.max(p.retrievability, FSRSLoss.epsilon), 1 - FSRSLoss.epsilon)
      loss -= p.recalled ? Foundation.log(r) : Foundation.log(1 - r)
    }
    logLoss = predictions.isEmpty ? 0 : loss / Double(predictions.count)
    rmseBins = Self.rmseBins(predictions)
    auc = Self.auc(predictions)
  }

  /// The bin of an item: interval bin round(2.48·3.62^⌊log₃.₆₂ Δt⌋), review-count bin round(1.99·1.89^⌊log₁.₈₉ n⌋)
  /// where n counts the reviews so far (the first included), lapse bin 0 or round(1.65·1.73^⌊log₁.₇₃ lapses⌋).
  ///
  /// Bins are computed on hundredths, as fsrs-rs does, so that they are exact integers.
  public static func bin(_ p: ItemPrediction) -> (Int, Int, Int) {
    func binned(_ x: Double, _ scale: Double, _ base: Double) -> Int {
      Int((scale * Foundation.pow(base, (Foundation.log(x) / Foundation.log(base)).rounded(.down)) * 100).rounded())
    }
    let interval = binned(Double(p.gap), 2.48, 3.62)
    let count = binned(Double(p.longTermReviewsBefore + 2), 1.99, 1.89)
    let lapses = p.lapsesBefore == 0 ? 0 : binned(Double(p.lapsesBefore), 1.65, 1.73)
    return (interval, count, lapses)
  }

  static func rmseBins(_ predictions: [ItemPrediction]) -> Double {
    struct Key: Hashable {
      var interval: Int
      var count: Int
      var lapses: Int
    }
    var bins: [Key: (predicted: Double, actual: Double, count: Double)] = [:]
    for p in predictions {
      let (interval, count, lapses) = bin(p)
      bins[Key(interval: interval, count: count, lapses: lapses), default: (0, 0, 0)].predicted += p.retrievability
      bins[Key(interval: interval, count: count, lapses: lapses)]!.actual += p.recalled ? 1 : 0
      bins[Key(interval: interval, count: count, lapses: lapses)]!.count += 1
    }
    var sum = 0.0
    var weight = 0.0
    for value in bins.values {
      let difference = (value.predicted - value.actual) / value.count
      sum += difference * difference * value.count
      weight += value.count
    }
    return weight == 0 ? 0 : (sum / weight).squareRoot()
  }

  /// ROC AUC by ranks (Mann–Whitney), ties sharing their mean rank.
  static func auc(_ predictions: [ItemPrediction]) -> Double {
    let positives = predictions.reduce(0) { $0 + ($1.recalled ? 1 : 0) }
    let negatives = predictions.count - positives
    guard positives > 0, negatives > 0 else { return 0.5 }
    let order = predictions.indices.sorted { predictions[$0].retrievability < predictions[$1].retrievability }
    var rankSum = 0.0
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count
        && predictions[order[j + 1]].retrievability == predictions[order[i]].retrievability
      { j += 1 }
      let rank = Double(i + j) / 2 + 1
      for k in i...j where predictions[order[k]].recalled { rankSum += rank }
      i = j + 1
    }
    let p = Double(positives)
    return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
  }
}
