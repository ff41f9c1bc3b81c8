import Foundation
import Testing

@testable import LineEditing

@Suite(.serialized) struct LineReaderTests {
  @Test func scriptedReaderReplaysThenEndsInput() {
    let reader = ScriptedLineReader([.line("1993"), .interrupted(discarded: "x")])
    #expect(reader.readLine(prompt: "> ") == .line("1993"))
    #expect(reader.readLine(prompt: "grade> ") == .interrupted(discarded: "x"))
    #expect(reader.readLine(prompt: "> ") == .endOfInput)
    #expect(reader.prompts == ["> ", "grade> ", "> "])
  }

  @Test func plainReaderReadsLinesFromAPipeAndEchoesThemSafely() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    let input = "first\r\nsecond \u{1B}[31m\nlast without newline"
    _ = input.withCString { write(fds[1], $0, strlen($0)) }
    close(fds[1])
    nonisolated(unsafe) var echoed = ""
    let reader = PlainLineReader(fileDescriptor: fds[0], echo: { echoed += $0 })
    #expect(reader.readLine(prompt: "> ") == .line("first"))
    #expect(reader.readLine(prompt: "> ") == .line("second \u{1B}[31m"))
    #expect(reader.readLine(prompt: "> ") == .line("last without newline"))
    #expect(reader.readLine(prompt: "> ") == .endOfInput)
    close(fds[0])
    #expect(!echoed.contains("\u{1B}"))
    #expect(echoed.hasPrefix("> first\n> second ^[[31m\n"))
  }

  @Test func plainReaderEndsOnSIGTERMWhileWaiting() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    defer {
      close(fds[0])
      close(fds[1])
    }
    let reader = PlainLineReader(fileDescriptor: fds[0], echo: { _ in })
    // The signal may land on any thread while the reader polls an empty pipe; the reader must notice it.
    kill(getpid(), SIGTERM)
    #expect(reader.readLine(prompt: "> ") == .terminated(signal: SIGTERM))
  }
}
