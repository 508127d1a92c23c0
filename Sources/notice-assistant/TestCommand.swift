import ArgumentParser
import Foundation
import NoticeAssistant

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Play a dialog's scripted conversations (FOLDER/tests/*.yaml) and check them.",
        discussion: "Ends with `N passed, N failed` and the share of states and transitions the tests visited. Exits 1 on any failure.")

    @OptionGroup var dialogFolder: DialogFolderOptions

    @Option(name: .long, parsing: .singleValue, help: "Run this test file instead of FOLDER/tests (repeatable), e.g. one made by `transcript to-test`.",
            completion: .file(extensions: ["yaml"]))
    var file: [String] = []

    @Option(name: .long, help: "Only run tests whose name contains this text.")
    var filter: String?

    @ArgumentParser.Flag(name: .long, help: "List the states and transitions no test visits, the remedies no test is given and the slot phrases no test's line holds.")
    var showUncovered = false

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, junit, json
    }

    @Option(name: .long, help: "text (for people), junit (JUnit XML for CI systems) or json.")
    var format: Format = .text

    @ArgumentParser.Flag(name: .long, help: "For every line of every test (narrow it with --filter), print which phrases matched which slot, the rules that applied and why the next state was chosen. A failing test prints this for its failing turns without the flag.")
    var explain = false

    @ArgumentParser.Flag(name: .long, help: "Pass when the folder has no tests (without it, no tests is a failure: a tests folder that is missing or misnamed must not look green).")
    var allowEmpty = false

    func run() throws {
        let url = try dialogFolder.folder()
        let assistant = try DialogOptions.parse(["--dialog", url.path]).loadAssistant(keepingPhraseText: true)
        var tests: [ConversationTest]
        do {
            if file.isEmpty {
                tests = try ConversationTestLoader.loadAll(dialogFolder: url)
            } else {
                tests = []
                for path in file { tests += try ConversationTestLoader.load(file: URL(fileURLWithPath: path)) }
            }
        } catch {
            for diagnostic in error.diagnostics { Console.out(diagnostic.description) }
            throw ExitCode(1)
        }
        // A test that names what the dialog does not have fails at its line, before anything is played.
        let problems = ConversationTestChecker.check(tests, against: assistant.dialog)
        if !problems.isEmpty {
            for diagnostic in problems { Console.out(diagnostic.description) }
            Console.out("\(problems.count) error\(problems.count == 1 ? "" : "s") in the tests; nothing was played")
            throw ExitCode(1)
        }
        if tests.isEmpty && file.isEmpty {
            let where_ = DialogLoader.displayPath(url.appendingPathComponent("tests").path)
            Console.out("no tests: \(where_) holds no *.yaml conversations\(allowEmpty ? "" : "; write one (Dialogs/README.md, “Tests”), or pass --allow-empty")")
            Console.out("0 passed, 0 failed")
            if allowEmpty { return }
            throw ExitCode(1)
        }
        if let filter { tests = tests.filter { $0.name.contains(filter) } }
        let (results, coverage) = DialogTestRunner(assistant: assistant).run(tests)
        if format != .text {
            let report = TestReport(suite: DialogLoader.displayPath(url.path), results: results, coverage: coverage)
            Console.write(1, format == .junit ? report.junit() : report.json())
            if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
            return
        }
        let byName = Dictionary(tests.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for result in results {
            defer {
                if let test = byName[result.test], explain || !result.passed {
                    printTrace(test, turns: explain ? Set(test.turns.indices) : Set(result.failedTurns), assistant: assistant)
                }
            }
            let reach = result.beforeAdvice.map { "  [advice after \($0.questions) questions, \($0.lines) lines]" } ?? ""
            if result.passed {
                Console.out("PASS \(result.test)\(reach)")
            } else {
                Console.out("FAIL \(result.test)  (\(result.location))\(reach)")
                for failure in result.failures { Console.out("  " + failure) }
            }
        }
        let passed = results.filter(\.passed).count
        Console.out(String(format: "coverage: states %d/%d (%.1f%%), transitions %d/%d (%.1f%%)",
                           coverage.visitedStates.intersection(coverage.allStates).count, coverage.allStates.count, coverage.statePercent,
                           coverage.visitedTransitions.count, coverage.allTransitions.count, coverage.transitionPercent))
        Console.out("coverage: remedies given \(coverage.givenRemedies.intersection(coverage.allRemedies).count)/\(coverage.allRemedies.count), "
                    + "slot phrases matched \(coverage.matchedPhrases.count)/\(coverage.allPhrases.count)")
        if showUncovered || (filter == nil && file.isEmpty) {
            for state in coverage.unvisitedStates { Console.out("  unvisited state: \(state)") }
            for transition in coverage.unvisitedTransitions { Console.out("  unvisited transition: \(transition)") }
            for remedy in coverage.ungivenRemedies { Console.out("  remedy no test is given: \(remedy)") }
        }
        if showUncovered {
            for phrase in coverage.unusedPhrases { Console.out("  phrase no test uses: \(phrase)") }
        }
        let reached = results.compactMap(\.beforeAdvice)
        if !reached.isEmpty {
            func median(_ values: [Int]) -> String {
                let sorted = values.sorted(), mid = sorted.count / 2
                let m = sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
                return m == m.rounded() ? String(Int(m)) : String(m)
            }
            Console.out("before the first advice (\(reached.count) of \(results.count) conversations reach it): "
                        + "questions median \(median(reached.map(\.questions))), max \(reached.map(\.questions).max() ?? 0), "
                        + "total \(reached.map(\.questions).reduce(0, +)); lines median \(median(reached.map(\.lines))), "
                        + "max \(reached.map(\.lines).max() ?? 0)")
        }
        Console.out("\(passed) passed, \(results.count - passed) failed")
        if passed != results.count { throw ExitCode(1) }
    }

    /// The conversation replayed, with the explanation of each turn in `turns`.
    private func printTrace(_ test: ConversationTest, turns: Set<Int>, assistant: Assistant) {
        var session = assistant.engine.start(language: test.language).session
        for (number, turn) in test.turns.enumerated() {
            if turns.contains(number) {
                Console.out("  trace of turn \(number + 1) (\(turn.location)): “\(turn.user)”")
                for line in assistant.engine.explain(session, turn.user).lines { Console.out("    · " + line) }
            }
            session = assistant.engine.step(session, turn.user).session
        }
    }
}
