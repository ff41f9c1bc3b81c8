import Foundation
import Testing

@testable import Workspace

@Suite("The personal workspace")
struct PersonalWorkspaceTests {
  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("annals-personal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.resolvingSymlinksInPath()
  }

  func mode(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as! NSNumber).intValue
  }

  @Test(
    "it lives in $XDG_DATA_HOME/annals, else ~/.local/share/annals (a relative XDG_DATA_HOME is ignored)",
    arguments: [
      (["XDG_DATA_HOME": "/data", "HOME": "/home/ana"], "/data/annals"),
      (["XDG_DATA_HOME": "", "HOME": "/home/ana"], "/home/ana/.local/share/annals"),
      (["XDG_DATA_HOME": "relative/data", "HOME": "/home/ana"], "/home/ana/.local/share/annals"),
      (["HOME": "/home/ana/"], "/home/ana/.local/share/annals"),
    ])
  func root(environment: [String: String], expected: String) throws {
    #expect(try Workspace.personalRoot(environment: environment).path == expected)
  }

  @Test("with neither XDG_DATA_HOME nor HOME there is no personal workspace, and the error says what to set")
  func noHome() throws {
    #expect(throws: WorkspaceError.noPersonalFolder) { try Workspace.personalRoot(environment: [:]) }
    #expect(throws: WorkspaceError.noPersonalFolder) { try Workspace.personalRoot(environment: ["HOME": "rel"]) }
    #expect(WorkspaceError.noPersonalFolder.hint.contains("HOME"))
  }

  @Test("outside any workspace it is made on first use, owner-only, and reused after")
  func madeOnce() throws {
    let temporary = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temporary) }
    let elsewhere = temporary.appendingPathComponent("Downloads")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let environment = ["HOME": temporary.appendingPathComponent("home").path]
    let old = umask(0o022)
    defer { umask(old) }

    let (first, created) = try Workspace.resolve(explicit: nil, from: elsewhere, environment: environment)
    #expect(created)
    let expected = temporary.appendingPathComponent("home/.local/share/annals")
    #expect(first.root.path == expected.path)
    #expect(Workspace.isWorkspace(expected))
    for folder in ["home/.local", "home/.local/share", "home/.local/share/annals", "home/.local/share/annals/Decks",
      "home/.local/share/annals/Progress"]
    {
      #expect(try mode(temporary.appendingPathComponent(folder)) == 0o700, "\(folder)")
    }
    // No sample deck: the personal workspace studies the decks the learner names.
    #expect(first.deckURLs().isEmpty)

    let (again, createdAgain) = try Workspace.resolve(explicit: nil, from: elsewhere, environment: environment)
    #expect(again == first)
    #expect(!createdAgain)
  }

  @Test("a workspace at or above the current folder still wins, and so does --workspace")
  func discoveryWins() throws {
    let temporary = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temporary) }
    let project = temporary.appendingPathComponent("project")
    try Workspace.create(at: project)
    let environment = ["XDG_DATA_HOME": temporary.appendingPathComponent("data").path]
    let below = project.appendingPathComponent("Decks")
    let (found, created) = try Workspace.resolve(explicit: nil, from: below, environment: environment)
    #expect(found.root.path == project.path)
    #expect(!created)
    #expect(throws: WorkspaceError.notAWorkspace(path: "nowhere")) {
      try Workspace.resolve(explicit: "nowhere", from: temporary, environment: environment)
    }
    #expect(!FileManager.default.fileExists(atPath: temporary.appendingPathComponent("data").path))
  }

  @Test("a file where the personal folder should be is an error naming it, and nothing is written")
  func fileInTheWay() throws {
    let temporary = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temporary) }
    let data = temporary.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try Data("not a folder".utf8).write(to: data.appendingPathComponent("annals"))
    #expect(
      throws: WorkspaceError.cannotCreate(
        path: data.appendingPathComponent("annals").path, reason: "a file of that name is in the way")
    ) {
      try Workspace.resolve(explicit: nil, from: temporary, environment: ["XDG_DATA_HOME": data.path])
    }
  }
}
