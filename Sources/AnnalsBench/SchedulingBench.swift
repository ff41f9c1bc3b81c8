import Foundation
import Scheduling
import StableRandom

/// Replay throughput: reviews per second through FSRS on a real log and on a synthetic million-review log.
func runSchedulingBench(sampleLog: String) throws {
  let clock = StudyDayClock(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!)
  let scheduler = FSRSScheduler(parameters: try FSRSParameters(fuzz: false), clock: clock)

  let text = try String(contentsOfFile: sampleLog, encoding: .utf8)
  var start = Date()
  let sample = try ReviewLogCSV.parse(text)
  let parseSeconds = Date().timeIntervalSince(start)
  var best = Double.infinity
  for _ in 0..<5 {
    start = Date()
    let replayed = FSRSReplay.replay(sample, scheduler: scheduler)
    precondition(replayed.count == sample.count)
    best = min(best, Date().timeIntervalSince(start))
  }
  print(
    String(
      format: "fsrs replay, sample log (%d reviews): parse %.0f reviews/s, replay %.0f reviews/s (best of 5)",
      sample.count, Double(sample.count) / parseSeconds, Double(sample.count) / best))

  // 50,000 cards × 20 reviews, gaps of 0–60 days, 15% Again.
  var generator = SplitMix64(seed: 42)
  var reviews: [Review] = []
  reviews.reserveCapacity(1_000_000)
  var csv = "card_id,review_time,review_rating\n"
  for card in 0..<50_000 {
    var time = 1_700_000_000_000 + Int64(generator.next() % 86_400_000)
    for _ in 0..<20 {
      let roll = generator.next() % 100
      let rating: Rating = roll < 15 ? .again : roll < 25 ? .hard : roll < 90 ? .good : .easy
      reviews.append(
        Review(cardID: "\(card)", time: Date(timeIntervalSince1970: Double(time) / 1000), rating: rating))
      csv += "\(card),\(time),\(rating.rawValue)\n"
      time += Int64(generator.next() % (60 * 86_400_000))
    }
  }
  start = Date()
  let parsed = try ReviewLogCSV.parse(csv)
  let bigParse = Date().timeIntervalSince(start)
  start = Date()
  let replayed = FSRSReplay.replay(reviews, scheduler: scheduler)
  let bigReplay = Date().timeIntervalSince(start)
  precondition(replayed.count == 1_000_000 && parsed.count == 1_000_000)
  print(
    String(
      format: "fsrs replay, synthetic log (1,000,000 reviews, 50,000 cards): parse %.0f reviews/s (%.2f s), replay %.0f reviews/s (%.2f s)",
      1e6 / bigParse, bigParse, 1e6 / bigReplay, bigReplay))

  start = Date()
  var memory: (stability: Double, difficulty: Double)? = nil
  var checksum = 0.0
  let w = FSRSParameters.defaultWeights
  for index in 0..<1_000_000 {
    memory = FSRSMath.step(memory, rating: .good, elapsedDays: Double(index % 30), w: w)
    if index % 20 == 19 {
      checksum += memory!.stability
      memory = nil
    }
  }
  let steps = Date().timeIntervalSince(start)
  print(String(format: "FSRSMath.step alone: %.0f steps/s (checksum %.1f)", 1e6 / steps, checksum))
}

