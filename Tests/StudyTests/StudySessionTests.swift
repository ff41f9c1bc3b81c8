import Foundation
import LineEditing
import ProgressStore
import Scheduling
import Testing

@testable import Study

@Suite struct StudySessionTests {
  /// The mini deck's cards in queue order: three event dates, then Ada Lovelace's name card.
  @Test func answersAreRecordedWithProposedOrOverriddenGrades() throws {
    let fixture = try StudyFixture(deck: "mini")
    let (session, _) = try fixture.session([
      .line("1901-01-01"), .line(""),  // right: Good proposed, accepted
      .line("1902"), .line("4"),  // the year only: Hard proposed, overridden to Easy
      .line(":quit"),
    ])
    let summary = try session.run()
    #expect(summary.reviewed == 2)
    #expect(summary.correct == 1)
    #expect(summary.endReason == .quit)
    let reviews = try fixture.liveReviews()
    #expect(reviews.map(\.0) == ["mini/first-event/date", "mini/second-event/date"])
    #expect(reviews.map(\.1) == [.good, .easy])
    #expect(reviews.map(\.2) == ["1901-01-01", "1902"])
  }

  @Test("a right answer after a long pause is Good on the session's first card, Hard on a later one")
  func firstCardIsNotMarkedDownForSlowness() throws {
    let fixture = try StudyFixture(deck: "mini")
    fixture.step = 90  // every answer takes a minute and a half
    let (session, _) = try fixture.session(
      [.line("1901-01-01"), .line(""), .line("1902-02-02"), .line(""), .line(":quit")])
    _ = try session.run()
    #expect(try fixture.liveReviews().map(\.1) == [.good, .hard])
  }

  @Test func undoRevertsTheLastAnswerInStoreAndQueue() throws {
    let fixture = try StudyFixture(deck: "mini")
    let output = BufferedOutput()
    let (session, reader) = try fixture.session(
      [
        .line("1901-01-01"), .line(""),
        .line(":undo"),  // at the second card: the first comes back
        .line("January 1, 1901"), .line("hard"),
        .line(":quit"),
      ], output: output)
    let summary = try session.run()
    #expect(summary.reviewed == 1)
    let reviews = try fixture.liveReviews()
    #expect(reviews.count == 1)
    #expect(reviews.first?.0 == "mini/first-event/date")
    #expect(reviews.first?.1 == .hard)
    #expect(try fixture.store.reviews(includeUndone: true).count == 2)
    #expect(output.text.contains("Undone"))
    #expect(reader.remaining.isEmpty)
  }

  @Test func undoWithNothingAnsweredSaysSo() throws {
    let fixture = try StudyFixture(deck: "mini")
    let output = BufferedOutput()
    let (session, _) = try fixture.session([.line(":undo"), .line(":quit")], output: output)
    _ = try session.run()
    #expect(output.text.contains("Nothing to undo"))
    #expect(try fixture.liveReviews().isEmpty)
  }

  @Test func aHintLowersTheProposedGrade() throws {
    let fixture = try StudyFixture(deck: "mini")
    let output = BufferedOutput()
    let (session, _) = try fixture.session(
      [.line(":hint"), .line("1901-01-01"), .line(""), .line(":quit")], output: output)
    _ = try session.run()
    #expect(output.text.contains("Hint: The 1900s."))
    #expect(try fixture.liveReviews().map(\.1) == [.hard])
  }

  @Test func ctrlCClearsThenTwiceOnAnEmptyLineEnds() throws {
    let fixture = try StudyFixture(deck: "mini")
    let (session, reader) = try fixture.session([
      .interrupted(discarded: "half an ans"), .interrupted(discarded: ""), .interrupted(discarded: ""),
      .line("never read"),
    ])
    let summary = try session.run()
    #expect(summary.endReason == .interrupted)
    #expect(reader.remaining == [.line("never read")])
    #expect(try fixture.liveReviews().isEmpty)
  }

  @Test func quittingAtTheGradePromptKeepsTheAnswerWithItsProposedGrade() throws {
    let fixture = try StudyFixture(deck: "mini")
    let (session, _) = try fixture.session([.line("1950"), .endOfInput])
    let summary = try session.run()
    #expect(summary.endReason == .endOfInput)
    #expect(try fixture.liveReviews().map(\.1) == [.again])
  }

  @Test func terminationBeforeAnAnswerRecordsNothing() throws {
    let fixture = try StudyFixture(deck: "mini")
    let (session, _) = try fixture.session([.line("1901"), .line(""), .terminated(signal: 15)])
    let summary = try session.run()
    #expect(summary.endReason == .terminated)
    #expect(try fixture.liveReviews().count == 1)
  }

  @Test func skipSuspendAndBuryLeaveCardsOut() throws {
    let fixture = try StudyFixture(deck: "mini")
    let (session, _) = try fixture.session([.line(":skip"), .line(":suspend"), .line(":bury"), .line(":quit")])
    _ = try session.run()
    #expect(try fixture.store.card("mini/second-event/date")?.suspended == true)
    #expect(try fixture.store.card("mini/third-event/date")?.buriedUntil != nil)
    #expect(try fixture.liveReviews().isEmpty)
  }

  @Test func aMissShowsTheExpectedAnswerSourceAndNeighbours() throws {
    let fixture = try StudyFixture(deck: "mini")
    let output = BufferedOutput()
    let (session, _) = try fixture.session([.line(":skip"), .line("1700"), .line(""), .line(":quit")], output: output)
    _ = try session.run()
    #expect(output.text.contains("expected: February 2, 1902"))
    #expect(output.text.contains("The second event happened on February 2, 1902."))
    #expect(output.text.contains("January 1, 1901: The first event happened."))
    #expect(output.text.contains("▶ February 2, 1902: The second event happened."))
    #expect(output.text.contains("March 3, 1903: The third event happened."))
  }

  @Test func theClosingNoteGivesCountsShareAndNextDue() throws {
    let fixture = try StudyFixture(deck: "mini")
    let (session, _) = try fixture.session([.line("1901-01-01"), .line(""), .line(":quit")])
    let summary = try session.run()
    let note = session.closingNote(summary)
    #expect(note.contains("1 card reviewed, 100% right"))
    #expect(note.contains("Next: 1 card due"))
  }

  @Test("a session quit before any answer names the cards left for today, not \"nothing else is scheduled\"")
  func quittingEarlyNamesWhatIsLeft() throws {
    let fixture = try StudyFixture(deck: "mini")
    let (session, _) = try fixture.session([.line(":quit")])
    let summary = try session.run()
    #expect(summary.reviewed == 0)
    #expect(summary.leftNew == 4 && summary.leftDue == 0)
    let note = session.closingNote(summary)
    #expect(note.contains("Left for today: 4 new cards"))
    #expect(!note.contains("Nothing else is scheduled"))
    // One answered (Good: learning, due again in minutes), three new left.
    let (again, _) = try fixture.session([.line("1901-01-01"), .line(""), .line(":quit")])
    let after = try again.run()
    #expect(after.leftNew == 3)
    #expect(again.closingNote(after).contains("Left for today: 3 new cards"))
  }

  @Test func nothingDueOffersReviewAhead() throws {
    let fixture = try StudyFixture(deck: "mini")
    // Answer every card right (Easy) so all are scheduled days ahead.
    var script: [ReadResult] = []
    for answer in ["1901-01-01", "1902-02-02", "1903-03-03", "Ada Lovelace"] { script += [.line(answer), .line("easy")] }
    _ = try fixture.session(script).0.run()
    let output = BufferedOutput()
    let (session, reader) = try fixture.session([.line("n")], output: output)
    let summary = try session.run()
    #expect(summary.endReason == .nothingDue)
    #expect(output.text.contains("Nothing is due now. The next card is due in"))
    #expect(reader.prompts.first == "Review ahead to then? [y/N] ")
    #expect(summary.nextDue != nil)
  }

  @Test func hostileDeckTextNeverReachesTheOutputRaw() throws {
    let fixture = try StudyFixture(deck: "hostile")
    let output = BufferedOutput()
    let (session, _) = try fixture.session(
      [.line("x"), .line(""), .line(":source"), .line(":hint"), .line("y"), .line(""), .line(":help"), .line("z"), .line("")],
      output: output)
    _ = try session.run()
    #expect(!output.text.isEmpty)
    #expect(!output.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
    #expect(!output.text.unicodeScalars.contains { $0.value == 0x202E })
    #expect(output.text.contains("^[[5mblinking^[[0m"))  // the event's summary, its escapes made visible
  }
}
