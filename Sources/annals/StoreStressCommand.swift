import ArgumentParser
import Foundation
import ProgressStore
import Scheduling

/// `annals store-stress`: a hidden command for durability tests; answers cards one transaction at a time and
/// prints "ack <review id> <card id>" after each commit.
struct StoreStressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store-stress",
    abstract: "Write reviews one transaction at a time, acknowledging each commit (for durability tests).",
    shouldDisplay: false)

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: "Reviews to write.")
  var count = 1000

  @Option(help: "Cards in the synthetic deck.")
  var cards = 50

  @Option(help: "A label put in each review's typed answer, to tell writers apart.")
  var writer = "w"

  func run() throws {
    let store = try storeOptions.open()
    do {
      let records = (0..<cards).map { CardRecord(id: "stress-\($0)", kind: "when", siblingGroup: "stress-\($0)") }
      _ = try store.sync(deck: DeckInfo(id: "stress", contentHash: "stress", path: "-"), cards: records, at: Date())
      let scheduler = try store.scheduler(forDeck: "stress")
      for index in 0..<count {
        let card = "stress-\(index % cards)"
        let rating = Rating(rawValue: 1 + (index * 7 % 4))!
        let entry = try store.answer(
          Answer(cardID: card, rating: rating, time: Date(), typedAnswer: "\(writer)-\(index)", verdict: "stress"),
          scheduler: scheduler)
        // Unbuffered: the line is out only after the commit, and nothing acknowledged waits in a buffer.
        FileHandle.standardOutput.write(Data("ack \(entry.id) \(card) \(writer)-\(index)\n".utf8))
      }
    } catch {
      throw CommandError(error.description)
    }
  }
}
