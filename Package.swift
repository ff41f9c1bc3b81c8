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
  ],
  targets: [
    // MARK: - System libraries

    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),

    // MARK: - Foundations (pure, no dependencies)

    // Text comparison keys, edit distance and terminal-safe text.
    .target(name: "TextKit"),
    // The seeded generator (SplitMix64) and the stable hash (FNV-1a).
    .target(name: "StableRandom"),

    // MARK: - Core (pure)

    .target(name: "EventDeck", dependencies: ["TextKit", .product(name: "Yams", package: "Yams")]),
    .target(name: "CardBuilder", dependencies: ["EventDeck", "TextKit", "StableRandom"]),
    .target(name: "AnswerCheck", dependencies: ["CardBuilder", "EventDeck", "TextKit"]),
    .target(name: "Scheduling", dependencies: ["StableRandom"]),
    .target(name: "Optimizer", dependencies: ["Scheduling", "StableRandom"]),

    // MARK: - Edges (storage, terminal, files)

    .target(name: "Workspace", dependencies: ["TextKit"]),
    .target(
      name: "ProgressStore",
      dependencies: ["Scheduling", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .target(name: "LineEditing", dependencies: ["CEditLine", "TextKit"]),

    // MARK: - Features

    .target(
      name: "Study",
      dependencies: [
        "EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "ProgressStore", "LineEditing", "Workspace",
        "TextKit", "StableRandom",
      ]
    ),
    .target(
      name: "Reports",
      dependencies: ["ProgressStore", "Scheduling", "CardBuilder", "EventDeck", "Study", "TextKit", "StableRandom"]
    ),
    .target(name: "Drafting", dependencies: ["EventDeck", "CardBuilder", "LineEditing", "TextKit"]),

    // MARK: - Executables

    .executableTarget(
      name: "annals",
      dependencies: [
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        "EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "Optimizer", "ProgressStore",
        "LineEditing", "Study", "Reports", "Workspace", "TextKit", "StableRandom", "Drafting",
      ]
    ),
    .executableTarget(
      name: "AnnalsBench",
      dependencies: [
        "EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "Optimizer", "ProgressStore", "Study", "Reports",
        "LineEditing", "StableRandom", "Drafting",
      ]
    ),

    // MARK: - Tests

    .target(name: "DeckFixtures", dependencies: ["EventDeck"], path: "Tests/DeckFixtures"),
    .testTarget(
      name: "EventDeckTests", dependencies: ["EventDeck", .product(name: "Yams", package: "Yams")],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "TextKitTests", dependencies: ["TextKit"]),
    .testTarget(name: "StableRandomTests", dependencies: ["StableRandom"]),
    .testTarget(name: "CardBuilderTests", dependencies: ["CardBuilder", "EventDeck", "DeckFixtures", "TextKit", "StableRandom"]),
    .testTarget(
      name: "AnswerCheckTests", dependencies: ["AnswerCheck", "CardBuilder", "EventDeck", "DeckFixtures", "TextKit"]),
    .testTarget(name: "SchedulingTests", dependencies: ["Scheduling"], resources: [.copy("Fixtures")]),
    .testTarget(name: "OptimizerTests", dependencies: ["Optimizer", "Scheduling", "StableRandom"], resources: [.copy("Fixtures")]),
    .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "EventDeck"]),
    .testTarget(name: "ProgressStoreTests", dependencies: ["ProgressStore", "Scheduling"]),
    .testTarget(name: "LineEditingTests", dependencies: ["LineEditing", "TextKit"]),
    .testTarget(
      name: "StudyTests",
      dependencies: [
        "Study", "CardBuilder", "EventDeck", "ProgressStore", "Scheduling", "LineEditing", "TextKit", "StableRandom",
      ],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "DraftingTests", dependencies: ["Drafting", "CardBuilder", "EventDeck", "LineEditing", "TextKit"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "ReportsTests", dependencies: ["Reports", "ProgressStore", "Scheduling", "Study", "StableRandom"],
      resources: [.copy("Fixtures")]),
  ]
)
