import ArgumentParser
import Foundation
import NoticeAssistant

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Play a conversation from a script of user lines, without a terminal, and print it.",
        discussion: "Each line of the script is what the person types; `# comments` and blank lines are skipped. The output shows each line after `> ` and the assistant's reply, as plain text.")

    @OptionGroup var dialogOptions: DialogOptions
    @OptionGroup var transcriptOptions: TranscriptOptions

    @Option(name: .long, help: "The script: one user line per line (`-` for stdin).", completion: .file())
    var script: String

    @ArgumentParser.Flag(name: .long, help: "After each line, print which phrases matched which slot, the rules (negation, reported speech, worries, announcements) that applied, what was filled and why the next state was chosen. No transcript is written.")
    var trace = false

    func run() throws {
        let assistant = try dialogOptions.loadAssistant()
        if trace { return try runTraced(assistant) }
        let fd: Int32
        if script == "-" {
            fd = 0
        } else {
            fd = open(script, O_RDONLY)
            guard fd >= 0 else {
                Console.error("notice-assistant: cannot read the script \(script): \(String(cString: strerror(errno)))")
                throw ExitCode(1)
            }
        }
        let sessionID = TranscriptLocation.makeSessionID()
        let started = Date()
        let sink = try transcriptOptions.openSink(sessionID: sessionID, startedAt: started, redactor: assistant.redactor, askIfUnwritable: nil)
        let conversation = try ConversationDriver.conversation(
            assistant: assistant, id: sessionID, language: dialogOptions.lang, resuming: nil, sink: sink, mode: .script,
            startedAt: started)
        let driver = ConversationDriver(conversation: conversation, source: ScriptLineSource(PlainLineSource(fd: fd)), echoLines: true)
        let watchers = driver.watchSignals()
        let code = driver.run()
        withExtendedLifetime(watchers) {}
        if code != 0 { throw ExitCode(code) }
    }
}

extension RunCommand {
    /// The script played with the explanation of every line: `> line`, the trace lines (`· …`), then the replies.
    func runTraced(_ assistant: Assistant) throws {
        let text: String
        do {
            text = script == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                : try String(contentsOfFile: script, encoding: .utf8)
        } catch {
            Console.error("notice-assistant: cannot read the script \(script): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        var (session, events) = assistant.start(language: dialogOptions.lang)
        for event in events where !event.text.isEmpty { Console.out(event.text) }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            Console.out("> " + line)
            for explained in assistant.engine.explain(session, line).lines { Console.out("  · " + explained) }
            (session, events) = assistant.respond(to: line, in: session)
            for event in events where !event.text.isEmpty { Console.out(event.text) }
            if session.ended { break }
        }
    }
}

/// A script file: skips blank lines and `#` comments.
final class ScriptLineSource: LineSource {
    private let lines: PlainLineSource
    let isInteractive = false
    var hasPendingLine: Bool { lines.hasPendingLine }

    init(_ lines: PlainLineSource) {
        self.lines = lines
    }

    func read(prompt: String, completions: @escaping @Sendable () -> [String]) -> LineInput {
        while true {
            let input = lines.read(prompt: prompt, completions: completions)
            if case .line(let text, _) = input, Self.isBlankOrComment(text) { continue }
            return input
        }
    }

    func close() {}

    /// A line of nothing but spaces, or whose first character after them is `#`.
    static func isBlankOrComment(_ line: String) -> Bool {
        for scalar in line.unicodeScalars where !(scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator) {
            return scalar == "#"
        }
        return true
    }
}
