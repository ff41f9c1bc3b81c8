import CardBuilder
import EventDeck
import Foundation
import LineEditing
import StableRandom
import TextKit

/// One question of a finished quiz, as stored and reported.
public struct QuizAnswer: Sendable, Codable, Equatable {
  public var number: Int
  public var cardID: String
  public var kind: CardKind
  public var question: String
  public var options: [String]?
  public var expected: String
  /// What the learner typed; nil when the quiz ended before this question.
  public var given: String?
  /// "correct", "close", "wrong", "skipped" or "unanswered".
  public var outcome: String
  public var seconds: Double?
}

/// A quiz's result: score, time, and each question with the given and the expected answer.
public struct QuizReport: Sendable, Codable, Equatable {
  public var quizID: String
  public var learner: String
  public var decks: [String]
  public var seed: String
  public var started: Date
  public var seconds: Double
  /// Right answers (a near miss counts half).
  public var points: Double
  public var total: Int
  /// `points / total`, 0…1.
  public var score: Double
  public var questions: [QuizAnswer]
}

/// Runs a quiz: asks each question once, checks it, keeps score; no scheduling changes.
public final class QuizSession {
  private let questions: [Card]
  private let reader: LineReader
  private let output: SessionOutput
  private let judge: CheckerJudge
  private let style: Style
  private let width: Int
  private let now: () -> Date

  /// A quiz over `questions` (cards of `decks`, checked by those decks' `AnswerChecker`), in order.
  public init(
    questions: [Card], decks: [Deck], reader: LineReader, output: SessionOutput,
    style: Style = Style(colour: false), width: Int = 80, now: @escaping () -> Date = Date.init
  ) {
    self.questions = questions
    self.reader = reader
    self.output = output
    self.judge = CheckerJudge(decks: decks)
    self.style = style
    self.width = width
    self.now = now
  }

  /// Asks every question (until the learner quits) and returns the report.
  public func run(learner: String, seed: String) -> QuizReport {
    reader.completionWords = [":skip", ":quit"]
    let started = now()
    var answers: [QuizAnswer] = []
    var ended = false
    var lastWasInterrupt = false
    say(style.bold("Quiz") + ": \(questions.count) questions, seed \(TerminalText.sanitize(seed)). :skip passes, :quit ends.")
    for (index, card) in questions.enumerated() {
      var options: [String]?
      switch card.expectation {
      case .choice, .ordering: options = card.choices
      case .entity, .text, .date, .quantity: break
      }
      var answer = QuizAnswer(
        number: index + 1, cardID: card.id, kind: card.kind, question: card.prompt, options: options,
        expected: card.answer, given: nil, outcome: "unanswered", seconds: nil)
      if ended {
        answers.append(answer)
        continue
      }
      say("\n" + style.dim("\(index + 1)/\(questions.count)") + " " + style.bold(wrap(TerminalText.sanitize(card.prompt))))
      for (number, option) in (options ?? []).enumerated() {
        say("  \(number + 1). " + wrap(TerminalText.sanitize(option), indent: "     "))
      }
      let shown = now()
      reading: while true {
        switch reader.readLine(prompt: "> ") {
        case .endOfInput, .terminated:
          ended = true
          break reading
        case .interrupted(let discarded):
          if discarded.isEmpty && lastWasInterrupt {
            ended = true
            break reading
          }
          lastWasInterrupt = discarded.isEmpty
          if discarded.isEmpty { say(style.dim("(Ctrl-C again, Ctrl-D or :quit to end the quiz)")) }
        case .line(let raw):
          lastWasInterrupt = false
          let text = raw.trimmingCharacters(in: .whitespaces)
          if text == ":quit" || text == ":q" {
            ended = true
            break reading
          }
          if text.isEmpty { continue }
          answer.seconds = now().timeIntervalSince(shown)
          if text == ":skip" {
            answer.outcome = "skipped"
            say(style.dim("Skipped. The answer: ") + TerminalText.sanitize(card.answer))
            break reading
          }
          let verdict = judge.check(text, card: card)
          answer.given = text
          answer.outcome = verdict.outcome.rawValue
          switch verdict.outcome {
          case .correct: say(style.good("✓ Right"))
          case .close: say(style.warn("≈ Nearly") + ": " + TerminalText.sanitize(card.answer))
          case .wrong: say(style.bad("✗ Wrong") + ": " + TerminalText.sanitize(card.answer))
          }
          break reading
        }
      }
      answers.append(answer)
    }
    let points = answers.reduce(0.0) { $0 + ($1.outcome == "correct" ? 1 : $1.outcome == "close" ? 0.5 : 0) }
    let total = questions.count
    return QuizReport(
      quizID: "\(questions.first?.deck ?? "quiz")-\(Int(started.timeIntervalSince1970))-\(FNV1a.hex(seed.utf8).prefix(6))",
      learner: learner, decks: Array(Set(questions.map(\.deck))).sorted(), seed: seed, started: started,
      seconds: now().timeIntervalSince(started), points: points, total: total,
      score: total == 0 ? 0 : points / Double(total), questions: answers)
  }

  /// The result as text: score, time, then each question with the given and the expected answer.
  public func renderText(_ report: QuizReport) -> String {
    var lines = [
      "",
      style.bold("Score: \(Self.format(report.points))/\(report.total) (\(Int((report.score * 100).rounded()))%)")
        + " in \(StudySession.duration(report.seconds)).",
    ]
    for answer in report.questions {
      let mark = answer.outcome == "correct" ? "✓" : answer.outcome == "close" ? "≈" : "✗"
      lines.append(
        "\(mark) \(answer.number). " + wrap(TerminalText.sanitize(answer.question), indent: "     "))
      lines.append(
        "     given: " + TerminalText.sanitize(answer.given ?? "(\(answer.outcome))") + "; expected: "
          + TerminalText.sanitize(answer.expected))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The result as JSON (pretty, sorted keys, ISO 8601 dates), for a teacher's spreadsheet.
  public static func json(_ report: QuizReport) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    let text = String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)
    // JSONEncoder escapes C0 controls; C1 controls and bidi marks could still steer a terminal, so escape them too.
    var safe = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
        let digits = String(scalar.value, radix: 16)
        safe += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
      default:
        safe.unicodeScalars.append(scalar)
      }
    }
    return safe
  }

  private static func format(_ points: Double) -> String {
    points == points.rounded() ? String(Int(points)) : String(points)
  }

  private func wrap(_ text: String, indent: String = "") -> String { TerminalText.wrap(text, width: width, indent: indent) }
  private func say(_ text: String) { output.write(text + "\n") }
}
