import ArgumentParser
import ClassSync
import Foundation
import LineEditing
import ProgressStore
import Reports
import Scheduling
import TextKit
import Workspace

/// `annals report`: a learner's progress report, or with `--class DIR` a teacher's report over many stores.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Show a progress report for a learner, or for a class with --class DIR.",
    discussion: """
      Stores are opened read-only and never changed. Text output fits the terminal width and has colour only on \
      a terminal without NO_COLOR. HTML is one self-contained file (inline SVG and CSS, no scripts). CSV writes \
      one table: for a learner 'cards' (default), 'days', 'forecast', 'mastery' or 'quizzes'; for a class \
      'students' (default), 'items' or 'unreadable'. Card questions and source sentences come from the deck \
      files the store was synced from, or from --catalog files; without them cards show their ids.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html, json, csv
  }

  @OptionGroup var workspaceOptions: WorkspaceOptions

  @Option(help: ArgumentHelp("The progress store file (default: <workspace>/Progress/<learner>.sqlite).", valueName: "path"))
  var store: String?

  @Option(help: "Only this deck (its id).")
  var deck: String?

  @Option(help: "Output format: text, markdown, html, json or csv.")
  var format: Format = .text

  @Option(help: "The CSV table to write (see below).")
  var table: String?

  @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
  var out: String?

  @Option(name: .customLong("class"), help: ArgumentHelp("Report on every *.sqlite store in this folder.", valueName: "dir"))
  var classDirectory: String?

  /// `--server URL --token TEACHER` (written `--class --server …`): the class report from a class server's data.
  @OptionGroup var serverOptions: ServerOptions

  @Option(
    help: ArgumentHelp(
      "A deck file (.yaml) giving questions and source sentences, its cards built as 'annals study' builds them (repeatable; default: the deck files the store was synced from).",
      valueName: "file"))
  var catalog: [String] = []

  @Option(help: "How many weakest facts (a class: items) to list (default: 10; 50 in JSON).")
  var weakest: Int?

  @Flag(help: "In JSON, include every card's row in 'cards', and for a class every item (default: the weakest and the aggregates only).")
  var allCards = false

  @Option(help: "Text width in columns (default: the terminal's, else 80).")
  var width: Int?

  @Option(help: .hidden)
  var now: String?

  func validate() throws {
    if let width, width < 40 || width > 1000 {
      throw ValidationError("--width must be between 40 and 1000, got \(width)")
    }
    if table != nil && format != .csv { throw ValidationError("--table only applies with --format csv") }
    if let weakest, weakest < 0 { throw ValidationError("--weakest must be 0 or more, got \(weakest)") }
    if allCards && format != .json { throw ValidationError("--all-cards only applies with --format json") }
  }

  func run() async throws {
    let moment = try parseMoment(now)
    var catalogs = try catalog.map(ReportCatalogs.load)
    let output: String
    // With --server: the server's reviews rebuilt into a private temporary folder of stores, removed afterwards.
    var fromServer: (folder: String, server: String)?
    if serverOptions.server != nil {
      let client = try serverOptions.client()
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annals-class-\(UUID().uuidString)").path
      let downloaded = try await syncing { () async throws(SyncError) in
        try await ClassDownload(client: client).download(into: folder, now: moment)
      }
      if catalog.isEmpty { catalogs = try downloaded.deckFiles.map(ReportCatalogs.load) }
      fromServer = (folder, client.server.absoluteString)
    }
    defer { if let fromServer { try? FileManager.default.removeItem(atPath: fromServer.folder) } }
    do {
      if let classDirectory = fromServer?.folder ?? classDirectory {
        var report = try ClassReportBuilder(now: moment, catalogs: catalogs, deck: deck).report(directory: classDirectory)
        if let fromServer { report.directory = fromServer.server }
        // The JSON's items stay bounded at any class size (the least known first); --all-cards and CSV
        // --table items list every one.
        if format == .json && !allCards {
          report.items = Array(report.items.prefix(weakest ?? 50))
        }
        switch format {
        case .text: output = TextRenderer(width: textWidth, color: useColor).render(report)
        case .markdown: output = MarkdownRenderer().render(report)
        case .html: output = HTMLRenderer().render(report)
        case .json: output = try JSONRenderer().render(report)
        case .csv: output = try CSVRenderer().render(report, table: table ?? "students")
        }
      } else {
        let path = try storePath()
        guard FileManager.default.fileExists(atPath: path) else {
          throw CommandError(
            "no progress store at \(path.terminalSafe) yet: study a deck first, or create demo data with 'annals simulate'")
        }
        let store: ProgressStore
        do { store = try ProgressStore(path: path, access: .readOnly) } catch { throw CommandError(error.description) }
        defer { try? store.close() }
        if catalog.isEmpty { catalogs = ReportCatalogs.recorded(in: store) }
        let learner = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var builder = ReportBuilder(now: moment, catalogs: catalogs, deck: deck)
        builder.weakestCount = weakest ?? (format == .json ? 50 : 10)
        // Every card's text only where every card's row is written: the CSV card table and JSON --all-cards.
        let everyRow = (format == .csv && (table ?? "cards") == "cards") || (format == .json && allCards)
        builder.cardText = everyRow ? .all : .shown
        var report = try builder.report(store: store, learner: learner)
        // The JSON stays a few MB at any library size: every card's row only when asked (CSV --table cards has them).
        if format == .json && !allCards { report.cards = [] }
        switch format {
        case .text: output = TextRenderer(width: textWidth, color: useColor).render(report)
        case .markdown: output = MarkdownRenderer().render(report)
        case .html: output = HTMLRenderer().render(report)
        case .json: output = try JSONRenderer().render(report)
        case .csv: output = try CSVRenderer().render(report, table: table ?? "cards")
        }
      }
    } catch let error as ReportError {
      throw CommandError(error.description)
    }
    if let out {
      do { try FileAccess.writePrivately(Data(output.utf8), to: out) } catch {
        throw CommandError("cannot write \(out.terminalSafe): \(error.localizedDescription)")
      }
      FileHandle.standardError.write(Data("Report written to \(out.terminalSafe)\n".utf8))
    } else {
      FileHandle.standardOutput.write(Data(output.utf8))
    }
  }

  /// Colour only for text on a terminal, and never with NO_COLOR set (https://no-color.org) or TERM=dumb.
  var useColor: Bool {
    TerminalText.colourEnabled(
      outputIsTerminal: out == nil && format == .text && isatty(STDOUT_FILENO) == 1,
      environment: ProcessInfo.processInfo.environment)
  }

  /// `--width`, else the terminal's (`COLUMNS`, then the tty), else 80.
  var textWidth: Int {
    width ?? TerminalText.width(environment: ProcessInfo.processInfo.environment)
  }
}

/// An ISO 8601 moment or a YYYY-MM-DD date (noon UTC); nil: now.
func parseMoment(_ text: String?) throws -> Date {
  guard let text else { return Date() }
  if let date = ISO8601DateFormatter().date(from: text) { return date }
  if let noon = StudyDayClock(timeZone: TimeZone(identifier: "UTC")!).noon(onCalendarDate: text) { return noon }
  throw CommandError("'\(text.terminalSafe)' is not a date like 2026-04-30 or 2026-04-30T12:00:00Z")
}

extension ReportCommand {
  /// `--store`, else the learner's store in the workspace (as `annals study` uses it).
  func storePath() throws -> String {
    if let store { return store }
    let workspace = try workspaceOptions.resolveWorkspace()
    return workspace.storeURL(for: try workspaceOptions.resolveLearner()).path
  }
}
