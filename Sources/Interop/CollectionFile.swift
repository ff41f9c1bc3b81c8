import Foundation
import GRDB

/// An Anki collection's SQLite bytes opened read-only from a private temporary copy, with Anki's `unicase` collation.
enum CollectionFile {
  /// A collection that is SQLite but not the shape Anki writes.
  enum Problem: Error { case missing(String) }

  /// Writes `bytes` to a fresh 0700 folder, opens it read-only, runs `body`, and removes the folder.
  static func withTemporaryCopy<T>(
    of bytes: Data, file: String, entry: String, _ body: (Database) throws -> T
  ) throws(InteropError) -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annals-anki-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    } catch {
      throw InteropError(file: file, "cannot make a temporary folder to read the collection (\(error.localizedDescription))")
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("collection.sqlite").path
    guard FileManager.default.createFile(atPath: path, contents: bytes, attributes: [.posixPermissions: 0o600]) else {
      throw InteropError(file: file, "cannot write a temporary copy of the collection")
    }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.prepareDatabase { db in
      // Schema 18 indexes decks.name and notetypes.name with Anki's case-folding collation.
      db.add(collation: DatabaseCollation("unicase") { a, b in a.compare(b, options: [.caseInsensitive]) })
    }
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db in try body(db) }
    } catch let error as DatabaseError {
      throw InteropError(
        file: file, place: "entry \(entry)",
        "the collection is not a readable Anki database (SQLite: \(error.message ?? "code \(error.resultCode)"))",
        hint: "the package is damaged or was not written by Anki")
    } catch Problem.missing(let what) {
      throw InteropError(file: file, place: "entry \(entry)", "the collection is not an Anki collection: \(what)")
    } catch let error as DecodingError {
      throw InteropError(
        file: file, place: "entry \(entry), table col", "the note types or decks are not the JSON Anki writes (\(error))")
    } catch {
      throw InteropError(file: file, place: "entry \(entry)", "the collection cannot be read (\(error))")
    }
  }
}
