import Foundation

/// Reading a file the user named, with a size limit and errors that name it.
enum InputFile {
  /// The bytes of the file at `path`, refused when larger than `limit`.
  static func read(_ path: String, limit: Int) throws(InteropError) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InteropError(file: path, "no such file")
    }
    guard !isDirectory.boolValue else { throw InteropError(file: path, "this is a folder, not a file") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw InteropError(file: path, "cannot read the file", hint: "check its permissions")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: limit + 1) ?? Data()
    } catch {
      throw InteropError(file: path, "cannot read the file (\(error.localizedDescription))")
    }
    guard data.count <= limit else {
      throw InteropError(file: path, "the file is larger than \(limit >> 20) MiB", hint: "this is not a file Annals imports")
    }
    return data
  }
}
