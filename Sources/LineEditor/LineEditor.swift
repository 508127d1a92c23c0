// Terminal recipes, verified by hand in tmux 3.x with a demo that prints "got: <line>" for each line
// (prompt "平台> ", completion candidates 优品商城 京东白条 借呗 借贷宝 花呗), with LANG unset and with
// LANG=C.UTF-8. A terminal test suite can run them against `notice-assistant` the same way.
//
// Start it so the pane (and its tty) outlives the program, then note the tty and the program's pid:
//   tmux new-session -d -s le -x 100 -y 30 "sh -c 'env -u LANG PROGRAM; echo EXIT=\$?; sleep 100'"
//   TTY=$(tmux display -p -t le '#{pane_tty}'); PID=$(pgrep -P "$(tmux display -p -t le '#{pane_pid}')")
// Wait for the prompt before each send (poll `tmux capture-pane -p -t le` until the last non-empty
// line starts with the prompt; capture-pane drops trailing spaces): keys sent before the program
// has started are read by no one.
//   send-keys '优品商城' Left Left 'X' Enter        → got: 优品X商城
//   send-keys '优品商城' BSpace Enter               → got: 优品商
//   send-keys '优品商城' C-b C-b BSpace Enter       → got: 优商城
//   send-keys '优品商城' Home Right DC Enter        → got: 优商城            (DC is Delete)
//   send-keys 'abc' C-a 'X' C-e 'Y' Enter           → got: XabcY             (Home / End too)
//   send-keys '优品商城' Left Left C-u Enter        → got: 商城              (C-u kills back to the start)
//   send-keys '优品商城' C-a C-k Enter              → got:                   (C-w kills the word back)
//   send-keys Up Enter                              → the previous line again
//   send-keys '优' Tab Enter                        → got: 优品商城
//   send-keys '借' Tab                              → a row "借呗  借贷宝" below, then "平台> 借" again
//   send-keys '优品商城' Left Left C-c              → "平台> 优品商城^C" and .interrupted(discardedText: true)
//   send-keys C-c                                   → "平台> ^C" and .interrupted(discardedText: false)
//   send-keys C-d                                   → "平台> ^D" and .endOfInput
//   send-keys '优品'; kill -TERM $PID               → .terminated(signal: 15), EXIT=143, and
//       `stty -a -F $TTY` shows "isig icanon echo" (while reading it shows "-isig -icanon -echo")
//   kill -INT $PID while reading                    → the same as C-c
//   tmux resize-window -t le -x 50                  → the prompt and line are drawn afresh below
//   load-buffer F; paste-buffer -p -t le; send-keys Enter
//                                                   → got: the lines of F joined by spaces (one line)
// Ctrl-C is a key while reading (ISIG is off), so `'优品' C-c` sent at once is handled in order.
// Outside a read the terminal is in its ordinary mode: there, Ctrl-C is a SIGINT to the whole
// foreground process group, which kills a wrapping `sh -c` too; use an interactive shell in the
// pane (`tmux new-session 'bash --norc'`, then send-keys the command) to test that, and Ctrl-Z/`fg`.

import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An interactive line editor over libedit, for a person typing at a terminal.
///
/// It promises:
/// - Chinese (and any other UTF-8) text is edited by character: emacs keys (Ctrl-A/E/K/W/U, Home,
///   End, arrows, Backspace, Delete) move and delete whole characters, wide ones included.
/// - Every returned line has passed through ``cleaner`` (see ``InputCleaner``).
/// - Non-empty lines are added to history; Up and Down recall them (see ``HistoryStore``), and Ctrl-R
///   searches them backwards incrementally, as in readline.
/// - The person's `~/.editrc` (or `$EDITRC`) is read after the program's own key bindings, so it can change them.
/// - Ctrl-C, Ctrl-D, SIGTERM, SIGHUP and SIGQUIT come back as values of ``Input`` rather than ending
///   the process, and the terminal is back in its ordinary mode whenever `readLine` has returned.
/// - Window resizes redraw the line; Ctrl-Z suspends with the terminal restored.
/// - A paste of several lines (bracketed paste, asked for only while a line is read) is inserted as
///   one line, each line break a space, and waits for Enter (see ``BracketedPaste``).
///
/// Use it only when ``isInteractive`` is true; for pipes, use a plain reader with the same
/// ``InputCleaner``. Only one editor may exist at a time, because signal handling is per process.
/// It is not `Sendable`: it owns the terminal and is used from one place.
///
/// ```swift
/// _ = LineEditor.prepareLocale()
/// guard LineEditor.isInteractive, let editor = LineEditor(programName: "notice-assistant") else { … }
/// editor.completion = { _ in ["优品商城", "京东白条"] }
/// loop: while true {
///     switch editor.readLine(prompt: Prompt("平台> ", color: .cyan)) {
///     case .line(let text, _): print("got: \(text)")
///     case .interrupted, .endOfInput, .terminated: break loop
///     }
/// }
/// editor.close()
/// ```
public final class LineEditor {
    /// Candidates for Tab, given the text from the last whitespace to the cursor. The editor keeps
    /// the candidates that continue the end of that text: one is completed, several are completed
    /// as far as they agree and listed below the line. Candidates may be Chinese.
    public var completion: (@Sendable (_ wordBeforeCursor: String) -> [String])?

    /// The cleaner every returned line passes through.
    public let cleaner: InputCleaner

    /// The first problem with the history file, if any; the editor carries on without the file.
    public private(set) var historyError: HistoryFileError?

    /// The prompt of the current read, as a NUL-terminated wide string that libedit reads from.
    private(set) var promptCharacters: UnsafeMutablePointer<wchar_t>?
    /// Set by the Ctrl-C command during a read: whether the discarded line held text.
    var interruptedLineHadText: Bool?
    /// Set by the paste command during a read: a paste was longer than the cleaner's limit.
    var pasteWasTruncated = false

    private var editLine: OpaquePointer?
    private var history: OpaquePointer?
    private var historyFile: HistoryFile?
    private var signals = TerminalSignals()
    private let usesColor: Bool
    private let usesBracketedPaste: Bool
    /// The line last added to history, so that a line repeated at once is stored once, in memory
    /// (libedit's own rule) and in the file alike.
    private var lastRemembered: String?

    /// Whether standard input and standard output are both terminals.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
    }

    /// Takes the locale from the environment and makes sure the character locale uses UTF-8,
    /// switching only `LC_CTYPE` to `C.UTF-8` (or `en_US.UTF-8`) when the environment's does not.
    /// Call it once, before creating an editor.
    public static func prepareLocale() -> LocaleStatus {
        _ = ce_set_locale_from_environment()
        if codesetIsUTF8 { return .utf8 }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where ce_set_character_locale(name) != nil {
            if codesetIsUTF8 { return .switchedToUTF8(locale: name) }
        }
        return .notUTF8(codeset: currentCodeset)
    }

    /// Ends the process by `signal`, with that signal's default action, so that the parent sees how
    /// it ended. For use after a ``Input/terminated(signal:)`` has been handled and ``close()``d.
    public static func exit(bySignal signal: Int32) -> Never {
        TerminalSignals.die(by: signal)
    }

    /// Opens an editor on the terminal; nil if libedit cannot start.
    ///
    /// - Parameters:
    ///   - programName: the name libedit knows the program by.
    ///   - history: where history is kept; a history file that cannot be read is reported through
    ///     ``historyError`` and does not stop the editor.
    ///   - cleaner: what every returned line passes through.
    public init?(programName: String, history: HistoryStore = .inMemory(), cleaner: InputCleaner = InputCleaner()) {
        guard let editLine = ce_init(programName) else { return nil }
        self.editLine = editLine
        self.cleaner = cleaner
        self.usesColor = Self.colorIsWanted
        self.usesBracketedPaste = Self.terminalIsCapable
        configureKeys(editLine)
        openHistory(history, for: editLine)
        _ = ce_set_prompt(editLine, EditorCommands.prompt, Self.promptEscape)
        signals.attach(to: editLine)
    }

    deinit {
        close()
    }

    /// Shows `prompt`, lets the person edit a line, and returns what happened.
    public func readLine(prompt: Prompt) -> Input {
        guard let editLine else { return .endOfInput }
        if let signal = signals.termination { return .terminated(signal: signal) }
        // A Ctrl-C pressed while the caller was busy: report it rather than lose it.
        if signals.takeInterrupt() { return .interrupted(discardedText: false) }

        setPrompt(prompt)
        interruptedLineHadText = nil
        pasteWasTruncated = false
        _ = ce_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        signals.beginRead()
        // Only while a line is read: a paste then arrives between markers (see EditorCommands.paste);
        // outside a read, and after the program, the terminal pastes as it always did.
        if usesBracketedPaste { ce_set_bracketed_paste(1) }
        var count: Int32 = 0
        let characters = el_wgets(editLine, &count)
        ce_set_bracketed_paste(0)
        signals.endRead()

        if let signal = signals.termination {
            ce_print("\n")
            return .terminated(signal: signal)
        }
        if let hadText = interruptedLineHadText {
            return .interrupted(discardedText: hadText)
        }
        guard let characters, count > 0 else {
            ce_print("\n")
            return .endOfInput
        }
        var text = WideText.string(characters, count: Int(count))
        if text.hasSuffix("\n") { text.removeLast() }
        let cleaned = cleaner.clean(text)
        remember(cleaned.text)
        return .line(cleaned.text, truncated: cleaned.wasTruncated || pasteWasTruncated)
    }

    /// Restores the terminal and the signal handlers and frees libedit; later reads return
    /// ``Input/endOfInput``. Safe to call more than once.
    public func close() {
        if let editLine {
            ce_set_bracketed_paste(0)
            el_end(editLine)
            self.editLine = nil
            signals.detach()
        }
        if let history {
            history_wend(history)
            self.history = nil
        }
        promptCharacters?.deallocate()
        promptCharacters = nil
    }

    // MARK: - Setup

    private func configureKeys(_ editLine: OpaquePointer) {
        // The editor mode first: choosing it resets every binding.
        _ = ce_set_editor(editLine, "emacs")
        // With signals from the keyboard off while editing, ^C and ^Z are keys, handled in order with
        // the keys typed before them; a SIGINT from elsewhere still works (see TerminalSignals).
        _ = ce_set_editing_terminal_mode(editLine, "-isig")
        // libedit's redraw loses its place when a row ends exactly at the right margin (as rows of
        // double-width Chinese text often do) on terminals that delay the wrap ("xn"); treating the
        // margin as not wrapping makes it break rows itself, which every terminal follows.
        _ = ce_set_terminal_capability(editLine, "am", "no")
        _ = ce_add_function(editLine, "na-complete", "Complete the word before the cursor", EditorCommands.complete)
        _ = ce_add_function(editLine, "na-interrupt", "Discard the line (Ctrl-C)", EditorCommands.interrupt)
        _ = ce_add_function(editLine, "na-suspend", "Suspend the program (Ctrl-Z)", EditorCommands.suspend)
        _ = ce_add_function(editLine, "na-paste", "Insert a bracketed paste as one line", EditorCommands.paste)
        _ = ce_add_function(editLine, "na-ignore", "Do nothing", EditorCommands.ignore)
        let bindings: [(keys: String, command: String)] = [
            ("^I", "na-complete"),
            ("^C", "na-interrupt"),
            ("^Z", "na-suspend"),
            ("^W", "ed-delete-prev-word"),
            ("^U", "vi-kill-line-prev"),
            ("\\e[3~", "ed-delete-next-char"),
            ("\\e[H", "ed-move-to-beg"), ("\\e[F", "ed-move-to-end"),
            ("\\eOH", "ed-move-to-beg"), ("\\eOF", "ed-move-to-end"),
            ("\\e[1~", "ed-move-to-beg"), ("\\e[4~", "ed-move-to-end"),
            ("\\e[7~", "ed-move-to-beg"), ("\\e[8~", "ed-move-to-end"),
            ("\\e[1;5C", "em-next-word"), ("\\e[1;5D", "ed-prev-word"),
            ("\\e[200~", "na-paste"), ("\\e[201~", "na-ignore"),
            // readline's habit: Ctrl-R searches the history backwards as you type (Ctrl-R again: the next match
            // further back; Enter takes the line found; Ctrl-G or an arrow leaves the search).
            ("^R", "em-inc-search-prev"),
        ]
        for binding in bindings {
            _ = ce_bind(editLine, binding.keys, binding.command)
        }
        // Last, so a person's own settings win: $EDITRC, else ~/.editrc (lines for every program, or prefixed
        // `notice-assistant:` for this one), as every libedit program reads it. A missing file is no error.
        _ = el_source(editLine, nil)
    }

    private func openHistory(_ store: HistoryStore, for editLine: OpaquePointer) {
        guard let history = ce_history_init(Int32(clamping: store.limit)) else { return }
        self.history = history
        _ = ce_set_history(editLine, history)
        guard case .file(let path, let redact) = store.location else { return }
        let file = HistoryFile(path: path, limit: store.limit, redact: redact)
        historyFile = file
        do {
            for line in try file.load() {
                enterIntoHistory(cleaner.clean(line).text)
            }
        } catch {
            // A file that cannot be read (a FIFO, a folder, too large) is not written either: history stays in memory.
            historyError = error
            historyFile = nil
        }
    }

    // MARK: - Reading

    /// Marks the start and end of text that is sent to the terminal but takes no room on screen.
    private static let promptEscape: wchar_t = 1

    private func setPrompt(_ prompt: Prompt) {
        let visible = cleaner.clean(prompt.text).text
        var text = visible
        if usesColor, let color = prompt.color, let last = visible.last {
            // libedit drops an invisible sequence at the very end of a prompt, so the colour is reset
            // before the last character (usually the space before the cursor), which stays plain.
            let start = "\u{1}\u{1B}[\(color.selectGraphicRendition)m\u{1}"
            let reset = "\u{1}\u{1B}[0m\u{1}"
            text = start + visible.dropLast() + reset + String(last)
        }
        let characters = WideText.nulTerminated(text)
        promptCharacters?.deallocate()
        let buffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: characters.count)
        buffer.initialize(from: characters, count: characters.count)
        promptCharacters = buffer
    }

    private func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line != lastRemembered else { return }
        lastRemembered = line
        enterIntoHistory(line)
        guard let historyFile else { return }
        do {
            try historyFile.append(line)
        } catch {
            if historyError == nil { historyError = error }
        }
    }

    private func enterIntoHistory(_ line: String) {
        guard let history, !line.isEmpty else { return }
        _ = WideText.nulTerminated(line).withUnsafeBufferPointer { ce_history_enter(history, $0.baseAddress) }
    }

    // MARK: - Environment

    private static var colorIsWanted: Bool {
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        return terminalIsCapable
    }

    /// Whether the terminal understands escape sequences at all (`TERM` is set and not `dumb`).
    private static var terminalIsCapable: Bool {
        guard let term = getenv("TERM") else { return true }
        return String(cString: term) != "dumb"
    }

    private static var currentCodeset: String {
        ce_codeset().map { String(cString: $0) } ?? ""
    }

    private static var codesetIsUTF8: Bool {
        let normalized = currentCodeset.uppercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "UTF8"
    }
}
