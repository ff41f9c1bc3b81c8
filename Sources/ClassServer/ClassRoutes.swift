#if Server
import ClassModel
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The class server's endpoints (described in `openapi.json`): `/health` and `/openapi.json` open to all, the
/// rest under `/v1` behind `BearerAuth`, each checking the member's role.
public struct ClassRoutes: Sendable {
  /// The largest request body: a deck with its sources (413 beyond).
  public static let maximumDeckBytes = 8 * 1024 * 1024
  /// The largest body of a review batch (413 beyond).
  public static let maximumBatchBytes = 2 * 1024 * 1024
  /// The largest page of reviews a client may ask for.
  public static let maximumPage = 2000

  let store: any ServerStore
  let clock: @Sendable () -> Int64

  /// Routes over `store`; `clock` gives the time in ms since 1970.
  public init(store: any ServerStore, clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
    self.store = store
    self.clock = clock
  }

  /// A router with every endpoint, logging each request.
  public func router(logLevel: Logger.Level = .info) -> Router<ClassContext> {
    let router = Router(context: ClassContext.self)
    router.add(middleware: LogRequestsMiddleware(logLevel))
    router.add(middleware: MethodCheck())
    router.get("health") { _, _ in
      Self.json(Health(status: "ok", database: self.store.kind))
    }
    router.get("openapi.json") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.data)))
    }
    let v1 = router.group("v1").add(middleware: BearerAuth(store: store))
    v1.get("me") { _, context in
      let member = try Self.member(context)
      return Self.json(Identity(name: member.name, role: member.role))
    }
    v1.get("students") { _, context in
      try Self.require(.teacher, context, to: "list students")
      return Self.json(try await self.call { () async throws(ServerError) in try await self.store.students() })
    }
    v1.post("students") { request, context in
      try Self.require(.teacher, context, to: "enroll students")
      let body: EnrollRequest = try await Self.decode(request, limit: 64 * 1024)
      guard ClassNames.isValid(body.name) else {
        throw HTTPError(.badRequest, message: "name '\(body.name.prefix(80))': use 1 to 64 letters, digits, '.', '_' or '-'")
      }
      let token = Tokens.make()
      try await self.call { () async throws(ServerError) in
        try await self.store.enroll(name: body.name, role: .student, tokenHash: Tokens.hash(token), at: self.clock())
      }
      context.logger.info("enrolled", metadata: ["student": .string(body.name)])
      return Self.json(Enrollment(name: body.name, token: token), status: .created)
    }
    v1.delete("students/:name") { _, context in
      try Self.require(.teacher, context, to: "revoke tokens")
      let name = try Self.name(context, "name")
      let revoked = try await self.call { () async throws(ServerError) in try await self.store.revoke(name: name) }
      guard revoked else { throw HTTPError(.notFound, message: "no enrolled student '\(name.prefix(80))'") }
      context.logger.info("revoked", metadata: ["student": .string(name)])
      return Response(status: .noContent)
    }
    v1.get("students/:name/reviews") { request, context in
      let member = try Self.member(context)
      let name = try Self.name(context, "name")
      guard member.role == .teacher || member.name == name else {
        throw HTTPError(.forbidden, message: "a student reads only their own reviews")
      }
      let after = try Self.integer(request, "after", in: 0...Int64.max, default: 0)
      let limit = try Self.integer(request, "limit", in: 1...Self.maximumPage, default: 500)
      return Self.json(
        try await self.call { () async throws(ServerError) in
          try await self.store.reviews(student: name, after: after, limit: limit)
        })
    }
    v1.get("decks") { _, context in
      _ = try Self.member(context)
      return Self.json(try await self.call { () async throws(ServerError) in try await self.store.decks() })
    }
    v1.get("decks/:id") { _, context in
      _ = try Self.member(context)
      let id = try Self.name(context, "id")
      guard let deck = try await self.call({ () async throws(ServerError) in try await self.store.deck(id) }) else {
        throw HTTPError(.notFound, message: "no published deck '\(id.prefix(80))'")
      }
      return Self.json(deck)
    }
    v1.put("decks/:id") { request, context in
      try Self.require(.teacher, context, to: "publish decks")
      let id = try Self.name(context, "id")
      let body: PublishRequest = try await Self.decode(request, limit: Self.maximumDeckBytes)
      try Self.check(body, deck: id)
      let version = try await self.call { () async throws(ServerError) in
        try await self.store.publish(deck: id, files: [body.deck] + body.sources, at: self.clock())
      }
      context.logger.info("published", metadata: ["deck": .string(id), "version": .stringConvertible(version)])
      return Self.json(DeckListing(id: id, version: version, publishedAt: self.clock()))
    }
    v1.post("reviews") { request, context in
      let member = try Self.member(context)
      guard member.role == .student else { throw HTTPError(.forbidden, message: "only a student pushes reviews") }
      let body: ReviewBatch = try await Self.decode(request, limit: Self.maximumBatchBytes)
      guard body.reviews.count <= ReviewBatch.maximumCount else {
        throw HTTPError(
          .badRequest, message: "\(body.reviews.count) reviews in one batch; at most \(ReviewBatch.maximumCount)")
      }
      for (index, review) in body.reviews.enumerated() { try Self.check(review, at: index) }
      let stored = try await self.call { () async throws(ServerError) in
        try await self.store.store(reviews: body.reviews, student: member.name, at: self.clock())
      }
      context.logger.info("reviews", metadata: ["received": .stringConvertible(body.reviews.count), "new": .stringConvertible(stored)])
      return Self.json(BatchReceipt(stored: stored, received: body.reviews.count))
    }
    return router
  }

  static func member(_ context: ClassContext) throws -> Member {
    guard let member = context.member else { throw HTTPError(.unauthorized, message: "no token") }
    return member
  }

  static func require(_ role: Role, _ context: ClassContext, to action: String) throws {
    guard try member(context).role == role else {
      throw HTTPError(.forbidden, message: "only the \(role.rawValue) may \(action)")
    }
  }

  /// Runs a store call, turning its error into the HTTP answer (400, 404, 409, or 500 with the detail logged).
  func call<T>(_ body: () async throws(ServerError) -> T) async throws -> T {
    do { return try await body() } catch {
      switch error {
      case .invalid(let message): throw HTTPError(.badRequest, message: message)
      case .conflict(let message): throw HTTPError(.conflict, message: message)
      case .notFound(let message): throw HTTPError(.notFound, message: message)
      case .database, .cannotStart:
        Logger(label: "annals.server").error("store failed", metadata: ["error": .string(error.description)])
        throw HTTPError(.internalServerError, message: "the server's store failed; see the server's log")
      }
    }
  }

  /// Reads at most `limit` bytes of body and decodes it; 413 beyond, 400 naming the problem for bad JSON.
  static func decode<T: Decodable>(_ request: Request, limit: Int) async throws -> T {
    let buffer: ByteBuffer
    do { buffer = try await request.body.collect(upTo: limit) } catch is NIOTooManyBytesError {
      throw HTTPError(.contentTooLarge, message: "the request body is larger than \(limit) bytes")
    }
    do { return try JSONCoding.decodeRequest(T.self, from: Data(buffer.readableBytesView)) } catch {
      throw HTTPError(.badRequest, message: error.description)
    }
  }

  static func check(_ body: PublishRequest, deck: String) throws {
    let name = body.deck.path
    guard ClassNames.isSafeRelativePath(name), !name.contains("/"), name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    else { throw HTTPError(.badRequest, message: "deck.path '\(name.prefix(80))' must be a .yaml file name without folders") }
    guard body.sources.count <= PublishRequest.maximumSources else {
      throw HTTPError(.badRequest, message: "at most \(PublishRequest.maximumSources) source files per deck")
    }
    var seen: Set<String> = [name]
    for (index, file) in body.sources.enumerated() {
      guard ClassNames.isSafeRelativePath(file.path) else {
        throw HTTPError(.badRequest, message: "sources[\(index)].path '\(file.path.prefix(80))' must be a relative path inside Decks/ (no '..')")
      }
      guard seen.insert(file.path).inserted else {
        throw HTTPError(.badRequest, message: "sources[\(index)].path '\(file.path.prefix(80))' appears twice")
      }
    }
  }

  /// A path parameter that must be a valid name (400 otherwise, as the document says).
  static func name(_ context: ClassContext, _ key: String) throws -> String {
    let value = try context.parameters.require(key)
    guard ClassNames.isValid(value) else {
      throw HTTPError(.badRequest, message: "'\(value.prefix(80))' is not a valid \(key): 1 to 64 letters, digits, '.', '_' or '-'")
    }
    return value
  }

  /// An optional integer query parameter within `range` (400 otherwise).
  static func integer<T: FixedWidthInteger & Sendable>(
    _ request: Request, _ key: String, in range: ClosedRange<T>, default value: T
  ) throws -> T {
    guard let text = request.uri.queryParameters[key[...]] else { return value }
    guard let number = T(String(text)), range.contains(number) else {
      throw HTTPError(.badRequest, message: "query parameter \(key) must be an integer from \(range.lowerBound) to \(range.upperBound)")
    }
    return number
  }

  static func check(_ review: SyncedReview, at index: Int) throws {
    // Lengths in Unicode scalars, as JSON Schema's maxLength counts them (the document states the same limits).
    func bad(_ field: String, _ problem: String) -> HTTPError {
      HTTPError(.badRequest, message: "reviews[\(index)].\(field): \(problem)")
    }
    guard (1...64).contains(review.storeID.unicodeScalars.count) else { throw bad("storeID", "must be 1 to 64 characters") }
    guard (1...64).contains(review.card.kind.unicodeScalars.count) else { throw bad("card.kind", "must be 1 to 64 characters") }
    guard review.rowID > 0 else { throw bad("rowID", "must be positive") }
    guard (1...4).contains(review.rating) else { throw bad("rating", "must be 1 to 4") }
    guard (0...3).contains(review.phase) else { throw bad("phase", "must be 0 to 3") }
    guard (1...512).contains(review.card.id.unicodeScalars.count) else { throw bad("card.id", "must be 1 to 512 characters") }
    guard (1...256).contains(review.card.deck.unicodeScalars.count) else { throw bad("card.deck", "must be 1 to 256 characters") }
    guard (review.typedAnswer?.unicodeScalars.count ?? 0) <= 4096 else { throw bad("typedAnswer", "longer than 4096 characters") }
    guard review.parameters.unicodeScalars.count <= 16384 else { throw bad("parameters", "longer than 16384 characters") }
  }

  static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    return Response(
      status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }
}
#endif
