/// A problem reading or writing another tool's file, with the file and the place in it (row, key, entry).
public struct InteropError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file as the user named it.
  public var file: String
  /// Where in the file: "row 4", "key events[2].start_date", "entry media/0"; nil for the whole file.
  public var place: String?
  /// What is wrong.
  public var message: String
  /// What to do about it.
  public var hint: String?

  public init(file: String, place: String? = nil, _ message: String, hint: String? = nil) {
    self.file = file
    self.place = place
    self.message = message
    self.hint = hint
  }

  /// `file: place: message`, then the hint on its own line.
  public var description: String {
    var s = file
    if let place { s += ": " + place }
    s += ": " + message
    if let hint { s += "\n  hint: " + hint }
    return s
  }
}
