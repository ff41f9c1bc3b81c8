/// When a report counts a card as known: the one definition behind every "knowledge" figure.
///
/// A card is known when it has been studied, its latest answer was not Again, and its probability of recall now
/// (the learner's scheduler's retrievability) is at least the desired retention. A card failed a minute ago is not
/// known, however high its recall right after the miss; nor is one whose memory has faded below the target.
public enum Knowledge {
  /// Whether a card with this recall now and latest answer counts as known at `desiredRetention`.
  ///
  /// ```swift
  /// Knowledge.isKnown(retrievability: 0.99, lastPassed: false, desiredRetention: 0.9)  // false: just failed
  /// Knowledge.isKnown(retrievability: 0.93, lastPassed: true, desiredRetention: 0.9)   // true
  /// ```
  public static func isKnown(retrievability: Double?, lastPassed: Bool?, desiredRetention: Double) -> Bool {
    guard let retrievability, lastPassed == true else { return false }
    return retrievability >= desiredRetention
  }
}
