import Foundation
import StableRandom

/// Spreads review intervals so that cards learned together do not stay together; deterministic per card and review.
///
/// The draw is seeded by FNV-1a over the card id and its review count, so rescheduling the same answer gives the
/// same interval on every run and machine (Swift's `Hasher` is randomised per process and is not used).
public enum Fuzz {
  /// The FSRS fuzz ranges (start, end, factor), as in py-fsrs and Anki.
  static let ranges: [(start: Double, end: Double, factor: Double)] = [(2.5, 7, 0.15), (7, 20, 0.10), (20, .infinity, 0.05)]

  /// The allowed range of a fuzzed `interval` (days), or nil when the interval is too short to fuzz (< 2.5 days).
  public static func range(for interval: Double, maximumInterval: Int) -> ClosedRange<Int>? {
    guard interval >= 2.5 else { return nil }
    var delta = 1.0
    for range in ranges { delta += range.factor * Swift.max(Swift.min(interval, range.end) - range.start, 0) }
    var lower = Swift.max(2, Int((interval - delta).rounded()))
    let upper = Swift.min(Int((interval + delta).rounded()), maximumInterval)
    lower = Swift.min(lower, upper)
    return lower...upper
  }

  /// The fuzzed interval for `interval` days, drawn uniformly from `range(for:)` with a seed from (cardID, reps).
  public static func interval(_ interval: Int, cardID: String, reps: Int, maximumInterval: Int) -> Int {
    guard let range = range(for: Double(interval), maximumInterval: maximumInterval) else { return interval }
    let unit = unitValue(cardID: cardID, reps: reps)
    let span = Double(range.count)
    return range.lowerBound + Swift.min(Int((unit * span).rounded(.down)), range.count - 1)
  }

  /// A number in [0, 1) fixed by the card id and review count.
  public static func unitValue(cardID: String, reps: Int) -> Double {
    var hash = FNV1a()
    hash.combine(cardID.utf8)
    // The review count as eight little-endian bytes.
    let count = UInt64(bitPattern: Int64(reps))
    for shift in stride(from: 0, to: 64, by: 8) { hash.combine(byte: UInt8(truncatingIfNeeded: count >> UInt64(shift))) }
    // SplitMix64's output function: FNV's low bits are weak on short inputs.
    return SplitMix64.unit(SplitMix64.mix(hash.value))
  }
}
