/// Why a deck could not be loaded: every error found in it (warnings included, for the record).
public struct DeckError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// The errors only.
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  public var description: String {
    errors.map(\.description).joined(separator: "\n")
  }
}
