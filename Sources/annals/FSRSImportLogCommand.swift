import ArgumentParser
import Foundation
import ProgressStore
import Scheduling
import Study

extension FSRSCommand {
  /// `annals fsrs import-log LOG.csv [--deck ID]`: puts a CSV review log into a learner's store.
  struct ImportLog: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import-log", abstract: "Import a CSV review log into a learner's store.",
      discussion: """
        The log is the fsrs CSV form (card_id, review_time, review_rating, optional review_duration). With --deck, \
        every review attaches to that deck's card of the same id (the deck is synced from the workspace first if \
        the store does not know it yet), and a review of a card the deck does not have is an error naming its \
        line; 'annals study' then goes on from the imported history. Without --deck the cards go into a deck \
        "imported" (for trying the optimizer on a real history). All reviews are recorded in one transaction.
        """)

    @Argument(help: ArgumentHelp("The review log (CSV).", valueName: "LOG.csv")) var file: String
    @Option(help: ArgumentHelp("Attach the reviews to this deck's cards (its id, e.g. kalbajar).", valueName: "ID"))
    var deck: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
      let log: (reviews: [Review], lines: [Int])
      do { log = try ReviewLogCSV.loadNumbered(contentsOfFile: file) } catch {
        throw CommandError(error.description.terminalSafe)
      }
      let progress = try store.open()
      defer { try? progress.close() }
      if let deck { try syncIfNeeded(deck: deck, into: progress) }
      do {
        let summary = try progress.importReviews(log.reviews, deck: deck)
        print("Imported \(summary.reviews) reviews of \(summary.cards) cards\(deck.map { " into deck \($0)" } ?? "").")
      } catch .notInDeck(let card, let deck) {
        let line = log.reviews.firstIndex { $0.cardID == card }.map { ":\(log.lines[$0])" } ?? ""
        throw CommandError(
          "\(file.terminalSafe)\(line): deck '\(deck.terminalSafe)' has no card '\(card.terminalSafe)'\n"
            + "  hint: the log's card_id must be a card id of the deck, as 'annals cards' lists them; nothing was imported")
      } catch {
        throw CommandError(error.description)
      }
    }

    /// Syncs the workspace's decks into the store when the store does not know deck `id` yet.
    func syncIfNeeded(deck id: String, into progress: ProgressStore) throws {
      do { if try progress.deck(id) != nil { return } } catch { throw CommandError(error.description) }
      let workspace = try store.workspaceOptions.resolveWorkspace()
      let paths = try DeckPaths.resolve([], in: workspace)
      let material: StudyMaterial
      do { material = try StudyMaterial.load(paths: paths) } catch { throw CommandError(error.description) }
      guard material.decks.contains(where: { $0.id == id }) else {
        throw CommandError(
          "--deck: no deck '\(id.terminalSafe)' in \(workspace.decksDirectory.path.terminalSafe) "
            + "(known: \(material.decks.map(\.id).joined(separator: ", ").terminalSafe))")
      }
      // Every deck of the workspace, as 'annals study' syncs them.
      do { _ = try material.sync(into: progress, paths: paths, at: Date()) } catch {
        throw CommandError(error.description)
      }
    }
  }
}
