#if Server
import ArgumentParser
import ClassServer
import Foundation

/// `annals serve init`: creates the server's store and prints the teacher's token, once.
struct ServeInitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Create the server's store and print the teacher's token (shown only this once).")

  @OptionGroup var storeOptions: ServerStoreOptions

  func run() async throws {
    let logger = ServerLogging.bootstrap()
    let token: String
    do {
      let (store, services) = try ServerSetup.open(
        dataDirectory: storeOptions.data, databaseURL: storeOptions.database, logger: logger)
      token = try await ServerSetup.withServices(services) {
        try await ServerSetup.initialise(store, at: Int64(Date().timeIntervalSince1970 * 1000))
      }
      await store.close()
    } catch let error as ServerError {
      throw CommandError(error.description)
    }
    print("Teacher token (shown only now; keep it secret, the server keeps only its hash):")
    print(token)
  }
}
#endif
