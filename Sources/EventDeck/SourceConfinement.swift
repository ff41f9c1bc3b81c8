import Foundation

/// Where a deck's source files may be: inside its workspace (the nearest folder above the deck holding `Decks/`
/// and `Progress/`), or inside the deck's own folder when it is in none. Paths are compared after resolving `..`
/// and symbolic links, so a shared deck cannot make Annals read, and confirm quotes against, files elsewhere on
/// the machine (`file: ../../../../etc/shadow`).
public struct SourceConfinement: Sendable {
  /// The folder (a real path, symbolic links resolved) every source file must lie in.
  public let root: String
  /// Whether `root` is a workspace (else it is the deck's folder).
  public let isWorkspace: Bool

  /// The confinement for a deck in `deckFolder`.
  public init(deckFolder: URL) {
    let folder = Self.realPath(deckFolder.path) ?? deckFolder.standardizedFileURL.path
    var candidate = folder
    while true {
      if Self.isDirectory(candidate + "/Decks") && Self.isDirectory(candidate + "/Progress") {
        root = candidate
        isWorkspace = true
        return
      }
      let parent = (candidate as NSString).deletingLastPathComponent
      if parent == candidate || parent.isEmpty { break }
      candidate = parent
    }
    root = folder
    isWorkspace = false
  }

  /// Whether `file` (as written in the deck, relative to `deckFolder` unless absolute) resolves inside `root`.
  /// A file that does not exist is judged by its folder's real path and its own name.
  public func allows(_ file: String, deckFolder: URL) -> Bool {
    let url = URL(fileURLWithPath: file, relativeTo: deckFolder).standardizedFileURL
    let resolved: String
    if let real = Self.realPath(url.path) {
      resolved = real
    } else {
      let folder = url.deletingLastPathComponent().path
      resolved = (Self.realPath(folder) ?? folder) + "/" + url.lastPathComponent
    }
    return resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/")
  }

  static func realPath(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}
