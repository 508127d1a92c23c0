import Foundation
import LineEditor

/// What the person did at the prompt.
enum LineInput: Equatable {
    case line(String, truncated: Bool)
    /// Ctrl-C (terminal only).
    case interrupted(discardedText: Bool)
    case endOfInput
    /// SIGTERM or SIGHUP while reading (terminal only; plain mode handles signals in `SignalWatcher`).
    case terminated(signal: Int32)
}

/// Where lines come from: a terminal with line editing, or a pipe.
protocol LineSource: AnyObject {
    /// Whether this source shows prompts and wants a summary on Ctrl-D.
    var isInteractive: Bool { get }
    /// Whether a whole line has been read already, so the next `read` will not wait for input.
    var hasPendingLine: Bool { get }
    /// `completions` is called only when the person presses Tab: a script or a pipe never builds them.
    func read(prompt: String, completions: @escaping @Sendable () -> [String]) -> LineInput
    func close()
}

/// Lines from a pipe or a file: no prompt, no control sequences, invalid UTF-8 repaired, control characters and
/// escape sequences removed, lines over the cleaner's limit cut (and said so), without ever holding more than the
/// limit of one line in memory.
final class PlainLineSource: LineSource {
    private let fd: Int32
    private let cleaner = InputCleaner()
    /// What was read and not yet returned: `buffer[start...]`. Lines are taken by moving `start`, and the buffer is
    /// compacted only when it is refilled, so a long script costs no copying per line.
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    let isInteractive = false
    var hasPendingLine: Bool { buffer[start...].contains(0x0A) }

    init(fd: Int32 = 0) {
        self.fd = fd
    }

    func read(prompt: String, completions: @escaping @Sendable () -> [String]) -> LineInput {
        var line: [UInt8] = []
        var truncated = false
        let limit = cleaner.maximumUTF8Length
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                append(buffer[start..<newline], to: &line, limit: limit, truncated: &truncated)
                start = newline + 1
                break
            }
            append(buffer[start...], to: &line, limit: limit, truncated: &truncated)
            buffer.removeAll(keepingCapacity: true)
            start = 0
            if atEnd || !fill() {
                atEnd = true
                if line.isEmpty && !truncated { return .endOfInput }
                break
            }
        }
        if line.last == 0x0D { line.removeLast() }
        let cleaned = cleaner.clean(bytes: line)
        return .line(cleaned.text, truncated: truncated || cleaned.wasTruncated)
    }

    private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8], limit: Int, truncated: inout Bool) {
        let room = max(0, limit + 4 - line.count)
        if bytes.count > room { truncated = true }
        line.append(contentsOf: bytes.prefix(room))
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0, errno == EINTR { continue }
            return false
        }
    }

    func close() {}
}

/// Lines from a person at a terminal, through libedit.
final class TerminalLineSource: LineSource {
    private let editor: LineEditor
    let isInteractive = true
    let hasPendingLine = false
    private let completionBox = CompletionBox()

    init?(history: HistoryStore) {
        guard let editor = LineEditor(programName: "notice-assistant", history: history) else { return nil }
        self.editor = editor
        let box = completionBox
        editor.completion = { word in box.candidates(for: word) }
    }

    func read(prompt: String, completions: @escaping @Sendable () -> [String]) -> LineInput {
        completionBox.set(completions)
        switch editor.readLine(prompt: Prompt(prompt, color: .cyan)) {
        case .line(let text, let truncated): return .line(text, truncated: truncated)
        case .interrupted(let discarded): return .interrupted(discardedText: discarded)
        case .endOfInput: return .endOfInput
        case .terminated(let signal): return .terminated(signal: signal)
        }
    }

    var historyWarning: String? { editor.historyError?.description }

    func close() { editor.close() }
}

/// The current question's completions, read by the editor's Tab handler: worked out at the first Tab of a prompt,
/// not for every prompt.
final class CompletionBox: @unchecked Sendable {
    // Guarded by `lock`: the editor calls the completion closure on the same thread, but the closure is @Sendable.
    private let lock = NSLock()
    private var make: @Sendable () -> [String] = { [] }
    private var words: [String]?

    func set(_ make: @escaping @Sendable () -> [String]) {
        lock.lock()
        self.make = make
        words = nil
        lock.unlock()
    }

    func candidates(for prefix: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let words = self.words ?? make()
        self.words = words
        guard !prefix.isEmpty else { return words }
        return words.filter { $0.hasPrefix(prefix) || $0.lowercased().hasPrefix(prefix.lowercased()) }
    }
}
