import ArgumentParser
import Foundation
import LineEditor
import NoticeAssistant

struct ChatCommand: ParsableCommand {
    /// `_superCommandName` matters only when a plain chat line is parsed with `ChatCommand` alone (see
    /// `NoticeAssistantCommand.main`): ArgumentParser then names it `notice-assistant chat` in messages, and skips the
    /// two trial parses it runs on every root command to find `--generate-completion-script` (~8M instructions, an
    /// eighth of a cached start), which that path has already ruled out. Under the root command it is not read.
    static let configuration = CommandConfiguration(
        commandName: "chat",
        _superCommandName: "notice-assistant",
        abstract: "Talk with the assistant (the default).",
        discussion: "At a terminal it edits lines with libedit (history, Tab completion, Chinese input). When stdin is a pipe or a file it reads lines plainly, prints plain text and exits 0 at the end of input.")

    @OptionGroup var dialogOptions: DialogOptions
    @OptionGroup var transcriptOptions: TranscriptOptions

    @ArgumentParser.Flag(name: .long, help: "Plain line input and output even at a terminal.")
    var plain = false

    @Option(name: .long, help: "Go on with the conversation recorded in this transcript (its lines are replayed; a new transcript is written).",
            completion: .file(extensions: ["jsonl"]))
    var resume: String?

    @Option(name: .long, help: "Keep line history in this file (redacted, mode 0600). By default history is kept in memory only.",
            completion: .file())
    var history: String?

    func run() throws {
        let assistant = try dialogOptions.loadAssistant()
        let interactive = !plain && LineEditor.isInteractive
        let source: LineSource
        if interactive {
            if case .notUTF8(let codeset) = LineEditor.prepareLocale() {
                Console.error("notice-assistant: warning: the terminal's character set is \(codeset), not UTF-8; Chinese may not display correctly.")
            }
            let store: HistoryStore = history.map { path in
                HistoryStore.file(at: path, redact: { Redactor().redact($0) })
            } ?? .inMemory()
            guard let terminal = TerminalLineSource(history: store) else {
                Console.error("notice-assistant: the terminal could not be set up for editing; use --plain.")
                throw ExitCode(1)
            }
            if let warning = terminal.historyWarning { Console.error("notice-assistant: warning: \(warning)") }
            source = terminal
        } else {
            source = PlainLineSource()
        }
        let started = Date()
        let sessionID = TranscriptLocation.makeSessionID()
        let sink = try transcriptOptions.openSink(
            sessionID: sessionID, startedAt: started, redactor: assistant.redactor,
            askIfUnwritable: interactive ? { Self.confirm("Go on without a transcript? (y/n) ") } : nil)
        let resumed = try resume.map { try Resumption.replay($0, assistant: assistant, language: dialogOptions.lang) }
        let conversation = try ConversationDriver.conversation(
            assistant: assistant, id: sessionID, language: dialogOptions.lang, resuming: resumed, sink: sink, mode: .interactive,
            startedAt: started)
        let driver = ConversationDriver(conversation: conversation, source: source, echoLines: false,
                                        printer: ReplyPrinter(layout: interactive ? .wrappedToTerminal : .logicalLines))
        let watchers = interactive ? [] : driver.watchSignals()
        let code = driver.run()
        withExtendedLifetime(watchers) {}
        if code != 0 { throw ExitCode(code) }
    }

    static func confirm(_ question: String) -> Bool {
        Console.write(2, question)
        guard let answer = Swift.readLine() else { return false }
        return ["y", "yes", "是"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
