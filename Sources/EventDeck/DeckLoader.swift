import Foundation

/// Reads deck files: every problem found becomes a `Diagnostic`; nothing is printed.
///
/// ```swift
/// let report = DeckLoader.lint(fileAt: "Decks/kalbajar.yaml")
/// for d in report.diagnostics { print(d) }   // in the command layer
/// let deck = try DeckLoader.load(fileAt: "Decks/kalbajar.yaml")   // throws DeckError on any error
/// ```
public enum DeckLoader {
  /// The largest deck file read, in bytes (4 MiB).
  public static let maximumFileSize = 4 << 20
  /// The deepest YAML nesting accepted.
  public static let maximumDepth = 64
  /// The most nodes YAML aliases may bring in.
  public static let maximumAliasExpansion = 100_000

  /// Reads and checks the deck file at `path`; never throws: every problem is in the report.
  public static func lint(fileAt path: String) -> DeckReport {
    let url = URL(fileURLWithPath: path)
    let start = SourceLocation(file: path, line: 1, column: 1)
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      return DeckReport(
        path: path, deck: nil,
        diagnostics: [
          Diagnostic(
            .error, isDirectory.boolValue ? "this is a folder, not a deck file" : "no such deck file",
            hint: "give the path of a .yaml deck, e.g. Decks/kalbajar.yaml", at: start)
        ])
    }
    if let size, size > maximumFileSize {
      return DeckReport(
        path: path, deck: nil,
        diagnostics: [
          Diagnostic(
            .error, "the file is too large to be a deck (\(size) bytes; the limit is \(maximumFileSize >> 20) MiB)",
            hint: "split it into several decks", at: start)
        ])
    }
    guard let handle = try? FileHandle(forReadingFrom: url),
      let data = try? handle.read(upToCount: maximumFileSize + 1)
    else {
      return DeckReport(
        path: path, deck: nil,
        diagnostics: [Diagnostic(.error, "cannot read the file", hint: "check its permissions", at: start)])
    }
    try? handle.close()
    return lint(data: data, path: path, baseDirectory: url.deletingLastPathComponent())
  }

  /// Checks deck text already read; source `file:` paths are taken relative to `baseDirectory`.
  public static func lint(data: Data, path: String, baseDirectory: URL) -> DeckReport {
    onLargeStack {
      let document: YAMLDocument
      do throws(YAMLDocument.Failure) {
        document = try YAMLDocument.compose(
          data: data, path: path,
          limits: .init(
            maximumBytes: maximumFileSize, maximumDepth: maximumDepth,
            maximumAliasExpansion: maximumAliasExpansion))
      } catch {
        return DeckReport(path: path, deck: nil, diagnostics: [error.diagnostic])
      }
      let parser = DeckParser(path: path)
      let deck = parser.parseDeck(document.root)
      if let deck { parser.checkDeck(deck, baseDirectory: baseDirectory) }
      return DeckReport(path: path, deck: deck, diagnostics: parser.diagnostics)
    }
  }

  /// Reads the deck at `path`, throwing every diagnostic when any is an error.
  public static func load(fileAt path: String) throws(DeckError) -> Deck {
    let report = lint(fileAt: path)
    guard report.errorCount == 0, let deck = report.deck else { throw DeckError(diagnostics: report.diagnostics) }
    return deck
  }

  /// Runs `body` on a thread with a 64 MiB stack: composing YAML recurses once per nesting level (libyaml allows
  /// 1,000), more than a secondary thread's default stack holds. The tree is also freed there.
  private static func onLargeStack(_ body: @escaping @Sendable () -> DeckReport) -> DeckReport {
    final class Box: @unchecked Sendable {
      var report: DeckReport?
    }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      box.report = body()
      done.signal()
    }
    thread.stackSize = 64 << 20
    thread.start()
    done.wait()
    return box.report!
  }
}
