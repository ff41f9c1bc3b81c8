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

    // MARK: - Core (pure)

    .target(name: "EventDeck", dependencies: [.product(name: "Yams", package: "Yams")]),
    .target(name: "CardBuilder", dependencies: ["EventDeck"]),
    .target(name: "AnswerCheck", dependencies: ["CardBuilder", "EventDeck", "Scheduling"]),
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
    // Reports still links LineEditing for `TerminalText.sanitize` until the terminal-safe text module lands.
    .target(name: "Reports", dependencies: ["ProgressStore", "Scheduling", "CardBuilder", "EventDeck", "LineEditing"]),
    .target(
      name: "Simulation", dependencies: ["CardBuilder", "AnswerCheck", "ProgressStore", "Scheduling", "EventDeck"]
    ),

    // MARK: - Executables

    .executableTarget(
      name: "annals",
      dependencies: [
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        "EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "Optimizer", "ProgressStore",
        "LineEditing", "Study", "Reports", "Simulation", "Workspace",
      ]
    ),
    .executableTarget(
      name: "AnnalsBench",
      dependencies: [
        "EventDeck", "CardBuilder", "AnswerCheck", "Scheduling", "Optimizer", "ProgressStore", "Study", "Reports",
        "Simulation", "LineEditing",
      ]
    ),

    // MARK: - Tests

    .target(name: "DeckFixtures", dependencies: ["EventDeck"], path: "Tests/DeckFixtures"),
    .testTarget(
      name: "EventDeckTests", dependencies: ["EventDeck", .product(name: "Yams", package: "Yams")],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "CardBuilderTests", dependencies: ["CardBuilder", "EventDeck", "DeckFixtures"]),
    .testTarget(
      name: "AnswerCheckTests", dependencies: ["AnswerCheck", "CardBuilder", "EventDeck", "Scheduling", "DeckFixtures"]),
    .testTarget(name: "SchedulingTests", dependencies: ["Scheduling"], resources: [.copy("Fixtures")]),
    .testTarget(name: "OptimizerTests", dependencies: ["Optimizer", "Scheduling"], resources: [.copy("Fixtures")]),
    .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "EventDeck"]),
    .testTarget(name: "ProgressStoreTests", dependencies: ["ProgressStore", "Scheduling"]),
    .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
    .testTarget(
      name: "StudyTests",
      dependencies: ["Study", "AnswerCheck", "CardBuilder", "EventDeck", "ProgressStore", "Scheduling", "LineEditing"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "ReportsTests",
      dependencies: ["Reports", "Simulation", "CardBuilder", "EventDeck", "ProgressStore", "Scheduling"],
      resources: [.copy("Fixtures")]),
  ]
)
