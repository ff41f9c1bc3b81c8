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
  private var unpacked = 0

  /// Opens the zip held in `data`; `file` names it in errors.
  init(data: Data, file: String) throws(InteropError) {
    self.file = file
    do {
      archive = try Archive(data: data, accessMode: .read)
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
