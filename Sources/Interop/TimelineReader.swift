import CSV
import TextKit
import Foundation

/// Reads TimelineJS's spreadsheet CSV and its JSON into a `Timeline`, naming the row or key of every problem.
///
/// ```swift
/// let timeline = try TimelineReader.read(fileAt: "timeline.csv")            // by extension: .csv or .json
/// let timeline = try TimelineReader.readCSV(data: bytes, file: "t.csv")     // what fuzzers call
/// ```
public enum TimelineReader {
  /// The largest timeline file read (16 MiB).
  public static let maximumFileSize = 16 << 20
  /// The most rows or events read.
  public static let maximumEvents = 100_000

  /// The spreadsheet columns TimelineJS documents, matched by header text (case and spacing ignored).
  public static let columns = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date", "Headline",
    "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Alt Text", "Type", "Group", "Background",
  ]

  /// Reads a `.csv` or `.json` file.
  public static func read(fileAt path: String) throws(InteropError) -> Timeline {
    let data = try InputFile.read(path, limit: maximumFileSize)
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "csv": return try readCSV(data: data, file: path)
    case "json": return try readJSON(data: data, file: path)
    default:
      throw InteropError(file: path, "not a TimelineJS file", hint: "give a .csv spreadsheet export or a .json file")
    }
  }

  // MARK: - CSV

  /// Reads a TimelineJS spreadsheet exported as CSV.
  public static func readCSV(data: Data, file: String) throws(InteropError) -> Timeline {
    guard var text = String(data: data, encoding: .utf8) else {
      throw InteropError(file: file, "the file is not UTF-8 text", hint: "export the spreadsheet as CSV (UTF-8)")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let reader: CSVReader
    do {
      reader = try CSVReader(string: text, hasHeaderRow: true)
    } catch {
      throw InteropError(file: file, place: "row 1", "cannot read the header row", hint: "the first row names the columns")
    }
    let header = reader.headerRow ?? []
    var index: [String: Int] = [:]
    for (i, name) in header.enumerated() {
      let key = normalise(name)
      if key.isEmpty { continue }
      let canonical = key == "tag" ? "group" : key
      guard columns.map(normalise).contains(canonical) else {
        let suggestion = EditDistance.suggestion(for: name, among: columns).map { "did you mean '\($0)'? " } ?? ""
        throw InteropError(
          file: file, place: "row 1, column \(i + 1)", "unknown column '\(sanitised(name))'",
          hint: "\(suggestion)TimelineJS's columns: \(columns.joined(separator: ", "))")
      }
      if index[canonical] != nil {
        throw InteropError(file: file, place: "row 1, column \(i + 1)", "column '\(sanitised(name))' appears twice")
      }
      index[canonical] = i
    }
    guard index["headline"] != nil, index["year"] != nil else {
      throw InteropError(
        file: file, place: "row 1", "the header needs at least the columns Year and Headline",
        hint: "the first row must be TimelineJS's column names: \(columns.joined(separator: ", "))")
    }
    var timeline = Timeline(events: [], eras: [])
    var row = 1
    while let fields = reader.next() {
      row += 1
      if row > maximumEvents + 1 {
        throw InteropError(file: file, place: "row \(row)", "more than \(maximumEvents) rows")
      }
      func value(_ column: String) -> String? {
        guard let i = index[column], i < fields.count else { return nil }
        let v = fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
        return v.isEmpty ? nil : v
      }
      if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
      let place = "row \(row)"
      func date(_ prefix: String) throws(InteropError) -> Timeline.Date? {
        let names = ["year", "month", "day"].map { prefix + $0 }
        guard let yearText = value(names[0]) else {
          for n in names.dropFirst() where value(n) != nil {
            throw InteropError(file: file, place: "\(place), \(title(n))", "a month or day without a year")
          }
          return nil
        }
        func number(_ column: String, _ range: ClosedRange<Int>) throws(InteropError) -> Int? {
          guard let text = value(column) else { return nil }
          guard let n = Int(text), range.contains(n) else {
            throw InteropError(
              file: file, place: "\(place), \(title(column))",
              "'\(sanitised(text))' is not a \(column.hasSuffix("year") ? "year" : column.hasSuffix("month") ? "month (1–12)" : "day (1–31)")",
              hint: column.hasSuffix("year") ? "write the year as a whole number; BCE years are negative (-44)" : nil)
          }
          return n
        }
        guard let year = try number(names[0], -1_000_000_000...1_000_000_000) else { return nil }
        if year == 0 {
          throw InteropError(
            file: file, place: "\(place), \(title(names[0]))", "there is no year 0 ('\(sanitised(yearText))')",
            hint: "1 BCE is -1 and 1 CE is 1")
        }
        return Timeline.Date(year: year, month: try number(names[1], 1...12), day: try number(names[2], 1...31))
      }
      let start = try date("")
      let end = try date("end")
      let text = Timeline.Text(headline: value("headline"), text: value("text"))
      let type = value("type")?.lowercased()
      switch type {
      case "title":
        timeline.title = Timeline.Slide(startDate: start, endDate: end, text: text)
      case "era":
        guard let start, let end else {
          throw InteropError(
            file: file, place: place, "an era row needs a start (Year) and an end (End Year)",
            hint: "give both years, or clear the Type column to make it an event")
        }
        timeline.eras?.append(Timeline.Era(startDate: start, endDate: end, text: text))
      case nil:
        guard let start else {
          throw InteropError(
            file: file, place: "\(place), Year", "an event needs a Year",
            hint: "fill in Year (negative for BCE), or write 'title' in Type for the title slide")
        }
        guard text.headline != nil || text.text != nil else {
          throw InteropError(file: file, place: "\(place), Headline", "an event needs a Headline or Text")
        }
        let media = value("media").map {
          Timeline.Media(
            url: $0, caption: value("mediacaption"), credit: value("mediacredit"), thumbnail: value("mediathumbnail"),
            alt: value("alttext"))
        }
        timeline.events.append(
          Timeline.Slide(
            startDate: start, endDate: end, text: text, media: media, group: value("group"),
            displayDate: value("displaydate")))
      default:
        throw InteropError(
          file: file, place: "\(place), Type", "unknown Type '\(sanitised(type ?? ""))'",
          hint: "Type is empty for an event, 'title' or 'era'")
      }
    }
    if let error = reader.error {
      throw InteropError(file: file, place: "row \(row + 1)", "the CSV cannot be read there (\(error))")
    }
    return timeline
  }

  // MARK: - JSON

  /// Reads TimelineJS JSON (`events` required; `title`, `eras`, `scale` optional).
  public static func readJSON(data: Data, file: String) throws(InteropError) -> Timeline {
    let timeline: Timeline
    do {
      timeline = try JSONDecoder().decode(Timeline.self, from: data)
    } catch let error as DecodingError {
      throw describe(error, file: file, data: data)
    } catch {
      throw InteropError(file: file, "not TimelineJS JSON (\(error.localizedDescription))")
    }
    if timeline.events.count > maximumEvents {
      throw InteropError(file: file, place: "key events", "more than \(maximumEvents) events")
    }
    for (i, event) in timeline.events.enumerated() {
      guard let start = event.startDate else {
        throw InteropError(
          file: file, place: "key events[\(i)].start_date", "an event needs a start_date",
          hint: "TimelineJS requires start_date {\"year\": …} on every event")
      }
      for (key, date) in [("start_date", start), ("end_date", event.endDate)] {
        guard let date else { continue }
        if date.year == 0 {
          throw InteropError(file: file, place: "key events[\(i)].\(key).year", "there is no year 0", hint: "1 BCE is -1")
        }
        if let m = date.month, !(1...12).contains(m) {
          throw InteropError(file: file, place: "key events[\(i)].\(key).month", "month \(m) is not 1–12")
        }
        if let d = date.day, !(1...31).contains(d) {
          throw InteropError(file: file, place: "key events[\(i)].\(key).day", "day \(d) is not 1–31")
        }
      }
    }
    return timeline
  }

  /// A decoding error as a message naming the key path (or the line and column of a syntax error).
  static func describe(_ error: DecodingError, file: String, data: Data) -> InteropError {
    func path(_ keys: [any CodingKey]) -> String {
      var s = ""
      for key in keys {
        if let i = key.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + key.stringValue }
      }
      return s.isEmpty ? "top level" : s
    }
    switch error {
    case .keyNotFound(let key, let context):
      return InteropError(
        file: file, place: "key \(path(context.codingPath + [key]))", "missing",
        hint: "TimelineJS JSON: {\"events\": [{\"start_date\": {\"year\": 1993}, \"text\": {\"headline\": …}}]}")
    case .typeMismatch(let type, let context):
      return InteropError(file: file, place: "key \(path(context.codingPath))", "expected \(readable(type))")
    case .valueNotFound(let type, let context):
      return InteropError(file: file, place: "key \(path(context.codingPath))", "expected \(readable(type)), found null")
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        // JSONDecoder says only "not valid JSON"; JSONSerialization (the same parser, also limited to 512 levels)
        // says what and where.
        var detail = context.debugDescription
        do {
          _ = try JSONSerialization.jsonObject(with: data)
        } catch {
          if let described = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { detail = described }
        }
        var place: String?
        if let range = detail.range(of: "character "), let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) {
          let before = data.prefix(offset)
          let line = before.filter { $0 == 10 }.count + 1
          let column = offset - (before.lastIndex(of: 10).map { $0 + 1 } ?? 0) + 1
          place = "line \(line), column \(column)"
        }
        if detail.contains("Too many nested") {
          return InteropError(
            file: file, place: place, "the JSON is nested too deeply (more than 512 levels)",
            hint: "TimelineJS JSON is a few levels deep; this is not a timeline")
        }
        return InteropError(file: file, place: place, "not valid JSON (\(detail))")
      }
      return InteropError(file: file, place: "key \(path(context.codingPath))", context.debugDescription)
    @unknown default:
      return InteropError(file: file, "not TimelineJS JSON")
    }
  }

  private static func readable(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Int.Type: "a whole number"
    case is [Any].Type: "a list"
    default: "\(type)".contains("Array") ? "a list" : "an object"
    }
  }

  /// "End Year" → "endyear".
  static func normalise(_ header: String) -> String {
    header.lowercased().filter { $0.isLetter }
  }

  private static func title(_ key: String) -> String {
    columns.first { normalise($0) == key } ?? key
  }

  private static func sanitised(_ text: String) -> String {
    String(HTMLText.collapse(text).prefix(60))
  }
}
