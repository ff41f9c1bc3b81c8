import Drafting
import Testing

@Suite struct SentenceSplitterTests {
  @Test func abbreviationsInitialsDecimalsQuotesAndBrackets() {
    let doc = SentenceSplitter.split(
      """
      Gen. J. R. Smith reached the U.S. Army camp at 3.5 miles from the river. He said, "We stop here. Then we go." \
      The camp (near St. Louis. It was cold) held. Dr. Brown left!
      """)
    #expect(
      doc.sentences.map(\.text) == [
        "Gen. J. R. Smith reached the U.S. Army camp at 3.5 miles from the river.",
        "He said, \"We stop here. Then we go.\"",
        "The camp (near St. Louis. It was cold) held.",
        "Dr. Brown left!",
      ])
  }

  @Test func headingsOnTheirOwnLineOrRunIn() {
    let doc = SentenceSplitter.split(
      "The War\n\nBackground\nIt began in 1990.[1] The first yearIt was hard. Notes\nReferences\n")
    #expect(doc.title == "The War")
    #expect(doc.headings.map(\.title) == ["Background", "The first year", "Notes", "References"])
    #expect(doc.sentences.map(\.text) == ["It began in 1990.", "It was hard."])
    #expect(doc.sentences.map(\.section) == [0, 1])
    #expect(doc.sentences[0].plain == "It began in 1990.")
  }

  @Test func citationMarksAreLeftOutOfWhatIsRead() {
    let doc = SentenceSplitter.split("Krenz[3] sent him.[2]:344 On 1 November, it opened.")
    #expect(doc.sentences.map(\.text) == ["Krenz[3] sent him.", "On 1 November, it opened."])
    #expect(doc.sentences[0].plain == "Krenz sent him.")
  }
}
