import DialogCore
import DialogFiles

/// Plays scripted conversations against a dialog, checks every expectation, and measures which states and
/// transitions the tests visited.
public struct DialogTestRunner: Sendable {
    /// The outcome of one conversation.
    public struct Result: Sendable {
        public var test: String
        public var location: SourceLocation
        /// Empty when the test passed; otherwise each line says where, what was expected and what happened.
        public var failures: [String]
        /// How far the person had to go before the first advice: the questions asked (each state once, reprompts
        /// not counted) and the lines typed. Nil when the conversation never reached the advice.
        public var beforeAdvice: (questions: Int, lines: Int)?
        /// The turns (from 0) whose expectations failed; the last turn stands for a failed `end`.
        public var failedTurns: [Int] = []
        public var passed: Bool { failures.isEmpty }
    }

    /// States and transitions the tests visited, out of all.
    public struct Coverage: Sendable {
        public var visitedStates: Set<String>
        public var allStates: [String]
        public var visitedTransitions: Set<String>
        public var allTransitions: [String]
        /// Remedies recommended in some test, out of all.
        public var givenRemedies: Set<String> = []
        public var allRemedies: [String] = []
        /// Slot phrases (`slot: phrase`, as written in the dialog) some test's line holds, out of all; a phrase with a
        /// number in it (`#`) counts as matched when its slot's number phrases matched.
        public var matchedPhrases: Set<String> = []
        public var allPhrases: [String] = []

        public var unusedPhrases: [String] { allPhrases.filter { !matchedPhrases.contains($0) } }
        public var ungivenRemedies: [String] { allRemedies.filter { !givenRemedies.contains($0) } }

        public var statePercent: Double { percent(visitedStates.count, allStates.count) }
        public var transitionPercent: Double { percent(visitedTransitions.count, allTransitions.count) }
        public var unvisitedStates: [String] { allStates.filter { !visitedStates.contains($0) } }
        public var unvisitedTransitions: [String] { allTransitions.filter { !visitedTransitions.contains($0) } }

        private func percent(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 100 : Double(part) * 100 / Double(whole) }
    }

    public let assistant: Assistant

    public init(assistant: Assistant) {
        self.assistant = assistant
    }

    public func run(_ tests: [ConversationTest]) -> (results: [Result], coverage: Coverage) {
        let dialog = assistant.dialog
        var states = Set<String>()
        var transitions = Set<String>()
        var results: [Result] = []
        var given = Set<String>()
        var found = Set<String>()
        for test in tests {
            let (result, trace) = run(test, given: &given, found: &found)
            results.append(result)
            states.formUnion(trace.states)
            transitions.formUnion(trace.transitions.map { Self.transitionName($0.from, $0.index, dialog) })
        }
        let allTransitions = dialog.states.flatMap { state in state.transitions.indices.map { Self.transitionName(state.id, $0, dialog) } }
        // Each phrase of a slot as written, keyed by its folded form (what a line's match reads).
        var phrases: [(name: String, folded: String)] = []
        var named = Set<String>()
        for slot in dialog.slots {
            for list in [slot.yes, slot.no, slot.yesWhenAsked, slot.cues] + slot.values.map(\.synonyms) {
                for phrase in list.all where named.insert("\(slot.id): \(phrase)").inserted {
                    phrases.append(("\(slot.id): \(phrase)", "\(slot.id): " + TextNormalizer.fold(phrase)))
                }
            }
        }
        let matched = Set(phrases.filter { found.contains($0.folded) || ($0.folded.contains("#") && found.contains($0.folded.prefix { $0 != ":" } + ": #")) }.map(\.name))
        return (results, Coverage(visitedStates: states, allStates: dialog.states.map(\.id),
                                  visitedTransitions: transitions, allTransitions: allTransitions,
                                  givenRemedies: given, allRemedies: dialog.remedies.map(\.id),
                                  matchedPhrases: matched, allPhrases: phrases.map(\.name)))
    }

    static func transitionName(_ from: String, _ index: Int, _ dialog: Dialog) -> String {
        let target = dialog.states.first { $0.id == from }.map { $0.transitions[index].target } ?? "?"
        return "\(from) → \(target) (#\(index + 1))"
    }

    private func run(_ test: ConversationTest, given: inout Set<String>, found: inout Set<String>) -> (Result, Engine.Trace) {
        let engine = assistant.engine
        var failures: [String] = []
        var failedTurns: [Int] = []
        var trace = Engine.Trace()
        let started = engine.startTraced(language: test.language)
        var session = started.session
        trace.states += started.trace.states
        trace.transitions += started.trace.transitions
        var transcript = started.events.map(\.text).joined(separator: "\n")
        var asked = Set<String>()
        var beforeAdvice: (questions: Int, lines: Int)?
        func count(_ events: [DialogEvent], line: Int) {
            for event in events where beforeAdvice == nil {
                switch event {
                case .ask(let question) where !question.slots.isEmpty: asked.insert(question.state)
                case .recommendation: beforeAdvice = (asked.count, line)
                default: break
                }
            }
        }
        count(started.events, line: 0)
        for (number, turn) in test.turns.enumerated() {
            for (slot, phrase) in engine.phrases(in: turn.user) {
                // A phrase with a number in it matches the line's words with the number: counted under `#`.
                found.insert(phrase.contains(where: \.isNumber) ? "\(slot): #" : "\(slot): \(phrase)")
                found.insert("\(slot): \(phrase)")
            }
            let step = engine.stepTraced(session, turn.user)
            for case .recommendation(let recommendation) in step.events { given.formUnion(recommendation.remedies.map(\.id)) }
            count(step.events, line: number + 1)
            session = step.session
            trace.states += step.trace.states
            trace.transitions += step.trace.transitions
            let said = step.events.map(\.text).joined(separator: "\n")
            transcript += "\n" + said
            if let expect = turn.expect {
                let context = "\(turn.location): turn \(number + 1) (“\(turn.user)”)"
                let failed = check(expect, session: session, said: said, context: context)
                if !failed.isEmpty { failedTurns.append(number) }
                failures += failed
            }
        }
        if let end = test.end {
            let failed = check(end, session: session, said: transcript, context: "\(end.location): at the end")
            if !failed.isEmpty, !test.turns.isEmpty, failedTurns.last != test.turns.count - 1 { failedTurns.append(test.turns.count - 1) }
            failures += failed
        }
        return (Result(test: test.name, location: test.location, failures: failures, beforeAdvice: beforeAdvice, failedTurns: failedTurns), trace)
    }

    private func check(_ expect: ConversationTest.Expectation, session: Session, said: String, context: String) -> [String] {
        var failures: [String] = []
        if let state = expect.state, session.current != state {
            failures.append("\(context): expected state `\(state)`, but it is `\(session.current ?? "none")`")
        }
        for (slot, expected) in expect.slots {
            let actual = session.values[slot]
            if !matches(expected, actual) {
                failures.append("\(context): expected \(slot) = \(expected), but it is \(actual.map(describe) ?? "not filled")")
            }
        }
        for text in expect.says where !said.contains(text) {
            failures.append("\(context): expected the reply to contain “\(text)”; it said:\n" + indent(said))
        }
        for text in expect.notSays where said.contains(text) {
            failures.append("\(context): the reply must not contain “\(text)”, but it does:\n" + indent(said))
        }
        let recommendation = session.advised ? assistant.engine.recommendation(for: session) : nil
        if let situations = expect.situations {
            let actual = recommendation?.situations.map(\.id) ?? assistant.engine.summary(of: session).situations
            if Set(actual) != Set(situations) {
                failures.append("\(context): expected situations [\(situations.sorted().joined(separator: ", "))], got [\(actual.sorted().joined(separator: ", "))]")
            }
        }
        let remedies = recommendation?.remedies.map(\.id) ?? []
        if !expect.remedies.isEmpty {
            if recommendation == nil {
                failures.append("\(context): expected advice, but the conversation has not reached it (state `\(session.current ?? "none")`)")
            } else {
                let missing = expect.remedies.filter { !remedies.contains($0) }
                if !missing.isEmpty {
                    failures.append("\(context): expected remedies [\(missing.joined(separator: ", "))] that were not recommended; recommended: [\(remedies.joined(separator: ", "))]")
                } else {
                    let positions = expect.remedies.compactMap { remedies.firstIndex(of: $0) }
                    if positions != positions.sorted() {
                        failures.append("\(context): expected remedies in the order [\(expect.remedies.joined(separator: ", "))]; recommended: [\(remedies.joined(separator: ", "))]")
                    }
                }
            }
        }
        for remedy in expect.notRemedies where remedies.contains(remedy) {
            failures.append("\(context): remedy `\(remedy)` must not be recommended, but it is")
        }
        if let ended = expect.ended, ended != session.ended {
            failures.append("\(context): expected the conversation \(ended ? "to have ended" : "to go on")")
        }
        return failures
    }

    private func matches(_ expected: ConversationTest.ExpectedValue, _ actual: SlotValue?) -> Bool {
        guard let actual else { return expected == .word("unset") }
        switch (expected, actual) {
        case (.word("yes"), .yes), (.word("no"), .no), (.word("unknown"), .unknown): return true
        case (.number(let e), .number(let a)): return abs(e - a) < 0.001
        case (.list(let e), .choices(let a)): return e == a.sorted()
        case (.word(let e), .choices(let a)): return a == [e]
        case (.word(let e), .text(let a)): return e == a || TextNormalizer.fold(e) == TextNormalizer.fold(a)
        case (.number(let e), .text(let a)): return TextNormalizer.fold(ConversationTest.ExpectedValue.number(e).description) == TextNormalizer.fold(a)
        default: return false
        }
    }

    private func describe(_ value: SlotValue) -> String {
        switch value {
        case .yes: return "yes"
        case .no: return "no"
        case .unknown: return "unknown"
        case .number(let n): return ConversationTest.ExpectedValue.number(n).description
        case .choices(let ids): return ids.count == 1 ? ids[0] : "[" + ids.joined(separator: ", ") + "]"
        case .text(let text): return text
        }
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    | " + $0 }.joined(separator: "\n")
    }
}
