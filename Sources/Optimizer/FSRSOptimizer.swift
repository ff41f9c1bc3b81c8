import Dispatch
import Foundation
import Scheduling
import StableRandom

/// Fits the 21 FSRS-6 weights to a learner's review history.
///
/// The loss is fsrs-rs': binary cross-entropy of predicted recall over every review with a gap of at least one
/// study day, given the card's history (same-day reviews through the short-term formula), plus fsrs-rs' pull
/// towards the starting point. Initial stabilities are pretrained; then Adam with cosine-annealed learning rate
/// runs over mini-batches of whole cards, with exact gradients (`HandGradient`), and clips the weights to fsrs-rs'
/// bounds after every step. The final weights are kept unless the starting point has a lower loss over the log.
/// Deterministic: the shuffling uses a fixed seed and the gradient is summed in a fixed order.
public enum FSRSOptimizer {
  /// Training settings (fsrs-rs' defaults).
  public struct Configuration: Sendable, Equatable {
    /// Passes over the data.
    public var epochs = 5
    /// Samples per mini-batch (batches are whole cards, closed once they hold at least this many samples).
    public var batchSize = 512
    /// Adam's initial learning rate, annealed to zero by a cosine.
    public var learningRate = 0.04
    /// Seed of the card shuffling.
    public var seed: UInt64 = 2023
    /// Strength of the pull towards the starting weights (fsrs-rs' gamma).
    public var regularization = 1.0
    /// Relearning steps the learner uses (bounds w17, w18).
    public var relearningSteps = 1
    /// Fewer samples than this and the defaults are kept.
    public var minimumItems = 8
    /// How samples count in the loss: fsrs-rs' recency weights by default.
    public var weighting = SampleWeighting.recency
    /// Parts each mini-batch's gradient is split into, computed in parallel and summed in order. Fixed (not the
    /// number of cores) so that the same log gives the same weights on any machine.
    public var parts = 4

    /// The default settings.
    public init() {}
  }

  /// Where a fit is.
  public struct Progress: Sendable, Equatable {
    /// The current epoch (1-based).
    public var epoch: Int
    /// Epochs in total.
    public var epochs: Int
    /// Optimisation steps done.
    public var step: Int
    /// Optimisation steps in total.
    public var steps: Int
  }

  /// A fit's outcome.
  public struct Result: Sendable, Equatable {
    /// The fitted weights (the defaults if there was too little data).
    public var weights: [Double]
    /// The starting point: defaults with pretrained initial stabilities.
    public var initialWeights: [Double]
    /// Whether the defaults were kept for lack of data.
    public var keptDefaults: Bool
    /// Samples (reviews with a gap of at least a day) in the log.
    public var samples: Int
    /// Mean (weighted) log loss over the samples at the starting point.
    public var lossBefore: Double
    /// Mean (weighted) log loss after fitting.
    public var lossAfter: Double
  }

  /// PARAMS_STDDEV of fsrs-rs: how far each weight typically varies between learners (scales the pull).
  static let spread: [Double] = [
    6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31,
    0.32, 0.14, 0.27,
  ]

  /// Fits weights to `training`; `progress` is called after each step.
  public static func fit(
    _ training: TrainingSet, configuration: Configuration = Configuration(),
    progress: ((Progress) -> Void)? = nil
  ) -> Result {
    let defaults = FSRSParameters.defaultWeights
    let total = training.sampleCount
    guard total >= configuration.minimumItems else {
      return Result(
        weights: defaults, initialWeights: defaults, keptDefaults: true, samples: total, lossBefore: 0, lossAfter: 0)
    }
    var start = defaults
    start.replaceSubrange(0..<4, with: Pretraining.initialStabilities(training))
    start = ParameterClipper.clip(start, relearningSteps: configuration.relearningSteps)
    let startLoss = FSRSLoss.meanLoss(training, weights: start, weighting: configuration.weighting)

    // Cards with at least one sample, each with its sample count.
    var cards: [Int] = []
    var samplesOfCard: [Int] = []
    for card in 0..<training.cardCount {
      var count = 0
      for j in training.starts[card] + 1..<Swift.max(training.starts[card] + 1, training.starts[card + 1])
      where training.gaps[j] > 0 { count += 1 }
      if count > 0 {
        cards.append(card)
        samplesOfCard.append(count)
      }
    }
    var longest = 0
    for card in 0..<training.cardCount {
      longest = Swift.max(longest, training.starts[card + 1] - training.starts[card])
    }
    let scratch = (0..<Swift.max(1, configuration.parts)).map { _ in HandGradient(longestCard: longest) }
    let stepsPerEpoch = Swift.max(1, (total + configuration.batchSize - 1) / configuration.batchSize)
    let totalSteps = stepsPerEpoch * configuration.epochs
    var rng = SplitMix64(seed: configuration.seed)
    var w = start
    var m = [Double](repeating: 0, count: 21)
    var v = [Double](repeating: 0, count: 21)
    var best = (weights: start, loss: startLoss)
    var step = 0
    var order = Array(cards.indices)
    for epoch in 1...configuration.epochs {
      for i in stride(from: order.count - 1, to: 0, by: -1) {
        order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
      }
      var position = 0
      while position < order.count {
        var batch: [Int] = []
        var batchItems = 0
        while position < order.count && batchItems < configuration.batchSize {
          batch.append(cards[order[position]])
          batchItems += samplesOfCard[order[position]]
          position += 1
        }
        var gradient = gradientOf(
          training, cards: batch, weights: w, weighting: configuration.weighting, scratch: scratch)
        let pull = configuration.regularization * Double(batchItems) / Double(total)
        for i in 0..<21 { gradient[i] += pull * 2 * (w[i] - start[i]) / (spread[i] * spread[i]) }
        step += 1
        let progressed = Double(step - 1) / Double(totalSteps)
        let rate = configuration.learningRate * 0.5 * (1 + Foundation.cos(Double.pi * progressed))
        let correction1 = 1 - Foundation.pow(0.9, Double(step))
        let correction2 = 1 - Foundation.pow(0.999, Double(step))
        for i in 0..<21 {
          m[i] = 0.9 * m[i] + 0.1 * gradient[i]
          v[i] = 0.999 * v[i] + 0.001 * gradient[i] * gradient[i]
          w[i] -= rate * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + 1e-8)
        }
        w = ParameterClipper.clip(w, relearningSteps: configuration.relearningSteps)
        progress?(Progress(epoch: epoch, epochs: configuration.epochs, step: step, steps: totalSteps))
      }
    }
    // The learning rate has annealed to zero by the end, so the last weights are the candidate; they are kept
    // unless the starting point explains the log better.
    let loss = FSRSLoss.meanLoss(training, weights: w, weighting: configuration.weighting)
    if loss < best.loss { best = (w, loss) }
    return Result(
      weights: best.weights, initialWeights: start, keptDefaults: false, samples: total,
      lossBefore: startLoss, lossAfter: best.loss)
  }

  /// The gradient of the summed log loss over `cards`, split into up to one part per scratch space (each part
  /// at least 64 cards), computed in parallel and summed in order.
  static func gradientOf(
    _ training: TrainingSet, cards: [Int], weights: [Double], weighting: SampleWeighting,
    scratch: [HandGradient]
  ) -> [Double] {
    let parts = Swift.min(scratch.count, Swift.max(1, cards.count / 64))
    if parts <= 1 {
      return scratch[0].lossAndGradient(training, cards: cards, weights: weights, weighting: weighting).gradient
    }
    let results = ResultSlots(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let low = cards.count * part / parts
      let high = cards.count * (part + 1) / parts
      results.store(
        scratch[part].lossAndGradient(training, cards: cards[low..<high], weights: weights, weighting: weighting)
          .gradient, at: part)
    }
    var sum = [Double](repeating: 0, count: 21)
    for part in 0..<parts {
      let gradient = results.value(at: part)
      for i in 0..<21 { sum[i] += gradient[i] }
    }
    return sum
  }
}

/// Per-worker result slots written by distinct threads at distinct indices, read after they all finish.
final class ResultSlots: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<[Double]>
  private let count: Int
  init(count: Int) {
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: [], count: count)
  }
  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }
  func store(_ value: [Double], at index: Int) { slots[index] = value }
  func value(at index: Int) -> [Double] { slots[index] }
}

