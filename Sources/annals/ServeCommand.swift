#if Server
import ArgumentParser
import ClassServer
import Foundation
import Logging
import ServiceLifecycle

/// The commands of the class server, present when Annals is built with its default trait `Server`.
enum ServerCommands {
  static let all: [any ParsableCommand.Type] = [ServeCommand.self]
}

/// `annals serve`: the class server (run by default; `init` creates its store and the teacher's token).
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the class server (decks for the class, reviews from its students).",
    discussion: """
      Without --database the server keeps everything in DIR/class.sqlite; with --database postgres://… in \
      PostgreSQL. Create the store and the teacher's token first with 'annals serve init'.
      """,
    subcommands: [ServeRunCommand.self, ServeInitCommand.self],
    defaultSubcommand: ServeRunCommand.self
  )
}

/// `--data` and `--database`, shared by `serve` and `serve init`.
struct ServerStoreOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The server's data folder (the embedded SQLite store, class.sqlite).", valueName: "dir"))
  var data: String?

  @Option(help: ArgumentHelp("A PostgreSQL database instead: postgres://USER[:PASSWORD]@HOST[:PORT]/DB.", valueName: "url"))
  var database: String?

  func validate() throws {
    if data == nil && database == nil { throw ValidationError("give --data DIR (embedded store) or --database postgres://…") }
    if data != nil && database != nil { throw ValidationError("give --data or --database, not both") }
  }
}

/// Logs to standard error, one line per event with its metadata (key=value), at LOG_LEVEL (default info).
enum ServerLogging {
  static func bootstrap() -> Logger {
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel =
        ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
      return handler
    }
    return Logger(label: "annals.server")
  }
}

/// `annals serve [--data DIR | --database URL] [--listen HOST:PORT]`.
struct ServeRunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Serve the class until SIGTERM or SIGINT (Ctrl-C).")

  @OptionGroup var storeOptions: ServerStoreOptions

  @Option(help: ArgumentHelp("Where to listen (port 0: a free port).", valueName: "host:port"))
  var listen = "127.0.0.1:8080"

  @Option(help: ArgumentHelp("The TLS certificate chain (PEM), for HTTPS.", valueName: "file"))
  var tlsCert: String?

  @Option(help: ArgumentHelp("The TLS private key (PEM), for HTTPS.", valueName: "file"))
  var tlsKey: String?

  @Flag(help: "Allow plain HTTP on an address other than loopback (behind a TLS reverse proxy).")
  var insecure = false

  func validate() throws {
    if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("give --tls-cert and --tls-key together") }
  }

  func run() async throws {
    let address: ListenAddress
    do { address = try ListenAddress(parsing: listen) } catch { throw ValidationError(error.description) }
    if !address.isLoopback && tlsCert == nil && !insecure {
      throw ValidationError(
        "--listen \(listen) is reachable from other machines: give --tls-cert FILE --tls-key FILE, or --insecure "
          + "when a TLS reverse proxy (nginx) stands in front")
    }
    let logger = ServerLogging.bootstrap()
    let store: any ServerStore
    let services: [any Service]
    do {
      (store, services) = try ServerSetup.open(
        dataDirectory: storeOptions.data, databaseURL: storeOptions.database, logger: logger)
    } catch { throw CommandError(error.description) }
    let tls = tlsCert.map { ClassServerApp.TLSFiles(certificate: $0, key: tlsKey ?? "") }
    do {
      // The check runs on a pool of its own: PostgresNIO's pool runs only once, and the server's runs as a service.
      let (check, checkServices) = try ServerSetup.open(
        dataDirectory: storeOptions.data, databaseURL: storeOptions.database, logger: logger)
      try await ServerSetup.withServices(checkServices) {
        try await check.migrate()
        guard try await check.hasTeacher() else {
          throw ServerError.invalid(
            "this server store has no teacher yet: run 'annals serve init' with the same --data or --database first")
        }
      }
      await check.close()
      let app = ClassServerApp(store: store, services: services, address: address, tls: tls, logger: logger)
      try await app.run { url in
        // Unbuffered, so a script reading the first line gets it at once.
        FileHandle.standardOutput.write(Data("Annals server on \(url)\n".utf8))
        logger.info("listening", metadata: ["url": .string(url), "database": .string(store.kind)])
      }
      await store.close()
      logger.info("stopped")
    } catch let error as ServerError {
      await store.close()
      throw CommandError(error.description)
    } catch {
      await store.close()
      throw CommandError("the server stopped: \(error)")
    }
  }
}
#else
import ArgumentParser

/// Built without the `Server` trait: no `serve` command.
enum ServerCommands {
  static let all: [any ParsableCommand.Type] = []
}
#endif
