import Foundation

// `AnnalsBench` runs every benchmark; `AnnalsBench NAME [ARGS...]` runs one:
//   scheduling [LOG.csv]   store [DIR]   lint [DECK...] [--events N]   cards [--events N | --deck D] [--build-only] [--rounds N]   study [DECK]   study-store PATH
//   reports [DIR]   optimizer   scale-deck DIR   scale-log DECK LOG   scale-store DECK STORE   draft [SOURCE.txt]
//   launch DECK STORE [--rounds N]   compile DECK [--rounds N]
// Add yours as one line in `benchmarks`.
let defaultLog = "Tests/SchedulingTests/Fixtures/review-logs-slice.csv"

let benchmarks: [(name: String, run: ([String]) throws -> Void)] = [
  ("scheduling", { try runSchedulingBench(sampleLog: $0.first ?? defaultLog) }),
  ("store", { try runStoreBench(directory: $0.first ?? FileManager.default.temporaryDirectory.path) }),
  ("lint", LintBench.run),
  ("cards", { arguments in
    let events = arguments.firstIndex(of: "--events").flatMap { arguments.dropFirst($0 + 1).first.flatMap(Int.init) }
    let deck = arguments.firstIndex(of: "--deck").flatMap { arguments.dropFirst($0 + 1).first }
    let rounds = try ScaleBench.option("--rounds", in: arguments[...]) ?? 1
    guard rounds >= 1 else { throw BenchError.usage("cards --rounds takes a number of at least 1") }
    try runCardsBench(
      events: events ?? 10_000, deckPath: deck, buildOnly: arguments.contains("--build-only"), rounds: rounds)
  }),
  ("optimizer", { _ in runOptimizerBench() }),
  ("study", {
    try runStudyBench(
      deckPath: $0.first ?? "Decks/kalbajar.yaml", directory: FileManager.default.temporaryDirectory.path)
  }),
  // For scripts/bench-study: a 50,000-card store to copy into a workspace (only when given a path).
  ("study-store", { if let path = $0.first { try fillLargeStore(path: path) } }),
  ("draft", DraftBench.run),
  ("reports", { try runReportsBench(directory: $0.first ?? FileManager.default.temporaryDirectory.path) }),
  // For scripts/bench-scale (only when given paths): the generated deck, its review log, a filled store.
  ("scale-deck", { if !$0.isEmpty { try ScaleBench.deck($0) } }),
  ("scale-log", { if !$0.isEmpty { try ScaleBench.log($0) } }),
  ("scale-store", { if !$0.isEmpty { try ScaleBench.store($0) } }),
  // The steps of a study launch on a given deck and store, timed in process (only when given paths).
  ("launch", { if !$0.isEmpty { try LaunchBench.run($0) } }),
  // The steps of compiling a deck that just changed, timed in process (only when given a deck).
  ("compile", { if !$0.isEmpty { try CompileBench.run($0) } }),
]

let arguments = Array(CommandLine.arguments.dropFirst())
do {
  if let name = arguments.first {
    guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
      FileHandle.standardError.write(
        Data("unknown benchmark '\(name)'; known: \(benchmarks.map(\.name).joined(separator: ", "))\n".utf8))
      exit(2)
    }
    try benchmark.run(Array(arguments.dropFirst()))
  } else {
    for benchmark in benchmarks { try benchmark.run([]) }
  }
} catch {
  FileHandle.standardError.write(Data("AnnalsBench: \(error)\n".utf8))
  exit(1)
}
