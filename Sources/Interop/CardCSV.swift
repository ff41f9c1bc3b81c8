import CSV
import CardBuilder
import Foundation

/// Cards as an RFC 4180 table (CRLF, quoted where needed, doubled quotes) that spreadsheets and Quizlet import:
/// id, deck, kind, question, choices, answer, accepted, source, tags, era.
///
/// A text field starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet
/// shows it instead of running it as a formula.
public enum CardCSV {
  /// The header row.
  public static let header = ["id", "deck", "kind", "question", "choices", "answer", "accepted", "source", "tags", "era"]

  /// The table of `cards`, header first, each row ending in CRLF.
  public static func data(for cards: [Card]) throws -> Data {
    let stream = OutputStream(toMemory: ())
    stream.open()
    let writer = try CSVWriter(stream: stream, newline: .crlf)
    try writer.write(row: header)
    for card in cards {
      try writer.write(
        row: [
          card.id, card.deck, card.kind.rawValue, card.prompt, card.choices.joined(separator: " | "), card.answer,
          card.accepted.joined(separator: " | "), card.source ?? "", card.tags.joined(separator: " "), card.era ?? "",
        ].map(defused))
    }
    stream.close()
    var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    data.append(contentsOf: [13, 10])
    return data
  }

  /// The field with a leading `'` when a spreadsheet would read it as a formula.
  static func defused(_ field: String) -> String {
    guard let first = field.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return field }
    return "'" + field
  }
}
