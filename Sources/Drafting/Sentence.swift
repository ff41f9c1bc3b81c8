/// One sentence of a source text, as a deck may quote it.
public struct Sentence: Sendable, Equatable {
  /// Position among the document's sentences, from 0.
  public var index: Int
  /// The sentence as the source has it (runs of whitespace as one space, trailing citation marks left off):
  /// what a deck quotes.
  public var text: String
  /// The text with citation marks such as "[4]" or "[a]" removed: what extraction reads.
  public var plain: String
  /// The index of the heading the sentence stands under, or nil before the first heading.
  public var section: Int?

  public init(index: Int, text: String, plain: String, section: Int?) {
    self.index = index
    self.text = text
    self.plain = plain
    self.section = section
  }
}

/// A heading of the source: a short line of its own, or a title run into the next sentence ("BackgroundAn …").
public struct Heading: Sendable, Equatable {
  public var title: String
  /// The index of the first sentence under it.
  public var firstSentence: Int

  public init(title: String, firstSentence: Int) {
    self.title = title
    self.firstSentence = firstSentence
  }
}

/// A source text cut into sentences and headings.
public struct SourceDocument: Sendable, Equatable {
  /// The first line when it is a heading before any sentence: the article's title.
  public var title: String?
  public var headings: [Heading]
  public var sentences: [Sentence]

  public init(title: String?, headings: [Heading], sentences: [Sentence]) {
    self.title = title
    self.headings = headings
    self.sentences = sentences
  }
}
