import ProgressStore

/// What can go wrong making a report.
public enum ReportError: Error, CustomStringConvertible, Sendable {
  /// A CSV table name that the report does not have.
  case unknownTable(String, known: [String])
  /// The learner's store could not be read.
  case store(StoreError)
  /// The class folder could not be listed.
  case unreadableDirectory(path: String, reason: String)
  /// A deck's cards could not be read (its compiled copy damaged since it was opened).
  case deck(String)

  /// `body`, with an error other than a report's given as `.deck`: what a `ReportDeck` throws, kept apart from the
  /// store's own errors.
  static func readingDeck<T>(_ body: () throws -> T) throws(ReportError) -> T {
    do { return try body() } catch let error as ReportError { throw error } catch {
      throw .deck(String(describing: error))
    }
  }

  /// A readable description with a hint.
  public var description: String {
    switch self {
    case .unknownTable(let name, let known):
      "no CSV table '\(Fmt.visible(name))' in this report (choose one of: \(known.joined(separator: ", ")))"
    case .store(let error):
      error.description
    case .unreadableDirectory(let path, let reason):
      "cannot read the folder \(Fmt.visible(path)): \(reason) (give a folder of learners' .sqlite files)"
    case .deck(let reason):
      "cannot read a deck's cards: \(Fmt.visible(reason)) (run the report again: a damaged compiled copy is rebuilt)"
    }
  }
}
