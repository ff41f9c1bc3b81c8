import DeckFixtures
import EventDeck
import Foundation
import Testing
@testable import TextKit

@testable import CardBuilder

/// The card builder reads ASCII text byte by byte where it used to read characters (issue 10's speed-up). Each
/// byte path is held here to the character path it replaces, on every text of the Kalbajar deck, the fixture deck
/// and a generated deck, and on edge cases written for the rules the byte paths copy: apostrophes, a final full
/// stop, parentheses, doubled words, tabs and newlines, punctuation at both ends, "place" in any case.
@Suite struct BytePathTests {
  static let kalbajar = try! DeckLoader.load(
    fileAt: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Decks/kalbajar.yaml").standardized.path)

  static let edgeCases = [
    "", " ", "  x  ", "x's", "'s", "X'S forces", "O'Neil's men", "the commander`s unit", "it's", "rock 'n' roll",
    "A.B. and the U.S., Russia and Turkey.", "He said: \"go\".", "(aside) then (nested (deep) still) done.",
    "the the capture", "The THE the", "a an the ship", "of of", "did did they", "was was", "In in",
    "tabs\tand\nnewlines  and   spaces", "ends with a question?", "ends with dots...", "trailing , comma ,",
    "took place", "Taken Place here", "take PLACE,", "took placement", "took plac", "took places.",
    "\"Quoted,\" she said; then: (left)!", ",;:.\"()!?", "x,", ".x.", "Mi-8 and GAZ-52 at 709th brigade",
    "crlf\r\nline", "mixed Özal text", "caf\u{65}\u{301} place\u{301}", "\u{201C}curly quotes\u{201D}",
  ]

  /// Every text of the three decks (titles, summaries, stems, sources, names, aliases, questions) and the edge
  /// cases.
  static let texts: [String] = {
    var out = edgeCases
    for deck in [kalbajar, FixtureDeck.deck, GeneratedDeck.deck(events: 200)] {
      for event in deck.events {
        out += [event.title, event.summary, event.stem, event.source?.text, event.outcome].compactMap { $0 }
        out += event.quantities.compactMap(\.question)
        out += event.questions.values
      }
      for entity in deck.entities { out += entity.allNames + [entity.role].compactMap { $0 } }
      for fact in deck.facts { out += [fact.statement, fact.term] + [fact.question].compactMap { $0 } }
    }
    return out
  }()

  @Test func tokensMatchTheFoldingPath() {
    for text in Self.texts where text.utf8.allSatisfy({ $0 < 0x80 }) {
      #expect(AnswerText.asciiTokens(text) == AnswerText.foldedTokens(text), "\(text)")
      var streamed: [String] = []
      let read = AnswerText.eachASCIIToken(text) { streamed.append(String(decoding: $0, as: UTF8.self)) }
      #expect(read && streamed == AnswerText.rawTokens(text), "\(text)")
    }
    #expect(!AnswerText.eachASCIIToken("Özal") { _ in })
  }

  @Test func questionsMatchTheCharacterPath() {
    for text in Self.texts {
      #expect(Phrasing.question(text) == Phrasing.question(text, bytewise: false), "\(text)")
    }
    // The earlier of two doubled words goes, then the earlier of two articles.
    #expect(Phrasing.question("the the a capture of of Shusha.") == "A capture of Shusha?")
    #expect(Phrasing.question("  the an of of in. ,?") == "An of in?")
    #expect(Phrasing.question(" ., ") == "?")
  }

  @Test func capitalsMatchTheCharacterPath() {
    for text in Self.texts + ["", "a", "é", "e\u{301}té", "\r\nthe", "a\nb", "1993 war", "ßtraße", "the capture"] {
      #expect(Phrasing.capitalizedFirst(text) == Phrasing.capitalizedFirst(text, bytewise: false), "\(text)")
    }
    #expect(Phrasing.capitalizedFirst("the capture of Shusha") == "The capture of Shusha")
  }

  @Test func sentenceWordsMatchTheCharacterPath() {
    for text in Self.texts {
      let fast = QuestionBuilder.words(text)
      let slow = QuestionBuilder.words(text, bytewise: false)
      #expect(fast.map(\.text) == slow.map(\.text), "\(text)")
      #expect(fast.map(\.lower) == slow.map(\.lower), "\(text)")
      #expect(fast.map(\.pause) == slow.map(\.pause), "\(text)")
      for chunk in text.split(separator: " ") {
        #expect(QuestionBuilder.bare(chunk) == QuestionBuilder.bare(chunk, bytewise: false), "\(chunk)")
      }
      for word in text.split(separator: " ").map(String.init) {
        #expect(QuestionBuilder.startsWithPlace(word) == word.lowercased().hasPrefix("place"), "\(word)")
        #expect(QuestionBuilder.startsLowercase(word) == (word.first?.isLowercase == true), "\(word)")
      }
    }
  }

  @Test func learntCapitalsMatchTheCharacterPath() {
    let fast = QuestionBuilder(texts: Self.texts)
    let slow = QuestionBuilder(texts: Self.texts, bytewise: false)
    #expect(fast.capitalized == slow.capitalized)
    #expect(fast.lowercase == slow.lowercase)
    #expect(fast.capitalized.contains("kalbajar"))
  }

  @Test func giveawaysMatchTheWordListPath() {
    let answers = Self.kalbajar.entities.map(\.name) + ["April 3, 1993", "Armenian forces", "60,000", "the"]
    for prompt in Self.texts.prefix(400) {
      for answer in answers {
        let words = Giveaway.distinctiveWords(of: answer)
        #expect(
          Giveaway.givesAway(words: words, prompt: prompt) == Giveaway.givesAway(words: words, prompt: prompt, bytewise: false),
          "\(answer) in \(prompt)")
      }
    }
    #expect(Giveaway.givesAway(answer: "Kalbajar District", prompt: "Where is Kalbajar's district?"))
    #expect(!Giveaway.givesAway(answer: "Kalbajar District", prompt: "Where is Kalbajari district?"))
    // Words found only once an apostrophe is dropped, or in capitals, are still found.
    #expect(Giveaway.givesAway(answer: "Oclock", prompt: "What happened at five o'clock?"))
    #expect(Giveaway.givesAway(answer: "Azerbaijani forces", prompt: "Where did AZERBAIJANI troops go?"))
    // Never a word the text has; nearly always a word it lacks.
    var lacked = 0
    var others = 0
    let vocabulary = Set(Self.texts.flatMap(AnswerText.rawTokens)).filter { $0.utf8.count > 2 }.sorted().prefix(300)
    for text in Self.texts.prefix(300) {
      let own = AnswerText.rawTokens(text)
      for word in own { #expect(!AnswerText.surelyLacks(anyOf: [word], text: text), "\(word) in \(text)") }
      for word in vocabulary where !own.contains(word) && !text.lowercased().contains(word) {
        others += 1
        if AnswerText.surelyLacks(anyOf: [word], text: text) { lacked += 1 }
      }
    }
    #expect(lacked * 10 >= others * 8, "\(lacked) of \(others)")
    #expect(AnswerText.surelyLacks(anyOf: ["kalbajar"], text: "Who took Shusha?"))
    #expect(!AnswerText.surelyLacks(anyOf: ["shusha"], text: "Who took SHUSHA?"))
    #expect(!AnswerText.surelyLacks(anyOf: ["oclock", "kalbajars"], text: "At o'clock, Kalbajar's?"))
    #expect(!AnswerText.surelyLacks(anyOf: ["ozal"], text: "Who was Özal?"))
    #expect(!AnswerText.surelyLacks(anyOf: ["x", "1"], text: "none"))
  }

  @Test func fittingMatchesTheWordListPath() {
    // Every pool of the three decks against questions from the texts: the same options left, in the same order.
    var ruledOut = 0
    for deck in [Self.kalbajar, FixtureDeck.deck, GeneratedDeck.deck(events: 200)] {
      let builder = CardBuilder(deck: deck)
      let prompts = Self.edgeCases + deck.events.prefix(60).flatMap { [$0.title, $0.summary ?? "", "Which of these \($0.title)s?"] }
        + ["Which of these fought the Azerbaijani forces?", "Which of these led the armies and brigades?"]
      for (_, pool) in builder.pools.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        for prompt in prompts {
          let fast = builder.fitting(pool, prompt: prompt, era: nil, count: pool.count)
          let slow = builder.fitting(pool, prompt: prompt, era: nil, count: pool.count, bytewise: false)
          #expect(fast.map(\.id) == slow.map(\.id), "\(prompt)")
          ruledOut += pool.count - fast.count
        }
      }
    }
    #expect(ruledOut > 100)
    #expect(CardBuilder.askedHay("The armies' brigades, (and) bus") == " the armies armie brigades brigade and bus ")
    #expect(CardBuilder.askedHay("caf\u{E9}") == nil)
  }

  @Test func hayAndIdStringsMatchTheirPlainConstruction() {
    // `asciiWords(of:after:)` and `askedHay` write into a string sized beforehand; `joinedBySlash` copies the ids'
    // pieces in. Each against the same string built word by word, on every text (the long ones clipped or not).
    var read = 0
    for text in Self.texts {
      let words = AnswerText.rawTokens(text)
      if let (hay, count) = CardBuilder.asciiWords(of: text, after: " lead ") {
        #expect(hay == " lead " + words.map { $0 + " " }.joined(), "\(text)")
        #expect(count == words.count, "\(text)")
        read += 1
      }
      if let asked = CardBuilder.askedHay(text) {
        let expected = " " + words.map { w in w + " " + (w.count > 4 && w.hasSuffix("s") ? String(w.dropLast()) + " " : "") }.joined()
        #expect(asked == expected, "\(text)")
      }
      let long = String(repeating: text + " ", count: 40)
      if let (hay, _) = CardBuilder.asciiWords(of: long, after: "") {
        #expect(hay == AnswerText.rawTokens(long).map { $0 + " " }.joined())
      }
    }
    #expect(read > Self.texts.count / 2)
    #expect(CardBuilder.joinedBySlash("kalbajar", "shusha", "choice", "place") == "kalbajar/shusha/choice/place")
    #expect(CardBuilder.joinedBySlash("k\u{259}lb\u{259}c\u{259}r", "ev", "date", nil) == "k\u{259}lb\u{259}c\u{259}r/ev/date")
    #expect(CardBuilder.joinedBySlash("", "x", nil, "") == "/x/")
    let long = String(repeating: "gen", count: 20)
    #expect(CardBuilder.joinedBySlash(long, long, long, long) == [long, long, long, long].joined(separator: "/"))
  }

  @Test func blanksMatchTheFoundationPath() {
    var blanked = 0
    for deck in [Self.kalbajar, FixtureDeck.deck] {
      let names = deck.entities.flatMap(\.allNames)
      for event in deck.events {
        guard let quote = event.source?.text else { continue }
        for name in names where quote.range(of: name, options: .caseInsensitive) != nil {
          let protected = names.filter { $0.count > name.count && $0.range(of: name, options: .caseInsensitive) != nil }
          let fast = CardBuilder.blank(name, in: quote, protecting: protected)
          let slow = CardBuilder.blank(name, in: quote, protecting: protected, bytewise: false)
          #expect(fast?.text == slow?.text && fast?.found == slow?.found, "\(name) in \(quote)")
          if fast != nil { blanked += 1 }
        }
      }
    }
    #expect(blanked > 50)
    // A match right after a blank: the general path looks at the blank's "_", and so does the byte path.
    for (term, text) in [("ab", "abab ab"), ("a", "a a,a"), ("x", "x"), ("Kal", "kalKal kal"), ("b", "abc")] {
      let fast = CardBuilder.blank(term, in: text)
      let slow = CardBuilder.blank(term, in: text, bytewise: false)
      #expect(fast?.text == slow?.text && fast?.found == slow?.found, "\(term) in \(text)")
    }
  }

  @Test func caseInsensitiveSearchMatchesFoundation() {
    for (needle, haystack) in [("shusha", "The capture of SHUSHA"), ("pass", "Omar Pass"), ("x", ""), ("ab", "a"),
                               ("Kalbajar District", "kalbajar district"), ("q", "no such letter")] {
      #expect(
        UTF8Search.containsIgnoringCase(needle, in: haystack)
          == (haystack.range(of: needle, options: .caseInsensitive) != nil), "\(needle) in \(haystack)")
    }
    #expect(UTF8Search.containsIgnoringCase("ozal", in: "Özal") == nil)
  }
  @Test func numbersMatchTheCharacterPath() {
    var values: [Double] = [0, -0.0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 1234, 9999, 10_000, 12_345, 99_999,
                            100_000, 123_456, 999_999, 1_000_000, 1_234_567, -7_654_321, 999_999_999_999_999, 1e15,
                            -1e15, 2.5, -0.25, 1e20, 1900.5, .infinity, -.infinity, .nan]
    var seed: UInt64 = 7
    for _ in 0..<500 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1
      values.append(Double(Int64(bitPattern: seed) >> Int64(seed % 60)))
    }
    for value in values { #expect(Phrasing.number(value) == Phrasing.numberByCharacters(value), "\(value)") }
    #expect(Phrasing.number(-1_234_567) == "-1,234,567")
    #expect(Phrasing.number(1900) == "1,900")
  }

  @Test func mentionsMatchTheWordPath() {
    for deck in [Self.kalbajar, FixtureDeck.deck, GeneratedDeck.deck(events: 200)] {
      let lexicon = Lexicon(deck: deck)
      var named = 0
      for text in Self.texts {
        let found = lexicon.mentions(in: text)
        #expect(found == lexicon.wordMentions(in: text), "\(text)")
        named += found.count
      }
      // The decks' own names are found in their texts: the comparison is not between two empty lists.
      #expect(named > deck.entities.count, "\(named) mentions")
    }
  }

  @Test func mentionsOfOverlappingAndChangedNames() {
    var lexicon = Lexicon()
    lexicon.add(Entity(id: "omar", kind: .place, name: "Omar Pass", aliases: ["the Omar mountain pass"]))
    lexicon.add(Entity(id: "omar-town", kind: .place, name: "Omar"))
    lexicon.add(Entity(id: "melkonian", kind: .person, name: "Monte Melkonian"))
    lexicon.add(Entity(id: "mi8", kind: .unit, name: "Mi-8"))
    // A sign whose canonical decomposition is ASCII ("K"), a name folded to ASCII, and one no ASCII text spells.
    lexicon.add(Entity(id: "kelvin", kind: .unit, name: "Unit \u{212A}9"))
    lexicon.add(Entity(id: "ozal", kind: .person, name: "Özal"))
    lexicon.add(Entity(id: "kelbajar", kind: .place, name: "Кельбаджар"))
    let texts = [
      "Melkonian's men crossed the Omar Pass near Omar.", "the omar mountain pass", "OMAR", "omarpass", "mi 8 and mi8",
      "Monte Melkonian's Mi-8", "unit k9", "Ozal and Özal", "pass omar", "", "Kelbajar", "Кельбаджар",
    ]
    for text in texts { #expect(lexicon.mentions(in: text) == lexicon.wordMentions(in: text), "\(text)") }
    #expect(lexicon.mentions(in: "Melkonian's men crossed the Omar Pass near Omar.") == ["omar", "omar-town"])
    #expect(lexicon.mentions(in: "Monte Melkonian's Mi-8") == ["melkonian", "mi8"])
    #expect(lexicon.mentions(in: "Ozal") == ["ozal"])
    #expect(lexicon.mentions(in: "in Кельбаджар") == ["kelbajar"])
    // An entity added again under another name is no longer found by the name it dropped.
    lexicon.add(Entity(id: "omar", kind: .place, name: "Omar Gap"))
    #expect(lexicon.mentions(in: "the Omar Pass") == ["omar-town"])
    #expect(lexicon.mentions(in: "the omar gap") == ["omar", "omar-town"])
    #expect(lexicon.mentions(in: "the Omar Pass") == lexicon.wordMentions(in: "the Omar Pass"))
  }

  @Test func quotesMatchTheCharacterPath() {
    for text in Self.texts + ["a\u{301}ccent", "\u{E9}t\u{E9}", "1\u{301}", "x", "Ünal", "\u{201C}"] {
      #expect(CardBuilder.quoted(text) == CardBuilder.quotedByCharacters(text), "\(text)")
    }
    #expect(CardBuilder.quoted("the enclave") == "\u{201C}\u{2026}the enclave\u{201D}")
    #expect(CardBuilder.quoted("The enclave") == "\u{201C}The enclave\u{201D}")
    #expect(CardBuilder.quoted("") == "\u{201C}\u{201D}")
  }

  @Test func distinctiveWordsMatchTheTokenPath() {
    for text in Self.texts + ["the", "The A", "an of the forces", "Samvel Karapetyan's unit", "14 March 1993"] {
      #expect(Giveaway.distinctiveWords(of: text) == Giveaway.distinctiveWords(of: text, bytewise: false), "\(text)")
    }
    #expect(Giveaway.distinctiveWords(of: "Samvel Karapetyan's unit") == ["samvel", "karapetyan"])
    #expect(Giveaway.distinctiveWords(of: "the forces of the district").isEmpty)
  }

  @Test func accountsMatchTheTokenPath() {
    let titles = Self.texts + [
      "Sargsyan's account of the battle", "the first second third fourth statement", "one two three four five report",
      "Interview with Melkonian", "STATEMENTS", "accountant's claimed", "Denial",
    ]
    for title in titles {
      #expect(
        QuestionBuilder.isAccount(title: title, bytewise: true) == QuestionBuilder.isAccount(title: title, bytewise: false),
        "\(title)")
    }
    #expect(QuestionBuilder.isAccount(title: "Sargsyan's account of the battle", bytewise: true))
    #expect(!QuestionBuilder.isAccount(title: "one two three four five report", bytewise: true))
    #expect(QuestionBuilder.isAccount(title: "one two three four report", bytewise: true))
  }

  @Test func joinsMatchTheStandardLibrary() {
    let parts = ["Capture of Shusha", "", "Özal's visit", "Battle of Kalbajar"]
    for count in 0...parts.count {
      for separator in [" → ", "", "/"] {
        let some = Array(parts.prefix(count))
        #expect(CardBuilder.joined(some, separator: separator) == some.joined(separator: separator))
      }
    }
    #expect(CardBuilder.spaced("Who", "carried out", "the capture") == "Who carried out the capture")
    #expect(CardBuilder.spaced("Where was", "") == "Where was ")
    #expect(CardBuilder.joinedBySlash("kalbajar", "e1", "choice", "date") == "kalbajar/e1/choice/date")
  }

  @Test func keysMatchTheTokenPath() {
    let more = ["the", "The A", "a an the", "the the capture", "An Armenian unit", "The  Omar  Pass.", "an", "x", "A's"]
    for text in Self.texts + more {
      #expect(AnswerText.key(text) == AnswerText.tokens(text).joined(separator: " "), "\(text)")
      #expect(AnswerText.compactKey(text) == AnswerText.tokens(text).joined(), "\(text)")
    }
    #expect(AnswerText.key("The  Omar  Pass.") == "omar pass")
    #expect(AnswerText.key("a an the") == "the")
    #expect(AnswerText.compactKey("Mi-8") == "mi8")
    #expect(AnswerText.asciiKey("Özal", spaced: true) == nil)
  }

  @Test func rolesAndDescriptionsMatchTheCharacterPath() {
    let more = [
      "member of the council", "Leader", "Armenia's envoy to", "one of many", "  spaced   role ", "soldier",
      "town, district centre", ",leading comma", "river", "mountain pass, north", "a\u{301} accented, part",
    ]
    let entity = Entity(id: "x", kind: .place, name: "Omar Pass")
    for text in Self.texts + more {
      #expect(Phrasing.definite(text) == Phrasing.definite(text, bytewise: false), "\(text)")
      #expect(
        CardBuilder.isInformative(text, about: entity) == CardBuilder.isInformative(text, about: entity, bytewise: false),
        "\(text)")
    }
    #expect(Phrasing.definite("member of the council") == "a member of the council")
    #expect(Phrasing.definite("Armenia's envoy") == "Armenia's envoy")
    #expect(!CardBuilder.isInformative("mountain pass, north", about: entity))
    #expect(CardBuilder.isInformative("mountain road, north", about: entity))
  }
}
