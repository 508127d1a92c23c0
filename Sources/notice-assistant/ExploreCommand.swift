import ArgumentParser
import Foundation
import NoticeAssistant

struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Walk every path through a dialog and report paths without advice, situations never reached, remedies never given, contradicting remedies and the longest path.",
        discussion: """
            Each question is answered with each of its values (`unknown` too; numbers at the boundaries the conditions \
            use), and the opening story with nothing or with one fact of a slot no question asks. Remedies that \
            contradict each other are declared in the dialog with `conflicts:`. Exits 1 on any finding.
            """)

    @OptionGroup var dialogFolder: DialogFolderOptions

    @Option(name: .long, help: "Stop after this many paths.")
    var maxPaths = 1_000_000

    @Option(name: .long, help: "The language of the sessions: zh-Hans, zh-Hant or en (default: the dialog's first).")
    var lang: String?

    @ArgumentParser.Flag(name: .long, help: "Print every path.")
    var showPaths = false

    @Option(name: .long, help: "Write a test skeleton (a conversation in YAML) for each kind of path the dialog's tests do not reach into this file, for an author to complete.")
    var skeleton: String?

    func run() throws {
        let folder = try dialogFolder.folder()
        let (loaded, assistant) = try AuthoringDialog.load(folder)
        let report = DialogExplorer(assistant: assistant, conflicts: loaded.remedyConflicts).explore(maximumPaths: maxPaths, language: lang)
        let format = PathFormat(dialog: assistant.dialog)
        if showPaths { for path in report.paths { Console.out(format.line(path)) } }
        for path in report.withoutAdvice {
            Console.out("path without advice: \(format.line(path))")
        }
        for id in report.unreachableSituations {
            let flag = assistant.dialog.flags.first { $0.id == id }
            Console.out("\(flag?.location.map { "\($0): " } ?? "")situation `\(id)` is reached by no path")
        }
        for id in report.neverGivenRemedies {
            let remedy = assistant.dialog.remedies.first { $0.id == id }
            Console.out("\(remedy?.location.map { "\($0): " } ?? "")remedy `\(id)` is given on no path")
        }
        for (path, conflict) in report.contradictions {
            Console.out("\(conflict.location): `\(conflict.remedy)` and `\(conflict.other)` are both given on: \(format.line(path))")
        }
        if let longest = report.longest {
            Console.out("longest path: \(longest.questions) questions: \(format.line(longest))")
        }
        Console.out("explored \(report.paths.count) paths\(report.truncated ? " (stopped at --max-paths \(maxPaths): situations and remedies are not judged)" : ""); "
                    + "\(report.withoutAdvice.count) without advice, \(report.unreachableSituations.count) situations never reached, "
                    + "\(report.neverGivenRemedies.count) remedies never given, \(report.contradictions.count) contradictions")
        if let skeleton {
            let tests: [ConversationTest]
            do {
                tests = try ConversationTestLoader.loadAll(dialogFolder: folder)
            } catch {
                for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
                throw ExitCode(1)
            }
            let (text, count) = TestSkeletons(assistant: assistant, language: lang).yaml(for: report, coveredBy: tests)
            try Data(text.utf8).write(to: URL(fileURLWithPath: skeleton))
            Console.out("wrote \(count) test skeleton\(count == 1 ? "" : "s") for outcomes no test reaches to \(skeleton)")
        }
        if report.findings > 0 { throw ExitCode(1) }
    }
}

/// A path as one line: `ask_scam: scam_signs = none → ask_channel: channel = sms → … ⇒ advice [scam_stop, …]`.
struct PathFormat {
    let dialog: Dialog

    func line(_ path: DialogExplorer.Path) -> String {
        let steps = path.answers.map { answer -> String in
            guard let slot = answer.slot, let value = answer.value else { return "\(answer.state): (nothing)" }
            return "\(answer.state): \(slot) = \(Self.describe(value))"
        }
        let end = path.end.map { "⇒ \($0) [\(path.remedies.joined(separator: ", "))]" } ?? "⇒ stops at `\(path.session.current ?? "?")`"
        return (steps + [end]).joined(separator: " → ")
    }

    static func describe(_ value: SlotValue) -> String {
        SessionRecorder.canonical(value).joined(separator: ", ")
    }
}
