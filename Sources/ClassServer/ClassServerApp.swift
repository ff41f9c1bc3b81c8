#if Server
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import UnixSignals

/// Runs the class server: the routes over a store, on HTTP or HTTPS, until SIGTERM or SIGINT, when requests in
/// flight finish before it returns (Hummingbird's graceful shutdown through ServiceLifecycle).
public struct ClassServerApp: Sendable {
  /// PEM files for HTTPS.
  public struct TLSFiles: Sendable {
    /// The certificate chain.
    public var certificate: String
    /// The private key.
    public var key: String

    /// Certificate and key paths.
    public init(certificate: String, key: String) {
      self.certificate = certificate
      self.key = key
    }
  }

  let store: any ServerStore
  let services: [any Service]
  let address: ListenAddress
  let tls: TLSFiles?
  let logger: Logger

  /// A server over `store`, running `services` (a PostgreSQL client pool) beside it.
  public init(store: any ServerStore, services: [any Service] = [], address: ListenAddress, tls: TLSFiles?, logger: Logger) {
    self.store = store
    self.services = services
    self.address = address
    self.tls = tls
    self.logger = logger
  }

  /// Serves until a shutdown signal; `onRunning` receives the URL it listens on (the real port for port 0).
  public func run(onRunning: @escaping @Sendable (String) -> Void) async throws {
    let server: HTTPServerBuilder
    if let tls {
      let configuration: TLSConfiguration
      do {
        let chain = try NIOSSLCertificate.fromPEMFile(tls.certificate).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(file: tls.key, format: .pem)
        configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
      } catch {
        throw ServerError.cannotStart("cannot read --tls-cert \(tls.certificate) or --tls-key \(tls.key): \(error)")
      }
      server = try .tls(.http1(), tlsConfiguration: configuration)
    } else {
      server = .http1()
    }
    let scheme = tls == nil ? "http" : "https"
    let host = address.host
    let router = ClassRoutes(store: store).router(logLevel: .info)
    var app = Application(
      router: router, server: server,
      configuration: .init(address: .hostname(host, port: address.port), serverName: "Annals"),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? 0
        onRunning("\(scheme)://\(ListenAddress.authority(host: host, port: port))")
      },
      logger: logger)
    app.addServices(services)
    try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
  }
}
#endif
