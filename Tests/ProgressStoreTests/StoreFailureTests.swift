import Foundation
import Testing

@testable import ProgressStore

/// SQLite's result codes become the failures a learner can act on, each with plain words.
@Suite("Store failures in plain words")
struct StoreFailureTests {
  @Test(
    "result codes map to failures",
    arguments: [
      (Int32(13), StoreError.Failure.diskFull), (13 | (3 << 8), .diskFull), (5, .busy), (6, .busy),
      (11, .damaged), (26, .damaged), (10, .ioError), (10 | (4 << 8), .ioError), (3, .permissionDenied),
      (23, .permissionDenied),
    ])
  func codes(code: Int32, failure: StoreError.Failure) {
    #expect(StoreError.failure(code: code, path: "/tmp/x.sqlite") == failure)
  }

  @Test("a constraint or a misuse is not an I/O failure")
  func notIO() {
    #expect(StoreError.failure(code: 19, path: "/tmp/x.sqlite") == nil)
    #expect(StoreError.failure(code: 21, path: "/tmp/x.sqlite") == nil)
    #expect(StoreError.unknownCard("k/x/date").failure == nil)
  }

  @Test("the full-disk message says what happened and what to do")
  func diskFullMessage() {
    let error = StoreError.database(path: "Progress/ada.sqlite", message: "SQLite error 13", code: 13)
    #expect(
      error.unsavedAnswerMessage
        == "The disk is full: your last answer is not saved yet. Free some space and press Enter to try again, or :quit.")
  }

  @Test("a damaged store's error points to annals doctor")
  func damagedPointsToDoctor() {
    let error = StoreError.database(path: "Progress/ada.sqlite", message: "database disk image is malformed", code: 11)
    #expect(error.description.contains("Run `annals doctor --store Progress/ada.sqlite`"))
    #expect(error.unsavedAnswerMessage?.hasSuffix("Type :quit, then run `annals doctor` to check, back up and rebuild it.") == true)
  }

  @Test("a missing folder is cannot-open, an unreadable file permission-denied (unless root)")
  func cannotOpen() throws {
    #expect(StoreError.failure(code: 14, path: "/nonexistent-\(UUID())/x.sqlite") == .cannotOpen)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("annals-\(UUID()).sqlite").path
    try FileAccess.createPrivately(path)
    defer { unlink(path) }
    #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    chmod(path, 0)
    #expect(StoreError.failure(code: 14, path: path) == (getuid() == 0 ? .cannotOpen : .permissionDenied))
  }
}
