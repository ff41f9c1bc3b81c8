import Drafting
import EventDeck
import Foundation

/// Time to draft a deck from prose: `AnnalsBench draft [SOURCE.txt]`; by default the Kalbajar article repeated to
/// 1 MB (each copy's sentences kept whole), drafted in process, plus the YAML written from it.
enum DraftBench {
  static func run(_ arguments: [String]) throws {
    let path = arguments.first ?? "Decks/sources/battle-of-kalbajar.txt"
    let article = try String(contentsOfFile: path, encoding: .utf8)
    var text = ""
    var copies = 0
    while text.utf8.count < 1 << 20 {
      text += article + "\n\n"
      copies += 1
    }
    let options = DraftOptions(id: "bench", sourceFile: "sources/bench.txt")
    var times: [Double] = []
    var cpu: [Double] = []
    var draft: Draft?
    var yamlBytes = 0
    for _ in 0..<3 {
      let start = DispatchTime.now().uptimeNanoseconds
      let cpuStart = clock()
      let d = Drafter.draft(text: text, options: options)
      yamlBytes = try d.yaml().utf8.count
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      cpu.append(Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC))
      draft = d
    }
    times.sort()
    cpu.sort()
    let deck = draft!.deck
    print(
      "draft \(path) ×\(copies) (\(text.utf8.count / 1024) KiB, \(draft!.document.sentences.count) sentences): "
        + "\(deck.events.count) events, \(deck.facts.count) facts, \(deck.entities.count) entities, "
        + "\(yamlBytes / 1024) KiB of YAML; best \(String(format: "%.2f", times[0])) s, "
        + "median \(String(format: "%.2f", times[1])) s wall clock; best \(String(format: "%.2f", cpu[0])) s of CPU time "
        + "(3 runs; the issue's bound: 2 s)")
  }
}
