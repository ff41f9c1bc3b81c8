import Foundation
import Testing

import StableRandom

/// Known outputs: card ids, distractor choices, quiz orders, fuzzed intervals and simulations all derive from
/// these two algorithms, so any change to either must fail here before it silently reshuffles learners' data.
@Suite struct StableRandomTests {
  @Test("FNV-1a gives the published 64-bit test vectors", arguments: [
    ("", 0xCBF2_9CE4_8422_2325 as UInt64), ("a", 0xAF63_DC4C_8601_EC8C), ("foobar", 0x8594_4171_F739_67E8),
  ])
  func fnvVectors(_ text: String, _ expected: UInt64) {
    #expect(FNV1a.hash(text) == expected)
    #expect(FNV1a.hash(Array(text.utf8)) == expected)
  }

  @Test func fnvHexIsSixteenLowerCaseDigits() {
    #expect(FNV1a.hex("".utf8) == "cbf29ce484222325")
    #expect(FNV1a.hex("foobar".utf8) == "85944171f73967e8")
  }

  @Test func fnvReadsStoredAndStreamedBytesAlike() {
    // Arrays, Data and native strings are hashed from their storage; a lazy sequence byte by byte.
    for text in ["", "a", "foobar", "kalbajar/capital-falls/order", "Özal ‘quoted’ — a long text of many more bytes"] {
      let streamed = FNV1a.hash(text.utf8.lazy.map { $0 })
      #expect(FNV1a.hash(text) == streamed)
      #expect(FNV1a.hash(Array(text.utf8)) == streamed)
      #expect(FNV1a.hash(Data(text.utf8)) == streamed)
      #expect(FNV1a.hex(Data(text.utf8)) == FNV1a.hex(text.utf8.lazy.map { $0 }))
    }
  }

  @Test func fnvCombinedPiecewiseEqualsTheWhole() {
    var hash = FNV1a()
    hash.combine("foo".utf8)
    hash.combine(byte: UInt8(ascii: "b"))
    hash.combine("ar".utf8)
    #expect(hash.value == FNV1a.hash("foobar"))
  }

  static let referenceSequences: [(UInt64, [UInt64])] = [
    (0, [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F]),
    (1_234_567, [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423]),
  ]

  @Test("SplitMix64 gives the reference sequence", arguments: referenceSequences)
  func splitMixSequence(_ seed: UInt64, _ expected: [UInt64]) {
    var random = SplitMix64(seed: seed)
    #expect((0..<3).map { _ in random.next() } == expected)
  }

  @Test func aStringSeedIsItsFNVHash() {
    var random = SplitMix64(seed: "kalbajar/capital-falls/order")
    #expect(FNV1a.hash("kalbajar/capital-falls/order") == 0xCB7C_B10B_73F7_58B4)
    #expect((0..<3).map { _ in random.next() } == [0xBCC0_4897_B85C_D4B9, 0x5E07_ED00_B998_2B38, 0xE460_C501_8343_0CDF])
  }

  @Test func unitUsesTheTop53Bits() {
    var random = SplitMix64(seed: 0)
    #expect(random.unit() == 0.8833108082136426)
    #expect(SplitMix64.unit(.max) < 1)
    #expect(SplitMix64.unit(0) == 0)
  }

  @Test func shuffleIsAFixedFisherYatesFromTheFront() {
    var random = SplitMix64(seed: "kalbajar/capital-falls/order")
    #expect(random.shuffled([0, 1, 2, 3, 4]) == [1, 0, 3, 2, 4])
    var again = SplitMix64(seed: "kalbajar/capital-falls/order")
    #expect(again.pick(2, from: [0, 1, 2, 3, 4]) == [1, 0])
    #expect(again.pick(9, from: ["only"]) == ["only"])
  }
}
