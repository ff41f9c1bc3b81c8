#if Server
import Hummingbird

/// Finds the member an `Authorization: Bearer` token belongs to (by its SHA-256), or answers 401.
///
/// The token is looked up in the store on every request, so a revoked token is refused from the next request on.
struct BearerAuth: RouterMiddleware {
  let store: any ServerStore

  func handle(
    _ request: Request, context: ClassContext, next: (Request, ClassContext) async throws -> Response
  ) async throws -> Response {
    guard let header = request.headers[.authorization] else {
      throw HTTPError(
        .unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: "no token: send Authorization: Bearer <token>")
    }
    let parts = header.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty, parts[1].utf8.count <= 256 else {
      throw HTTPError(
        .unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: "the Authorization header is not 'Bearer <token>'")
    }
    guard let member = try await store.member(tokenHash: Tokens.hash(String(parts[1]))) else {
      throw HTTPError(
        .unauthorized, headers: [.wwwAuthenticate: "Bearer error=\"invalid_token\""],
        message: "unknown or revoked token")
    }
    var context = context
    context.member = member
    context.logger[metadataKey: "member"] = .string(member.name)
    return try await next(request, context)
  }
}
#endif
