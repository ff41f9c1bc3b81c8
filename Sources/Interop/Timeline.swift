import Foundation

/// A TimelineJS document: its title slide, events and eras, in TimelineJS's JSON shape
/// (timeline.knightlab.com/docs/json-format.html).
public struct Timeline: Sendable, Equatable, Codable {
  /// A date as TimelineJS gives it: a year (negative: BCE), optional month and day.
  public struct Date: Sendable, Equatable, Codable {
    public var year: Int
    public var month: Int?
    public var day: Int?
    public var displayDate: String?

    public init(year: Int, month: Int? = nil, day: Int? = nil, displayDate: String? = nil) {
      self.year = year
      self.month = month
      self.day = day
      self.displayDate = displayDate
    }

    enum CodingKeys: String, CodingKey {
      case year, month, day
      case displayDate = "display_date"
    }

    /// TimelineJS accepts numbers and numeric strings alike ("1993", "-50").
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      func number(_ key: CodingKeys) throws -> Int? {
        if let n = try? c.decodeIfPresent(Int.self, forKey: key) { return n }
        guard let s = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let n = Int(trimmed) else {
          throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "'\(s)' is not a whole number")
        }
        return n
      }
      guard let year = try number(.year) else {
        throw DecodingError.keyNotFound(
          CodingKeys.year, .init(codingPath: c.codingPath, debugDescription: "a date needs a year"))
      }
      self.year = year
      month = try number(.month)
      day = try number(.day)
      displayDate = try c.decodeIfPresent(String.self, forKey: .displayDate)
    }
  }

  /// A slide's headline and text (HTML).
  public struct Text: Sendable, Equatable, Codable {
    public var headline: String?
    public var text: String?

    public init(headline: String? = nil, text: String? = nil) {
      self.headline = headline
      self.text = text
    }
  }

  /// A slide's media.
  public struct Media: Sendable, Equatable, Codable {
    public var url: String
    public var caption: String?
    public var credit: String?
    public var thumbnail: String?
    public var alt: String?

    public init(url: String, caption: String? = nil, credit: String? = nil, thumbnail: String? = nil, alt: String? = nil) {
      self.url = url
      self.caption = caption
      self.credit = credit
      self.thumbnail = thumbnail
      self.alt = alt
    }
  }

  /// An event (or the title slide, which needs no date).
  public struct Slide: Sendable, Equatable, Codable {
    public var startDate: Date?
    public var endDate: Date?
    public var text: Text?
    public var media: Media?
    public var group: String?
    public var displayDate: String?
    public var uniqueID: String?

    public init(
      startDate: Date? = nil, endDate: Date? = nil, text: Text? = nil, media: Media? = nil, group: String? = nil,
      displayDate: String? = nil, uniqueID: String? = nil
    ) {
      self.startDate = startDate
      self.endDate = endDate
      self.text = text
      self.media = media
      self.group = group
      self.displayDate = displayDate
      self.uniqueID = uniqueID
    }

    enum CodingKeys: String, CodingKey {
      case startDate = "start_date"
      case endDate = "end_date"
      case text, media, group
      case displayDate = "display_date"
      case uniqueID = "unique_id"
    }
  }

  /// A named span shown under the timeline.
  public struct Era: Sendable, Equatable, Codable {
    public var startDate: Date
    public var endDate: Date
    public var text: Text?

    public init(startDate: Date, endDate: Date, text: Text? = nil) {
      self.startDate = startDate
      self.endDate = endDate
      self.text = text
    }

    enum CodingKeys: String, CodingKey {
      case startDate = "start_date"
      case endDate = "end_date"
      case text
    }
  }

  public var title: Slide?
  public var events: [Slide]
  public var eras: [Era]?
  /// "human" (default) or "cosmological".
  public var scale: String?

  public init(title: Slide? = nil, events: [Slide], eras: [Era]? = nil, scale: String? = nil) {
    self.title = title
    self.events = events
    self.eras = eras
    self.scale = scale
  }
}
