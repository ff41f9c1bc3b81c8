import ClassModel

/// A member of the class as the store knows them: a teacher or a student, with their token's hash.
public struct Member: Sendable, Equatable {
  /// The member's name.
  public var name: String
  /// Teacher or student.
  public var role: Role
}

/// Where the class server keeps its members, published decks and students' reviews: SQLite in the server's data
/// folder (`SQLiteServerStore`) or PostgreSQL (`PostgresServerStore`). Every method is one transaction, durable
/// when it returns.
public protocol ServerStore: Sendable {
  /// "sqlite" or "postgresql".
  var kind: String { get }
  /// Creates the tables if they are missing.
  func migrate() async throws(ServerError)
  /// Whether a teacher exists (the store was initialised).
  func hasTeacher() async throws(ServerError) -> Bool
  /// The member whose token hashes to `tokenHash`, if their token is not revoked.
  func member(tokenHash: String) async throws(ServerError) -> Member?
  /// Adds a member, or gives a revoked one a new token; `.conflict` when an active member has that name.
  func enroll(name: String, role: Role, tokenHash: String, at time: Int64) async throws(ServerError)
  /// Revokes the student's token at once; false when there is no such active student.
  func revoke(name: String) async throws(ServerError) -> Bool
  /// Every student, by name.
  func students() async throws(ServerError) -> [StudentSummary]
  /// Stores a deck's files as its next version; returns the version.
  func publish(deck: String, files: [DeckFile], at time: Int64) async throws(ServerError) -> Int
  /// Every published deck, by id.
  func decks() async throws(ServerError) -> [DeckListing]
  /// A published deck with its files.
  func deck(_ id: String) async throws(ServerError) -> PublishedDeck?
  /// Stores the reviews the student pushed, keeping reviews already stored as they are; returns how many were new.
  func store(reviews: [SyncedReview], student: String, at time: Int64) async throws(ServerError) -> Int
  /// One page of a student's reviews in the order they were stored, after sequence number `after`.
  func reviews(student: String, after: Int64, limit: Int) async throws(ServerError) -> ReviewPage
  /// Closes connections.
  func close() async
}
