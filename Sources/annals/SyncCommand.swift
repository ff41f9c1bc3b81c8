import ArgumentParser
import ClassModel
import ClassSync
import Foundation
import ProgressStore
import TextKit

/// `annals sync`: pulls the class's decks into `Decks/` and pushes the learner's new reviews to the class server.
struct SyncCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Sync with your class's server: get its decks, send your new reviews.",
    discussion: """
      The server and token are remembered in Progress/<learner>.sync.json (readable by you only) after the first \
      sync, so later runs need neither. Your progress store stays complete on this machine: the server gets a copy. \
      A deck file you changed is never replaced silently: your copy is kept beside it as <file>.local-<time>.
      """)

  @OptionGroup var workspaceOptions: WorkspaceOptions
  @OptionGroup var serverOptions: ServerOptions

  @Option(help: ArgumentHelp("Reviews per request (at most 500).", valueName: "n"))
  var batch = ReviewBatch.maximumCount

  func validate() throws {
    if !(1...ReviewBatch.maximumCount).contains(batch) { throw ValidationError("--batch must be 1 to 500, got \(batch)") }
  }

  func run() async throws {
    let workspace = try workspaceOptions.resolveWorkspace()
    let learner = try workspaceOptions.resolveLearner()
    let settingsPath = SyncSettings.path(progressDirectory: workspace.progressDirectory.path, learner: learner.name)
    var settings: SyncSettings
    do { settings = try SyncSettings.load(from: settingsPath) } catch { throw CommandError(error.description.terminalSafe) }
    guard let server = serverOptions.server ?? settings.server else {
      throw ValidationError("give --server URL the first time (it is remembered in \(settingsPath))")
    }
    guard let token = serverOptions.resolvedToken ?? settings.token else {
      throw ValidationError("give --token TOKEN the first time (it is remembered in \(settingsPath), mode 0600)")
    }
    let client: ClassClient
    do { client = try ClassClient(server: server, token: token) } catch { throw CommandError(error.description) }
    let me: Identity = try await syncing { () async throws(SyncError) in try await client.get("/v1/me") }
    guard me.role == .student else {
      throw CommandError("this is the teacher's token: 'annals sync' needs a student's token (from 'annals class enroll')")
    }
    let save = { (settings: SyncSettings) throws(SyncError) in try settings.save(to: settingsPath) }
    if settings.server != server || settings.token != token {
      settings.server = server
      settings.token = token
      try await syncing { () async throws(SyncError) in try save(settings) }
    }
    print("Synced with \(server.terminalSafe) as \(me.name.terminalSafe)")

    let puller = DeckPuller(client: client, decksDirectory: workspace.decksDirectory.path)
    let pulled = try await syncing { () async throws(SyncError) in
      let outcome = try await puller.pull(settings: &settings, now: Date())
      try save(settings)
      return outcome
    }
    if pulled.written.isEmpty {
      print("Decks: up to date (\(pulled.upToDate.count) published)")
    } else {
      print("Decks: wrote \(pulled.written.map { "Decks/\($0.terminalSafe)" }.joined(separator: ", "))")
    }
    for kept in pulled.keptLocal {
      print("  Decks/\(kept.file.terminalSafe) had local changes: your copy is kept as Decks/\(kept.keptAs.terminalSafe)")
    }

    let storePath = workspace.storeURL(for: learner).path
    guard FileManager.default.fileExists(atPath: storePath) else {
      print("Reviews: none yet (no store at \(storePath.terminalSafe))")
      return
    }
    let store: ProgressStore
    do { store = try ProgressStore(path: storePath) } catch { throw CommandError(error.description) }
    defer { try? store.close() }
    let pusher = ReviewPusher(client: client, batchSize: batch)
    let pushed = try await syncing { () async throws(SyncError) in
      try await pusher.push(store: store, settings: &settings, acknowledge: save)
    }
    if pushed.sent == 0 {
      print("Reviews: nothing new to send")
    } else {
      print("Reviews: sent \(pushed.sent) (\(pushed.new) new to the server) in \(pushed.batches) request\(pushed.batches == 1 ? "" : "s"); all acknowledged")
    }
  }
}
