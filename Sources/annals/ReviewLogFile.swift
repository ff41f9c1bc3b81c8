import Foundation
import Scheduling

/// A CSV review log read from a file, its errors turned into command errors naming the file and line.
enum ReviewLogFile {
  /// The reviews in the log at `file`; a read or parse error becomes a `CommandError` (`file:line: message`).
  static func load(_ file: String) throws -> [LoggedReview] {
    let text: String
    do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
      throw CommandError("cannot read \(file.terminalSafe): \(error.localizedDescription)")
    }
    do { return try ReviewLogCSV.parse(text) } catch {
      if case .invalidReviewLog(let line, let message) = error {
        throw CommandError("\(file.terminalSafe):\(line): \(message.terminalSafe)")
      }
      throw CommandError("\(file.terminalSafe): \(error.description)")
    }
  }
}
