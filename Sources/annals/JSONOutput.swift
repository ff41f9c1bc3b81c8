import Foundation

/// How commands print `--json`: a `Codable` output type encoded with sorted keys, dates in ISO 8601.
enum JSONOutput {
  /// `value` as one line of JSON.
  static func line(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    do { return String(decoding: try encoder.encode(value), as: UTF8.self) } catch {
      throw CommandError("cannot write the result as JSON: \(error.localizedDescription)")
    }
  }
}
