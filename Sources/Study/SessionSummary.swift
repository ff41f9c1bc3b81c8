import Foundation
import ProgressStore

/// What a session did, for the closing note.
public struct SessionSummary: Sendable, Equatable {
  /// Answers recorded (after undos).
  public var reviewed = 0
  /// Of those, how many were right.
  public var correct = 0
  /// From the first card to the end.
  public var seconds: Double = 0
  /// When the next studied card falls due, if any.
  public var nextDue: NextDue?
  /// Answers the learner ended the session on without their being saved (the disk was full, say); named when
  /// it happened.
  public var unsaved = 0
  /// Why the session ended.
  public var endReason: EndReason = .finished
  /// Cards still queued for today when the session ended before its queue did: due now (learning and reviews)
  /// and new (within today's limit).
  public var leftDue = 0
  public var leftNew = 0

  /// How a session ended.
  public enum EndReason: String, Sendable, Equatable {
    case finished, quit, endOfInput, interrupted, terminated, nothingDue, unsaved
  }
}
