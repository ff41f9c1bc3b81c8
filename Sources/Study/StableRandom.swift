/// A seeded generator whose sequence is the same on every run and platform (SplitMix64), for reproducible quizzes.
public struct StableRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator seeded from `seed`'s bytes (FNV-1a), so "class-3b" always gives the same quiz.
  public init(seed: String) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in seed.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    state = hash
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound` (bound > 0), without relying on the standard library's algorithm.
  public mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }

  /// `items` shuffled by Fisher–Yates with this generator.
  public mutating func shuffled<T>(_ items: [T]) -> [T] {
    var items = items
    guard items.count > 1 else { return items }
    for index in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(index, below(index + 1))
    }
    return items
  }
}

/// A stable 64-bit FNV-1a hash of a string, as hex (for deck content hashes and seeds).
public func stableHash(_ text: some Sequence<UInt8>) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text {
    hash ^= UInt64(byte)
    hash = hash &* 0x100_0000_01b3
  }
  let digits = String(hash, radix: 16)
  return String(repeating: "0", count: 16 - digits.count) + digits
}
