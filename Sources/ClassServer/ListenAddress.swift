/// Where the server listens: `HOST:PORT` (`[::1]:8080` for IPv6), port 0 picking a free one.
public struct ListenAddress: Sendable, Equatable {
  /// The host name or address.
  public var host: String
  /// The port (0: any free port).
  public var port: Int

  /// Reads `HOST:PORT`; `.invalid` naming the problem otherwise.
  public init(parsing text: String) throws(ServerError) {
    let hint = "give HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080 (port 0 picks a free one)"
    var hostPart: Substring
    var portPart: Substring
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
        throw .invalid("--listen '\(text)': \(hint)")
      }
      hostPart = text[text.index(after: text.startIndex)..<close]
      portPart = text[text.index(close, offsetBy: 2)...]
    } else {
      guard let colon = text.lastIndex(of: ":") else { throw .invalid("--listen '\(text)': no port; \(hint)") }
      hostPart = text[..<colon]
      portPart = text[text.index(after: colon)...]
    }
    guard !hostPart.isEmpty else { throw .invalid("--listen '\(text)': no host; \(hint)") }
    guard let port = Int(portPart), (0...65535).contains(port) else {
      throw .invalid("--listen '\(text)': the port must be a number from 0 to 65535; \(hint)")
    }
    host = String(hostPart)
    self.port = port
  }

  /// Whether only this machine can reach the address (127.0.0.0/8, ::1, localhost).
  public var isLoopback: Bool {
    host == "localhost" || host == "::1" || host.hasPrefix("127.")
  }

  /// `HOST:PORT` with an IPv6 host in brackets, for a URL.
  public static func authority(host: String, port: Int) -> String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }
}
