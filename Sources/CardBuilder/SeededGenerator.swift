/// SplitMix64 seeded from an FNV-1a hash of a string: the same card id always draws the same distractors and order.
///
/// Never Swift's `Hasher` (randomised per process) or `SystemRandomNumberGenerator`.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator seeded from `seed`'s UTF-8 bytes.
  public init(seed: String) {
    self.state = Self.fnv1a(seed)
  }

  /// 64-bit FNV-1a hash of the UTF-8 bytes of `text`.
  public static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return hash
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// A value in 0..<bound without modulo bias worth caring about here.
  public mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0)
    return Int(next() % UInt64(bound))
  }

  /// `count` distinct elements of `pool` in drawn order (partial Fisher–Yates).
  public mutating func pick<T>(_ count: Int, from pool: [T]) -> [T] {
    var pool = pool
    let n = min(count, pool.count)
    for i in 0..<n {
      let j = i + below(pool.count - i)
      pool.swapAt(i, j)
    }
    return Array(pool.prefix(n))
  }

  /// `items` in a seeded order.
  public mutating func shuffled<T>(_ items: [T]) -> [T] { pick(items.count, from: items) }
}
