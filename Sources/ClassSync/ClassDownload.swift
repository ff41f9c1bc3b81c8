import ClassModel
import Foundation
import ProgressStore

/// The teacher's copy of the class from the server, for `annals report --class --server`: one progress store per
/// student rebuilt from the reviews the server holds (`<folder>/<student>.sqlite`), and the published deck files
/// (`<folder>/decks/`), so that the class report is built by the same code as for a folder of stores.
public struct ClassDownload: Sendable {
  /// What was downloaded.
  public struct Outcome: Sendable, Equatable {
    /// Students, by name, with how many reviews each.
    public var students: [String: Int] = [:]
    /// The deck files written (paths), for the report's catalogs.
    public var deckFiles: [String] = []
  }

  let client: ClassClient
  let pageSize: Int

  /// A download through `client`.
  public init(client: ClassClient, pageSize: Int = 2000) {
    self.client = client
    self.pageSize = pageSize
  }

  /// Fills `folder` (created, private) with the stores and decks.
  public func download(into folder: String, now: Date) async throws(SyncError) -> Outcome {
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch { throw .file(path: folder, reason: "cannot create (\(error.localizedDescription))") }
    var outcome = Outcome()
    let students: [StudentSummary] = try await client.get("/v1/students")
    for student in students {
      var byStore: [(String, [LogRow])] = []
      var index: [String: Int] = [:]
      var after: Int64 = 0
      var count = 0
      while true {
        let page: ReviewPage = try await client.get(
          "/v1/students/\(ClassClient.segment(student.name))/reviews?after=\(after)&limit=\(pageSize)")
        for review in page.reviews {
          if index[review.storeID] == nil {
            index[review.storeID] = byStore.count
            byStore.append((review.storeID, []))
          }
          byStore[index[review.storeID]!].1.append(review.logRow)
        }
        count += page.reviews.count
        guard let next = page.next else { break }
        after = next
      }
      let path = ProgressStore.path(forLearner: student.name, in: folder)
      do {
        let store = try ProgressStore(path: path)
        for (_, rows) in byStore { try store.appendLogRows(rows.sorted { $0.id < $1.id }, at: now) }
        try store.close()
      } catch { throw .store("\(path): \(error.description)") }
      outcome.students[student.name] = count
    }
    let decks: [DeckListing] = try await client.get("/v1/decks")
    let deckFolder = (folder as NSString).appendingPathComponent("decks")
    for listing in decks {
      let deck: PublishedDeck = try await client.get("/v1/decks/\(ClassClient.segment(listing.id))")
      let target = (deckFolder as NSString).appendingPathComponent(ClassClient.segment(deck.id))
      for (position, file) in deck.files.enumerated() where ClassNames.isSafeRelativePath(file.path) {
        let path = (target as NSString).appendingPathComponent(file.path)
        do {
          try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
          try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
        } catch { throw .file(path: path, reason: "cannot write (\(error.localizedDescription))") }
        if position == 0 { outcome.deckFiles.append(path) }
      }
    }
    return outcome
  }
}
