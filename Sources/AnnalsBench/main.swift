import Foundation

// `AnnalsBench [scheduling [LOG.csv]] [store [DIR]] [reports [DIR]]`: prints benchmark figures. With no argument, runs everything.
let arguments = Array(CommandLine.arguments.dropFirst())
let defaultLog = "Tests/SchedulingTests/Fixtures/review-logs-slice.csv"

func argument(after name: String) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  let value = arguments[index + 1]
  return ["scheduling", "store", "reports"].contains(value) ? nil : value
}

do {
  if arguments.isEmpty || arguments.contains("scheduling") {
    try runSchedulingBench(sampleLog: argument(after: "scheduling") ?? defaultLog)
  }
  if arguments.isEmpty || arguments.contains("store") {
    try runStoreBench(directory: argument(after: "store") ?? FileManager.default.temporaryDirectory.path)
  }
  if arguments.isEmpty || arguments.contains("reports") {
    try runReportsBench(directory: argument(after: "reports") ?? FileManager.default.temporaryDirectory.path)
  }
} catch {
  FileHandle.standardError.write(Data("AnnalsBench: \(error)\n".utf8))
  exit(1)
}
