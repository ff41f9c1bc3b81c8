import Foundation
import ZIPFoundation

/// A zip package read through ZIPFoundation with bounds on what any entry may unpack to.
///
/// An entry is refused when it would unpack past `limit` bytes or more than `maximumRatio` times its compressed
/// size (a zip bomb), counted on the bytes actually produced, not on the sizes the archive declares.
struct PackageArchive {
  /// The most any one entry of a package may unpack to (512 MiB).
  static let maximumEntrySize = 512 << 20
  /// The most all entries read from one package may unpack to together (1 GiB).
  static let maximumTotalSize = 1 << 30
  /// The largest expansion accepted for an entry bigger than 1 MiB.
  static let maximumRatio = 200

  let file: String
  private let archive: Archive
  private let copy: PrivateCopy
  private var unpacked = 0

  /// Opens the zip held in `data`; `file` names it in errors.
  ///
  /// The bytes are read through a private temporary copy on disk, not ZIPFoundation's in-memory archive: an entry
  /// whose offsets point past the end of the data traps inside the in-memory reader (found by the `anki` fuzz
  /// target), while reading a file past its end is a short read that ZIPFoundation reports as an error.
  init(data: Data, file: String) throws(InteropError) {
    self.file = file
    do {
      copy = try PrivateCopy(data)
    } catch {
      throw InteropError(file: file, "cannot unpack the package: no room for a temporary copy (\(error))",
        hint: "free some space in the temporary folder (TMPDIR) and try again")
    }
    do {
      archive = try Archive(url: copy.url, accessMode: .read)
    } catch {
      throw InteropError(
        file: file, "not a zip archive, so not an Anki package",
        hint: "export it again from Anki (File › Export, .apkg or .colpkg)")
    }
  }

  /// The names of the archive's entries, in archive order.
  var names: [String] { archive.map(\.path) }

  /// Whether the archive has an entry of that name.
  func contains(_ name: String) -> Bool { archive[name] != nil }

  /// The unpacked bytes of entry `name`, refused past `limit` bytes or the bomb ratio.
  mutating func read(_ name: String, limit: Int = maximumEntrySize) throws(InteropError) -> Data {
    guard let entry = archive[name] else {
      throw InteropError(file: file, place: "entry \(name)", "the package has no such entry")
    }
    let limit = min(limit, Self.maximumEntrySize, Self.maximumTotalSize - unpacked)
    let compressed = Int(clamping: entry.compressedSize)
    let ratioLimit = max(1 << 20, compressed.multipliedReportingOverflow(by: Self.maximumRatio).partialValue)
    if entry.uncompressedSize > UInt64(max(0, limit)) {
      throw bomb(name, "it declares \(entry.uncompressedSize) bytes unpacked, over the limit of \(limit)")
    }
    var output = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        output.append(chunk)
        if output.count > limit { throw Bound.size }
        if output.count > ratioLimit { throw Bound.ratio }
      }
    } catch Bound.size {
      throw bomb(name, "it unpacks to more than \(limit) bytes")
    } catch Bound.ratio {
      throw bomb(name, "it unpacks to more than \(Self.maximumRatio) times its packed size of \(compressed) bytes")
    } catch {
      throw InteropError(
        file: file, place: "entry \(name)", "the entry cannot be unpacked (\(error))",
        hint: "the package is damaged; export it again")
    }
    unpacked += output.count
    return output
  }

  private func bomb(_ name: String, _ why: String) -> InteropError {
    InteropError(
      file: file, place: "entry \(name)", "refused: \(why), as a zip bomb would",
      hint: "an Anki package is never this large; check where the file came from")
  }

  private enum Bound: Error { case size, ratio }
}

/// A copy of a package's bytes in a new folder only its owner may read, removed when the archive is done with it.
private final class PrivateCopy {
  let url: URL
  private let folder: URL

  init(_ data: Data) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("annals-package-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    url = folder.appendingPathComponent("package.zip")
    guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600])
    else {
      try? FileManager.default.removeItem(at: folder)
      throw CocoaError(.fileWriteUnknown)
    }
  }

  deinit { try? FileManager.default.removeItem(at: folder) }
}
