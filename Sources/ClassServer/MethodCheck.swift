#if Server
import Hummingbird

/// Answers 405 with an `Allow` header for a method an endpoint does not have (the router alone would say 404).
struct MethodCheck: RouterMiddleware {
  /// Each endpoint's path, as segments (`*` for a parameter), with its methods.
  static let endpoints: [([String], Set<HTTPRequest.Method>)] = [
    (["health"], [.get]),
    (["openapi.json"], [.get]),
    (["v1", "me"], [.get]),
    (["v1", "students"], [.get, .post]),
    (["v1", "students", "*"], [.delete]),
    (["v1", "students", "*", "reviews"], [.get]),
    (["v1", "decks"], [.get]),
    (["v1", "decks", "*"], [.get, .put]),
    (["v1", "reviews"], [.post]),
  ]

  func handle(
    _ request: Request, context: ClassContext, next: (Request, ClassContext) async throws -> Response
  ) async throws -> Response {
    let segments = request.uri.path.split(separator: "/").map(String.init)
    if let (_, methods) = Self.endpoints.first(where: { pattern, _ in
      pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0 == "*" || $0 == $1 }
    }), !methods.contains(request.method) {
      let allow = methods.map(\.rawValue).sorted().joined(separator: ", ")
      throw HTTPError(.methodNotAllowed, headers: [.allow: allow], message: "\(request.method.rawValue) is not allowed here; use \(allow)")
    }
    return try await next(request, context)
  }
}
#endif
