import Testing

@testable import LineEditing

@Suite struct CompletionTests {
  let commands = [":hint", ":help", ":skip", ":undo", ":quit"]

  @Test func uniquePrefixCompletesTheWord() {
    #expect(Completion.complete(line: ":he", among: commands) == .insert(suffix: "lp", complete: true))
    #expect(Completion.complete(line: ":u", among: commands) == .insert(suffix: "ndo", complete: true))
  }

  @Test func sharedPrefixIsListedWhenNothingMoreCanBeInserted() {
    #expect(Completion.complete(line: ":h", among: commands) == .ambiguous([":help", ":hint"]))
  }

  @Test func longestSharedContinuationIsInserted() {
    #expect(
      Completion.complete(line: "Kal", among: ["Kalbajar District", "Kalbajar town"])
        == .insert(suffix: "bajar ", complete: false))
  }

  @Test func namesWithSpacesCompleteFromAnEarlierWord() {
    #expect(
      Completion.complete(line: "it was Monte Mel", among: ["Monte Melkonian", "Serzh Sargsyan"])
        == .insert(suffix: "konian", complete: true))
  }

  @Test func completionIgnoresCaseOfWhatWasTyped() {
    #expect(Completion.complete(line: "serzh", among: ["Serzh Sargsyan"]) == .insert(suffix: " Sargsyan", complete: true))
  }

  @Test func nothingMatchesGivesNone() {
    #expect(Completion.complete(line: "zzz", among: commands) == .none)
  }
}
