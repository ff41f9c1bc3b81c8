/// What checking one deck file found: the deck (when it could be read at all) and every problem.
public struct DeckReport: Sendable {
  /// The file as given.
  public var path: String
  /// The deck as read; nil when the file could not be read as a deck at all (syntax error, hostile input).
  public var deck: Deck?
  /// Every problem, in file order.
  public var diagnostics: [Diagnostic]

  public init(path: String, deck: Deck?, diagnostics: [Diagnostic]) {
    self.path = path
    self.deck = deck
    self.diagnostics = diagnostics
  }

  /// The number of errors.
  public var errorCount: Int { diagnostics.count { $0.severity == .error } }

  /// The number of warnings.
  public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
