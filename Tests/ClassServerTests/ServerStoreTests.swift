#if Server
import ClassModel
import Foundation
import Logging
import Testing

@testable import ClassServer

/// The store contract, on SQLite always and on PostgreSQL when `ANNALS_TEST_POSTGRES_URL` names an empty database
/// (the e2e tests run both backends through the real binary either way).
@Suite struct ServerStoreTests {
  static func backends() -> [String] {
    ProcessInfo.processInfo.environment["ANNALS_TEST_POSTGRES_URL"] == nil ? ["sqlite"] : ["sqlite", "postgresql"]
  }

  func withStore(_ kind: String, _ body: @Sendable (any ServerStore) async throws -> Void) async throws {
    if kind == "sqlite" {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annals-server-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: folder) }
      let store = try SQLiteServerStore(path: SQLiteServerStore.path(inDataDirectory: folder.path))
      try await store.migrate()
      try await body(store)
      await store.close()
      let mode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
      #expect(mode == 0o600)
    } else {
      let url = ProcessInfo.processInfo.environment["ANNALS_TEST_POSTGRES_URL"]!
      let store = try PostgresServerStore(url: url, logger: Logger(label: "test"))
      try await ServerSetup.withServices([store.client]) {
        try await store.client.query("DROP TABLE IF EXISTS review, deck, member")
        try await store.migrate()
        try await body(store)
      }
    }
  }

  static func review(_ row: Int64, store: String = "S1", card: String = "mini/a/date") -> SyncedReview {
    SyncedReview(
      storeID: store, rowID: row,
      card: ReviewedCard(id: card, deck: "mini", kind: "when", siblingGroup: "a", tags: "", era: nil, position: 0, added: 1000),
      time: 2000 + row, rating: 3, prevRowID: row > 1 ? row - 1 : nil, phase: 2, step: 0, lapses: 0, scheduledDays: 1,
      stability: 2.5, difficulty: 5, ease: nil, dueOffset: 86_400_000, typedAnswer: "1901", verdict: "correct",
      responseMilliseconds: 900, scheduler: "fsrs", parameters: "{}", undone: false)
  }

  @Test(arguments: backends())
  func tokensAreLookedUpByHashAndRevokedAtOnce(kind: String) async throws {
    try await withStore(kind) { store in
      let teacher = try await ServerSetup.initialise(store, at: 1)
      await #expect(throws: ServerError.self) { _ = try await ServerSetup.initialise(store, at: 2) }
      #expect(try await store.member(tokenHash: Tokens.hash(teacher)) == Member(name: "teacher", role: .teacher))
      #expect(try await store.member(tokenHash: teacher) == nil)  // the token itself is not what is stored
      let ada = Tokens.make()
      try await store.enroll(name: "ada", role: .student, tokenHash: Tokens.hash(ada), at: 5)
      await #expect(throws: ServerError.conflict("ada is already enrolled")) {
        try await store.enroll(name: "ada", role: .student, tokenHash: Tokens.hash(Tokens.make()), at: 6)
      }
      #expect(try await store.member(tokenHash: Tokens.hash(ada))?.name == "ada")
      #expect(try await store.revoke(name: "ada"))
      #expect(try await store.member(tokenHash: Tokens.hash(ada)) == nil)
      #expect(try await !store.revoke(name: "ada"))
      #expect(try await !store.revoke(name: "teacher"))  // the teacher is not a student to revoke
      let again = Tokens.make()
      try await store.enroll(name: "ada", role: .student, tokenHash: Tokens.hash(again), at: 7)
      #expect(try await store.member(tokenHash: Tokens.hash(again))?.name == "ada")
      #expect(try await store.member(tokenHash: Tokens.hash(ada)) == nil)
      #expect(try await store.students().map(\.name) == ["ada"])
    }
  }

  @Test(arguments: backends())
  func resentReviewsAreStoredOnceAndPagedInOrder(kind: String) async throws {
    try await withStore(kind) { store in
      try await store.enroll(name: "ada", role: .student, tokenHash: "h-ada", at: 1)
      try await store.enroll(name: "bob", role: .student, tokenHash: "h-bob", at: 1)
      let first = (1...5).map { Self.review($0) }
      #expect(try await store.store(reviews: first, student: "ada", at: 10) == 5)
      // A batch resent after a lost answer, overlapping a new one: only the new rows count.
      #expect(try await store.store(reviews: (3...8).map { Self.review($0) }, student: "ada", at: 11) == 3)
      // The same store UUID and row ids under another student are that student's own.
      #expect(try await store.store(reviews: [Self.review(1)], student: "bob", at: 12) == 1)
      let page1 = try await store.reviews(student: "ada", after: 0, limit: 5)
      #expect(page1.reviews.map(\.rowID) == [1, 2, 3, 4, 5])
      let page2 = try await store.reviews(student: "ada", after: try #require(page1.next), limit: 5)
      #expect(page2.reviews.map(\.rowID) == [6, 7, 8] && page2.next == nil)
      #expect(page1.reviews[0] == first[0])  // stored whole, read back equal
      let students = try await store.students()
      #expect(students.map(\.reviews) == [8, 1])
      #expect(students[0].lastSyncAt == 11)
    }
  }

  @Test(arguments: backends())
  func publishingRaisesTheVersion(kind: String) async throws {
    try await withStore(kind) { store in
      let files = [DeckFile(path: "mini.yaml", text: "deck: {}"), DeckFile(path: "sources/a.txt", text: "Ada.")]
      let first = try await store.publish(deck: "mini", files: files, at: 1)
      let second = try await store.publish(deck: "mini", files: Array(files.prefix(1)), at: 2)
      #expect(first == 1 && second == 2)
      let listed = try await store.decks()
      #expect(listed == [DeckListing(id: "mini", version: 2, publishedAt: 2)])
      let mini = try await store.deck("mini")
      #expect(mini?.files == Array(files.prefix(1)))
      let other = try await store.deck("other")
      #expect(other == nil)
    }
  }
}

@Suite struct TokenTests {
  @Test func tokensCarry256RandomBitsAndHashToSHA256() {
    let tokens = (0..<64).map { _ in Tokens.make() }
    #expect(Set(tokens).count == 64)
    #expect(tokens.allSatisfy { $0.hasPrefix("annals_") && $0.count == 7 + 64 })
    // SHA-256 of "abc" (FIPS 180-2's example).
    #expect(Tokens.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
#endif
