import Foundation

/// A folder holding `Decks/` (deck files) and `Progress/` (each learner's store and history), found like git finds
/// `.git`: in the given folder or the nearest one above it.
public struct Workspace: Sendable, Equatable {
  /// The workspace folder.
  public var root: URL

  public init(root: URL) {
    self.root = root.standardizedFileURL
  }

  /// Where deck files live.
  public var decksDirectory: URL { root.appendingPathComponent("Decks", isDirectory: true) }

  /// Where learners' stores and line-editing histories live.
  public var progressDirectory: URL { root.appendingPathComponent("Progress", isDirectory: true) }

  /// `Progress/<learner>.sqlite`.
  public func storeURL(for learner: Learner) -> URL {
    progressDirectory.appendingPathComponent(learner.name + ".sqlite")
  }

  /// `Progress/<learner>.history`.
  public func historyURL(for learner: Learner) -> URL {
    progressDirectory.appendingPathComponent(learner.name + ".history")
  }

  /// The `.yaml` and `.yml` files directly in `Decks/`, sorted by name.
  public func deckURLs() -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: decksDirectory.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { decksDirectory.appendingPathComponent($0) }
  }

  /// Whether `directory` holds both `Decks/` and `Progress/`.
  public static func isWorkspace(_ directory: URL) -> Bool {
    isDirectory(directory.appendingPathComponent("Decks")) && isDirectory(directory.appendingPathComponent("Progress"))
  }

  /// The workspace given explicitly (`--workspace DIR`), or else the nearest one at or above `directory`.
  public static func find(explicit: String?, from directory: URL) throws(WorkspaceError) -> Workspace {
    if let explicit {
      let base = URL(fileURLWithPath: directory.path, isDirectory: true)
      let url = URL(fileURLWithPath: explicit, isDirectory: true, relativeTo: base).standardizedFileURL
      guard isWorkspace(url) else { throw .notAWorkspace(path: explicit) }
      return Workspace(root: url)
    }
    var current = directory.standardizedFileURL
    while true {
      if isWorkspace(current) { return Workspace(root: current) }
      let parent = current.deletingLastPathComponent().standardizedFileURL
      if parent.path == current.path { break }
      current = parent
    }
    throw .notFound(startedAt: directory.path)
  }

  /// Makes `directory` (created if needed) a workspace with a small sample deck and its source text.
  ///
  /// Existing files are never overwritten; returns the paths written, relative to the workspace.
  @discardableResult
  public static func create(at directory: URL) throws(WorkspaceError) -> (Workspace, written: [String]) {
    let workspace = Workspace(root: directory)
    if isWorkspace(workspace.root) { throw .alreadyAWorkspace(path: directory.path) }
    let fm = FileManager.default
    var written: [String] = []
    do {
      for folder in ["Decks", "Decks/sources", "Progress"] {
        let url = workspace.root.appendingPathComponent(folder, isDirectory: true)
        if !isDirectory(url) {
          try fm.createDirectory(at: url, withIntermediateDirectories: true)
          written.append(folder + "/")
        }
      }
      for (relative, contents) in SampleDeck.files {
        let url = workspace.root.appendingPathComponent(relative)
        if fm.fileExists(atPath: url.path) { continue }
        try Data(contents.utf8).write(to: url, options: .withoutOverwriting)
        written.append(relative)
      }
    } catch {
      throw .cannotCreate(path: directory.path, reason: (error as NSError).localizedDescription)
    }
    return (workspace, written)
  }

  private static func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}
