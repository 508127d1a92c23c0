import Dispatch
import Foundation
import LineEditor
import NoticeAssistant

/// Runs one conversation at the edge of the program: reads lines from a source, steps the ``Conversation`` (which
/// records every turn before the reply is shown), and prints the reply.
final class ConversationDriver: @unchecked Sendable {
    // @unchecked: `conversation` and `finished` are shared with the signal handler's queue and guarded by `lock`.
    private let source: LineSource
    private let echoLines: Bool
    private let printer: ReplyPrinter
    private let lock = NSLock()
    private var conversation: Conversation
    private var finished = false
    /// Set once the first transcript failure has been reported: the sink refuses every record after it.
    private var transcriptFailureReported = false
    /// Set when a reply could not be written: nobody reads standard output any more.
    private var outputClosed = false

    init(conversation: Conversation, source: LineSource, echoLines: Bool, printer: ReplyPrinter = ReplyPrinter(layout: .logicalLines)) {
        self.conversation = conversation
        self.source = source
        self.echoLines = echoLines
        self.printer = printer
    }

    /// The conversation for a command: its `start` record written to `sink`, or, when that fails, said on stderr and
    /// the conversation held without a transcript (the person is not turned away for it).
    static func conversation(assistant: Assistant, id: String, language: String?, resuming: (session: Session, opening: [DialogEvent])?,
                             sink: FileTranscriptSink?, mode: TranscriptRecord.Start.Mode, startedAt: Date) throws -> Conversation {
        func make(_ transcript: TranscriptDestination) throws -> Conversation {
            try Conversation(assistant: assistant, id: id, language: language, resuming: resuming?.session, opening: resuming?.opening,
                             transcript: transcript, mode: mode, programVersion: ProgramInfo.version, at: startedAt)
        }
        guard let sink else { return try make(.none) }
        do {
            return try make(.sink(sink))
        } catch {
            Console.error("notice-assistant: cannot write the transcript: \(error)")
            return try make(.none)
        }
    }

    /// Plays the conversation to its end and returns the exit code.
    func run() -> Int32 {
        // Nobody waits at a prompt: replies to lines already read go out together, before the next wait for input.
        Console.hold(!source.isInteractive)
        let opening = current.opening
        if let path = current.transcriptFile?.path, source.isInteractive {
            printer.say(Messages.transcriptNotice(path, language: current.session.language))
        }
        show(opening)
        var interruptPending = false
        while true {
            if outputClosed { return outputGone() }
            if !source.hasPendingLine, !Console.flush() { return outputGone() }
            switch nextInput() {
            case .line(let line, let truncated):
                if interruptPending {
                    interruptPending = false
                    if Messages.isYes(line) { return finish(.quit, detail: "ctrl-c") }
                    // "no" (or nothing) only declines; anything else is what the person meant to say next, and is
                    // read as usual rather than lost.
                    if Messages.declinesQuit(line) { continue }
                }
                // Cut by the line reader (far longer lines), or by the engine, which reads the first
                // `Engine.maximumLineScalars` characters of a line: either way the person is told what was not read.
                if truncated || (line.utf8.count > Engine.maximumLineScalars && line.unicodeScalars.count > Engine.maximumLineScalars) {
                    Console.error(Messages.truncated(language: current.session.language))
                }
                if echoLines, !printer.say(["> ", line]) { outputClosed = true }
                if Messages.isForgetCommand(line) {
                    forgetTranscript()
                    continue
                }
                if step(line) { return outputClosed ? outputGone() : finish(.quit, detail: nil) }
            case .interrupted(let discarded):
                if discarded { continue }
                if interruptPending { return finish(.quit, detail: "ctrl-c") }
                interruptPending = true
                printer.say(Messages.confirmQuit(language: current.session.language))
            case .endOfInput:
                if source.isInteractive {
                    printer.say("")
                    printer.say(current.summary.text)
                }
                return finish(.endOfInput, detail: nil)
            case .terminated(let signal):
                _ = finish(.signal, detail: Messages.signalName(signal))
                source.close()
                LineEditor.exit(bySignal: signal)
            }
        }
    }

    /// The next line from the source. A person at a terminal is shown a prompt and offered completions; a script or a
    /// pipe is shown neither, so neither is worked out (the prompt's label was ~2k instructions a line, and reading the
    /// conversation for it a copy of it).
    private func nextInput() -> LineInput {
        guard source.isInteractive else { return source.read(prompt: "", completions: { [] }) }
        // Named from where the session now waits (the open question, or the advice), not from the last question
        // shown: after the advice or a restart the label of a question already answered must not stay.
        let waiting = current
        let prompt = (waiting.assistant.promptLabel(for: waiting.session).map { $0 + "> " }) ?? "> "
        // Built only if the person presses Tab.
        let completions: @Sendable () -> [String] = {
            var words = waiting.assistant.completions(for: waiting.session)
            if waiting.transcriptFile != nil { words.append(Messages.forgetCommand(language: waiting.session.language)) }
            return words
        }
        return source.read(prompt: prompt, completions: completions)
    }

    private var current: Conversation {
        lock.lock()
        defer { lock.unlock() }
        return conversation
    }

    /// Steps the conversation with one line; true when the person quit (the `end` record is then written).
    private func step(_ line: String) -> Bool {
        lock.lock()
        let events = conversation.respond(to: line)
        let ended = conversation.isFinished
        reportTranscriptFailure()
        lock.unlock()
        show(events)
        return ended
    }

    /// Says on stderr, once, that the transcript stopped being written. Called with `lock` held.
    private func reportTranscriptFailure() {
        guard !transcriptFailureReported, let error = conversation.transcriptError else { return }
        transcriptFailureReported = true
        Console.error("notice-assistant: cannot write the transcript: \(error)")
    }

    /// The events' texts, a blank line between them and after the last.
    private func show(_ events: [DialogEvent]) {
        guard !events.isEmpty else { return }
        var pieces: [String] = []
        pieces.reserveCapacity(2 * events.count)
        // A `corrected` record said by the sentence after it has no text of its own.
        for event in events where !event.text.isEmpty {
            if !pieces.isEmpty { pieces.append("\n\n") }
            pieces.append(event.text)
        }
        pieces.append("\n")
        if !printer.say(pieces) { outputClosed = true }
    }

    /// Standard output was closed (`EPIPE`): the session ends with an `end` record saying so, and the exit status is 1.
    private func outputGone() -> Int32 {
        _ = finish(.error, detail: "the output was closed")
        Console.error("notice-assistant: the output was closed; the session was ended and its transcript finished")
        return 1
    }

    /// The person asked that this conversation not be kept: the transcript is closed and deleted, and nothing more
    /// is recorded. The conversation goes on.
    private func forgetTranscript() {
        lock.lock()
        let forgetting = conversation.forgetTranscript()
        let language = conversation.session.language
        lock.unlock()
        switch forgetting {
        case .deleted, .closed:
            printer.say(Messages.transcriptForgotten(language: language) + "\n")
        case .notDeleted(let file, let reason):
            Console.error("notice-assistant: cannot delete \(file.path): \(reason)")
            printer.say(Messages.transcriptNotForgotten(file.path, language: language) + "\n")
        case .nothingKept:
            printer.say(Messages.nothingToForget(language: language) + "\n")
        }
    }

    /// Writes the end record once, from whichever path ends the session first (a line that quit has written it).
    func finish(_ reason: TranscriptRecord.End.Reason, detail: String?) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return 0 }
        finished = true
        conversation.end(reason, detail: detail)
        if let error = conversation.transcriptError, !transcriptFailureReported {
            transcriptFailureReported = true
            Console.error("notice-assistant: cannot finish the transcript: \(error)")
        }
        if source.isInteractive, let path = conversation.transcriptFile?.path, reason != .signal {
            printer.say(Messages.transcriptSaved(path, language: conversation.session.language))
        }
        Console.flush()
        source.close()
        return 0
    }

    /// In plain mode and `run` nothing reads the keyboard, so SIGINT, SIGTERM, SIGHUP and SIGQUIT are caught here: the
    /// transcript gets its `end` record and the program exits as the signal asked.
    func watchSignals() -> [DispatchSourceSignal] {
        TerminationSignals.watch { [self] signo in _ = finish(.signal, detail: Messages.signalName(signo)) }
    }
}

/// The few sentences the program itself says outside the dialog (the dialog's own texts are in Dialogs/).
enum Messages {
    static func pick(_ language: String, _ hans: String, _ hant: String, _ en: String) -> String {
        language == "en" ? en : language == "zh-Hant" ? hant : hans
    }

    /// The consent sentence of the opening: saved, on this computer, where, and the two ways not to be.
    static func transcriptNotice(_ path: String, language: String) -> String {
        pick(language,
             "（本次对话会保存在这台电脑上：\(path)，号码会被遮盖；不想保存，可以用 --no-transcript 启动，或随时输入“\(forgetCommand(language: language))”删除本次对话的记录。）",
             "（本次對話會保存在這台電腦上：\(path)，號碼會被遮蓋；不想保存，可以用 --no-transcript 啟動，或隨時輸入「\(forgetCommand(language: language))」刪除本次對話的記錄。）",
             "(This conversation is saved on this computer, in \(path), with numbers masked; to keep nothing, start with --no-transcript, or type “\(forgetCommand(language: language))” at any time to delete this conversation's transcript.)")
    }

    /// The word that deletes this conversation's transcript; every language's word works in every language.
    static func forgetCommand(language: String) -> String {
        pick(language, "删除记录", "刪除記錄", "forget")
    }

    /// Whether the line is the word that deletes the transcript, in any language, in any case, after a `:` or not.
    /// Every line of a session passes here: a line longer than the longest of the words is turned away before any
    /// String is built (building one and comparing it with each word was 4 % of a scripted run).
    static func isForgetCommand(_ line: String) -> Bool {
        // Most lines are turned away by their first character: every forget word starts with f, 删 or 刪, or a `:`.
        guard let first = line.unicodeScalars.first(where: { !isSpace($0) }), mayStartForgetWord(first) else { return false }
        guard var word = shortWord(line, longestUTF8: forgetWordsLongestUTF8) else { return false }
        if word.hasPrefix(":") { word.removeFirst() }
        return forgetWords.contains(word)
    }

    private static let forgetWords: Set<String> = ["forget", "删除记录", "刪除記錄", "删除記錄", "刪除记录"]
    /// Whether a forget word, or the `:` before it, can start with `scalar`.
    private static func mayStartForgetWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ":", "f", "F", "删", "刪": true
        default: false
        }
    }

    /// The longest of `forgetWords` in UTF-8, with the `:` before it.
    private static let forgetWordsLongestUTF8 = forgetWords.map(\.utf8.count).max()! + 1

    /// The answer to "quit?" after Ctrl-C.
    static func isYes(_ line: String) -> Bool {
        guard let word = shortWord(line) else { return false }
        return ["y", "yes", "是", "是的", "退出", "q"].contains(word)
    }

    /// A "no" to "quit?", or an empty line: nothing else to read.
    static func declinesQuit(_ line: String) -> Bool {
        guard let word = shortWord(line) else { return false }
        return ["", "n", "no", "不", "否", "不是", "不要", "不用", "继续", "繼續", "不退出", "唔好", "唔使", "continue", "go on"].contains(word)
    }

    /// The line without the spaces around it and with ASCII letters lowercased, when it is short enough to be a
    /// one-word command (these words have no other letters with case): at most `longestUTF8` bytes once trimmed.
    /// Every line passes here: no Foundation.
    private static func shortWord(_ line: String, longestUTF8: Int = 64) -> String? {
        let scalars = line.unicodeScalars
        guard line.utf8.count <= 64, let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return nil }
        let end = scalars.index(after: last)
        guard line.utf8.distance(from: first, to: end) <= longestUTF8 else { return nil }
        var bytes = Array(line.utf8[first..<end])
        for index in bytes.indices where (0x41...0x5A).contains(bytes[index]) { bytes[index] += 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The spaces `shortWord` trims: ASCII space and tab, and every space separator.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : scalar.properties.generalCategory == .spaceSeparator
    }

    static func transcriptForgotten(language: String) -> String {
        pick(language, "（本次对话的记录已删除，之后也不再保存。我们继续。）", "（本次對話的記錄已刪除，之後也不再保存。我們繼續。）",
             "(This conversation's transcript is deleted, and nothing more will be saved. Let's go on.)")
    }

    static func transcriptNotForgotten(_ path: String, language: String) -> String {
        pick(language, "（记录删不掉：\(path)；之后不再保存。请手动删除这个文件。）", "（記錄刪不掉：\(path)；之後不再保存。請手動刪除這個檔案。）",
             "(The transcript could not be deleted: \(path); nothing more will be saved. Please delete that file yourself.)")
    }

    static func nothingToForget(language: String) -> String {
        pick(language, "（本次对话没有保存记录。）", "（本次對話沒有保存記錄。）", "(Nothing of this conversation is being saved.)")
    }

    static func transcriptSaved(_ path: String, language: String) -> String {
        pick(language, "对话记录：\(path)", "對話記錄：\(path)", "Transcript: \(path)")
    }

    static func confirmQuit(language: String) -> String {
        pick(language, "要退出吗？再按一次 Ctrl-C 或输入 y 退出；输入 n 继续，或者直接接着说。", "要退出嗎？再按一次 Ctrl-C 或輸入 y 退出；輸入 n 繼續，或者直接接著說。",
             "Quit? Press Ctrl-C again or type y to quit; type n to go on, or just carry on talking.")
    }

    static func truncated(language: String) -> String {
        pick(language, "（这一段太长，我只读了前面 \(Engine.maximumLineScalars) 个字；后面的内容请分成几次发。）",
             "（這一段太長，我只讀了前面 \(Engine.maximumLineScalars) 個字；後面的內容請分成幾次發。）",
             "(That message was too long; I read only its first \(Engine.maximumLineScalars) characters. Please send the rest in parts.)")
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        case SIGQUIT: return "SIGQUIT"
        default: return "signal \(signal)"
        }
    }
}
