import Drafting
import Foundation
import Testing

@Suite struct DumpTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["DRAFT_DUMP"] != nil))
  func dump() throws {
    for name in ["gettysburg.txt", "caesar.txt", "berlin-wall.txt"] {
      let draft = Drafter.draft(text: try Texts.text(Texts.fixture(name)), options: DraftOptions(id: "x", sourceFile: name))
      print("== \(name)")
      for (i, s) in draft.document.sentences.enumerated() { print("s\(i): \(s.text)") }
      for h in draft.document.headings { print("heading '\(h.title)' at s\(h.firstSentence)") }
      for line in Texts.tables(draft) { print(line) }
      for f in draft.audit() { print("AUDIT \(f)") }
    }
    let k = Drafter.draft(text: try Texts.text(Texts.kalbajarSource), options: DraftOptions(id: "k", sourceFile: "k.txt"))
    print("== kalbajar")
    for f in k.audit() { print("AUDIT \(f)") }
  }
}
