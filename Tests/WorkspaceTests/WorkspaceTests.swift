import EventDeck
import Foundation
import Testing

@testable import Workspace

@Suite("Workspaces")
struct WorkspaceTests {
  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("annals-ws-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.resolvingSymlinksInPath()
  }

  @Test("init makes Decks/ and Progress/ with a sample deck that lints clean")
  func create() throws {
    let root = try temporaryDirectory().appendingPathComponent("new")
    defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    let (workspace, written) = try Workspace.create(at: root)
    #expect(
      written == ["Decks/", "Decks/sources/", "Progress/", "Decks/apollo-11.yaml", "Decks/sources/apollo-11.txt"])
    #expect(Workspace.isWorkspace(root))
    #expect(workspace.deckURLs().map(\.lastPathComponent) == ["apollo-11.yaml"])
    let report = DeckLoader.lint(fileAt: workspace.deckURLs()[0].path)
    #expect(report.diagnostics == [])
    #expect(report.deck?.events.count == 3)
  }

  @Test("init refuses a folder that already is a workspace, and never overwrites a deck")
  func createTwice() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let decks = root.appendingPathComponent("Decks")
    try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: decks.appendingPathComponent("apollo-11.yaml"))
    let (_, written) = try Workspace.create(at: root)
    #expect(!written.contains("Decks/apollo-11.yaml"))
    #expect(try String(contentsOf: decks.appendingPathComponent("apollo-11.yaml"), encoding: .utf8) == "mine")
    #expect(throws: WorkspaceError.alreadyAWorkspace(path: root.path)) { try Workspace.create(at: root) }
  }

  @Test("the workspace is found from a folder below it, like git finds .git")
  func findUpwards() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try Workspace.create(at: root)
    let deep = root.appendingPathComponent("Decks/sources/more")
    try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
    #expect(try Workspace.find(explicit: nil, from: deep).root.path == root.standardizedFileURL.path)
  }

  @Test("no workspace above a folder is an error that suggests annals init")
  func notFound() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(throws: WorkspaceError.notFound(startedAt: root.path)) {
      try Workspace.find(explicit: nil, from: root)
    }
    #expect(WorkspaceError.notFound(startedAt: "/x").hint.contains("annals init"))
  }

  @Test("--workspace names the folder directly, relative to the current one, and must be a workspace")
  func explicit() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try Workspace.create(at: root.appendingPathComponent("ws"))
    #expect(try Workspace.find(explicit: "ws", from: root).root.lastPathComponent == "ws")
    #expect(throws: WorkspaceError.notAWorkspace(path: "elsewhere")) {
      try Workspace.find(explicit: "elsewhere", from: root)
    }
  }

  @Test("each learner has a store and a history in Progress/")
  func paths() throws {
    let workspace = Workspace(root: URL(fileURLWithPath: "/srv/annals"))
    let ana = try Learner("ana")
    #expect(workspace.storeURL(for: ana).path == "/srv/annals/Progress/ana.sqlite")
    #expect(workspace.historyURL(for: ana).path == "/srv/annals/Progress/ana.history")
  }

  @Test(
    "learner names that could escape Progress/ or confuse a terminal are refused",
    arguments: [
      ("", "it is empty"), ("../x", "it starts with '.'"), ("a/b", "it contains a slash"),
      (".hidden", "it starts with '.'"), ("a b", "it contains ' '"), ("x\u{1B}", "it contains '^['"),
      ("x\u{202E}", "it contains '<U+202E>'"),
      (String(repeating: "a", count: 65), "it is longer than 64 characters"),
    ])
  func invalidLearner(_ name: String, _ reason: String) {
    #expect(throws: WorkspaceError.invalidLearner(name: name, reason: reason)) { try Learner(name) }
  }

  @Test("the learner defaults to $USER, then to 'learner'")
  func defaultLearner() throws {
    #expect(try Learner.resolve(option: nil, environment: ["USER": "ana"]).name == "ana")
    #expect(try Learner.resolve(option: nil, environment: [:]).name == "learner")
    #expect(try Learner.resolve(option: nil, environment: ["USER": "bad/name"]).name == "learner")
    #expect(try Learner.resolve(option: "Zoë.K", environment: ["USER": "ana"]).name == "Zoë.K")
  }
}
