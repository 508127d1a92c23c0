import CEditLine

/// The C callbacks libedit calls while it reads a line: the prompt, Tab, Ctrl-C, Ctrl-Z and a
/// bracketed paste.
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

    /// `ESC [ 200 ~`, the start of a bracketed paste: reads the paste up to its end marker and
    /// inserts it at the cursor as one line (see ``BracketedPaste``), cleaned, without finishing the
    /// line: the person reads it and presses Enter. A paste whose end marker does not come within
    /// ``BracketedPaste/silenceLimitMilliseconds`` of its last character ends there. A Ctrl-C (a
    /// SIGINT, or a ^C inside the paste) discards the line as Ctrl-C does, once the paste has been
    /// read to its end, so that no pasted newline is later taken for Enter.
    static let paste: ce_command_function = { editLine, _ in
        guard let editLine, let owner = owner(of: editLine) else { return error }
        var paste = BracketedPaste(limit: owner.cleaner.maximumUTF8Length + 1)
        var interrupted = false
        reading: while true {
            var character: wchar_t = 0
            // End of input, an error (a termination signal) or silence also end the paste.
            guard ce_read_character_within(editLine, &character, BracketedPaste.silenceLimitMilliseconds) == 1 else { break }
            if character == 0x03 {
                interrupted = true
                continue
            }
            if paste.take(wide: character) == .ended { break reading }
        }
        if interrupted {
            return interrupt(editLine, 0)
        }
        let cleaned = owner.cleaner.clean(paste.text)
        if paste.wasCut || cleaned.wasTruncated { owner.pasteWasTruncated = true }
        return insert(cleaned.text, into: editLine) ? refresh : error
    }

    /// `ESC [ 201 ~` outside a paste (its end marker arriving after the paste was taken as ended):
    /// nothing, rather than the marker's characters in the line.
    static let ignore: ce_command_function = { _, _ in normal }

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
