/// A seeded generator (SplitMix64) whose sequence is the same on every run, machine and Swift version.
///
/// Seeded from a number, or from a string through its FNV-1a hash: `SplitMix64(seed: cardID)` always draws the same
/// distractors and order for that card. Never Swift's `Hasher` (randomised per process) or
/// `SystemRandomNumberGenerator`, and never the standard library's `shuffled(using:)`, whose algorithm may change.
///
/// ```swift
/// var random = SplitMix64(seed: "kalbajar/capital-falls/order")
/// let order = random.shuffled(["a", "b", "c", "d"])
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
  @usableFromInline var state: UInt64

  /// A generator starting from `seed`.
  @inlinable public init(seed: UInt64) { state = seed }

  /// A generator seeded from the FNV-1a hash of `seed`'s UTF-8 bytes.
  @inlinable public init(seed: String) { state = FNV1a.hash(seed) }

  /// The next 64 random bits.
  @inlinable public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// SplitMix64's output function: scrambles `value` so that nearby inputs give unrelated outputs.
  @inlinable public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform number in [0, 1) from the next draw's top 53 bits.
  @inlinable public mutating func unit() -> Double { Self.unit(next()) }

  /// The number in [0, 1) that the 64 bits `bits` stand for (their top 53 bits).
  @inlinable public static func unit(_ bits: UInt64) -> Double { Double(bits >> 11) * 0x1.0p-53 }

  /// A value in `0..<bound` (`bound` > 0), by remainder: the bias is below 2⁻⁵⁰ for the small bounds used here.
  @inlinable public mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0)
    return Int(next() % UInt64(bound))
  }

  /// `count` distinct elements of `pool` in drawn order (a partial Fisher–Yates shuffle from the front).
  ///
  /// The pool is taken, not borrowed: a pool the caller made for the draw is shuffled in place and cut to `count`,
  /// with no copy (the same elements in the same order as a copy would give).
  @inlinable public mutating func pick<T>(_ count: Int, from pool: consuming [T]) -> [T] {
    let n = Swift.min(count, pool.count)
    for i in 0..<n {
      let j = i + below(pool.count - i)
      pool.swapAt(i, j)
    }
    if n < pool.count { pool.removeLast(pool.count - n) }
    return pool
  }

  /// `items` in a seeded order: `pick(items.count, from: items)`.
  @inlinable public mutating func shuffled<T>(_ items: consuming [T]) -> [T] {
    let count = items.count
    return pick(count, from: items)
  }
}
