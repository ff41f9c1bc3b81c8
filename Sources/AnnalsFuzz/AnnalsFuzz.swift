import AnswerCheck
import CardBuilder
import DeckFixtures
import EventDeck
import Foundation
import Scheduling

/// The libFuzzer entry point: one input for the target chosen by `ANNALS_FUZZ_TARGET` (deck, answer, date, number,
/// csv, anki, timeline). Never fails on its own: a crash, a hang or a sanitizer report is the finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
  FuzzTarget.current.run(bytes)
  return 0
}

#if FUZZING
  /// libFuzzer's driver, for a program that has its own `main` (SwiftPM's executables do).
  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif

/// `AnnalsFuzz` built with `-sanitize=fuzzer -DFUZZING` (`scripts/fuzz`) is a libFuzzer binary; built normally it
/// replays the files given (a corpus, or crash inputs) through the same target, for a quick check without libFuzzer.
@main
struct AnnalsFuzz {
  static func main() {
    #if FUZZING
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    #else
      var count = 0
      for path in CommandLine.arguments.dropFirst() {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
        let files =
          isDirectory.boolValue
          ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
          : [path]
        for file in files {
          guard let data = FileManager.default.contents(atPath: file) else { continue }
          FuzzTarget.current.run(data)
          count += 1
        }
      }
      print("\(FuzzTarget.current.rawValue): \(count) inputs replayed without a crash")
    #endif
  }
}
