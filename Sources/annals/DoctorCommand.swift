import ArgumentParser
import Foundation
import ProgressStore

/// `annals doctor`: checks a learner's store, backs it up, and rebuilds a damaged one from its review log.
struct DoctorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check a progress store, back it up, and rebuild a damaged one from what its review log still holds.",
    discussion: """
      Runs SQLite's integrity check. A sound store is backed up as before a migration (<store>.backup-<UTC \
      time>-v<schema>, the newest three kept). A damaged one is copied byte for byte, with its -wal, to \
      <store>.damaged-<UTC time> (never pruned), and a new store is written from every deck, card and review \
      still readable and put in its place. It reports how many reviews were recovered, how many were lost with the damaged pages, and which \
      studied cards had to start again as new. The backup is never changed.
      """)

  @OptionGroup var storeOptions: StoreOptions

  @Flag(help: "Print the report as JSON.")
  var json = false

  func run() throws {
    let path = try storeOptions.resolvePath()
    let report: StoreDoctor.Report
    do { report = try StoreDoctor(path: path).run(at: Date()) } catch { throw CommandError(error.description) }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
      return
    }
    var lines = ["Checked \(path.terminalSafe)."]
    if report.isSound {
      lines.append("Integrity: ok.")
      lines.append("Backup: \(report.backupPath.terminalSafe)")
      lines.append("Nothing to repair.")
    } else {
      let problems = report.integrity
      lines.append(
        "Integrity: damaged — \(problems.count) problem\(problems.count == 1 ? "" : "s") found; the first: "
          + problems[0].terminalSafe)
      lines.append("Backup (the file as it was, untouched): \(report.backupPath.terminalSafe)")
      lines.append(
        "Rebuilt from the review log: \(report.reviewsRecovered) review\(report.reviewsRecovered == 1 ? "" : "s") "
          + "recovered, \(report.reviewsLost) lost with the damaged pages; \(report.cardsRecovered) "
          + "card\(report.cardsRecovered == 1 ? "" : "s") kept their progress.")
      if report.cardsReset.isEmpty {
        lines.append("No studied card was reset.")
      } else {
        lines.append(
          "\(report.cardsReset.count) studied card\(report.cardsReset.count == 1 ? " was" : "s were") reset to new "
            + "(none of their reviews could be read):")
        lines += report.cardsReset.prefix(50).map { "  \($0.terminalSafe)" }
        if report.cardsReset.count > 50 { lines.append("  … and \(report.cardsReset.count - 50) more") }
      }
      lines.append("The rebuilt store's integrity: \(report.integrityAfter.joined(separator: "; ").terminalSafe).")
    }
    print(lines.joined(separator: "\n"))
  }
}
