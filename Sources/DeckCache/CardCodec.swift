import CardBuilder
import EventDeck
import Glibc

/// The compiled copy's card row body: a compact length-prefixed binary form of a `Card`, read straight from the
/// row's bytes.
///
/// Why not JSON: decoding ~220 queue cards with `JSONDecoder` was two-thirds of a launch's CPU time (a key lookup
/// and a boxed value per field). Here every string is a varint length and its UTF-8 bytes, every list a varint
/// count and its elements, every optional a 0/1 byte, every enum its raw value, and a `Double` its 8 bytes; a card
/// decodes in one forward pass with no intermediate tree. The bytes are checksummed by the row, so a decode only
/// has to fail cleanly (never trap) on bytes that are not what it wrote; `CompiledDeck.format` changes with it.
enum CardCodec {
  /// The bytes of `card`.
  static func encode(_ card: Card) -> [UInt8] {
    var out = CodecWriter()
    // Sized once for the long texts and the rest, instead of growing from empty several times.
    out.bytes.reserveCapacity(
      card.id.utf8.count + card.prompt.utf8.count + card.answer.utf8.count + (card.source?.utf8.count ?? 0)
        + card.choices.reduce(0) { $0 + $1.utf8.count + 2 } + card.accepted.reduce(0) { $0 + $1.utf8.count + 2 }
        + card.item.utf8.count + card.siblingGroup.utf8.count + 96)
    out.string(card.id)
    out.string(card.deck)
    out.string(card.kind.rawValue)
    out.string(card.prompt)
    out.string(card.answer)
    out.strings(card.accepted)
    out.strings(card.choices)
    out.string(card.item)
    out.string(card.siblingGroup)
    out.optional(card.source) { $0.string($1) }
    out.strings(card.tags)
    out.optional(card.era) { $0.string($1) }
    switch card.expectation {
    case .entity(let ids):
      out.byte(0)
      out.strings(ids)
    case .text(let isName):
      out.byte(1)
      out.byte(isName ? 1 : 0)
    case .date(let date):
      out.byte(2)
      out.date(date.spec.start)
      out.optional(date.spec.end) { $0.date($1) }
      out.string(date.spec.qualifier.rawValue)
      out.date(date.earliest)
      out.date(date.latest)
      out.string(date.precision.rawValue)
    case .quantity(let quantity):
      out.byte(3)
      out.double(quantity.value)
      out.optional(quantity.unit) { $0.string($1) }
      out.string(quantity.qualifier.rawValue)
      out.double(quantity.low)
      out.double(quantity.high)
    case .choice(let correct):
      out.byte(4)
      out.int(correct)
    case .ordering(let order):
      out.byte(5)
      out.varint(UInt64(order.count))
      for index in order { out.int(index) }
    }
    return out.bytes
  }

  /// The card in `bytes`, or nil when they are not a whole card of this form.
  static func decode(_ bytes: UnsafeRawBufferPointer) -> Card? {
    var input = CodecReader(bytes: bytes)
    guard let id = input.string(), let deck = input.string(), let kind = input.raw(CardKind.self),
      let prompt = input.string(), let answer = input.string(), let accepted = input.strings(),
      let choices = input.strings(), let item = input.string(), let siblingGroup = input.string(),
      let source = input.optional({ $0.string() }), let tags = input.strings(),
      let era = input.optional({ $0.string() }), let expectation = input.expectation(), input.isAtEnd
    else { return nil }
    return Card(
      id: id, deck: deck, kind: kind, prompt: prompt, answer: answer, accepted: accepted, choices: choices,
      item: item, siblingGroup: siblingGroup, source: source, tags: tags, era: era, expectation: expectation)
  }
}

/// The byte writer behind `CardCodec` and `SessionDeckCodec`: varints, zigzag integers, length-prefixed UTF-8,
/// 0/1-prefixed optionals.
struct CodecWriter {
  var bytes: [UInt8] = []

  mutating func byte(_ value: UInt8) { bytes.append(value) }

  mutating func varint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Zigzag, so that small negative numbers (years BC) stay short.
  mutating func int(_ value: Int) {
    let wide = Int64(value)
    varint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
  }

  mutating func double(_ value: Double) {
    withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      varint(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func strings(_ values: [String]) {
    varint(UInt64(values.count))
    for value in values { string(value) }
  }

  mutating func optional<T>(_ value: T?, _ write: (inout CodecWriter, T) -> Void) {
    guard let value else { return byte(0) }
    byte(1)
    write(&self, value)
  }

  mutating func date(_ date: HistoricalDate) {
    int(date.year)
    optional(date.month) { $0.int($1) }
    optional(date.day) { $0.int($1) }
    optional(date.season) { $0.string($1.rawValue) }
    optional(date.scale) { $0.string($1.rawValue) }
    optional(date.part) { $0.string($1.rawValue) }
  }
}

/// The reader of `CodecWriter`'s bytes: every read is nil past the end or on bytes that are not what was written.
struct CodecReader {
  let bytes: UnsafeRawBufferPointer
  var offset = 0

  var isAtEnd: Bool { offset == bytes.count }

  mutating func byte() -> UInt8? {
    guard offset < bytes.count else { return nil }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func varint() -> UInt64? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while let next = byte() {
      guard shift < 64 else { return nil }
      value |= UInt64(next & 0x7F) << shift
      if next < 0x80 { return value }
      shift += 7
    }
    return nil
  }

  mutating func int() -> Int? {
    guard let raw = varint() else { return nil }
    let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    return Int(exactly: value)
  }

  /// A count or length that fits in what is left (so a damaged length never asks for a huge allocation).
  mutating func count() -> Int? {
    guard let raw = varint(), raw <= UInt64(bytes.count - offset) else { return nil }
    return Int(raw)
  }

  mutating func double() -> Double? {
    guard bytes.count - offset >= 8 else { return nil }
    var bits: UInt64 = 0
    for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
    offset += 8
    return Double(bitPattern: bits)
  }

  mutating func string() -> String? {
    guard let length = count() else { return nil }
    let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
    offset += length
    return Self.validString(slice.bindMemory(to: UInt8.self))
  }

  /// The bytes as a string, or nil when they are not valid UTF-8 (they are then not ours: fail rather than repair).
  ///
  /// `String(validating:as:)` is generic over the encoding and looked its metadata up on every call: a fifth of
  /// reading a library deck's cards. Decoding repairs invalid bytes into U+FFFD, so the string's bytes are the
  /// input's exactly when the input was valid; one `memcmp` of a few dozen bytes tells.
  static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var decoded = String(decoding: bytes, as: UTF8.self)
    return decoded.withUTF8 { made in
      made.count == bytes.count && (made.isEmpty || memcmp(made.baseAddress!, bytes.baseAddress!, made.count) == 0)
    } ? decoded : nil
  }

  mutating func strings() -> [String]? {
    guard let count = count() else { return nil }
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count {
      guard let value = string() else { return nil }
      values.append(value)
    }
    return values
  }

  /// `.some(nil)` for an absent value, nil for bytes that are not an optional.
  mutating func optional<T>(_ read: (inout CodecReader) -> T?) -> T?? {
    switch byte() {
    case 0: return .some(nil)
    case 1: return read(&self).map { .some($0) }
    default: return nil
    }
  }

  mutating func raw<T: RawRepresentable>(_ type: T.Type) -> T? where T.RawValue == String {
    string().flatMap(T.init(rawValue:))
  }

  mutating func date() -> HistoricalDate? {
    guard let year = int(), let month = optional({ $0.int() }), let day = optional({ $0.int() }),
      let season = optional({ $0.raw(HistoricalDate.Season.self) }),
      let scale = optional({ $0.raw(HistoricalDate.Scale.self) }),
      let part = optional({ $0.raw(HistoricalDate.Part.self) })
    else { return nil }
    var date = HistoricalDate(year: year, month: month, day: day)
    date.season = season
    date.scale = scale
    date.part = part
    return date
  }

  mutating func expectation() -> Expectation? {
    switch byte() {
    case 0: return strings().map { .entity(ids: $0) }
    case 1:
      switch byte() {
      case 0: return .text(isName: false)
      case 1: return .text(isName: true)
      default: return nil
      }
    case 2:
      guard let start = date(), let end = optional({ $0.date() }), let qualifier = raw(DateQualifier.self),
        let earliest = date(), let latest = date(), let precision = raw(HistoricalDate.Precision.self)
      else { return nil }
      return .date(
        DateExpectation(
          spec: DateSpec(start: start, end: end, qualifier: qualifier), earliest: earliest, latest: latest,
          precision: precision))
    case 3:
      guard let value = double(), let unit = optional({ $0.string() }),
        let qualifier = raw(QuantityQualifier.self), let low = double(), let high = double()
      else { return nil }
      return .quantity(QuantityExpectation(value: value, unit: unit, qualifier: qualifier, low: low, high: high))
    case 4: return int().map { .choice(correct: $0) }
    case 5:
      guard let count = count() else { return nil }
      var order: [Int] = []
      order.reserveCapacity(count)
      for _ in 0..<count {
        guard let index = int() else { return nil }
        order.append(index)
      }
      return .ordering(correct: order)
    default: return nil
    }
  }
}
