import ArgumentParser
import Foundation
import NoticeAssistant

struct TranscriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcript",
        abstract: "Read transcripts (show one, turn one into a test) and delete them (one, or all older than an age).",
        subcommands: [Show.self, ToTest.self, Delete.self, Purge.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Render a transcript for people: the conversation, the slots at the end, the advice and why.")

        @Argument(help: "The transcript file (.jsonl).", completion: .file(extensions: ["jsonl"]))
        var file: String

        @Option(name: .long, help: "text (default) or markdown, for pasting into a ticket.")
        var format: String = "text"

        func run() throws {
            guard let chosen = TranscriptRenderer.Format(rawValue: format) else {
                throw ValidationError("--format must be text or markdown")
            }
            let contents = try TranscriptFile.read(file)
            Console.out(TranscriptRenderer(format: chosen).render(contents))
        }
    }

    struct ToTest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "to-test",
            abstract: "Turn a transcript into a scripted conversation for `notice-assistant test`.",
            discussion: "The test replays the user's lines and expects the states, situations and remedies the transcript recorded; `notice-assistant test` then shows what changed when the dialog behaves differently. Lines were redacted when recorded, so masked numbers stay masked.")

        @Argument(help: "The transcript file (.jsonl).", completion: .file(extensions: ["jsonl"]))
        var file: String

        @Option(name: .shortAndLong, help: "Write the test here (default: stdout), e.g. Dialogs/notice-help/tests/recorded-1.yaml. An existing file is refused unless --force is given.")
        var output: String?

        @ArgumentParser.Flag(name: .long, help: "Overwrite the file -o names if it exists.")
        var force = false

        func run() throws {
            let contents = try TranscriptFile.read(file)
            let yaml = TranscriptTestWriter.yaml(from: contents.records, name: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
            if let output {
                do throws(OutputFile.Refusal) {
                    try OutputFile.write(yaml, to: output, force: force)
                } catch {
                    Console.error("notice-assistant: \(error)")
                    throw ExitCode(1)
                }
            } else {
                Console.write(1, yaml)
            }
        }
    }
}

enum TranscriptFile {
    static func read(_ path: String) throws -> TranscriptContents {
        do {
            let contents = try TranscriptReader().read(contentsOf: URL(fileURLWithPath: path))
            for warning in contents.warnings { Console.error(warning.description) }
            return contents
        } catch {
            Console.error("notice-assistant: \(error)")
            throw ExitCode(1)
        }
    }
}

/// Writes the scripted-conversation YAML for a recorded session. Every scalar that comes from the transcript is
/// written double-quoted (keys included), so no field — a user's line, a slot id, a language with a newline in it —
/// can add keys or change the document's structure; only plain decimal numbers stay plain, as numbers.
enum TranscriptTestWriter {
    static func yaml(from records: [TranscriptRecord], name: String) -> String {
        var language = "zh-Hans"
        var lines: [String] = []
        var situations: [String]?
        var remedies: [String] = []
        var ended = false
        var finalValues: [String: [String]] = [:]
        // Where the last advice was given, and where the session was last: advice given along the way ("the most
        // important steps first") and then more questions is not the advice the test can expect at the end.
        var lastState = ""
        var adviceState: String?
        for record in records {
            switch record {
            case .start(let start): language = start.language
            case .turn(let turn):
                lastState = turn.stateAfter
                guard let user = turn.userLine else { continue }
                lines.append("  - user: \(quote(user))")
                if !turn.stateAfter.isEmpty {
                    lines.append("    expect:")
                    lines.append("      state: \(quote(turn.stateAfter))")
                }
            case .recommendation(let recommendation):
                situations = recommendation.situations
                remedies = recommendation.remedies.map(\.id)
                adviceState = lastState
            case .end(let end):
                ended = end.reason == .quit
                finalValues = end.finalValues ?? [:]
            }
        }
        var yaml = "# Recorded from a transcript by `notice-assistant transcript to-test`.\n"
        yaml += "name: \(quote("recorded " + name))\nlanguage: \(quote(language))\nturns:\n"
        yaml += lines.isEmpty ? "  []\n" : lines.joined(separator: "\n") + "\n"
        var end: [String] = []
        if !finalValues.isEmpty {
            end.append("  slots:")
            for (slot, value) in finalValues.sorted(by: { $0.key < $1.key }) {
                let written = value.count == 1 && !isPlainNumber(value[0]) ? quote(value[0])
                    : value.count == 1 ? value[0] : "[" + value.map(quote).joined(separator: ", ") + "]"
                end.append("    \(quote(slot)): \(written)")
            }
        }
        if adviceState != lastState {
            situations = nil
            remedies = []
        }
        if let situations { end.append("  situations: [\(situations.map(quote).joined(separator: ", "))]") }
        if !remedies.isEmpty { end.append("  remedies: [\(remedies.map(quote).joined(separator: ", "))]") }
        if ended { end.append("  ended: true") }
        if !end.isEmpty { yaml += "end:\n" + end.joined(separator: "\n") + "\n" }
        return yaml
    }

    /// `15`, `-3`, `1.5`: digits with at most one point, which YAML reads as the same number.
    static func isPlainNumber(_ text: String) -> Bool {
        let parts = text.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        return text.utf8.count <= 20 && (1...2).contains(parts.count)
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A YAML double-quoted scalar (JSON string syntax is valid YAML).
    static func quote(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
