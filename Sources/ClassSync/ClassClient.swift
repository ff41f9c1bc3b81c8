import ClassModel
import Foundation

/// HTTP to the class server (`HTTPExchange`): JSON in and out, the token as `Authorization: Bearer`, answers
/// other than 2xx turned into `SyncError`s carrying the server's message.
public struct ClassClient: Sendable {
  /// The server's base URL (`http://127.0.0.1:8080`).
  public let server: URL
  let token: String
  let timeout: TimeInterval

  /// A client for `server` (http or https) with `token`.
  public init(server: String, token: String, timeout: TimeInterval = 30) throws(SyncError) {
    var text = server
    while text.hasSuffix("/") { text.removeLast() }
    guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
    else { throw .invalid("--server '\(server)': give the server's URL, like http://127.0.0.1:8080") }
    guard !token.isEmpty, !token.contains(where: { $0.isWhitespace || $0.isNewline }) else {
      throw .invalid("--token: the token is empty or has spaces")
    }
    self.server = url
    self.token = token
    self.timeout = timeout
  }

  /// `GET path` decoded as `T`.
  public func get<T: Decodable>(_ path: String, as type: T.Type = T.self) async throws(SyncError) -> T {
    try decode(T.self, try await send("GET", path, body: nil))
  }

  /// `method path` with `body` as JSON, the answer decoded as `T`.
  public func send<B: Encodable, T: Decodable>(
    _ method: String, _ path: String, json body: B, as type: T.Type = T.self
  ) async throws(SyncError) -> T {
    let data: Data
    do { data = try JSONEncoder().encode(body) } catch { throw .invalid("cannot encode the request: \(error)") }
    return try decode(T.self, try await send(method, path, body: data))
  }

  /// `method path` with an optional JSON body; the raw answer of a 2xx status.
  @discardableResult
  public func send(_ method: String, _ path: String, body: Data?) async throws(SyncError) -> Data {
    guard let url = URL(string: server.absoluteString + path) else { throw .invalid("bad request path \(path)") }
    var headers = [("Authorization", "Bearer \(token)"), ("Accept", "application/json")]
    if body != nil { headers.append(("Content-Type", "application/json")) }
    let exchange = HTTPExchange(method: method, url: url, headers: headers, body: body, timeout: timeout)
    let status: Int
    let data: Data
    do { (status, data) = try await exchange.run() } catch {
      throw .offline(server: server.absoluteString, reason: error.reason)
    }
    if (200..<300).contains(status) { return data }
    let message = Self.message(data)
    switch status {
    case 401: throw .unauthorized(server: server.absoluteString, message: message)
    case 403: throw .forbidden(server: server.absoluteString, message: message)
    default: throw .server(server: server.absoluteString, status: status, message: message)
    }
  }

  func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws(SyncError) -> T {
    do { return try JSONDecoder().decode(T.self, from: data) } catch {
      throw .server(server: server.absoluteString, status: 200, message: "an answer this Annals cannot read (\(error))")
    }
  }

  /// The server's `{"error": {"message": …}}`, else the body's first 200 characters.
  static func message(_ data: Data) -> String {
    struct Body: Decodable {
      struct Inner: Decodable { let message: String }
      let error: Inner
    }
    if let body = try? JSONDecoder().decode(Body.self, from: data) { return body.error.message }
    return String(decoding: data.prefix(200), as: UTF8.self)
  }

  /// Percent-encodes one path segment (a student's or deck's name).
  public static func segment(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}
