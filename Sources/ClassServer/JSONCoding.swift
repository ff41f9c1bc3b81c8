import Foundation

/// The JSON encoder and decoder the server uses for stored bodies and for requests, with errors in words.
enum JSONCoding {
  static func encode<T: Encodable>(_ value: T) throws(ServerError) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do { return String(decoding: try encoder.encode(value), as: UTF8.self) } catch {
      throw .invalid("cannot encode: \(error)")
    }
  }

  static func decode<T: Decodable>(_ text: String, place: String) throws(ServerError) -> T {
    do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch {
      throw .database(place: place, message: "unreadable stored JSON (\(error))")
    }
  }

  /// Decodes a request body, naming what is wrong (the field's path and the problem) in the error.
  static func decodeRequest<T: Decodable>(_ type: T.Type, from data: Data) throws(ServerError) -> T {
    do { return try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
      throw .invalid("bad JSON body: \(describe(error))")
    } catch {
      throw .invalid("bad JSON body: \(error.localizedDescription)")
    }
  }

  static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let joined = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return joined.isEmpty ? "the body" : String(joined.drop(while: { $0 == "." }))
    }
    switch error {
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)): \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "\(path(context)): missing field '\(key.stringValue)'"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(path(context)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}
