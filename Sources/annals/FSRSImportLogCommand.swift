import ArgumentParser
import Foundation
import ProgressStore

extension FSRSCommand {
  /// `annals fsrs import-log`: puts a CSV review log into a learner's store, as a deck "imported" (hidden; for
  /// tests and for trying the optimizer on a real history).
  struct ImportLog: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import-log", abstract: "Import a CSV review log into a learner's store.", shouldDisplay: false)

    @Argument(help: ArgumentHelp("The review log (CSV).", valueName: "REVLOG.csv")) var file: String
    @OptionGroup var store: StoreOptions

    func run() throws {
      let reviews = try ReviewSourceOptions.readLog(file)
      let progress = try store.open()
      let imported: ProgressStore.ReviewLogImport
      do {
        imported = try progress.importReviewLog(
          reviews, as: DeckInfo(id: "imported", contentHash: "imported", path: file), at: Date())
      } catch {
        throw CommandError(error.description)
      }
      print("Imported \(imported.reviews) reviews of \(imported.cards) cards.")
    }
  }
}
