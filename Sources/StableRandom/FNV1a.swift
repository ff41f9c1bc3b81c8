/// The 64-bit FNV-1a hash: a stable hash of bytes, the same on every run and machine (unlike Swift's `Hasher`).
///
/// Used for deck content hashes, for seeding `SplitMix64` from card ids, and for the scheduler's fuzz.
///
/// ```swift
/// FNV1a.hash("a")                    // 0xaf63dc4c8601ec8c
/// var h = FNV1a(); h.combine("card".utf8); h.combine(byte: 7); h.value
/// ```
public struct FNV1a: Sendable, Hashable {
  /// The hash of no bytes (FNV's 64-bit offset basis).
  public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
  /// FNV's 64-bit prime.
  public static let prime: UInt64 = 0x0000_0100_0000_01B3

  @usableFromInline var state: UInt64

  /// The hash of the bytes combined so far.
  @inlinable public var value: UInt64 { state }

  /// A hash of no bytes yet.
  @inlinable public init() { state = Self.offsetBasis }

  /// Adds one byte to the hash.
  @inlinable public mutating func combine(byte: UInt8) {
    state ^= UInt64(byte)
    state &*= Self.prime
  }

  /// Adds `bytes`, in order, to the hash: straight from their storage when they have one in memory (an array,
  /// `Data`, a native string's UTF-8), else byte by byte through the sequence.
  @inlinable public mutating func combine(_ bytes: some Sequence<UInt8>) {
    var hashed = state
    let contiguous: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      for byte in buffer {
        hashed ^= UInt64(byte)
        hashed &*= Self.prime
      }
    }
    if contiguous != nil {
      state = hashed
      return
    }
    for byte in bytes { combine(byte: byte) }
  }

  /// The hash of `bytes`.
  @inlinable public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash = FNV1a()
    hash.combine(bytes)
    return hash.value
  }

  /// The hash of `text`'s UTF-8 bytes.
  @inlinable public static func hash(_ text: String) -> UInt64 { hash(text.utf8) }

  /// The hash of `bytes` as 16 lower-case hex digits, e.g. `"cbf29ce484222325"` for no bytes.
  @inlinable public static func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = String(hash(bytes), radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
