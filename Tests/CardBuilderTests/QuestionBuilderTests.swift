import EventDeck
import Testing

@testable import CardBuilder

/// Summaries turned into questions: regular and irregular verbs, the passive, "had" + participle, sentences of
/// several clauses, and the dates and numbers a question must not state.
@Suite struct QuestionBuilderTests {
  /// Names written with a capital inside sentences, as a deck would teach the builder.
  let questions = QuestionBuilder(texts: [
    "the capture of Shusha by Armenian forces", "the return of Kalbajar to Azerbaijani control",
    "the arrival of Melkonian's forces at the Tartar River", "the flare-up of small-scale violence",
    "the flight of civilians from Kalbajar", "the units in Aghdaban and Nareshtar", "the U.S., Russia and Turkey",
    "a unit led by Samvel Karapetyan", "the village of Charektar", "a speech by Turgut Özal", "news of Heydar Aliyev",
  ])

  static func date(_ text: String) -> DateSpec { DateSpec.read(text)! }

  @Test(arguments: [
    // Regular verbs: "-ed" after a consonant, a silent "e", a doubled consonant, "-ied", "-eed".
    ("Armenian forces captured Shusha.", "1992-05-09", "On what date did Armenian forces capture Shusha?"),
    ("Melkonian's forces reached the Tartar River.", "1993-03-31", "On what date did Melkonian's forces reach the Tartar River?"),
    ("Armenian forces stopped the advance.", "1992-10", "In what month and year did Armenian forces stop the advance?"),
    ("The column carried refugees out of Kalbajar.", "1993-04", "In what month and year did the column carry refugees out of Kalbajar?"),
    ("The Nagorno-Karabakh leadership agreed to the plan.", "1993-06", "In what month and year did the Nagorno-Karabakh leadership agree to the plan?"),
    ("Ter-Petrosyan travelled to Stepanakert.", "1993-06", "In what month and year did Ter-Petrosyan travel to Stepanakert?"),
    ("The Azerbaijani defence collapsed.", "1993-04-03", "On what date did the Azerbaijani defence collapse?"),
    // Irregular verbs.
    ("The provincial capital fell.", "1993-04-03", "On what date did the provincial capital fall?"),
    ("Armenian forces took the district.", "1993-04", "In what month and year did Armenian forces take the district?"),
    ("Armenian forces began to retake territory in the north.", "by 1993-02", "By what month had Armenian forces begun to retake territory in the north?"),
    ("Heydar Aliyev rose to the presidency.", "circa 1993-06", "Around when did Heydar Aliyev rise to the presidency?"),
    ("Melkonian sent a detachment to guard the tunnel.", "1993-04-02", "On what date did Melkonian send a detachment to guard the tunnel?"),
    ("Elchibey fled Baku.", "circa 1993-06", "Around when did Elchibey flee Baku?"),
    // The passive, and "by": "had … been".
    ("Kalbajar was returned to Azerbaijani control.", "2020-11-25", "On what date was Kalbajar returned to Azerbaijani control?"),
    ("Kalbajar was virtually surrounded.", "1993-02/1993-03", "When was Kalbajar virtually surrounded?"),
    ("The town was taken.", "by 1993-04-03", "By what date had the town been taken?"),
    // "had" + participle.
    ("The Armenian forces had encircled the capital and resistance had weakened.", "by 1993-04-03", "By what date had the Armenian forces encircled the capital?"),
    // Several clauses: the leading clause and what follows the main clause are left out.
    ("After initial heavy resistance, the Azerbaijani defence quickly collapsed and the provincial capital fell.", "1993-04-03", "On what date did the Azerbaijani defence quickly collapse?"),
    ("Soon after taking Shusha, Armenian forces established a land connection through Lachin.", "after 1992-05-09", "When did Armenian forces establish a land connection through Lachin?"),
    ("Armenian forces captured Lachin, the only time they advanced beyond the enclave.", "1992", "In what year did Armenian forces capture Lachin?"),
    ("The Armenian offensive commenced, but only two units moved out.", "1993-03-27", "On what date did the Armenian offensive commence?"),
    ("A few days before the operation began, Armenian forces warned the Azerbaijanis.", "before 1993-03-27", "When did Armenian forces warn the Azerbaijanis?"),
    ("The battered village of Charektar, already fought over in earlier weeks, was reinforced by foreign fighters.", "1993-03-27", "On what date was the battered village of Charektar reinforced by foreign fighters?"),
    ("The U.S., Russia and Turkey reiterated the call for withdrawal.", "1993-05-06", "On what date did the U.S., Russia and Turkey reiterate the call for withdrawal?"),
    // The date and the event's numbers are not told in the question.
    ("Melkonian ordered a halt until the column dried up in the early afternoon of April 1.", "1993-04-01", "On what date did Melkonian order a halt until the column dried up?"),
    ("Melkonian's forces advanced twenty-nine kilometres and reached the Tartar River.", "1993-03-31", "On what date did Melkonian's forces reach the Tartar River?"),
    ("Elchibey declared a two-month state of emergency.", "1993-04-12", "On what date did Elchibey declare a state of emergency?"),
    // Never "did … take place".
    ("The battle took place near the river.", "1993-03", "In what month and year did the battle happen near the river?"),
  ])
  func summariesBecomeDateQuestions(summary: String, date: String, question: String) throws {
    let clause = try #require(questions.clause(summary, numbers: [29, 2]), "\(summary)")
    #expect(questions.dateQuestion(clause, date: Self.date(date)) == question)
  }

  /// A numeral that labels a name is part of the name; a count the event states is still left out, with its hedge.
  @Test(arguments: [
    ("Resolution 822 demanded the withdrawal of the occupying forces.", 822.0,
     "On what date did Resolution 822 demand the withdrawal of the occupying forces?"),
    ("Event 0 happened.", 0, "On what date did Event 0 happen?"),
    ("Some 5,000 troops crossed the river.", 5_000, "On what date did troops cross the river?"),
    ("The 300 Spartans held the pass.", 300, "On what date did the Spartans hold the pass?"),
    ("Armenian forces took 40 villages.", 40, "On what date did Armenian forces take villages?"),
  ])
  func labelsStayAndCountsGo(summary: String, number: Double, question: String) throws {
    let clause = try #require(questions.clause(summary, numbers: [number]), "\(summary)")
    #expect(questions.dateQuestion(clause, date: Self.date("1993-04-30")) == question)
  }

  @Test(arguments: [
    ("Armenian forces captured Shusha.", "Who captured Shusha?", "Where did Armenian forces capture Shusha?"),
    ("A unit of 200 men was intercepted and defeated by Samvel Karapetyan's unit.",
     "Who intercepted and defeated a unit of 200 men?", "Where was a unit of 200 men intercepted and defeated by Samvel Karapetyan's unit?"),
    ("Kalbajar was returned to Azerbaijani control by Armenian troops.",
     "Who returned Kalbajar to Azerbaijani control?", "Where was Kalbajar returned to Azerbaijani control by Armenian troops?"),
    ("Armenian forces had taken the town.", "Who had taken the town?", "Where had Armenian forces taken the town?"),
  ])
  func summariesBecomeActorAndPlaceQuestions(summary: String, actor: String, place: String) throws {
    let clause = try #require(questions.clause(summary))
    #expect(questions.actorQuestion(clause) == actor)
    #expect(questions.placeQuestion(clause) == place)
  }

  @Test func outcomesAskWhatFollowed() throws {
    let clause = try #require(questions.clause("Melkonian's forces reached the Tartar River."))
    #expect(questions.outcomeQuestion(clause) == "What followed when Melkonian's forces reached the Tartar River?")
  }

  /// Sentences that do not read as subject, verb, predicate give no clause: the card builder then uses the stem or
  /// the title rather than a garbled question.
  @Test(arguments: [
    "Melkonian's armoured column moved out late, met tenacious resistance and was forced to retreat.",
    "For two days a massive refugee column, bumper to bumper, trudged through the intersection.",
    "They advanced twenty-nine kilometres.",
    "Melkonian's troops, taking the truck for a military vehicle, destroyed it.",
    "The battle of the river.",
  ])
  func sentencesThatDoNotTurn(summary: String) {
    #expect(questions.clause(summary) == nil, "\(summary)")
  }

  @Test(arguments: [
    ("captured", "capture", "captured"), ("stopped", "stop", "stopped"), ("carried", "carry", "carried"),
    ("agreed", "agree", "agreed"), ("reached", "reach", "reached"), ("encircled", "encircle", "encircled"),
    ("evacuated", "evacuate", "evacuated"), ("retreated", "retreat", "retreated"), ("travelled", "travel", "travelled"),
    ("killed", "kill", "killed"), ("declared", "declare", "declared"), ("ordered", "order", "ordered"),
    ("commenced", "commence", "commenced"), ("collapsed", "collapse", "collapsed"), ("managed", "manage", "managed"),
    ("decided", "decide", "decided"), ("provoked", "provoke", "provoked"), ("destroyed", "destroy", "destroyed"),
    ("returned", "return", "returned"), ("persuaded", "persuade", "persuaded"), ("halted", "halt", "halted"),
    ("took", "take", "taken"), ("began", "begin", "begun"), ("fell", "fall", "fallen"), ("fought", "fight", "fought"),
    ("led", "lead", "led"), ("won", "win", "won"), ("went", "go", "gone"), ("came", "come", "come"),
    ("held", "hold", "held"), ("made", "make", "made"), ("broke", "break", "broken"), ("drove", "drive", "driven"),
    ("struck", "strike", "struck"), ("sent", "send", "sent"), ("rose", "rise", "risen"), ("fled", "flee", "fled"),
  ])
  func pastTensesHaveBaseFormsAndParticiples(past: String, base: String, participle: String) {
    #expect(VerbForms.base(ofPast: past) == base, "\(past)")
    #expect(VerbForms.participle(ofPast: past) == participle, "\(past)")
  }

  @Test func participlesTurnBackIntoPastTenses() {
    #expect(VerbForms.past(ofParticiple: "taken") == "took")
    #expect(VerbForms.past(ofParticiple: "driven") == "drove")
    #expect(VerbForms.past(ofParticiple: "returned") == "returned")
    #expect(VerbForms.past(ofParticiple: "village") == nil)
  }

  @Test func statementsAndAccountsAreRecognised() {
    let stated = questions.clause("Serzh Sargsyan stated that the operation had been conceived in January 1993.")
    #expect(QuestionBuilder.isAccount(title: "a statement on the plan", clause: nil))
    #expect(QuestionBuilder.isAccount(title: "the plan", clause: stated))
    #expect(QuestionBuilder.isAccount(title: "Serzh Sargsyan's account of the operation's purpose", clause: nil))
    #expect(QuestionBuilder.isAccount(title: "General Gurgen Dalibaltyan's interview on the purpose of the operation", clause: nil))
    #expect(!QuestionBuilder.isAccount(title: "the capture of Shusha", clause: questions.clause("Armenian forces captured Shusha.")))
    #expect(!QuestionBuilder.isAccount(title: "Elchibey's declaration", clause: questions.clause("Elchibey declared a state of emergency.")))
  }

  @Test(arguments: [
    ("Azerbaijani forces", "Who was responsible for the Azerbaijani summer offensive of 1992?", true),
    ("Armenian forces", "Who captured the mountain stronghold of Shusha?", false),
    ("Kalbajar District", "Where was the displacement of civilians from Kalbajar?", true),
    ("Turkey-Armenia border", "…closed its border with Armenia (the _____ has remained closed ever since) Turkey", true),
    ("April 1, 1993", "On what date did Melkonian order a halt on April 1?", false),
    ("the district", "Where was the district?", false),
  ])
  func giveaways(answer: String, prompt: String, givesAway: Bool) {
    #expect(Giveaway.givesAway(answer: answer, prompt: prompt) == givesAway, "\(answer) ← \(prompt)")
  }
}
