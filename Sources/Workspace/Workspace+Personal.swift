import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Workspace {
  /// The folder of the learner's personal workspace: `$XDG_DATA_HOME/annals`, or `~/.local/share/annals` when
  /// `XDG_DATA_HOME` is unset, empty or relative (the XDG Base Directory rules).
  public static func personalRoot(environment: [String: String]) throws(WorkspaceError) -> URL {
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      return URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("annals", isDirectory: true)
        .standardizedFileURL
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { throw .noPersonalFolder }
    return URL(fileURLWithPath: home, isDirectory: true)
      .appendingPathComponent(".local/share/annals", isDirectory: true).standardizedFileURL
  }

  /// The personal workspace, made when missing (every folder it creates owner-only, 0700, as XDG asks);
  /// `created` says whether this call made it.
  public static func personal(environment: [String: String]) throws(WorkspaceError) -> (Workspace, created: Bool) {
    let root = try personalRoot(environment: environment)
    let workspace = Workspace(root: root)
    if isWorkspace(root) { return (workspace, false) }
    var created = false
    for folder in [root, workspace.decksDirectory, workspace.progressDirectory] {
      created = try makePrivateDirectory(folder.path) || created
    }
    return (workspace, created)
  }

  /// `--workspace DIR`, else the nearest workspace at or above `directory`, else the personal workspace (made
  /// when missing; `createdPersonal` says so, for the one line that tells the learner where it is).
  public static func resolve(
    explicit: String?, from directory: URL, environment: [String: String]
  ) throws(WorkspaceError) -> (Workspace, createdPersonal: Bool) {
    do {
      return (try find(explicit: explicit, from: directory), false)
    } catch {
      guard case .notFound = error else { throw error }
      let (workspace, created) = try personal(environment: environment)
      return (workspace, created)
    }
  }

  /// Makes `path` and any missing folders above it with mode 0700 (whatever the umask); returns whether it made
  /// `path` itself. An existing folder is left as it is; an existing file in the way is an error.
  private static func makePrivateDirectory(_ path: String) throws(WorkspaceError) -> Bool {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw .cannotCreate(path: path, reason: "a file of that name is in the way")
      }
      return false
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty && parent != path { _ = try makePrivateDirectory(parent) }
    if mkdir(path, 0o700) == 0 {
      // The umask may have cleared bits; set the mode exactly.
      _ = chmod(path, 0o700)
      return true
    }
    // Another process may have made it between the check and mkdir: then it is theirs to have set up.
    guard errno == EEXIST else { throw .cannotCreate(path: path, reason: String(cString: strerror(errno))) }
    return false
  }
}
