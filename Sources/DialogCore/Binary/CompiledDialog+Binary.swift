// The binary form of a compiled dialog: the dialog model, the phrase automaton, the command table and the topics'
// automaton, so a process can start without parsing YAML, validating and compiling again (the cache in DialogFiles).

extension CompiledDialog: BinaryCodable {
    /// The compiled dialog as bytes; `CompiledDialog(binary:)` reads them back.
    public func binary() -> [UInt8] {
        var w = BinaryWriter()
        write(to: &w)
        return w.bytes
    }

    /// Reads what `binary()` wrote. Throws when the bytes are damaged or do not fit the dialog they hold (a phrase
    /// that points at a slot the dialog does not have); never traps.
    public init(binary bytes: [UInt8]) throws(BinaryFormatError) {
        var r = try BinaryReader(bytes)
        try self.init(from: &r)
        guard r.isAtEnd else { throw BinaryFormatError("there are bytes after the compiled dialog") }
    }

    public func write(to w: inout BinaryWriter) {
        w.value(dialog)
        matcher.write(to: &w) { cue, w in cue.write(to: &w) }
        w.dictionary(lineCommands) { command, w in
            switch command {
            case .command(let command): w.byte(0); w.string(command.rawValue)
            case .language(let language): w.byte(1); w.string(language)
            case .draft(let ids): w.byte(2); w.string(ids.joined(separator: ","))
            case .step(let number): w.byte(3); w.string(String(number))  // never in the table; written for completeness
            }
        }
        topicMatcher.write(to: &w) { topic, w in w.int(topic) }
        // The phrases with a number in them, found once: a process that reads this skips the phrase lists they come from.
        let numberPhrases = self.numberPhrases
        w.unsigned(UInt64(numberPhrases.count))
        for phrase in numberPhrases {
            w.string(String(String.UnicodeScalarView(phrase.before)))
            w.string(String(String.UnicodeScalarView(phrase.after)))
            phrase.cue.write(to: &w)
        }
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        let dialog: Dialog = try r.value()
        let slots = dialog.slots
        func slot(_ index: Int) throws(BinaryFormatError) -> Int {
            guard slots.indices.contains(index) else { throw BinaryFormatError("a phrase points at slot \(index), which the dialog does not have") }
            return index
        }
        func value(_ index: Int, of slotIndex: Int) throws(BinaryFormatError) -> Int {
            guard slots[slotIndex].values.indices.contains(index) else { throw BinaryFormatError("a phrase points at a value the slot does not have") }
            return index
        }
        func cue(_ r: inout BinaryReader) throws(BinaryFormatError) -> Cue {
            let tag = try r.byte()
            switch tag {
            case 0: return .slotYes(try slot(r.int()))
            case 1: return .slotNo(try slot(r.int()))
            case 2: let s = try slot(r.int()); return .choice(s, value: try value(r.int(), of: s))
            case 3: return .numberCue(try slot(r.int()))
            case 4: let s = try slot(r.int()); return .known(s, value: try value(r.int(), of: s))
            case 5: return .suffix(try slot(r.int()))
            case 6:
                let index = try r.int()
                guard WordList.allCases.indices.contains(index) else { throw BinaryFormatError("unknown word list \(index)") }
                return .word(WordList.allCases[index])
            case 13: return .nameCue(try slot(r.int()))
            case 14: let s = try slot(r.int()); return .cuedChoice(s, value: try value(r.int(), of: s))
            case 15: return .askedYes(try slot(r.int()))
            case 16: let s = try slot(r.int()); return .askedChoice(s, value: try value(r.int(), of: s))
            default: throw BinaryFormatError("unknown phrase meaning tag \(tag)")
            }
        }
        let matcher = try PhraseMatcher<Cue>(from: &r, cue)
        let lineCommands: [String: LineCommand] = try r.dictionary { r throws(BinaryFormatError) -> LineCommand in
            let tag = try r.byte()
            let name = try r.string()
            switch tag {
            case 0:
                guard let command = Command(rawValue: name) else { throw BinaryFormatError("unknown command `\(name)`") }
                return .command(command)
            case 1: return .language(name)
            case 2: return .draft(name.split(separator: ",").map(String.init))
            case 3:
                guard let number = Int(name) else { throw BinaryFormatError("a step command without a number") }
                return .step(number)
            default: throw BinaryFormatError("unknown command tag \(tag)")
            }
        }
        let topicMatcher = try PhraseMatcher<Int>(from: &r) { r throws(BinaryFormatError) -> Int in
            let topic = try r.int()
            // `feared` words are kept as `-1 - index`.
            guard dialog.topics.indices.contains(topic >= 0 ? topic : -1 - topic) else { throw BinaryFormatError("a phrase asks topic \(topic), which the dialog does not have") }
            return topic
        }
        let numberCount = try r.length()
        var numberPhrases: [NumberPhrase] = []
        for _ in 0..<numberCount {
            let before = Array(try r.string().unicodeScalars), after = Array(try r.string().unicodeScalars)
            numberPhrases.append(NumberPhrase(before: before, after: after, cue: try cue(&r)))
        }
        self.init(dialog: dialog, matcher: matcher, lineCommands: lineCommands, topicMatcher: topicMatcher, numberPhrases: numberPhrases)
    }
}

extension CompiledDialog.Cue {
    func write(to w: inout BinaryWriter) {
        switch self {
        case .slotYes(let s): w.byte(0); w.int(s)
        case .slotNo(let s): w.byte(1); w.int(s)
        case .choice(let s, let v): w.byte(2); w.int(s); w.int(v)
        case .numberCue(let s): w.byte(3); w.int(s)
        case .known(let s, let v): w.byte(4); w.int(s); w.int(v)
        case .suffix(let s): w.byte(5); w.int(s)
        case .word(let list): w.byte(6); w.int(WordList.allCases.firstIndex(of: list) ?? 0)
        case .nameCue(let slot): w.byte(13); w.int(slot)
        case .cuedChoice(let s, let v): w.byte(14); w.int(s); w.int(v)
        case .askedYes(let s): w.byte(15); w.int(s)
        case .askedChoice(let s, let v): w.byte(16); w.int(s); w.int(v)
        }
    }
}
