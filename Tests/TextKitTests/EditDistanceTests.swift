import Testing
import TextKit

@Suite("Suggestions for misspellings")
struct EditDistanceTests {
  @Test(
    "distance counts insertions, deletions, substitutions and swaps",
    arguments: [("name", "nmae", 1), ("title", "title", 0), ("qualifier", "qualifer", 1), ("abc", "", 3)])
  func distance(_ a: String, _ b: String, _ d: Int) {
    #expect(EditDistance.between(a, b) == d)
  }

  @Test("a suggestion is offered only when it is close")
  func suggestion() {
    #expect(EditDistance.suggestion(for: "licence", among: ["license", "title"]) == "license")
    #expect(EditDistance.suggestion(for: "colour", among: ["name", "role"]) == nil)
    #expect(EditDistance.suggestion(for: "Licence", among: ["title", "license"]) == "license")
  }

  @Test("the limit stops early but never hides a distance within it")
  func limit() {
    #expect(EditDistance.between("kalbajar", "kalbjaar", limit: 1) == 1)
    #expect(EditDistance.between("kalbajar", "omar", limit: 2) > 2)
    #expect(EditDistance.between("Kalbajar", "kalbajar") == 1)
  }
}
