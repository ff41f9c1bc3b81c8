import Foundation
import Testing

@testable import EventDeck

/// One fixture deck per validation rule, with every diagnostic it must produce, exactly.
struct RuleCase: Sendable, CustomTestStringConvertible {
  var fixture: String
  var expected: [Expected]

  struct Expected: Sendable, Equatable, CustomStringConvertible {
    var severity: Diagnostic.Severity
    var line: Int
    var column: Int
    var message: String
    var hint: String?

    var description: String { "\(line):\(column): \(severity.rawValue): \(message)" }

    static func e(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) -> Expected {
      Expected(severity: .error, line: line, column: column, message: message, hint: hint)
    }

    static func w(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) -> Expected {
      Expected(severity: .warning, line: line, column: column, message: message, hint: hint)
    }
  }

  var testDescription: String { fixture }

}

@Suite("Validation rules, one fixture each")
struct DeckRuleTests {
  static let cases: [RuleCase] = [
    RuleCase(
      fixture: "syntax-error",
      expected: [
        .e(
          5, 1, "YAML syntax error: found unexpected end of stream",
          hint: "check the quotes on this value (while scanning a quoted scalar started at line 3, column 10)")
      ]),
    RuleCase(
      fixture: "duplicate-key",
      expected: [
        .e(
          10, 5, "duplicate key 'name' in one mapping",
          hint: "each key may appear once per item; it is first given at line 9, column 5")
      ]),
    RuleCase(
      fixture: "unknown-key",
      expected: [
        .e(8, 5, "a person is missing `name:`", hint: "add `name:` to it"),
        .e(9, 5, "unknown key 'nmae' in a person", hint: "did you mean 'name'?"),
        .e(
          11, 5, "unknown key 'colour' in a person",
          hint: "known keys: id, name, aliases, role, within, type, tags, source, cite, disable, questions, core"),
      ]),
    RuleCase(
      fixture: "wrong-type",
      expected: [
        .e(9, 11, "`name:` should be text, found a list"),
        .e(10, 14, "`aliases:` should be a list like [a, b], found a mapping"),
        .e(12, 9, "`events:` should be a list of items, each starting with '- ', found 'an-event'"),
      ]),
    RuleCase(
      fixture: "missing-key",
      expected: [
        .e(8, 5, "an event is missing `title:`"),
        .e(11, 5, "an event is missing `id:`"),
      ]),
    RuleCase(
      fixture: "duplicate-id",
      expected: [
        .e(
          12, 9, "duplicate id 'kalbajar'",
          hint: "ids must be unique across the deck; a person already uses it at line 8, column 9")
      ]),
    RuleCase(
      fixture: "invalid-id",
      expected: [
        .e(
          8, 9, "invalid id 'Monte_Melkonian'",
          hint: "ids use lower-case letters, digits and '-' only, e.g. 'monte-melkonian'")
      ]),
    RuleCase(
      fixture: "undefined-reference",
      expected: [
        .e(13, 13, "unknown place 'kalbajar-district' in `within:`"),
        .e(18, 14, "unknown place 'kalbajar-twon' in `places:`", hint: "did you mean 'kalbajar-town'?"),
        .e(19, 14, "unknown person, unit or organisation 'armenian-forces' in `actors:`"),
        .e(20, 10, "unknown era 'the-batle' in `era:`", hint: "did you mean 'the-battle'?"),
        .e(22, 11, "unknown citation key 'wikii'", hint: "citation keys: notes"),
      ]),
    RuleCase(
      fixture: "wrong-kind-reference",
      expected: [
        .e(14, 14, "'kalbajar' in `actors:` is a place, not a person, unit or organisation")
      ]),
    RuleCase(
      fixture: "impossible-date",
      expected: [
        .e(11, 11, "impossible era: it ends (1992) before it starts (1993)"),
        .e(15, 11, "impossible date '1993-02-30': February 1993 has 28 days"),
        .e(19, 11, "impossible date '1993-13': there is no month 13"),
        .e(23, 11, "impossible date: the span ends (1993-02) before it starts (1993-03)"),
        .e(28, 10, "impossible date: the span ends (1993-04-01) before it starts (1993-04-03)"),
        .e(32, 11, "'Aprill 3, 1993' is not a date", hint: HistoricalDate.formsHint),
        .e(36, 11, "impossible date '0 BC': there is no year 0", hint: "1 BC is followed directly by AD 1"),
        .e(
          40, 11, "'late 1987': early, mid and late go with a decade or a century",
          hint: "write e.g. late 1980s or early 11th century, or the year alone"),
        .e(
          44, 11, "'1335s' is not a decade: a decade is named by a year ending in 0",
          hint: "write e.g. 1330s for the years 1330–1339"),
        .e(
          48, 11, "'winter 1993': a winter spans two years",
          hint: "write winter 1992–1993 or winter 1993–1994 (December to February)"),
        .e(53, 10, "impossible date: the span ends (45 BC) before it starts (44 BC)"),
      ]),
    RuleCase(
      fixture: "malformed-quantity",
      expected: [
        .e(
          13, 16, "malformed quantity: `value:` of quantity 'area' is '1,900', not a number",
          hint: "write a plain number without separators or words: 1900"),
        .e(16, 20, "malformed quantity: tolerance -5 is negative"),
        .e(17, 20, "malformed quantity: unknown qualifier 'aproximately'"),
        .e(20, 20, "malformed quantity: unknown qualifier 'abot'", hint: "did you mean 'about'?"),
      ]),
    RuleCase(
      fixture: "fact-term",
      expected: [
        .e(10, 11, "the term '67%' does not appear in the statement of fact 'population'"),
        .e(
          14, 11, "the term 'omar pass' does not appear in the statement of fact 'capitals'",
          hint: "it appears with different capitals; copy it exactly as the statement has it"),
      ]),
    RuleCase(
      fixture: "cards",
      expected: [
        .e(10, 15, "cloze card 'cloze-omar' has no {{blank}} in its question"),
        .e(16, 32, "the wrong option 'gurgen dalibaltyan' of choice card 'who-planned' is its answer"),
        .e(21, 12, "ordering card 'order-one' needs at least 2 items in `order:`, found 1"),
        .e(24, 11, "unknown card kind 'multiple-choice'", hint: "card kinds: typed, choice, ordering, cloze"),
      ]),
    RuleCase(
      fixture: "disable-unknown",
      expected: [
        .e(4, 20, "unknown card kind 'clozes' in `disable:`", hint: "did you mean 'cloze'?"),
        .e(4, 28, "unknown card kind 'timeline' in `disable:`"),
      ]),
    RuleCase(
      fixture: "no-source",
      expected: [
        .w(8, 5, "person 'a' has no source sentence", hint: "add `source:` quoting the sentence it rests on"),
        .w(11, 5, "event 'b' has no source sentence"),
      ]),
    RuleCase(
      fixture: "quote-mismatch",
      expected: [
        .e(10, 13, "cannot read the text of source 'missing' at 'sources/nowhere.txt'"),
        .e(
          20, 14, "the quote does not appear in source 'article' (sources/article.txt)",
          hint:
            "it matches the source as far as '… forces captured an area of more than 1,', then has '800 square kilometre'; copy it exactly"
        ),
      ]),
    RuleCase(
      fixture: "not-a-mapping",
      expected: [
        .e(1, 1, "the top level of a deck should be a mapping (deck:, people:, events: …), found a list")
      ]),
    RuleCase(
      fixture: "empty",
      expected: [
        .e(1, 1, "the file is empty")
      ]),
    RuleCase(
      fixture: "laughs",
      expected: [
        .e(5, 45, "YAML aliases here expand to more than 100000 nodes")
      ]),
    RuleCase(
      fixture: "laughs-as-key",
      expected: [
        .e(5, 45, "YAML aliases here expand to more than 100000 nodes")
      ]),
  ]

  @Test("each rule reports exactly its problems, at their line and column", arguments: cases)
  func rule(_ rule: RuleCase) {
    let report = DeckLoader.lint(fileAt: Fixtures.rule(rule.fixture))
    let found = report.diagnostics.map {
      RuleCase.Expected(
        severity: $0.severity, line: $0.location.line, column: $0.location.column, message: $0.message, hint: nil)
    }
    #expect(
      found
        == rule.expected.map {
          RuleCase.Expected(severity: $0.severity, line: $0.line, column: $0.column, message: $0.message)
        })
    for (expected, diagnostic) in zip(rule.expected, report.diagnostics) {
      if let hint = expected.hint { #expect(diagnostic.hint == hint) }
      #expect(diagnostic.location.file == Fixtures.rule(rule.fixture))
    }
  }

  @Test("a deck with any error does not load, and the thrown error lists the errors")
  func loadThrows() {
    #expect {
      _ = try DeckLoader.load(fileAt: Fixtures.rule("cards"))
    } throws: { error in
      (error as? DeckError)?.errors.count == 4
    }
  }

  @Test("warnings alone do not stop a deck from loading")
  func warningsLoad() throws {
    let deck = try DeckLoader.load(fileAt: Fixtures.rule("no-source"))
    #expect(deck.people.map(\.id) == ["a"])
    #expect(deck.events.first?.quantities.first?.value == 3)
  }

  @Test("diagnostics print as file:line:column: severity: message, then the hint, with control characters shown")
  func rendering() {
    let d = Diagnostic(
      .error, "unknown place 'x\u{1B}[31m'", hint: "did you mean 'y'?",
      at: SourceLocation(file: "Decks/a.yaml", line: 3, column: 7))
    #expect(d.description == "Decks/a.yaml:3:7: error: unknown place 'x^[[31m'\n  hint: did you mean 'y'?")
  }
}
