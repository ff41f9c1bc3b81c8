// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Annals",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "annals", targets: ["annals"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
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

    // MARK: - Core (pure)

    .target(name: "EventDeck", dependencies: [.product(name: "Yams", package: "Yams")]),
    .target(name: "CardBuilder", dependencies: ["EventDeck"]),
    .target(name: "AnswerCheck", dependencies: ["CardBuilder", "EventDeck"]),
    .target(name: "Scheduling"),
    .target(name: "Optimizer", dependencies: ["Scheduling"]),

    // MARK: - Edges (storage, terminal, files)

    .target(name: "Workspace"),
    .target(
      name: "ProgressStore",
      dependencies: ["Scheduling", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .target(name: "LineEditing", dependencies: ["CEditLine"]),

    // MARK: - Features

    .target(
      name: "Study",
      dependencies: [
        "EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "ProgressStore", "LineEditing", "Workspace",
      ]
    ),
    .target(
      name: "Reports",
      dependencies: ["ProgressStore", "Scheduling", "CardBuilder", "EventDeck", "Study", "LineEditing"]
    ),

    .target(
      name: "Interop",
      dependencies: [
        "EventDeck", "CardBuilder", "ProgressStore", "Scheduling", "CZstd", "CLibMD",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "CSV", package: "CSV.swift"),
      ]
    ),

    // MARK: - Executables

    .executableTarget(
      name: "annals",
      dependencies: [
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        "EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "Optimizer", "ProgressStore",
        "LineEditing", "Study", "Reports", "Workspace", "Interop",
      ]
    ),
    .executableTarget(
      name: "AnnalsBench",
      dependencies: [
        "EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "Optimizer", "ProgressStore", "Study", "Reports",
        "LineEditing",
      ]
    ),

    // MARK: - Tests

    .target(name: "DeckFixtures", dependencies: ["EventDeck"], path: "Tests/DeckFixtures"),
    .testTarget(
      name: "EventDeckTests", dependencies: ["EventDeck", .product(name: "Yams", package: "Yams")],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "CardBuilderTests", dependencies: ["CardBuilder", "EventDeck", "DeckFixtures"]),
    .testTarget(name: "AnswerCheckTests", dependencies: ["AnswerCheck", "CardBuilder", "EventDeck", "DeckFixtures"]),
    .testTarget(name: "SchedulingTests", dependencies: ["Scheduling"], resources: [.copy("Fixtures")]),
    .testTarget(name: "OptimizerTests", dependencies: ["Optimizer", "Scheduling"], resources: [.copy("Fixtures")]),
    .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "EventDeck"]),
    .testTarget(name: "ProgressStoreTests", dependencies: ["ProgressStore", "Scheduling"]),
    .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
    .testTarget(
      name: "StudyTests", dependencies: ["Study", "CardBuilder", "EventDeck", "ProgressStore", "Scheduling", "LineEditing"],
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
      name: "ReportsTests", dependencies: ["Reports", "ProgressStore", "Scheduling", "Study"],
      resources: [.copy("Fixtures")]),
  ]
)
