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
  /// The next studied card due after `now` in the filtered cards, or nil when none is scheduled (from the
  /// `card_by_due` index: one range per phase).
  public func nextDue(after now: Date, options: QueueOptions = QueueOptions()) throws(StoreError) -> NextDue? {
    let clock = try settings().clock
    return try read { db in
      var first: Int64?
      for phase in 1...3 {
        var arguments: StatementArguments = [phase, Self.milliseconds(now)]
        let filter = Self.filterSQL(options, arguments: &arguments)
        if let due = try Int64.fetchOne(
          db, sql: "SELECT MIN(due) FROM card WHERE phase = ? AND due > ?\(filter)", arguments: arguments)
        {
          first = Swift.min(first ?? due, due)
        }
      }
      guard let first else { return nil }
      let firstDate = Self.date(milliseconds: first)
      let dayEnd = Self.milliseconds(clock.endOfStudyDay(containing: firstDate))
      var countArguments: StatementArguments = [dayEnd]
      let countFilter = Self.filterSQL(options, arguments: &countArguments)
      let count =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM card WHERE phase IN (1, 2, 3) AND due < ?\(countFilter)",
          arguments: countArguments) ?? 0
      return NextDue(first: firstDate, countThatDay: count)
    }
  }
}
