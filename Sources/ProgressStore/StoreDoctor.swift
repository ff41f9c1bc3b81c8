import Foundation
import GRDB
import Scheduling

/// `annals doctor`'s work on one store: an integrity check, a timestamped backup, and, when the file is damaged,
/// a rebuild from what its review log still holds.
///
/// The damaged file is never written: it is copied byte for byte (with its `-wal`) to the backup, the rows still
/// readable are salvaged from a scratch copy, a new store is written beside it through the store's own API
/// (`sync`, `answerBatch`, `saveSettings`, …) and renamed over the original once complete.
///
/// ```swift
/// let report = try StoreDoctor(path: "Progress/ada.sqlite").run(at: Date())
/// report.reviewsRecovered   // 287
/// report.cardsReset         // ["kalbajar/capital-falls/date"]
/// ```
public struct StoreDoctor: Sendable {
  /// The store file examined.
  public let path: String

  /// A doctor for the store at `path`.
  public init(path: String) {
    self.path = path
  }

  /// What the doctor found and did.
  public struct Report: Sendable, Equatable, Codable {
    /// `PRAGMA integrity_check`'s lines (`["ok"]` for a sound file), or why the file could not even be opened.
    public var integrity: [String]
    /// Where the file was copied before anything else, byte for byte.
    public var backupPath: String
    /// Whether the store was rebuilt (only a damaged one is).
    public var rebuilt: Bool
    /// Reviews (standing and undone) read from the damaged log and written to the new store.
    public var reviewsRecovered = 0
    /// Review ids below the highest one read that could not be read (lost with the damaged pages).
    public var reviewsLost = 0
    /// Cards whose progress came back from the log.
    public var cardsRecovered = 0
    /// Cards that had been studied but none of whose reviews could be read: they start again as new.
    public var cardsReset: [String] = []
    /// The rebuilt store's integrity check (`["ok"]`).
    public var integrityAfter: [String] = []

    /// Whether the file was sound.
    public var isSound: Bool { integrity == ["ok"] }
  }

  /// Checks the store, backs it up and, when damaged, rebuilds it; `now` names the backup and stamps the sync.
  public func run(at now: Date) throws(StoreError) -> Report {
    guard FileManager.default.fileExists(atPath: path) else {
      throw .database(path: path, message: "no such file", code: 14)
    }
    let integrity = Self.integrity(of: path)
    if integrity == ["ok"] {
      // A sound store is backed up as migrations back it up (VACUUM INTO, the newest three kept).
      let store = try ProgressStore(path: path)
      defer { try? store.close() }
      return Report(integrity: integrity, backupPath: try store.backup(), rebuilt: false)
    }
    // A damaged one is copied byte for byte under a name the backup rotation never prunes.
    let backup = try backUp(at: now)
    var report = Report(integrity: integrity, backupPath: backup, rebuilt: false)
    try rebuild(from: backup, into: &report, at: now)
    return report
  }

  /// `PRAGMA integrity_check` through a read-only connection; an unopenable file gives the error's words.
  static func integrity(of path: String) -> [String] {
    do {
      var configuration = Configuration()
      configuration.readonly = true
      configuration.busyMode = .timeout(ProgressStore.busyTimeout)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      let lines = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(100)") }
      return lines.isEmpty ? ["integrity_check returned nothing"] : lines
    } catch {
      return ["\(error)"]
    }
  }

  // MARK: - Backup

  /// Copies the damaged file and its `-wal` byte for byte to `<path>.damaged-<UTC time>` (mode 0600).
  func backUp(at now: Date) throws(StoreError) -> String {
    let backup = FileAccess.timestampedSibling(of: path, label: "damaged", at: now, milliseconds: false)
    do {
      try FileAccess.writePrivately(try Data(contentsOf: URL(fileURLWithPath: path)), to: backup)
      if let wal = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal")), !wal.isEmpty {
        try FileAccess.writePrivately(wal, to: backup + "-wal")
      }
    } catch {
      throw StoreError.database(
        path: backup, message: "cannot write the backup: \(error.localizedDescription)",
        code: (error as? POSIXError)?.code == .ENOSPC ? 13 : 10)
    }
    return backup
  }

  // MARK: - Rebuild

  /// What could still be read from a damaged file.
  struct Salvage {
    var settings: LearnerSettings?
    var decks: [String: (info: DeckInfo, scheduler: SchedulerKind?)] = [:]
    var cards: [String: SalvagedCard] = [:]
    var reviews: [SalvagedReview] = []
    var highestReviewID: Int64 = 0
  }

  struct SalvagedCard {
    var record: CardRecord
    var deckID: String
    var reps: Int
    var suspended: Bool
    var buriedUntil: Date?
  }

  struct SalvagedReview {
    var id: Int64
    var answer: Answer
    var undone: Bool
  }

  private func rebuild(from backup: String, into report: inout Report, at now: Date) throws(StoreError) {
    let scratch = path + ".doctor-scan"
    let rebuilt = path + ".doctor-new"
    for file in [scratch, scratch + "-wal", scratch + "-shm", rebuilt, rebuilt + "-wal", rebuilt + "-shm"] {
      unlink(file)
    }
    defer { for file in [scratch, scratch + "-wal", scratch + "-shm"] { unlink(file) } }
    do {
      try FileManager.default.copyItem(atPath: backup, toPath: scratch)
      if FileManager.default.fileExists(atPath: backup + "-wal") {
        try FileManager.default.copyItem(atPath: backup + "-wal", toPath: scratch + "-wal")
      }
    } catch {
      throw StoreError.database(path: scratch, message: "cannot copy the store to scan it: \(error)", code: 10)
    }
    let salvage = Self.salvage(scratch)
    try write(salvage, to: rebuilt, into: &report, at: now)
    // Swap in the new file: the damaged one's -wal and -shm belong to it and go too (the backup keeps the -wal).
    unlink(path + "-wal")
    unlink(path + "-shm")
    unlink(rebuilt + "-shm")
    guard rename(rebuilt, path) == 0 else {
      throw StoreError.database(path: path, message: "cannot put the rebuilt store in place (errno \(errno))", code: 10)
    }
    if FileManager.default.fileExists(atPath: rebuilt + "-wal") { rename(rebuilt + "-wal", path + "-wal") }
    report.rebuilt = true
    report.integrityAfter = Self.integrity(of: path)
  }

  private func write(
    _ salvage: Salvage, to rebuilt: String, into report: inout Report, at now: Date
  ) throws(StoreError) {
    let store = try ProgressStore(path: rebuilt)
    defer {
      // Everything into the main file before it is renamed: no -wal may be left behind beside the old name.
      try? store.checkpoint()
      try? store.close()
    }
    if let settings = salvage.settings { try store.saveSettings(settings) }
    // Cards the log mentions but the card table lost come back from their id (deck/item/kind[/part]).
    var cards = salvage.cards
    for review in salvage.reviews where cards[review.answer.cardID] == nil {
      let parts = review.answer.cardID.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      let deck = parts.first ?? "recovered"
      cards[review.answer.cardID] = SalvagedCard(
        record: CardRecord(
          id: review.answer.cardID, kind: parts.count > 2 ? parts[2] : "card",
          siblingGroup: parts.prefix(2).joined(separator: "/")),
        deckID: deck, reps: 0, suspended: false, buriedUntil: nil)
    }
    let byDeck = Dictionary(grouping: cards.values, by: \.deckID)
    for (deckID, deckCards) in byDeck.sorted(by: { $0.key < $1.key }) {
      // A lost deck row gets an empty hash, so the next `study` syncs the deck file again.
      let info = salvage.decks[deckID]?.info ?? DeckInfo(id: deckID, contentHash: "", path: "")
      _ = try store.sync(deck: info, cards: deckCards.map(\.record).sorted { $0.id < $1.id }, at: now)
      if let scheduler = salvage.decks[deckID]?.scheduler { try store.setScheduler(scheduler, forDeck: deckID) }
    }
    // Replay the standing reviews in their order, a run of one deck's reviews at a time (its scheduler).
    let standing = salvage.reviews.filter { !$0.undone }
    var start = 0
    while start < standing.count {
      let deck = cards[standing[start].answer.cardID]?.deckID
      var end = start
      while end < standing.count && cards[standing[end].answer.cardID]?.deckID == deck { end += 1 }
      let scheduler = try store.scheduler(forDeck: deck)
      try store.answerBatch(standing[start..<end].map(\.answer), scheduler: scheduler)
      start = end
    }
    for card in cards.values {
      if card.suspended { try store.setSuspended(true, cardID: card.record.id) }
      if let until = card.buriedUntil, until > now { try store.bury(cardID: card.record.id, until: until) }
    }
    let reviewed = Set(standing.map(\.answer.cardID))
    report.reviewsRecovered = salvage.reviews.count
    report.reviewsLost = max(0, Int(salvage.highestReviewID) - salvage.reviews.count)
    report.cardsRecovered = reviewed.count
    report.cardsReset = salvage.cards.values.filter { $0.reps > 0 && !reviewed.contains($0.record.id) }
      .map(\.record.id).sorted()
  }

  // MARK: - Salvage

  /// Every row still readable from the store file at `path` (a scratch copy: opening it may replay its log).
  static func salvage(_ path: String) -> Salvage {
    var salvage = Salvage()
    var configuration = Configuration()
    configuration.busyMode = .timeout(ProgressStore.busyTimeout)
    guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return salvage }
    defer { try? queue.close() }
    queue.inDatabase { db in
      if let row = try? Row.fetchOne(db, sql: "SELECT * FROM settings WHERE id = 1"),
        (Self.value(row, "scheduler") as String?) != nil
      {
        salvage.settings = try? ProgressStore.settings(in: db)
      }
      for row in rows(db, table: "deck", columns: "id, content_hash, path, scheduler") {
        guard let id: String = Self.value(row, "id") else { continue }
        let info = DeckInfo(
          id: id, contentHash: Self.value(row, "content_hash") ?? "", path: Self.value(row, "path") ?? "")
        salvage.decks[id] = (info, (Self.value(row, "scheduler") as String?).flatMap(SchedulerKind.init(rawValue:)))
      }
      // Schema 2 keeps the log in `revlog` (card by integer key, times in milliseconds); schema 1 in `review`.
      let tables = Set((try? String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")) ?? [])
      let compact = tables.contains("revlog") || !tables.contains("review")
      let scale = compact ? 1000.0 : 1.0
      var idOfKey: [Int64: String] = [:]
      let cardColumns = "id, deck_id, kind, sibling_group, tags, era, reps, suspended, buried_until"
      for row in rows(db, table: "card", columns: cardColumns) {
        guard let id: String = Self.value(row, "id"), let deck: String = Self.value(row, "deck_id") else { continue }
        if let key: Int64 = Self.value(row, "_rowid") { idOfKey[key] = id }
        let tags: String = Self.value(row, "tags") ?? ""
        salvage.cards[id] = SalvagedCard(
          record: CardRecord(
            id: id, kind: Self.value(row, "kind") ?? "card", siblingGroup: Self.value(row, "sibling_group") ?? id,
            tags: tags.split(separator: " ").map(String.init), era: Self.value(row, "era")),
          deckID: deck, reps: Self.value(row, "reps") ?? 0, suspended: Self.value(row, "suspended") ?? false,
          buriedUntil: (Self.value(row, "buried_until") as Double?).map { Date(timeIntervalSince1970: $0 / scale) })
      }
      let verdicts = [1: "correct", 2: "close", 3: "wrong", 4: "dont-know"]
      let reviewColumns =
        compact
        ? "id, card, time, rating, typed_answer, verdict, response_ms, undone"
        : "id, card_id, time, rating, typed_answer, verdict, response_ms, undone"
      for row in rows(db, table: compact ? "revlog" : "review", columns: reviewColumns) {
        guard let id: Int64 = Self.value(row, "id"), let time: Double = Self.value(row, "time") else { continue }
        salvage.highestReviewID = max(salvage.highestReviewID, id)
        // A review whose card row is lost (schema 2 names the card by its key only) cannot be attributed.
        let card: String? =
          compact ? (Self.value(row, "card") as Int64?).flatMap { idOfKey[$0] } : Self.value(row, "card_id")
        guard let card, let rating = (Self.value(row, "rating") as Int?).flatMap(Rating.init(rawValue:)) else {
          continue
        }
        let verdict: String? =
          compact ? (Self.value(row, "verdict") as Int?).flatMap { verdicts[$0] } : Self.value(row, "verdict")
        salvage.reviews.append(
          SalvagedReview(
            id: id,
            answer: Answer(
              cardID: card, rating: rating, time: Date(timeIntervalSince1970: time / scale),
              typedAnswer: Self.value(row, "typed_answer"), verdict: verdict,
              responseMilliseconds: Self.value(row, "response_ms")),
            undone: Self.value(row, "undone") ?? false))
      }
    }
    salvage.reviews.sort { $0.id < $1.id }
    return salvage
  }

  /// A column's value when it has the type expected (a damaged page may hold anything), else nil.
  static func value<T: DatabaseValueConvertible>(_ row: Row, _ column: String) -> T? {
    guard let value = row[column] as DatabaseValue? else { return nil }
    return T.fromDatabaseValue(value)
  }

  /// The readable rows of `table` in rowid order. A damaged page makes a scan fail; the scan then restarts past
  /// it: the start is pushed forward in doubling steps until a seek succeeds, then pulled back by bisection to the
  /// first readable rowid after the damage, so only the rows on damaged pages are lost.
  static func rows(_ db: Database, table: String, columns: String) -> [Row] {
    var found: [Row] = []
    var start = Int64.min
    var rounds = 0
    func scan(from start: Int64, into found: inout [Row]) -> (next: Int64?, failed: Bool) {
      var next = start
      do {
        let cursor = try Row.fetchCursor(
          db, sql: "SELECT rowid AS _rowid, \(columns) FROM \(table) WHERE rowid >= ? ORDER BY rowid",
          arguments: [start])
        while let row = try cursor.next() {
          let rowid: Int64 = row["_rowid"]
          found.append(row.copy())
          if rowid == Int64.max { return (nil, false) }
          next = rowid + 1
        }
        return (nil, false)
      } catch {
        return (next, true)
      }
    }
    func seeks(_ start: Int64) -> Bool {
      let sql = "SELECT rowid FROM \(table) WHERE rowid >= ? ORDER BY rowid LIMIT 1"
      return (try? Row.fetchOne(db, sql: sql, arguments: [start])) != nil
    }
    while rounds < 10_000 {
      rounds += 1
      let (next, failed) = scan(from: start, into: &found)
      guard failed, let failedAt = next else { break }
      // Find a start past the damage.
      var step: Int64 = 1
      var good: Int64?
      var bad = failedAt
      while step < (1 << 40) {
        let (candidate, overflow) = failedAt.addingReportingOverflow(step)
        if overflow { break }
        if seeks(candidate) {
          good = candidate
          break
        }
        bad = candidate
        step *= 2
      }
      guard var high = good else { break }
      var low = bad  // fails
      while high - low > 1 {
        let middle = low + (high - low) / 2
        if seeks(middle) { high = middle } else { low = middle }
      }
      start = high
    }
    return found
  }
}
