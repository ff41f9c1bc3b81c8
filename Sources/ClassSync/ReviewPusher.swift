import ClassModel
import Foundation
import ProgressStore

/// Sends a learner's reviews the server has not acknowledged, in batches of at most `batchSize`, recording each
/// batch's last row id only after the server's answer: killed at any moment, the next sync resends at most one
/// batch, which the server stores once (a review's id is the store's UUID and its row id).
public struct ReviewPusher: Sendable {
  /// What a push did.
  public struct Outcome: Sendable, Equatable {
    /// Reviews sent.
    public var sent = 0
    /// Of those, new to the server.
    public var new = 0
    /// Requests made.
    public var batches = 0
  }

  let client: ClassClient
  let batchSize: Int

  /// A pusher through `client`, `batchSize` reviews per request.
  public init(client: ClassClient, batchSize: Int = ReviewBatch.maximumCount) {
    self.client = client
    self.batchSize = min(max(batchSize, 1), ReviewBatch.maximumCount)
  }

  /// Pushes the reviews of `store` after the acknowledged row, calling `acknowledge` with the settings after each
  /// acknowledged batch (to save them).
  public func push(
    store: ProgressStore, settings: inout SyncSettings, acknowledge: (SyncSettings) throws(SyncError) -> Void
  ) async throws(SyncError) -> Outcome {
    let storeID: String
    do { storeID = try store.storeUUID() } catch { throw .store(error.description) }
    var outcome = Outcome()
    while true {
      let after = settings.acknowledged[storeID] ?? 0
      let rows: [LogRow]
      do { rows = try store.logRows(after: after, limit: batchSize) } catch { throw .store(error.description) }
      guard let last = rows.last else { break }
      let batch = ReviewBatch(reviews: rows.map { SyncedReview($0, storeID: storeID) })
      let receipt: BatchReceipt = try await client.send("POST", "/v1/reviews", json: batch)
      settings.acknowledged[storeID] = last.id
      try acknowledge(settings)
      outcome.sent += rows.count
      outcome.new += receipt.stored
      outcome.batches += 1
    }
    return outcome
  }
}
