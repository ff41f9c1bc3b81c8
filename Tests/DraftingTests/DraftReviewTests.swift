import CardBuilder
import Drafting
import EventDeck
import LineEditing
import Testing

/// The review walk-through on a scripted reader: the same session the terminal runs.
@Suite struct DraftReviewTests {
  static let text = """
    The Siege

    On May 9, 1992, Armenian forces captured the mountain stronghold of Shusha. General Gurgen Dalibaltyan planned \
    the operation near the village of Aghdaban. Later, Dalibaltyan said the capture of Shusha in 1992 was decisive.
    """

  static func draft() -> Draft { Drafter.draft(text: text, options: DraftOptions(id: "siege", sourceFile: "siege.txt")) }

  func review(_ lines: [ReadResult]) -> (Draft?, String, ScriptedLineReader) {
    let reader = ScriptedLineReader(lines)
    var out = ""
    let result = DraftReview(draft: Self.draft(), reader: reader) { out += $0 }.run()
    return (result, out, reader)
  }

  @Test func acceptSkipRenameKindAndQuestion() throws {
    let original = Self.draft().deck
    #expect(original.people.map(\.name) == ["Gurgen Dalibaltyan"])
    #expect(original.places.map(\.name) == ["Shusha", "Aghdaban"])
    #expect(original.events.count == 2)
    let (reviewed, out, reader) = review([
      .line(""),  // Gurgen Dalibaltyan: accepted
      .line("r Shushi"),  // Shusha renamed …
      .line(""),  // … then accepted
      .line("k person"),  // Aghdaban becomes a person (a wrong guess, undone below by the teacher's next choice)
      .line("s"),  // … and is skipped
      .line("q When did Armenian forces take Shusha?"),  // the first event's question
      .line(""),
      .line("s"),  // the second event is skipped
    ])
    let deck = try #require(reviewed).deck
    #expect(deck.people.map(\.name) == ["Gurgen Dalibaltyan"])
    #expect(deck.places.map(\.name) == ["Shushi"])
    #expect(deck.places[0].aliases.contains("Shusha"))
    #expect(deck.events.count == 1)
    #expect(deck.events[0].questions["date"] == "When did Armenian forces take Shusha?")
    // Nothing left points at the skipped place.
    #expect(deck.events.allSatisfy { !$0.places.contains("aghdaban") && !$0.actors.contains("aghdaban") })
    #expect(out.contains("[1/"))
    #expect(out.contains("person: Gurgen Dalibaltyan"))
    #expect(out.contains("renamed"))
    #expect(reader.prompts.allSatisfy { $0 == "review> " })
    // The reviewed deck still writes and reads back.
    #expect(try reviewed!.yaml().contains("name: Shushi"))
  }

  @Test func ctrlCTwiceQuitsWithoutWritingAndCtrlDKeepsTheRest() {
    let (quit, out, _) = review([.interrupted(discarded: ""), .interrupted(discarded: "")])
    #expect(quit == nil)
    #expect(out.contains("Ctrl-C again quits without writing"))
    let (kept, _, _) = review([.line("s"), .endOfInput])
    #expect(kept?.deck.people.isEmpty == true)
    #expect(kept?.deck.places.count == 2)
    let (done, _, _) = review([.line("done")])
    #expect(done?.deck.events.count == 2)
  }

  @Test func badCommandsExplainThemselves() {
    let (_, out, _) = review([.line("k planet"), .line("zap"), .line("r"), .endOfInput])
    #expect(out.contains("kind must be person, place, unit or organisation"))
    #expect(out.contains("unknown command 'zap'"))
    #expect(out.contains("rename to what?"))
  }
}
