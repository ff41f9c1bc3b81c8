import Foundation

/// Renders reports as JSON: the report model itself, keys sorted, dates in ISO 8601 (fields: README "Report fields").
public struct JSONRenderer: Sendable {
  /// A JSON renderer.
  public init() {}

  /// The report as pretty-printed JSON with sorted keys.
  public func render<Report: Encodable>(_ report: Report) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
  }

  /// Reads a report back from JSON.
  public func decode<Report: Decodable>(_ type: Report.Type, from text: String) throws -> Report {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(type, from: Data(text.utf8))
  }
}

/// Renders one table of a report as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break are
/// quoted, quotes doubled), for spreadsheets.
public struct CSVRenderer: Sendable {
  /// The tables a learner report offers: `cards` (default), `days`, `forecast`, `mastery`, `quizzes`.
  public static let learnerTables = ["cards", "days", "forecast", "mastery", "quizzes"]
  /// The tables a class report offers: `students` (default), `items`, `unreadable`.
  public static let classTables = ["students", "items", "unreadable"]

  /// A CSV renderer.
  public init() {}

  /// One field, quoted when it must be. A field starting with = + - @ is prefixed with ' so that a spreadsheet
  /// does not run deck text as a formula.
  static func field(_ value: String) -> String {
    var value = value
    if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
    if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return value
  }

  static func number(_ value: Double?, digits: Int = 4) -> String {
    guard let value, value.isFinite else { return "" }
    return Fmt.fixed(value, digits: digits)
  }

  static func document(_ header: [String], _ rows: [[String]]) -> String {
    ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  /// The learner report's `table` as CSV; throws `ReportError.unknownTable` for a name not in `learnerTables`.
  public func render(_ report: LearnerReport, table: String = "cards") throws(ReportError) -> String {
    switch table {
    case "cards":
      return Self.document(
        ["id", "deck", "kind", "category", "era", "state", "prompt", "answer", "reviews", "lapses", "retrievability",
         "stability", "difficulty", "due", "last_review", "top_wrong_answer", "source"],
        report.cards.map { card in
          [card.id, card.deck, card.kind.rawValue, card.category.rawValue, card.era ?? "", card.state, card.prompt ?? "", card.answer ?? "",
           "\(card.reviews)", "\(card.lapses)", Self.number(card.retrievability), Self.number(card.stability),
           Self.number(card.difficulty), card.due ?? "", card.lastReview.map(Fmt.moment) ?? "",
           card.wrongAnswers.first?.answer ?? "", card.source ?? ""]
        })
    case "days":
      return Self.document(["date", "reviews", "seconds"], report.activity.days.map { [$0.date, "\($0.reviews)", Self.number($0.seconds, digits: 1)] })
    case "forecast":
      return Self.document(["date", "due"], report.forecast.map { [$0.date, "\($0.due)"] })
    case "mastery":
      return Self.document(
        ["dimension", "key", "title", "cards", "studied", "mature", "knowledge", "retention"],
        report.mastery.map { [$0.dimension, $0.key, $0.title, "\($0.cards)", "\($0.studied)", "\($0.mature)", Self.number($0.knowledge), Self.number($0.retention)] })
    case "quizzes":
      return Self.document(
        ["id", "deck", "time", "score", "questions"],
        report.quizzes.map { [$0.id, $0.deck, Fmt.moment($0.time), Self.number($0.score), $0.questions.map(String.init) ?? ""] })
    default:
      throw .unknownTable(table, known: Self.learnerTables)
    }
  }

  /// The class report's `table` as CSV; throws `ReportError.unknownTable` for a name not in `classTables`.
  public func render(_ report: ClassReport, table: String = "students") throws(ReportError) -> String {
    switch table {
    case "students":
      return Self.document(
        ["learner", "reviews", "retention", "knowledge", "studied", "cards", "last_active", "streak", "quizzes",
         "quiz_mean", "last_quiz"],
        report.students.map {
          [$0.learner, "\($0.reviews)", Self.number($0.retention), Self.number($0.knowledge, digits: 2), "\($0.studied)",
           "\($0.cards)", $0.lastActive ?? "", "\($0.streak)", "\($0.quizzes)", Self.number($0.quizMean), Self.number($0.lastQuiz)]
        })
    case "items":
      return Self.document(
        ["rank", "id", "category", "prompt", "answer", "learners", "first_sight_correct", "overall_correct", "attempts",
         "mean_retrievability", "wrong_answers", "source"],
        report.items.enumerated().map { index, item in
          ["\(index + 1)", item.id, item.category.rawValue, item.prompt ?? "", item.answer ?? "", "\(item.learners)",
           Self.number(item.firstSightCorrect), Self.number(item.overallCorrect), "\(item.attempts)",
           Self.number(item.meanRetrievability),
           item.wrongAnswers.map { "\($0.answer) ×\($0.count)" + ($0.confusion.map { " (\($0))" } ?? "") }.joined(separator: "; "),
           item.source ?? ""]
        })
    case "unreadable":
      return Self.document(["file", "problem", "reason"], report.unreadable.map { [$0.file, $0.problem, $0.reason] })
    default:
      throw .unknownTable(table, known: Self.classTables)
    }
  }
}
