import Foundation
import Testing

@testable import LineEditing

@Suite("Which editrc libedit reads")
struct EditrcTests {
  func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("annals-editrc-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test("$EDITRC wins over ~/.editrc, and ~/.editrc is read when EDITRC is unset or empty")
  func order() throws {
    let home = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let own = home + "/own.editrc"
    try Data("bind ^X ed-kill-line\n".utf8).write(to: URL(fileURLWithPath: own))
    try Data("bind -e\n".utf8).write(to: URL(fileURLWithPath: home + "/.editrc"))
    #expect(EditLineReader.editrcPath(environment: ["EDITRC": own, "HOME": home]) == own)
    #expect(EditLineReader.editrcPath(environment: ["HOME": home]) == home + "/.editrc")
    #expect(EditLineReader.editrcPath(environment: ["EDITRC": "", "HOME": home]) == home + "/.editrc")
  }

  @Test("nothing is read when the file is missing, a folder, a device, a FIFO or implausibly large")
  func refusals() throws {
    let home = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    #expect(EditLineReader.editrcPath(environment: ["HOME": home]) == nil)
    #expect(EditLineReader.editrcPath(environment: [:]) == nil)
    #expect(EditLineReader.editrcPath(environment: ["EDITRC": home]) == nil)
    #expect(EditLineReader.editrcPath(environment: ["EDITRC": "/dev/zero"]) == nil)
    let fifo = home + "/fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(EditLineReader.editrcPath(environment: ["EDITRC": fifo]) == nil)
    let huge = home + "/huge"
    try Data(repeating: 0x23, count: 300 * 1024).write(to: URL(fileURLWithPath: huge))
    #expect(EditLineReader.editrcPath(environment: ["EDITRC": huge]) == nil)
  }
}
