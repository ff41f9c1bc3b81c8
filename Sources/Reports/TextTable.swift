/// A plain-text table that fits a width: one flexible column is cut with an ellipsis when the rest leaves too
/// little room.
struct TextTable {
  enum Alignment { case left, right }

  var headers: [String]
  var alignments: [Alignment]
  var rows: [[String]] = []
  /// The column that gives way when the table is too wide (usually the question text).
  var flexible: Int?
  var indent = 2

  init(_ headers: [String], alignments: [Alignment], flexible: Int? = nil) {
    self.headers = headers
    self.alignments = alignments
    self.flexible = flexible
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  func lines(width: Int) -> [String] {
    var widths = headers.indices.map { column in ([headers] + rows).map { $0[column].count }.max() ?? 0 }
    let total = indent + widths.reduce(0, +) + 2 * (widths.count - 1)
    if let flexible, total > width {
      widths[flexible] = max(8, widths[flexible] - (total - width))
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, cell) in cells.enumerated() {
        let text = Fmt.truncate(cell, to: widths[index])
        let last = index == cells.count - 1
        switch alignments[index] {
        case .left: parts.append(last ? text : Fmt.padRight(text, widths[index]))
        case .right: parts.append(Fmt.padLeft(text, widths[index]))
        }
      }
      // Still too wide (many columns in a narrow terminal): cut the line rather than wrap it.
      return Fmt.truncate(String(repeating: " ", count: indent) + parts.joined(separator: "  "), to: width)
    }
    return [line(headers)] + rows.map(line)
  }
}
