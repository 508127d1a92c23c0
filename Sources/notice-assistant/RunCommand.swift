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

    func run() throws {
        let assistant = try dialogOptions.loadAssistant()
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
        let recorder = try transcriptOptions.openRecorder(assistant: assistant, sessionID: sessionID, startedAt: Date(), askIfUnwritable: nil)
        let (session, opening) = assistant.start(language: dialogOptions.lang)
        let driver = ConversationDriver(assistant: assistant, session: session, source: ScriptLineSource(PlainLineSource(fd: fd)),
                                        recorder: recorder?.0, transcriptPath: recorder?.1, echoLines: true)
        let watchers = driver.watchSignals()
        let code = driver.run(opening: opening, mode: .script)
        withExtendedLifetime(watchers) {}
        if code != 0 { throw ExitCode(code) }
    }
}

/// A script file: skips blank lines and `#` comments.
final class ScriptLineSource: LineSource {
    private let lines: PlainLineSource
    let isInteractive = false

    init(_ lines: PlainLineSource) {
        self.lines = lines
    }

    func read(prompt: String, completions: [String]) -> LineInput {
        while true {
            let input = lines.read(prompt: prompt, completions: completions)
            if case .line(let text, _) = input {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            }
            return input
        }
    }

    func close() {}
}
