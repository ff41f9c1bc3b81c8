/// Colours for the session's own text; every method returns its input unchanged when colour is off.
public struct Style: Sendable {
  /// Whether escape codes are written at all.
  public let colour: Bool

  /// A style that colours only when `colour` is true.
  public init(colour: Bool) { self.colour = colour }

  /// Bold text.
  public func bold(_ text: String) -> String { wrap(text, "1") }
  /// Dim text, for secondary details.
  public func dim(_ text: String) -> String { wrap(text, "2") }
  /// Green text, for a correct answer.
  public func good(_ text: String) -> String { wrap(text, "32") }
  /// Red text, for a miss.
  public func bad(_ text: String) -> String { wrap(text, "31") }
  /// Yellow text, for a near miss or a warning.
  public func warn(_ text: String) -> String { wrap(text, "33") }
  /// Cyan text, for prompts and headings.
  public func accent(_ text: String) -> String { wrap(text, "36") }

  private func wrap(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
