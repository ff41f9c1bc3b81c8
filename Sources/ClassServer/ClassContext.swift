#if Server
import Hummingbird

/// The request context of the class server: Hummingbird's core storage and the member the bearer token names.
public struct ClassContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// Set by `BearerAuth` for every `/v1` request.
  public var member: Member?

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    member = nil
  }

  /// Request bodies larger than this are refused with 413 (a published deck with its sources is the largest).
  public var maxUploadSize: Int { ClassRoutes.maximumDeckBytes }
}
#endif
