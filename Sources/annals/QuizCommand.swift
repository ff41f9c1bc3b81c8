import ArgumentParser
import Foundation
import LineEditing
import ProgressStore
import Study
import Workspace

/// `annals quiz`: a scored test that leaves the learner's schedule alone.
struct QuizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiz",
    abstract: "Take a scored quiz on a deck (typed, multiple choice, ordering); scheduling is not changed.",
    discussion: """
      The result (score, time, every question with the given and the expected answer) is stored in the learner's \
      progress store for reports and printed; --json prints it as JSON on stdout (the questions then go to \
      stderr). The same --seed gives the same quiz.
      """)

  @Argument(help: "The deck file.")
  var deck: String

  @OptionGroup var workspaceOptions: WorkspaceOptions

  @Option(name: .customShort("n"), help: "How many questions.")
  var count = 20

  @Option(help: ArgumentHelp("Only one kind of question: typed, choice or ordering.", valueName: "kind"))
  var kind: QuizKind?

  @Option(name: .customLong("tag"), help: "Only cards with this tag or era (repeatable).")
  var tags: [String] = []

  @Option(help: "Seed for choosing and ordering the questions (default: a new one, printed).")
  var seed: String?

  @Flag(help: "Print the result as JSON.")
  var json = false

  func validate() throws {
    guard count > 0 else { throw ValidationError("-n must be at least 1") }
  }

  func run() throws {
    let workspace = try workspaceOptions.resolveWorkspace()
    let learner = try workspaceOptions.resolveLearner()
    let paths = try DeckPaths.resolve([deck], in: workspace)
    let terminal = Terminal(toStandardError: json)
    do {
      let material = try StudyMaterial.load(paths: paths)
      let seed = self.seed ?? String(UInt32.random(in: 0...UInt32.max), radix: 36)
      let questions = QuizBuilder.build(
        cards: material.cards, decks: material.decks, count: count, kind: kind, tags: tags, seed: seed)
      guard !questions.isEmpty else {
        throw CommandError("no \(kind.map { "\($0.rawValue) " } ?? "")questions in \(deck.terminalSafe) for this selection")
      }
      let store = try ProgressStore(path: workspace.storeURL(for: learner).path)
      let reader = try terminal.makeReader(historyPath: workspace.historyURL(for: learner).path)
      defer { reader.close() }
      let quiz = QuizSession(
        questions: questions, decks: material.decks, reader: reader, output: terminal, style: terminal.style,
        width: terminal.width)
      let report = quiz.run(learner: learner.name, seed: seed)
      try store.recordQuiz(
        QuizResult(
          quizID: report.quizID, learner: learner.name, deckID: material.decks.first?.id ?? "", time: report.started,
          score: report.score, questionsJSON: QuizSession.json(report)))
      terminal.write(quiz.renderText(report))
      if json { print(QuizSession.json(report)) }
    } catch let error as StudyError {
      throw CommandError(error.description)
    } catch let error as StoreError {
      throw CommandError(error.description)
    } catch let error as LineEditingError {
      throw CommandError(error.description)
    }
  }
}

extension QuizKind: ExpressibleByArgument {}
