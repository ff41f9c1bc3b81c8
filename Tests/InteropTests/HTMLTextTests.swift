import Testing

@testable import Interop

@Suite struct HTMLTextTests {
  @Test(arguments: [
    ("Fell on <b>April&nbsp;3</b>,<br>1993", "Fell on April 3, 1993"),
    ("<div>the <i>English</i> army</div><br><img src=\"a.png\">", "the English army"),
    ("King John &amp; his barons &lt;1215&gt;", "King John & his barons <1215>"),
    ("&#8220;Eagle&#x201D; &unknown; &", "\u{201C}Eagle\u{201D} &unknown; &"),
    ("<style>.card { color: red }</style>Text", "Text"),
    ("a [sound:bell.mp3] b", "a b"),
    ("esc \u{1B}[31m red\u{202E}", "esc [31m red"),
    ("unclosed <b tag", "unclosed <b tag"),
  ])
  func plainText(html: String, text: String) {
    #expect(HTMLText.plain(html) == text)
  }

  @Test func mediaReferencesInOrder() {
    #expect(
      HTMLText.mediaReferences("<img src=\"map.png\"> [sound:a.mp3] <img src='b&amp;c.jpg'>")
        == ["map.png", "b&c.jpg", "a.mp3"])
  }

  @Test func clozeCardsOnePerNumber() throws {
    let text = "{{c1::Augustus}} became emperor in {{c2::27 BC::year}}; {{c1::he}} ruled long."
    #expect(Cloze.resolved(text) == "Augustus became emperor in 27 BC; he ruled long.")
    let first = try #require(Cloze.blanked(text, number: 1))
    #expect(first.0 == "{{Augustus}} became emperor in 27 BC; […] ruled long.")
    #expect(first.1 == "Augustus")
    let second = try #require(Cloze.blanked(text, number: 2))
    #expect(second.0 == "Augustus became emperor in {{27 BC}}; he ruled long.")
    #expect(Cloze.blanked(text, number: 3) == nil)
  }
}
