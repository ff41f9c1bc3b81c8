import Foundation
import GRDB
import Scheduling
import Testing

@testable import ProgressStore

/// The committed schema-1 store (written by the Annals before store v2), copied to a fresh temporary path.
func v1FixtureCopy() throws -> String {
  let fixture = try #require(Bundle.module.url(forResource: "v1-kalbajar", withExtension: "sqlite", subdirectory: "Fixtures"))
  let path = temporaryStorePath("v1")
  try FileManager.default.createDirectory(
    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
  try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
  return path
}

/// What the schema-1 file says, read with plain SQL: each review and each card's state.
struct V1Contents {
  struct Review {
    var id: Int64
    var cardID: String
    var time: Double
    var rating: Int
    var before: CardState
    var after: CardState
    var undone: Bool
    var typed: String?
    var verdict: String?
  }
  var reviews: [Review] = []
  var cards: [String: CardState] = [:]
  var quizzes = 0

  init(path: String) throws {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    let decoder = ProgressStore.decoder()
    try queue.read { db in
      for row in try Row.fetchAll(db, sql: "SELECT * FROM review ORDER BY id") {
        reviews.append(
          Review(
            id: row["id"], cardID: row["card_id"], time: row["time"], rating: row["rating"],
            before: try decoder.decode(CardState.self, from: Data((row["state_before"] as String).utf8)),
            after: try decoder.decode(CardState.self, from: Data((row["state_after"] as String).utf8)),
            undone: row["undone"], typed: row["typed_answer"], verdict: row["verdict"]))
      }
      for row in try Row.fetchAll(db, sql: "SELECT * FROM card") {
        cards[row["id"]] = CardState(
          phase: CardPhase(rawValue: row["phase"])!, due: Date(timeIntervalSince1970: row["due"]),
          stability: row["stability"], difficulty: row["difficulty"], step: row["step"], reps: row["reps"],
          lapses: row["lapses"], lastReview: (row["last_review"] as Double?).map { Date(timeIntervalSince1970: $0) },
          scheduledDays: row["scheduled_days"], ease: row["ease"])
      }
      quizzes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quiz_result") ?? 0
    }
  }
}

@Suite("Store v2: the forward migration from a schema-1 store")
struct V1MigrationTests {
  @Test("the committed v1 store migrates keeping every review, rating, time and state, and passes integrity_check")
  func migratesFixture() throws {
    let path = try v1FixtureCopy()
    let v1 = try V1Contents(path: path)
    #expect(v1.reviews.count == 1078 && v1.reviews.filter(\.undone).count == 3)

    let store = try ProgressStore(path: path)
    #expect(try store.appliedMigrations() == ["v1-initial", "v2-compact-log"])
    #expect(try store.integrityCheck() == "ok")
    let migrated = try store.reviews(includeUndone: true)
    #expect(migrated.count == v1.reviews.count)
    for (old, new) in zip(v1.reviews, migrated) {
      #expect(new.id == old.id && new.cardID == old.cardID && new.rating.rawValue == old.rating)
      #expect(new.undone == old.undone && new.typedAnswer == old.typed && new.verdict == old.verdict)
      #expect(ProgressStore.milliseconds(new.time) == Int64((old.time * 1000).rounded()))
      #expect(new.stateBefore == ProgressStore.storable(old.before), "review \(old.id): state before")
      #expect(new.stateAfter == ProgressStore.storable(old.after), "review \(old.id): state after")
    }
    #expect(try store.reviewCount() == 1075)
    for card in try store.cards(includeRetired: true) {
      #expect(card.state == ProgressStore.storable(try #require(v1.cards[card.id])), "card \(card.id)")
    }
    // The log alone gives back every card's state, and FSRS replaying the ratings gives the same states.
    #expect(try store.rebuildFromLog() == 0)
    let scheduler = try store.scheduler()
    for card in try store.cards() where card.state.reps > 0 {
      #expect(try store.replayedState(cardID: card.id, scheduler: scheduler) == card.state, "card \(card.id)")
    }
    #expect(try store.quizResults().count == v1.quizzes)
    // The migrated store goes on: an answer follows the migrated state.
    let next = try #require(try store.queue(at: Date(timeIntervalSince1970: 1_770_000_000)).all.first)
    let entry = try store.answer(
      Answer(cardID: next.id, rating: .good, time: Date(timeIntervalSince1970: 1_770_000_000)), scheduler: scheduler)
    #expect(entry.stateBefore == next.state)
  }

  @Test("a backup of the v1 file is taken beside it before migrating, and the last three are kept")
  func backupBeforeMigrating() throws {
    let path = try v1FixtureCopy()
    try ProgressStore(path: path).close()
    let backups = ProgressStore.backups(of: path)
    #expect(backups.count == 1)
    let backup = try #require(backups.first)
    #expect(backup.hasSuffix("-v1") && (backup as NSString).deletingLastPathComponent == (path as NSString).deletingLastPathComponent)
    // A backup holds every answer: only its owner may read it, whatever the umask.
    let mode = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let copy = try V1Contents(path: backup)
    #expect(copy.reviews.count == 1078)
    let queue = try DatabaseQueue(path: backup)
    #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 1)
    try queue.close()

    // Reopening migrates nothing and backs up nothing; explicit backups keep the newest three.
    let store = try ProgressStore(path: path)
    #expect(ProgressStore.backups(of: path).count == 1)
    var made: [String] = []
    for _ in 0..<4 { made.append(try store.backup()) }
    #expect(ProgressStore.backups(of: path) == Array(made.suffix(3)))
    for made in made.suffix(3) {
      #expect(try FileManager.default.attributesOfItem(atPath: made)[.posixPermissions] as? Int == 0o600)
    }
    let restored = try ProgressStore(path: made.last!, access: .readOnly)
    #expect(try restored.reviewCount() == 1075)
  }

  @Test("a v1 store opened read-only is read through a migrated copy in memory, its file left unchanged")
  func readOnlyOldStore() throws {
    let path = try v1FixtureCopy()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let store = try ProgressStore(path: path, access: .readOnly)
    #expect(try store.reviewCount() == 1075)
    #expect(try store.reviewDigest().cards.values.map(\.reviews).reduce(0, +) == 1075)
    try store.close()
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    #expect(ProgressStore.backups(of: path).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
  }

  @Test("a v1 log whose states do not follow stops the migration: the file stays at schema 1, its backup beside it")
  func brokenLogRefused() throws {
    let path = try v1FixtureCopy()
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "UPDATE review SET state_before = replace(state_before, '\"reps\":', '\"reps\":9') WHERE id = 500")
    }
    try queue.close()
    #expect {
      _ = try ProgressStore(path: path)
    } throws: { error in
      guard case .corrupt(let message) = error as? StoreError else { return false }
      return message.contains("review 500")
    }
    let check = try DatabaseQueue(path: path)
    #expect(try check.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 1)
    #expect(try check.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review") } == 1078)
    try check.close()
    #expect(ProgressStore.backups(of: path).count == 1)
  }
}
