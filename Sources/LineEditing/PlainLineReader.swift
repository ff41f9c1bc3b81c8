import TextKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A line reader for input that is not a terminal (`annals study < answers.txt`): plain reads, no escape codes.
///
/// The prompt and the line read are echoed to `echo`, so a scripted run leaves a transcript that reads like a
/// session. SIGTERM and SIGHUP end the read as `.terminated`.
public final class PlainLineReader: LineReader {
  public var completionWords: [String] = []
  private let fileDescriptor: Int32
  private let echo: (String) -> Void
  private var buffer: [UInt8] = []
  private var atEnd = false

  /// Reads from `fileDescriptor` (stdin by default), echoing prompts and lines through `echo`.
  public init(fileDescriptor: Int32 = 0, echo: @escaping (String) -> Void) {
    self.fileDescriptor = fileDescriptor
    self.echo = echo
    SignalTrap.install()
  }

  public func readLine(prompt: String, remember: Bool) -> ReadResult {
    echo(prompt)
    while true {
      if let signal = SignalTrap.takeTerminating() {
        echo("\n")
        return .terminated(signal: signal)
      }
      if SignalTrap.takeInterrupt() {
        let discarded = String(decoding: buffer, as: UTF8.self)
        buffer.removeAll()
        echo("^C\n")
        return .interrupted(discarded: discarded)
      }
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        var bytes = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        echo(TerminalText.sanitize(line) + "\n")
        return .line(line)
      }
      if atEnd {
        guard !buffer.isEmpty else {
          echo("\n")
          return .endOfInput
        }
        let line = String(decoding: buffer, as: UTF8.self)
        buffer.removeAll()
        echo(TerminalText.sanitize(line) + "\n")
        return .line(line)
      }
      guard SignalTrap.waitForInput(fileDescriptor: fileDescriptor) else { continue }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer.append(contentsOf: chunk[..<count])
      } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
        atEnd = true
      }
    }
  }

  public func close() {}
}
