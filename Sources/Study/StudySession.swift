import AnswerCheck
import CardBuilder
import EventDeck
import Foundation
import LineEditing
import ProgressStore
import Scheduling
import TextKit

/// One study session: shows due cards one at a time, checks the typed answer, proposes a grade and records the
/// accepted grade in the store, with hints, undo, skipping, suspending and burying.
///
/// Written against `LineReader` and `SessionOutput`, so it runs the same on libedit and on a script. Every string
/// from a deck passes `TerminalText.sanitize` before it is written.
public final class StudySession {
  /// The commands a session understands, for Tab completion and `:help`.
  public static let commands: [(name: String, help: String)] = [
    (":hint", "a hint (it lowers the grade)"), (":skip", "leave this card for now"),
    (":undo", "take back the last answer"), (":source", "the source sentence of this card"),
    (":suspend", "never show this card again (until unsuspended)"), (":bury", "hide this card until tomorrow"),
    (":stats", "this session so far"), (":help", "this list"), (":quit", "save and end the session"),
  ]

  private let store: ProgressStore
  private let scheduler: any Scheduler
  private let cards: StudyCards
  private let deck: (String) -> Deck?
  private let reader: LineReader
  private let output: SessionOutput
  private let judge: CheckerJudge
  private var options: QueueOptions
  private let style: Style
  private let width: Int
  private let now: () -> Date

  /// Ids of the cards still to show, in order; each is read only when it comes up (a compiled deck's row).
  private var pending: [String] = []
  private var leftOut = Set<String>()
  private var recorded: [(entry: StoredReview, card: Card, correct: Bool)] = []
  private var summary = SessionSummary()
  private var lastWasInterrupt = false

  /// A session over `cards` (by id), recording in `store` with `scheduler`.
  public convenience init(
    store: ProgressStore, scheduler: any Scheduler, cards: [Card], decks: [Deck], reader: LineReader,
    output: SessionOutput, options: QueueOptions = QueueOptions(),
    style: Style = Style(colour: false), width: Int = 80, now: @escaping () -> Date = Date.init
  ) {
    let byID = Dictionary(decks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.init(
      store: store, scheduler: scheduler, cards: StudyCards(cards), deck: { byID[$0] }, reader: reader, output: output,
      judge: CheckerJudge(decks: decks), options: options, style: style, width: width, now: now)
  }

  /// A session whose cards are read as the queue needs them and whose decks (for timelines) are looked up by id.
  public init(
    store: ProgressStore, scheduler: any Scheduler, cards: StudyCards, deck: @escaping (String) -> Deck?,
    reader: LineReader, output: SessionOutput, judge: CheckerJudge, options: QueueOptions = QueueOptions(),
    style: Style = Style(colour: false), width: Int = 80, now: @escaping () -> Date = Date.init
  ) {
    self.store = store
    self.scheduler = scheduler
    self.cards = cards
    self.deck = deck
    self.reader = reader
    self.output = output
    self.judge = judge
    self.options = options
    self.style = style
    self.width = width
    self.now = now
  }

  /// Runs the session until the queue is empty or the learner ends it; every accepted grade is already saved.
  public func run() throws(StudyError) -> SessionSummary {
    let started = now()
    // Whatever way the session ends, the decks loading in the background finish first (see `Prepared.settle`).
    defer { judge.settle() }
    try runCards()
    summary.seconds = now().timeIntervalSince(started)
    return summary
  }

  private func runCards() throws(StudyError) {
    var queue = try storeCall { try store.queue(at: now(), options: options) }
    if queue.isEmpty {
      guard try offerReviewAhead() else {
        summary.endReason = .nothingDue
        summary.nextDue = try storeCall { try store.nextDue(after: now(), options: options) }
        return
      }
      queue = try storeCall { try store.queue(at: now(), options: options) }
    }
    say(
      style.bold("Studying") + " — " + style.accent("\(queue.learningIDs.count) learning") + ", "
        + style.accent("\(queue.reviews.count) due") + ", " + style.accent("\(queue.new.count) new")
        + style.dim("   (Enter accepts the proposed grade; :help lists commands)"))
    pending = queue.ids
    summary.endReason = .finished
    loop: while true {
      if pending.isEmpty { refill() }
      guard let id = pending.first else { break }
      pending.removeFirst()
      // A card no deck has any more is passed over, as when the whole queue was read at once.
      guard let card = try cards.cards([id]).first else { continue }
      switch try ask(card) {
      case .next: continue
      case .end(let reason):
        summary.endReason = reason
        break loop
      }
    }
    summary.nextDue = try storeCall { try store.nextDue(after: now(), options: options) }
    // Ended early: what today's queue still holds, so the note does not say nothing is left.
    if summary.endReason != .finished, let left = try? store.queue(at: now(), options: options) {
      summary.leftDue = left.learningIDs.filter { !leftOut.contains($0) }.count
        + left.reviews.filter { !leftOut.contains($0.id) }.count
      summary.leftNew = left.new.filter { !leftOut.contains($0.id) }.count
    }
  }

  /// The closing note: reviewed, share right, time, what is due next.
  public func closingNote(_ summary: SessionSummary) -> String {
    var lines: [String] = []
    if summary.endReason == .nothingDue {
      lines.append("Nothing is due now.")
    } else {
      let share = summary.reviewed == 0 ? 0 : Int((Double(summary.correct) / Double(summary.reviewed) * 100).rounded())
      lines.append(
        style.bold("Session over") + ": \(summary.reviewed) card\(summary.reviewed == 1 ? "" : "s") reviewed, "
          + "\(share)% right, \(Self.duration(summary.seconds)).")
    }
    if summary.unsaved > 0 {
      lines.append(style.warn("Not saved: ") + "your last answer (named above); every answer before it is saved.")
    }
    if summary.leftDue + summary.leftNew > 0 {
      let parts = [(summary.leftDue, "due"), (summary.leftNew, "new")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
      let total = summary.leftDue + summary.leftNew
      lines.append(
        "Left for today: \(parts.joined(separator: " and ")) card\(total == 1 ? "" : "s"); study again to go on with "
          + (total == 1 ? "it." : "them."))
    }
    if let next = summary.nextDue {
      lines.append(
        "Next: \(next.countThatDay) card\(next.countThatDay == 1 ? "" : "s") due by the end of that day, the first "
          + Self.relative(next.first, from: now()) + ".")
    } else if summary.leftDue + summary.leftNew == 0, summary.endReason != .nothingDue || summary.reviewed > 0 {
      lines.append("Nothing else is scheduled yet.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - One card

  private enum Step {
    case next
    case end(SessionSummary.EndReason)
  }

  private func ask(_ card: Card) throws(StudyError) -> Step {
    show(card)
    // The decks behind the judge load while the learner reads the first card, not before it is shown.
    judge.prepare()
    reader.completionWords = completionBase
    let shown = now()
    var hints = 0
    while true {
      let result = reader.readLine(prompt: "> ")
      switch result {
      case .endOfInput: return .end(.endOfInput)
      case .terminated: return .end(.terminated)
      case .interrupted(let discarded):
        if let end = interrupt(discarded) { return end }
        continue
      case .line(let raw):
        lastWasInterrupt = false
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix(":") {
          switch try command(text, card: card, hints: &hints) {
          case .stay: continue
          case .leave: return .next
          case .quit: return .end(.quit)
          }
        }
        if text.isEmpty {
          say(style.dim("Type an answer, or :hint, :skip, :help."))
          continue
        }
        let seconds = now().timeIntervalSince(shown)
        let verdict = judge.check(text, card: card)
        showVerdict(verdict, card: card, typed: text)
        // Before the first answer of a session, the time also holds settling in.
        let proposed = GradePolicy.propose(
          verdict, hints: hints, seconds: seconds, firstOfSession: summary.reviewed == 0)
        switch gradeLoop(proposed) {
        case .grade(let rating):
          guard try record(card, rating: rating, typed: text, verdict: verdict, seconds: seconds) else {
            return .end(.unsaved)
          }
          return .next
        case .retry:
          say(style.dim("Answer discarded; try the card again."))
          show(card)
          continue
        case .end(let reason):
          // The answer was typed and checked: keep it with the proposed grade before ending.
          let saved = try record(card, rating: proposed, typed: text, verdict: verdict, seconds: seconds)
          return .end(saved ? reason : .unsaved)
        }
      }
    }
  }

  private enum GradeChoice {
    case grade(Rating)
    case retry
    case end(SessionSummary.EndReason)
  }

  private func gradeLoop(_ proposed: Rating) -> GradeChoice {
    reader.completionWords = Rating.allCases.map(\.name) + [":undo", ":quit"]
    defer { reader.completionWords = completionBase }
    while true {
      switch reader.readLine(prompt: "grade [\(proposed.name)]> ", remember: false) {
      case .endOfInput: return .end(.endOfInput)
      case .terminated: return .end(.terminated)
      case .interrupted(let discarded):
        if interruptReason(discarded) != nil { return .end(.interrupted) }
      case .line(let raw):
        lastWasInterrupt = false
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if text.isEmpty { return .grade(proposed) }
        if text == ":undo" { return .retry }
        if text == ":quit" || text == ":q" { return .end(.quit) }
        if let rating = GradePolicy.parse(text) { return .grade(rating) }
        say("Grade with Enter (\(proposed.name)), 1–4, or again/hard/good/easy.")
      }
    }
  }

  private func interrupt(_ discarded: String) -> Step? {
    if discarded.isEmpty && lastWasInterrupt { return .end(.interrupted) }
    lastWasInterrupt = discarded.isEmpty
    if discarded.isEmpty { say(style.dim("(Ctrl-C again, Ctrl-D or :quit to end the session)")) }
    return nil
  }

  private func interruptReason(_ discarded: String) -> SessionSummary.EndReason? {
    let step: Step? = interrupt(discarded)
    if case .end(let reason) = step { return reason }
    return nil
  }

  // MARK: - Commands

  private enum CommandResult { case stay, leave, quit }

  private func command(_ text: String, card: Card, hints: inout Int) throws(StudyError) -> CommandResult {
    let name = text.split(separator: " ").first.map(String.init)?.lowercased() ?? text
    switch name {
    case ":hint", ":h":
      if let hint = Hints.hint(for: card, level: hints) {
        hints += 1
        say(style.warn("Hint: ") + TerminalText.sanitize(hint) + style.dim("  (the proposed grade drops)"))
      } else {
        say("No more hints for this card.")
      }
      return .stay
    case ":skip":
      leftOut.insert(card.id)
      say(style.dim("Skipped."))
      return .leave
    case ":undo":
      guard let last = recorded.popLast() else {
        say("Nothing to undo in this session.")
        return .stay
      }
      var undone: StoredReview?
      let undo = { () throws(StoreError) in undone = try self.store.undoLastAnswer() }
      guard try plainWrite("Nothing was undone", undo) else {
        recorded.append(last)
        return .stay
      }
      guard undone?.id == last.entry.id else {
        throw .store("the last answer in the store is not this session's; nothing more was undone")
      }
      summary.reviewed -= 1
      if last.correct { summary.correct -= 1 }
      pending.insert(card.id, at: 0)
      pending.insert(last.card.id, at: 0)
      say(style.warn("Undone: ") + "your answer to “\(TerminalText.sanitize(last.card.prompt))”. Here it is again.")
      return .leave
    case ":source":
      say(style.dim("Source: ") + wrapped(card.source.map(TerminalText.sanitize) ?? "(none given)", indent: "  "))
      return .stay
    case ":suspend":
      let suspend = { () throws(StoreError) in try self.store.setSuspended(true, cardID: card.id) }
      guard try plainWrite("The card is not suspended", suspend) else {
        return .stay
      }
      leftOut.insert(card.id)
      say(style.dim("Suspended: this card will not come up again."))
      return .leave
    case ":bury":
      let clock = try storeCall { try store.settings().clock }
      let until = clock.endOfStudyDay(containing: now())
      let bury = { () throws(StoreError) in try self.store.bury(cardID: card.id, until: until) }
      guard try plainWrite("The card is not buried", bury) else {
        return .stay
      }
      leftOut.insert(card.id)
      say(style.dim("Buried until tomorrow."))
      return .leave
    case ":stats":
      let queue = try storeCall { try store.queue(at: now(), options: options) }
      say(
        "This session: \(summary.reviewed) reviewed, \(summary.correct) right; still queued: "
          + "\(queue.learningIDs.count) learning, \(queue.reviews.count) due, \(queue.new.count) new.")
      return .stay
    case ":help", ":?":
      say(Self.commands.map { "  \($0.name.padding(toLength: 9, withPad: " ", startingAt: 0)) \($0.help)" }
        .joined(separator: "\n") + "\n  Ctrl-C clears the line; Ctrl-C twice or Ctrl-D ends. Grades: Enter, 1–4, again/hard/good/easy.")
      return .stay
    case ":quit", ":q", ":exit":
      return .quit
    default:
      say("Unknown command \(TerminalText.sanitize(name)); :help lists them.")
      return .stay
    }
  }

  // MARK: - Recording

  /// Saves the graded answer; when the disk is full, read-only, locked or not writable, keeps it, says what
  /// happened and what to do, and tries again on Enter. Returns false when the learner ends the session instead
  /// (the answer is then named as not saved, never dropped silently).
  private func record(
    _ card: Card, rating: Rating, typed: String, verdict: Verdict, seconds: Double
  ) throws(StudyError) -> Bool {
    let answer = Answer(
      cardID: card.id, rating: rating, time: now(), typedAnswer: typed, verdict: verdict.outcome.rawValue,
      responseMilliseconds: Int(seconds * 1000))
    var entry: StoredReview
    while true {
      do {
        entry = try store.answer(answer, scheduler: scheduler)
        break
      } catch {
        guard let message = error.unsavedAnswerMessage else { throw .store(error.description) }
        say(style.bad(message))
        guard awaitRetry() else {
          summary.unsaved += 1
          say(
            style.warn("Not saved: ") + "your answer “\(TerminalText.sanitize(typed))” to “"
              + TerminalText.sanitize(card.prompt) + "” (\(rating.name)). Everything answered before it is saved.")
          return false
        }
      }
    }
    let correct = verdict.outcome == .correct
    recorded.append((entry, card, correct))
    summary.reviewed += 1
    if correct { summary.correct += 1 }
    return true
  }

  /// Waits for Enter (true: try again) or `:quit`, end of input or a termination signal (false).
  private func awaitRetry() -> Bool {
    reader.completionWords = [":quit"]
    defer { reader.completionWords = completionBase }
    while true {
      switch reader.readLine(prompt: "retry [Enter]> ", remember: false) {
      case .endOfInput, .terminated: return false
      case .interrupted(let discarded):
        if interruptReason(discarded) != nil { return false }
      case .line(let raw):
        lastWasInterrupt = false
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if text == ":quit" || text == ":q" || text == ":exit" { return false }
        return true
      }
    }
  }

  private func refill() {
    guard let queue = try? store.queue(at: now(), options: options) else { return }
    pending = queue.learningIDs.filter { !leftOut.contains($0) }
  }

  private func offerReviewAhead() throws(StudyError) -> Bool {
    guard options.until == nil, let next = try storeCall({ try store.nextDue(after: now(), options: options) })
    else {
      say("Nothing to study: no cards are due and no new cards are left in this selection.")
      return false
    }
    say(
      "Nothing is due now. The next card is due \(Self.relative(next.first, from: now())) "
        + "(\(next.countThatDay) that day).")
    switch reader.readLine(prompt: "Review ahead to then? [y/N] ", remember: false) {
    case .line(let answer) where answer.lowercased().hasPrefix("y"):
      options.until = next.first
      return true
    default:
      return false
    }
  }

  // MARK: - Showing

  private var completionBase: [String] { Self.commands.map(\.name) + extraCompletions }

  /// More Tab completions (the deck's names, with `--complete-names`).
  public var extraCompletions: [String] = []

  private func show(_ card: Card) {
    var text = "\n" + style.bold(wrapped(TerminalText.sanitize(card.prompt)))
    switch card.expectation {
    case .choice:
      for (index, option) in card.choices.enumerated() {
        text += "\n  \(index + 1). " + wrapped(TerminalText.sanitize(option), indent: "     ")
      }
    case .ordering:
      text += "\n" + style.dim("  Type the numbers in order, earliest first:")
      for (index, item) in card.choices.enumerated() {
        text += "\n  \(index + 1). " + wrapped(TerminalText.sanitize(item), indent: "     ")
      }
    case .entity, .text, .date, .quantity: break
    }
    say(text)
  }

  private func showVerdict(_ verdict: Verdict, card: Card, typed: String) {
    let expected = TerminalText.sanitize(verdict.expected)
    switch verdict.outcome {
    case .correct: say(style.good("✓ Right") + ": " + expected)
    case .close: say(style.warn("≈ Nearly") + ": " + expected)
    case .wrong: say(style.bad("✗ Not quite") + " — you typed “\(TerminalText.sanitize(typed))”; expected: " + style.bold(expected))
    }
    if let note = verdict.note { say(style.dim("  " + TerminalText.sanitize(note))) }
    if let source = card.source {
      say(style.dim("  “" + wrapped(TerminalText.sanitize(source), indent: "   ") + "”"))
    }
    // The card's item is an event for event cards: its neighbours in time put the fact in context.
    if verdict.outcome != .correct, let deck = deck(card.deck), deck.event(card.item) != nil {
      let entries = Timeline.around(card.item, in: deck)
      if entries.count > 1 {
        say(style.dim("  In context:"))
        for entry in entries {
          let line = "  \(entry.isCurrent ? "▶" : " ") \(TerminalText.sanitize(entry.date)): \(TerminalText.sanitize(entry.text))"
          say(entry.isCurrent ? style.bold(wrapped(line, indent: "      ")) : wrapped(line, indent: "      "))
        }
      }
    }
  }

  private func wrapped(_ text: String, indent: String = "") -> String {
    TerminalText.wrap(text, width: width, indent: indent)
  }

  private func say(_ text: String) { output.write(text + "\n") }

  /// Runs a store write for a command; on an I/O failure says what happened and returns false (the session goes
  /// on), on any other error throws.
  private func plainWrite(_ notDone: String, _ body: () throws(StoreError) -> Void) throws(StudyError) -> Bool {
    do {
      try body()
      return true
    } catch {
      guard let headline = error.headline, let remedy = error.remedy else { throw .store(error.description) }
      let what = notDone.prefix(1).lowercased() + notDone.dropFirst()
      say(style.bad("\(headline): \(what). \(remedy) and try again."))
      return false
    }
  }

  private func storeCall<T>(_ body: () throws -> T) throws(StudyError) -> T {
    do { return try body() } catch let error as StoreError { throw .store(error.description) } catch {
      throw .store("\(error)")
    }
  }

  static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    return total < 60 ? "\(total) s" : "\(total / 60) min \(total % 60) s"
  }

  static func relative(_ date: Date, from now: Date) -> String {
    let seconds = date.timeIntervalSince(now)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    let stamp = formatter.string(from: date)
    if seconds < 3600 { return "in \(max(1, Int((seconds / 60).rounded()))) min (\(stamp))" }
    if seconds < 86400 { return "in \(Int((seconds / 3600).rounded())) h (\(stamp))" }
    return "in \(Int((seconds / 86400).rounded())) days (\(stamp))"
  }
}
