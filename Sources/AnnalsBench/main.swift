import Foundation

// `AnnalsBench` runs every benchmark; `AnnalsBench NAME [ARGS...]` runs one. Add yours as one line here.
let benchmarks: [(name: String, run: ([String]) throws -> Void)] = [
  ("lint", LintBench.run),
]

let arguments = Array(CommandLine.arguments.dropFirst())
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
