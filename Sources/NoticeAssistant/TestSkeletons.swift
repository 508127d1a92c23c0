import DialogCore
import DialogFiles
import Foundation

/// Scripted conversations written from explored paths that no test reaches yet: one per kind of outcome (the end, the
/// situations and the remedies), with a line for each answer taken from the dialog's own phrases and the
/// expectations the path met. An author reads them, rewrites the lines the way people talk, and keeps them.
public struct TestSkeletons: Sendable {
    public let assistant: Assistant
    public let language: String

    public init(assistant: Assistant, language: String? = nil) {
        self.assistant = assistant
        self.language = language.flatMap { assistant.dialog.languages.contains($0) ? $0 : nil } ?? assistant.dialog.defaultLanguage
    }

    /// What a path ends with, to tell which paths the tests already reach.
    public struct Outcome: Hashable, Sendable {
        public var end: String?
        public var situations: [String]
        public var remedies: [String]
    }

    /// The outcomes the tests reach at their last line.
    public func outcomes(of tests: [ConversationTest]) -> Set<Outcome> {
        let engine = assistant.engine
        var reached = Set<Outcome>()
        for test in tests {
            var session = engine.start(language: test.language).session
            for turn in test.turns { session = engine.step(session, turn.user).session }
            reached.insert(outcome(of: session))
        }
        return reached
    }

    func outcome(of session: Session) -> Outcome {
        let engine = assistant.engine
        let end = session.current.flatMap { engine.compiled.state($0) }.flatMap { $0.isEnd ? $0.id : nil }
        let recommendation = engine.recommendation(for: session)
        return Outcome(end: end, situations: recommendation.situations.map(\.id).sorted(),
                       remedies: end == nil ? [] : recommendation.remedies.map(\.id).sorted())
    }

    /// YAML documents, one per outcome no test reaches (the shortest path to each), and how many.
    public func yaml(for report: DialogExplorer.Report, coveredBy tests: [ConversationTest]) -> (text: String, count: Int) {
        var seen = outcomes(of: tests)
        var documents: [String] = []
        for path in report.paths.sorted(by: { $0.answers.count < $1.answers.count }) {
            let outcome = outcome(of: path.session)
            guard seen.insert(outcome).inserted else { continue }
            documents.append(document(for: path, outcome, number: documents.count + 1))
        }
        return (documents.joined(separator: "---\n"), documents.count)
    }

    private func document(for path: DialogExplorer.Path, _ outcome: Outcome, number: Int) -> String {
        var lines = [
            "# yaml-language-server: $schema=../../../docs/schema/dialog-test.schema.json",
            "# Written by `notice-assistant explore --skeleton`: rewrite each line the way a person would say it.",
            "name: \(quoted("explored \(number): \(outcome.situations.isEmpty ? "no situation" : outcome.situations.joined(separator: ", ")) at \(outcome.end ?? "no end")"))",
            "language: \(language)",
            "turns:",
        ]
        for (index, answer) in path.answers.enumerated() {
            lines.append("  - user: \(quoted(line(for: answer)))")
            let next = index + 1 < path.answers.count ? path.answers[index + 1].state : (outcome.end ?? path.session.current)
            var expect: [String] = []
            if let next { expect.append("state: \(next)") }
            // A name the dialog does not know is the author's to write, and to expect.
            if let slot = answer.slot, let value = answer.value, value != .text("?") { expect.append("slots: {\(slot): \(expected(value))}") }
            if !expect.isEmpty { lines.append("    expect: {\(expect.joined(separator: ", "))}") }
        }
        lines.append("end:")
        lines.append("  situations: [\(outcome.situations.joined(separator: ", "))]")
        // In the order they are given: `remedies` checks the relative order.
        if !path.remedies.isEmpty { lines.append("  remedies: [\(path.remedies.joined(separator: ", "))]") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A line that gives `answer`, from the dialog's phrases in the skeleton's language.
    private func line(for answer: DialogExplorer.Answer) -> String {
        let dialog = assistant.dialog
        guard let slotID = answer.slot, let value = answer.value, let slot = dialog.slots.first(where: { $0.id == slotID }) else {
            return "TODO: the story, as the person tells it"
        }
        func first(_ list: PhraseList) -> String? { list.phrases(in: language).first ?? list.all.first }
        switch value {
        case .yes: return first(slot.yes) ?? first(dialog.lexicon.yes) ?? "yes"
        case .no: return first(slot.no) ?? first(dialog.lexicon.no) ?? "no"
        case .unknown: return first(dialog.lexicon.hedges) ?? "not sure"
        case .number(let n): return n.rounded() == n ? String(Int(n)) : String(n)
        case .choices(let ids):
            return ids.compactMap { id in slot.values.first { $0.id == id }.flatMap { first($0.synonyms) } }.first ?? ids.joined(separator: " ")
        case .text(let text):
            return slot.values.first { $0.id == text }.flatMap { first($0.synonyms) } ?? "TODO: a name"
        }
    }

    private func expected(_ value: SlotValue) -> String {
        // The value as tests write it (`SessionRecorder.canonical`), in YAML: a list in brackets, a text quoted.
        switch value {
        case .text(let text): return quoted(text)
        case .choices(let ids) where ids.count != 1: return "[\(ids.joined(separator: ", "))]"
        default: return SessionRecorder.canonical(value).joined()
        }
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
