import Foundation
import Scheduling

/// The optimizer's training set: every card's reviews as (rating, gap in study days), and the training samples in it.
///
/// A *training sample* (fsrs-rs calls it an "item") is a review after a card's first one whose gap is at least one
/// study day: its label is whether it was recalled (rating above Again) and its features are the card's reviews
/// before it. Samples of one card share their history, so reviews are stored once per card, flattened.
public struct TrainingSet: Sendable, Equatable {
  /// The cards' ids, in order of their first review.
  public private(set) var cardIDs: [String]
  /// Where each card's reviews begin in `ratings` and `gaps` (one more entry than cards).
  public private(set) var starts: [Int]
  /// Every review's rating (1…4), card by card, in time order.
  public private(set) var ratings: [UInt8]
  /// Study days since the card's previous review (0 for its first review and for same-day reviews).
  public private(set) var gaps: [Int32]
  /// The number of samples: reviews after the first with a gap of at least one day.
  public private(set) var sampleCount: Int
  /// How many samples come before each card's (samples are numbered card by card, in time order within a card).
  public private(set) var sampleStarts: [Int]

  /// The number of cards.
  public var cardCount: Int { cardIDs.count }
  /// The number of reviews.
  public var reviewCount: Int { ratings.count }

  /// The training set of a review log: reviews grouped by card in time order, gaps in study days under `clock`.
  public init(reviews: [Review], clock: StudyDayClock) {
    // Sort by (time, position) on plain numbers: much faster than comparing Dates through the structs.
    var keys = reviews.enumerated().map { (time: $0.element.time.timeIntervalSince1970, index: $0.offset) }
    keys.sort { $0.time != $1.time ? $0.time < $1.time : $0.index < $1.index }
    // Cards numbered by first review; then a counting sort puts each card's reviews together, in time order.
    var cardIndex: [String: Int] = Dictionary(minimumCapacity: Swift.max(16, reviews.count / 4))
    var ids: [String] = []
    var cardOf = [Int](repeating: 0, count: keys.count)
    var lengths: [Int] = []
    for (position, key) in keys.enumerated() {
      let id = reviews[key.index].cardID
      let card: Int
      if let known = cardIndex[id] {
        card = known
      } else {
        card = ids.count
        cardIndex[id] = card
        ids.append(id)
        lengths.append(0)
      }
      cardOf[position] = card
      lengths[card] += 1
    }
    var starts = [Int](repeating: 0, count: ids.count + 1)
    for card in 0..<ids.count { starts[card + 1] = starts[card] + lengths[card] }
    var next = Array(starts.dropLast())
    var ratings = [UInt8](repeating: 0, count: keys.count)
    var gaps = [Int32](repeating: 0, count: keys.count)
    var lastDay = [Int](repeating: 0, count: ids.count)
    var sampleStarts = [Int](repeating: 0, count: ids.count)
    var samplesOfCard = [Int](repeating: 0, count: ids.count)
    for (position, key) in keys.enumerated() {
      let card = cardOf[position]
      let review = reviews[key.index]
      let day = clock.studyDay(review.time)
      let slot = next[card]
      ratings[slot] = UInt8(review.rating.rawValue)
      if slot > starts[card] {
        let gap = Int32(clamping: Swift.max(0, day - lastDay[card]))
        gaps[slot] = gap
        if gap > 0 { samplesOfCard[card] += 1 }
      }
      lastDay[card] = day
      next[card] = slot + 1
    }
    var samples = 0
    for card in 0..<ids.count {
      sampleStarts[card] = samples
      samples += samplesOfCard[card]
    }
    self.cardIDs = ids
    self.starts = starts
    self.ratings = ratings
    self.gaps = gaps
    self.sampleCount = samples
    self.sampleStarts = sampleStarts
  }

  /// A training set given directly as each card's (rating, gap) sequence; the first gap of a card is ignored.
  public init(cardIDs: [String]? = nil, cards: [[(rating: Rating, gap: Int)]]) {
    self.cardIDs = cardIDs ?? cards.indices.map(String.init)
    starts = [0]
    starts.reserveCapacity(cards.count + 1)
    ratings = []
    gaps = []
    sampleCount = 0
    sampleStarts = []
    sampleStarts.reserveCapacity(cards.count)
    for card in cards {
      sampleStarts.append(sampleCount)
      for (offset, review) in card.enumerated() {
        let gap = offset == 0 ? 0 : Int32(clamping: review.gap)
        ratings.append(UInt8(review.rating.rawValue))
        gaps.append(gap)
        if offset > 0 && gap > 0 { sampleCount += 1 }
      }
      starts.append(ratings.count)
    }
  }

  /// The reviews of card `card` as (rating, gap) pairs.
  public func reviews(ofCard card: Int) -> [(rating: Rating, gap: Int)] {
    (starts[card]..<starts[card + 1]).map { (Rating(rawValue: Int(ratings[$0]))!, Int(gaps[$0])) }
  }

  /// Only the cards whose indices are in `cards`, in that order.
  public func subset(_ cards: some Sequence<Int>) -> TrainingSet {
    var ids: [String] = []
    var training: [[(rating: Rating, gap: Int)]] = []
    for card in cards {
      ids.append(cardIDs[card])
      training.append(reviews(ofCard: card))
    }
    return TrainingSet(cardIDs: ids, cards: training)
  }
}
