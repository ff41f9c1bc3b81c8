import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Questions to the file system about a store's file, and private (owner-only) file creation.
public enum FileAccess {
  /// The mode every file a learner writes is created with: read and write for the owner only.
  public static let privateMode: mode_t = 0o600

  /// Whether `path` (or, when it does not exist, its folder) lies on a file system mounted read-only.
  public static func isReadOnlyFileSystem(_ path: String) -> Bool {
    var info = statvfs()
    let target = FileManager.default.fileExists(atPath: path) ? path : folder(of: path)
    guard statvfs(target, &info) == 0 else { return false }
    return info.f_flag & UInt(ST_RDONLY) != 0
  }

  /// Whether this user may not read `path` when it exists, or may not create files in its folder.
  public static func mayNotAccess(_ path: String) -> Bool {
    if FileManager.default.fileExists(atPath: path) { return access(path, R_OK) != 0 }
    let folder = folder(of: path)
    guard FileManager.default.fileExists(atPath: folder) else { return false }  // missing: cannot open, not denied
    return access(folder, W_OK | X_OK) != 0
  }

  /// Creates `path` empty with mode 0600 (whatever the umask) unless it exists; an existing file is left as it is.
  ///
  /// SQLite gives a database's `-wal` and `-shm` files the database file's mode, so creating the store this way
  /// before SQLite opens it keeps all three private.
  public static func createPrivately(_ path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, privateMode)
    if descriptor < 0 {
      if errno == EEXIST { return }
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    // The umask may have cleared bits; set the mode exactly.
    fchmod(descriptor, privateMode)
    close(descriptor)
  }

  /// Writes `data` to `path` atomically (a temporary file beside it, then a rename), readable by the owner only.
  public static func writePrivately(_ data: Data, to path: String) throws {
    let temporary = folder(of: path) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
    unlink(temporary)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, privateMode)
    if descriptor < 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    fchmod(descriptor, privateMode)
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
      try handle.write(contentsOf: data)
      try handle.synchronize()
      try handle.close()
    } catch {
      unlink(temporary)
      throw error
    }
    if rename(temporary, path) != 0 {
      let code = errno
      unlink(temporary)
      throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
  }

  static func folder(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  /// A name for a new file beside `path`: `<path>.<label>-<UTC time><ending>`, with `-2`, `-3`… added while such a
  /// file exists (backups and damaged copies, which must never overwrite one another).
  public static func timestampedSibling(
    of path: String, label: String, at time: Date, milliseconds: Bool, ending: String = ""
  ) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = milliseconds ? "yyyyMMdd'T'HHmmss.SSS'Z'" : "yyyyMMdd'T'HHmmss'Z'"
    let base = "\(path).\(label)-\(formatter.string(from: time))\(ending)"
    var name = base
    var attempt = 1
    while FileManager.default.fileExists(atPath: name) {
      attempt += 1
      name = "\(base)-\(attempt)"
    }
    return name
  }
}
