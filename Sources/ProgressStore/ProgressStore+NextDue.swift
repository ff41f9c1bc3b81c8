import Foundation
import GRDB

/// When the next studied card falls due, for a session's closing note and its "nothing due" screen.
public struct NextDue: Sendable, Equatable {
  /// The earliest due time after `now` among studied (not new) cards.
  public var first: Date
  /// How many studied cards fall due by the end of that card's study day.
  public var countThatDay: Int

  /// A next-due note.
  public init(first: Date, countThatDay: Int) {
    self.first = first
    self.countThatDay = countThatDay
  }
}

extension ProgressStore {
  /// The next studied card due after `now` in the filtered cards, or nil when none is scheduled.
  public func nextDue(after now: Date, options: QueueOptions = QueueOptions()) throws(StoreError) -> NextDue? {
    let clock = try settings().clock
    return try read { db in
      var arguments: StatementArguments = [now.timeIntervalSince1970]
      let filter = Self.filterSQL(options, arguments: &arguments)
      guard
        let first = try Double.fetchOne(
          db, sql: "SELECT MIN(due) FROM card WHERE phase <> 'new' AND due > ?\(filter)", arguments: arguments)
      else { return nil }
      let firstDate = Date(timeIntervalSince1970: first)
      let dayEnd = clock.endOfStudyDay(containing: firstDate).timeIntervalSince1970
      var countArguments: StatementArguments = [dayEnd]
      let countFilter = Self.filterSQL(options, arguments: &countArguments)
      let count =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM card WHERE phase <> 'new' AND due < ?\(countFilter)", arguments: countArguments)
        ?? 0
      return NextDue(first: firstDate, countThatDay: count)
    }
  }
}
