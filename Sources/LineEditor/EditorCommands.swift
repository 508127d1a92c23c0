import CEditLine

/// The C callbacks libedit calls while it reads a line: the prompt, Tab, Ctrl-C and Ctrl-Z.
///
/// They cannot capture anything, so each finds its ``LineEditor`` through libedit's client-data
/// pointer, which the editor sets to itself (unretained: the editor outlives every read it makes).
enum EditorCommands {
    /// Return codes of editor commands (histedit.h's CC_ values).
    private static let normal: UInt8 = 0
    private static let refresh: UInt8 = 4
    private static let error: UInt8 = 6
    private static let redisplay: UInt8 = 8

    static let prompt: ce_prompt_function = { editLine in
        owner(of: editLine)?.promptCharacters
    }

    /// Tab: completes the word before the cursor from the owner's `completion` candidates.
    static let complete: ce_command_function = { editLine, _ in
        guard let editLine, let owner = owner(of: editLine), let completion = owner.completion,
            let line = el_wline(editLine)?.pointee
        else { return error }
        let beforeCursor = WideText.string(line.buffer, count: line.cursor - line.buffer)
        let word = String(beforeCursor.split(whereSeparator: \.isWhitespace).last ?? "")
        guard !word.isEmpty else { return error }

        switch TabCompletion(word: word, candidates: completion(word)) {
        case .nothing:
            return error
        case .insert(let rest):
            return insert(rest, into: editLine) ? refresh : error
        case .list(let common, let candidates):
            _ = insert(common, into: editLine)
            let shown = candidates.map { owner.cleaner.clean($0).text }
            ce_print("\n" + shown.joined(separator: "  ") + "\n")
            return redisplay
        }
    }

    /// Ctrl-C (a ^C key, or a SIGINT the reader turned into one): records whether the line held
    /// text, then finishes the line through the editor's own keys so that the cursor leaves the
    /// line cleanly: end of line, a visible "^C", newline. The caller discards what is returned.
    static let interrupt: ce_command_function = { editLine, _ in
        guard let editLine, let owner = owner(of: editLine), let line = el_wline(editLine)?.pointee
        else { return error }
        owner.interruptedLineHadText = line.lastchar > line.buffer
        WideText.nulTerminated("\u{5}^C\n").withUnsafeBufferPointer { el_wpush(editLine, $0.baseAddress) }
        return normal
    }

    /// Ctrl-Z: stops the process with the terminal restored; redraws the line when it continues.
    static let suspend: ce_command_function = { editLine, _ in
        guard let editLine else { return error }
        ce_suspend(editLine)
        return normal
    }

    private static func insert(_ text: String, into editLine: OpaquePointer) -> Bool {
        guard !text.isEmpty else { return true }
        return WideText.nulTerminated(text).withUnsafeBufferPointer {
            el_winsertstr(editLine, $0.baseAddress) == 0
        }
    }

    private static func owner(of editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let data = ce_client_data(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }
}
