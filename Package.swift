// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Annals",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "annals", targets: ["annals"])
  ],
  traits: [
    // The class server and its engines (Hummingbird, SwiftNIO, PostgresNIO): on by default; the sanitizer and fuzz
    // builds pass `--disable-default-traits` and so never build those packages.
    .trait(name: "Server", description: "annals serve: the class server on Hummingbird, SQLite and PostgreSQL"),
    .default(enabledTraits: ["Server"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    // The class server (`annals serve`), built only with the default trait `Server` (see `traits` below).
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
    .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
  ],
  targets: [
    // MARK: - System libraries

    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .systemLibrary(
      name: "CZstd",
      pkgConfig: "libzstd",
      providers: [.apt(["libzstd-dev"])]
    ),
    .systemLibrary(
      name: "CLibMD",
      pkgConfig: "libmd",
      providers: [.apt(["libmd-dev"])]
    ),

    // MARK: - Foundations (pure, no dependencies)

    // Text comparison keys, edit distance and terminal-safe text.
    .target(name: "TextKit"),
    // The seeded generator (SplitMix64) and the stable hash (FNV-1a).
    .target(name: "StableRandom"),

    // MARK: - Core (pure)

    .target(name: "EventDeck", dependencies: ["TextKit", .product(name: "Yams", package: "Yams")]),
    .target(name: "CardBuilder", dependencies: ["EventDeck", "TextKit", "StableRandom"]),
    .target(name: "AnswerCheck", dependencies: ["CardBuilder", "EventDeck", "TextKit", "Scheduling"]),
    .target(name: "Scheduling", dependencies: ["StableRandom"]),
    .target(name: "Optimizer", dependencies: ["Scheduling", "StableRandom"]),

    // MARK: - Edges (storage, terminal, files)

    .target(name: "Workspace", dependencies: ["TextKit"]),
    // Long scans read their columns through SQLite's C API (GRDB's statements, without its boxed rows).
    .target(
      name: "SQLiteScan",
      dependencies: [
        .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    .target(
      name: "ProgressStore",
      dependencies: ["Scheduling", "SQLiteScan", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .target(name: "LineEditing", dependencies: ["CEditLine", "TextKit"]),
    .target(
      name: "DeckCache",
      dependencies: [
        "EventDeck", "CardBuilder", "StableRandom", "SQLiteScan", .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),

    // MARK: - Features

    .target(
      name: "Study",
      dependencies: [
        "EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "ProgressStore", "LineEditing", "Workspace",
        "TextKit", "StableRandom", "DeckCache",
      ]
    ),
    .target(name: "Reports", dependencies: ["ProgressStore", "Scheduling", "CardBuilder", "AnswerCheck", "EventDeck", "TextKit"]),
    .target(
      name: "Drafting", dependencies: ["EventDeck", "CardBuilder", "LineEditing", "TextKit"]),
    .target(
      name: "Interop",
      dependencies: [
        "EventDeck", "CardBuilder", "ProgressStore", "Scheduling", "TextKit", "CZstd", "CLibMD",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "CSV", package: "CSV.swift"),
      ]
    ),
    .target(
      name: "Simulation",
      dependencies: ["CardBuilder", "AnswerCheck", "ProgressStore", "Scheduling", "EventDeck", "StableRandom"]
    ),

    // MARK: - Class (server and sync)

    // What the class server and its clients exchange: the JSON bodies of every endpoint.
    .target(name: "ClassModel"),
    // The student's and teacher's side, pulling decks and pushing reviews: HTTP over SwiftNIO with the `Server`
    // trait (no libcurl in the process), through Foundation's URLSession without it (the sanitizers' builds).
    .target(
      name: "ClassSync",
      dependencies: [
        "ClassModel", "ProgressStore", "Workspace", "EventDeck", "StableRandom",
        .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Server"])),
        .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["Server"])),
        .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["Server"])),
        .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["Server"])),
      ]
    ),
    // The server: Hummingbird routes, bearer-token auth, and its store on SQLite (GRDB) or PostgreSQL (PostgresNIO).
    .target(
      name: "ClassServer",
      dependencies: [
        "ClassModel",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Server"])),
        .product(name: "HummingbirdCore", package: "hummingbird", condition: .when(traits: ["Server"])),
        .product(name: "HummingbirdTLS", package: "hummingbird", condition: .when(traits: ["Server"])),
        .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Server"])),
        .product(name: "Crypto", package: "swift-crypto", condition: .when(traits: ["Server"])),
        .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Server"])),
        .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["Server"])),
        .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Server"])),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Server"])),
        .product(name: "UnixSignals", package: "swift-service-lifecycle", condition: .when(traits: ["Server"])),
      ]
    ),

    // MARK: - Executables

    .executableTarget(
      name: "annals",
      dependencies: [
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        "EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "Optimizer", "ProgressStore",
        "LineEditing", "Study", "Reports", "Simulation", "Workspace", "TextKit", "Drafting", "Interop", "DeckCache",
        "ClassModel", "ClassSync",
        .target(name: "ClassServer", condition: .when(traits: ["Server"])),
        .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Server"])),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Server"])),
      ]
    ),
    .executableTarget(
      name: "AnnalsBench",
      dependencies: [
        "EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "Optimizer", "ProgressStore", "Study", "Reports",
        "Simulation", "LineEditing", "StableRandom", "Drafting", "DeckFixtures", "DeckCache",
      ]
    ),

    // Fuzz targets for libFuzzer (scripts/fuzz builds it with -sanitize=fuzzer); built normally it replays inputs.
    .executableTarget(
      name: "AnnalsFuzz",
      dependencies: ["EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "Interop", "DeckFixtures"]
    ),

    // MARK: - Tests

    .target(name: "DeckFixtures", dependencies: ["EventDeck", "StableRandom"], path: "Tests/DeckFixtures"),
    .testTarget(
      name: "EventDeckTests", dependencies: ["EventDeck", .product(name: "Yams", package: "Yams")],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "TextKitTests", dependencies: ["TextKit"]),
    .testTarget(name: "StableRandomTests", dependencies: ["StableRandom"]),
    .testTarget(name: "CardBuilderTests", dependencies: ["CardBuilder", "EventDeck", "DeckFixtures", "TextKit", "StableRandom"]),
    .testTarget(
      name: "AnswerCheckTests",
      dependencies: ["AnswerCheck", "CardBuilder", "EventDeck", "Scheduling", "DeckFixtures", "TextKit"]),
    .testTarget(name: "SchedulingTests", dependencies: ["Scheduling"], resources: [.copy("Fixtures")]),
    .testTarget(name: "OptimizerTests", dependencies: ["Optimizer", "Scheduling", "StableRandom"], resources: [.copy("Fixtures")]),
    .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "EventDeck"]),
    .testTarget(
      name: "ProgressStoreTests", dependencies: ["ProgressStore", "Scheduling"], resources: [.copy("Fixtures")]),
    .testTarget(name: "LineEditingTests", dependencies: ["LineEditing", "TextKit"]),
    .testTarget(
      name: "DeckCacheTests",
      dependencies: ["DeckCache", "CardBuilder", "EventDeck", "DeckFixtures", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(
      name: "StudyTests",
      dependencies: [
        "Study", "AnswerCheck", "CardBuilder", "EventDeck", "ProgressStore", "Scheduling", "LineEditing", "TextKit",
        "StableRandom", "DeckCache",
      ],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "InteropTests",
      dependencies: [
        "Interop", "EventDeck", "CardBuilder", "ProgressStore", "Scheduling", "DeckFixtures",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "DraftingTests", dependencies: ["Drafting", "CardBuilder", "EventDeck", "LineEditing", "TextKit"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "ReportsTests",
      dependencies: ["Reports", "Simulation", "CardBuilder", "EventDeck", "ProgressStore", "Scheduling", "StableRandom"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "ClassServerTests",
      dependencies: [
        // ClassServer without the trait is its SQLite store and plain types, so these tests build in either case.
        "ClassModel", "ClassServer",
        .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Server"])),
      ]),
    .testTarget(name: "ClassSyncTests", dependencies: ["ClassSync", "ClassModel", "ProgressStore", "Scheduling"]),
  ]
)
