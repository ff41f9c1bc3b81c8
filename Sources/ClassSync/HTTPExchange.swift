import Foundation

#if Server
  import NIOCore
  import NIOHTTP1
  import NIOPosix
  import NIOSSL
  import Synchronization
#elseif canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP request and its answer: the transport under `ClassClient`.
///
/// With the `Server` trait (every build but the sanitizers'), it runs on SwiftNIO's HTTP/1.1 codec, with NIOSSL
/// for https. The server is built on NIO already, and Foundation's URLSession brought libcurl and about 25 shared
/// libraries (TLS, Kerberos, LDAP, SSH) into every `annals` process. Their loading and relocation cost about 7 ms
/// and 5 MB on each launch, sync or not. Without the trait, URLSession does the same exchange.
struct HTTPExchange: Sendable {
  let method: String
  let url: URL
  let headers: [(String, String)]
  let body: Data?
  let timeout: TimeInterval

  /// Why an exchange failed before an answer came, in words for `SyncError.offline`.
  struct Failure: Error {
    let reason: String
  }

  /// The answer's status and body.
  func run() async throws(Failure) -> (status: Int, body: Data) {
    do {
      return try await exchange()
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(reason: Self.reason(error))
    }
  }

  #if Server
    private func exchange() async throws -> (status: Int, body: Data) {
      guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false), let host = components.host,
        let scheme = components.scheme
      else { throw Failure(reason: "not a URL with a host: \(url.absoluteString)") }
      let secure = scheme == "https"
      let port = components.port ?? (secure ? 443 : 80)
      let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
      let target = components.percentEncodedQuery.map { path + "?" + $0 } ?? path
      let tls = secure ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
      // SNI takes a name, never an address literal.
      let serverName = host.contains(":") || host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : host
      let deadline = timeout
      let (method, headers, body) = (self.method, self.headers, self.body)
      let hostHeader = components.port.map { "\(host):\($0)" } ?? host
      // A failed TLS handshake closes the channel: a write racing it fails with "I/O on closed channel", and the
      // handshake's own error (the one worth telling) is kept here to be thrown instead.
      let pipelineError = FirstError()
      return try await withThrowingTaskGroup(of: (status: Int, body: Data).self) { group in
        group.addTask {
          do {
            return try await Self.send(
              host: host, port: port, tls: tls, serverName: serverName, deadline: deadline, pipelineError: pipelineError,
              head: (method, target, hostHeader, headers), body: body)
          } catch {
            throw pipelineError.value ?? error
          }
        }
        group.addTask {
          try await Task.sleep(for: .milliseconds(Int(deadline * 1000)))
          throw Failure(reason: "timed out")
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw Failure(reason: "no answer") }
        return first
      }
    }

    /// Connects, sends the request and reads the answer.
    private static func send(
      host: String, port: Int, tls: NIOSSLContext?, serverName: String?, deadline: TimeInterval,
      pipelineError: FirstError, head request: (method: String, target: String, host: String, headers: [(String, String)]),
      body: Data?
    ) async throws -> (status: Int, body: Data) {
      let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connectTimeout(.milliseconds(Int64(deadline * 1000)))
        .connect(host: host, port: port) { channel in
          channel.eventLoop.makeCompletedFuture {
            if let tls {
              try channel.pipeline.syncOperations.addHandler(
                try NIOSSLClientHandler(context: tls, serverHostname: serverName))
              try channel.pipeline.syncOperations.addHandler(ErrorRecorder(into: pipelineError))
            }
            try channel.pipeline.syncOperations.addHTTPClientHandlers()
            return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
              wrappingChannelSynchronously: channel)
          }
        }
      return try await channel.executeThenClose { inbound, outbound in
        var head = HTTPRequestHead(
          version: .http1_1, method: HTTPMethod(rawValue: request.method), uri: request.target)
        head.headers.add(name: "Host", value: request.host)
        for (name, value) in request.headers { head.headers.add(name: name, value: value) }
        head.headers.add(name: "Content-Length", value: String(body?.count ?? 0))
        head.headers.add(name: "Connection", value: "close")
        // The whole request in one write and one flush. Written part by part, a request without a body let the
        // server answer its head and close (`Connection: close`) before the end was written, and that write
        // failed with "I/O on closed channel" though the answer had come (seen under load in CI).
        var parts: [HTTPClientRequestPart] = [.head(head)]
        if let body, !body.isEmpty { parts.append(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
        parts.append(.end(nil))
        // A server may also answer before it reads the whole request (a refusal) and close: its answer, when
        // one came, is read and returned; the write's error only when none did.
        var writeError: (any Error)?
        do { try await outbound.write(contentsOf: parts) } catch { writeError = error }
        var status: Int?
        var answer = Data()
        do {
          for try await part in inbound {
            switch part {
            case .head(let response): status = Int(response.status.code)
            case .body(let bytes): answer.append(contentsOf: bytes.readableBytesView)
            case .end: return (status ?? 0, answer)
            }
          }
        } catch {
          throw writeError ?? error
        }
        throw writeError ?? Failure(reason: "the server closed the connection before answering")
      }
    }

    static func reason(_ error: any Error) -> String {
      if let failure = error as? Failure { return failure.reason }
      if let connection = error as? NIOConnectionError {
        if connection.connectionErrors.isEmpty, connection.dnsAError != nil || connection.dnsAAAAError != nil {
          return "unknown host"
        }
        if connection.connectionErrors.contains(where: { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }) {
          return "connection refused"
        }
        if let first = connection.connectionErrors.first { return reason(first.error) }
        return "cannot connect"
      }
      if let io = error as? IOError {
        return io.errnoCode == ECONNREFUSED ? "connection refused" : String(cString: strerror(io.errnoCode))
      }
      if let channel = error as? ChannelError {
        if case .connectTimeout = channel { return "timed out" }
        return "the connection failed (\(channel))"
      }
      if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
        let detail = String(describing: error)
        if detail.contains("CERTIFICATE_VERIFY_FAILED") {
          return "the TLS connection failed: the server's certificate is not signed by an authority this machine trusts"
        }
        if (error as? NIOSSLExtraError) == .failedToValidateHostname {
          return "the TLS connection failed: the server's certificate is for another name"
        }
        return "the TLS connection failed (\(detail.prefix(200)))"
      }
      return String(describing: error)
    }
  #else
    private func exchange() async throws -> (status: Int, body: Data) {
      var request = URLRequest(url: url)
      request.httpMethod = method
      for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
      request.httpBody = body
      let configuration = URLSessionConfiguration.ephemeral
      configuration.timeoutIntervalForRequest = timeout
      configuration.urlCache = nil
      let (data, response) = try await URLSession(configuration: configuration).data(for: request)
      return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    static func reason(_ error: any Error) -> String {
      if let failure = error as? Failure { return failure.reason }
      if let error = error as? URLError {
        switch error.code {
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "unknown host"
        case .timedOut: return "timed out"
        case .notConnectedToInternet, .networkConnectionLost: return "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
          return "the TLS connection failed: \(error.localizedDescription)"
        default: return error.localizedDescription
        }
      }
      return (error as NSError).localizedDescription
    }
  #endif
}

#if Server
  /// The first error a channel's pipeline saw, kept for the task that waits on the channel.
  final class FirstError: Sendable {
    private let first = Mutex<(any Error)?>(nil)

    var value: (any Error)? { first.withLock { $0 } }

    func record(_ error: any Error) {
      first.withLock { if $0 == nil { $0 = error } }
    }
  }

  /// Records the errors that pass it (placed after the TLS handler, it sees a failed handshake's) and passes
  /// everything on.
  final class ErrorRecorder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    private let errors: FirstError

    init(into errors: FirstError) { self.errors = errors }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
      errors.record(error)
      context.fireErrorCaught(error)
    }
  }
#endif
