// The binary form of the dialog model, for the compiled-dialog cache. Fields are written in declaration order;
// enums as a tag byte and their associated values. Keep each `write` and its `init(from:)` side by side and in step.

extension SourceLocation: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(file)
        w.int(line)
        w.int(column)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(file: try r.string(), line: try r.int(), column: try r.int())
    }
}

extension LocalizedText: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.dictionary(byLanguage) { text, w in w.string(text) }
        w.optional(location)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(try r.dictionary { r throws(BinaryFormatError) in try r.string() }, location: try r.optional())
    }
}

extension PhraseList: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.dictionary(byLanguage) { phrases, w in w.strings(phrases) }
        w.optional(location)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(try r.dictionary { r throws(BinaryFormatError) in try r.strings() }, location: try r.optional())
    }
}

extension BinaryReader {
    /// A phrase list; one that only the compiled phrase automaton needs (`compiledOnly`) is passed over and comes back
    /// empty when the reader `skipsPhraseText`.
    mutating func phraseList(compiledOnly: Bool) throws(BinaryFormatError) -> PhraseList {
        guard compiledOnly && skipsPhraseText else { return try value() }
        let count = try length()
        for _ in 0..<count {
            _ = try string()  // the language: a handful of short strings, shared
            try skipStrings()
        }
        _ = try optional(SourceLocation.self)
        return PhraseList()
    }
}

extension Lexicon: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        for list in WordList.allCases { w.optional(lists[list]) }
        w.dictionary(Dictionary(uniqueKeysWithValues: commands.map { ($0.key.rawValue, $0.value) })) { list, w in w.value(list) }
        w.dictionary(languageSwitches) { list, w in w.value(list) }
        w.dictionary(languageWords) { words, w in w.strings(words.sorted()) }
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        var lists: [WordList: PhraseList] = [:]
        for list in WordList.allCases { lists[list] = try r.optional() }
        var commands: [Command: PhraseList] = [:]
        for (name, list) in try r.dictionary({ r throws(BinaryFormatError) in try r.value(PhraseList.self) }) {
            guard let command = Command(rawValue: name) else { throw BinaryFormatError("unknown command `\(name)`") }
            commands[command] = list
        }
        let switches: [String: PhraseList] = try r.dictionary { r throws(BinaryFormatError) in try r.value() }
        self.init(lists: lists, commands: commands, languageSwitches: switches,
                  languageWords: try r.dictionary { r throws(BinaryFormatError) in Set(try r.strings()) })
    }
}

extension Condition.Literal: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        switch self {
        case .word(let word): w.byte(0); w.string(word)
        case .number(let number): w.byte(1); w.double(number)
        case .string(let string): w.byte(2); w.string(string)
        }
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        switch try r.byte() {
        case 0: self = .word(try r.string())
        case 1: self = .number(try r.double())
        case 2: self = .string(try r.string())
        case let tag: throw BinaryFormatError("unknown literal tag \(tag)")
        }
    }
}

extension Condition: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        switch self {
        case .name(let name, let offset):
            w.byte(0); w.string(name); w.int(offset)
        case .compare(let name, let comparison, let literal, let offset, let literalOffset):
            w.byte(1); w.string(name); w.string(comparison.rawValue); w.value(literal); w.int(offset); w.int(literalOffset)
        case .member(let name, let literals, let offset, let literalOffsets):
            w.byte(2); w.string(name); w.array(literals); w.int(offset)
            w.unsigned(UInt64(literalOffsets.count))
            for literalOffset in literalOffsets { w.int(literalOffset) }
        case .known(let name, let isKnown, let offset):
            w.byte(3); w.string(name); w.bool(isKnown); w.int(offset)
        case .unsure(let name, let offset):
            w.byte(7); w.string(name); w.int(offset)
        case .not(let condition):
            w.byte(4); w.value(condition)
        case .and(let a, let b):
            w.byte(5); w.value(a); w.value(b)
        case .or(let a, let b):
            w.byte(6); w.value(a); w.value(b)
        }
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        try self.init(from: &r, depth: 0)
    }

    /// Conditions nest (a chain of `and` as deep as it is long); a damaged input must not recurse without end.
    private init(from r: inout BinaryReader, depth: Int) throws(BinaryFormatError) {
        guard depth <= ConditionParser.maximumTokens else { throw BinaryFormatError("a condition nests too deeply") }
        switch try r.byte() {
        case 0:
            self = .name(try r.string(), offset: try r.int())
        case 1:
            let name = try r.string()
            let symbol = try r.string()
            guard let comparison = Comparison(rawValue: symbol) else { throw BinaryFormatError("unknown comparison `\(symbol)`") }
            self = .compare(name, comparison, try r.value(), offset: try r.int(), literalOffset: try r.int())
        case 2:
            let name = try r.string()
            let literals: [Literal] = try r.array()
            let offset = try r.int()
            let count = try r.length()
            var literalOffsets: [Int] = []
            for _ in 0..<count { literalOffsets.append(try r.int()) }
            self = .member(name, literals, offset: offset, literalOffsets: literalOffsets)
        case 3:
            self = .known(try r.string(), isKnown: try r.bool(), offset: try r.int())
        case 7:
            self = .unsure(try r.string(), offset: try r.int())
        case 4:
            self = .not(try Condition(from: &r, depth: depth + 1))
        case 5:
            self = .and(try Condition(from: &r, depth: depth + 1), try Condition(from: &r, depth: depth + 1))
        case 6:
            self = .or(try Condition(from: &r, depth: depth + 1), try Condition(from: &r, depth: depth + 1))
        case let tag:
            throw BinaryFormatError("unknown condition tag \(tag)")
        }
    }
}

extension Slot.Value: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(id); w.optional(label); w.value(synonyms); w.optional(location)
        w.byte(bareAnswer == .yes ? 1 : bareAnswer == .no ? 2 : 0)
        w.byte(prevails ? 1 : 0)
        w.byte(othersDebt ? 1 : 0)
        w.value(cued)
        w.value(withKin)
        w.strings(implies.flatMap { [$0.slot, $0.value] })
        w.value(notAfter)
        w.string(announcedAs ?? "")
        w.value(whenAsked)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(id: try r.string(), label: try r.optional(), synonyms: try r.phraseList(compiledOnly: !r.keepsSynonyms),
                  location: try r.optional())
        switch try r.byte() {
        case 0: bareAnswer = nil
        case 1: bareAnswer = .yes
        case 2: bareAnswer = .no
        case let tag: throw BinaryFormatError("unknown plain-answer tag \(tag)")
        }
        prevails = try r.byte() != 0
        othersDebt = try r.byte() != 0
        cued = try r.phraseList(compiledOnly: true)
        withKin = try r.phraseList(compiledOnly: true)
        let pairs = try r.strings()
        guard pairs.count % 2 == 0 else { throw BinaryFormatError("an odd number of strings in `implies`") }
        implies = stride(from: 0, to: pairs.count, by: 2).map { Implication(slot: pairs[$0], value: pairs[$0 + 1]) }
        notAfter = try r.value()
        let announced = try r.string()
        announcedAs = announced.isEmpty ? nil : announced
        whenAsked = try r.phraseList(compiledOnly: true)
    }
}

extension Slot.Capture: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.bool(brackets); w.strings(suffixes); w.strings(after); w.strings(notNames); w.strings(notAfter)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(brackets: try r.bool(), suffixes: try r.strings(), after: try r.strings(), notNames: try r.strings(),
                  notAfter: try r.strings())
    }
}

extension Slot: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(id); w.string(kind.rawValue); w.value(label); w.optional(placeholder); w.bool(multiple); w.array(values)
        w.value(yes); w.value(no); w.value(cues)
        w.bool(unit != nil)
        if let unit { w.string(unit.rawValue) }
        w.optional(capture); w.bool(skipsReportedSpeech); w.optional(location); w.optional(unnamed); w.bool(countsAnnounced)
        w.optional(whenAnnounced)
        w.bool(countsGuesses)
        w.bool(answersAlone)
        w.bool(reportedOwnedBy != nil)
        if let reportedOwnedBy { w.string(reportedOwnedBy) }
        w.strings(reportedDisownedBy)
        w.strings(heldOwnedBy.flatMap { [$0.slot, $0.value] })
        w.bool(plainYesAsksWhich)
        w.strings(noKeptBeside)
        w.strings(noKeptUnless)
        w.strings(answeredNoBy)
        w.value(yesWhenAsked)
        w.strings(yesBeside)
        w.strings(yesImplies.flatMap { [$0.slot, $0.value] })
        w.bool(countsKinStory)
        w.optional(home)
        w.dictionary(homes) { text, w in w.value(text) }
        w.optional(labelNo)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        let id = try r.string()
        let kindName = try r.string()
        guard let kind = Kind(rawValue: kindName) else { throw BinaryFormatError("unknown slot kind `\(kindName)`") }
        let label: LocalizedText = try r.value()
        let placeholder: LocalizedText? = try r.optional()
        let multiple = try r.bool()
        r.keepsSynonyms = kind == .text
        let values: [Value] = try r.array()
        r.keepsSynonyms = true
        let yes = try r.phraseList(compiledOnly: true)
        let no = try r.phraseList(compiledOnly: true)
        let cues = try r.phraseList(compiledOnly: true)
        var unit: Unit?
        if try r.bool() {
            let name = try r.string()
            guard let known = Unit(rawValue: name) else { throw BinaryFormatError("unknown unit `\(name)`") }
            unit = known
        }
        self.init(id: id, kind: kind, label: label, placeholder: placeholder, multiple: multiple, values: values,
                  yes: yes, no: no, cues: cues, unit: unit, capture: try r.optional(),
                  skipsReportedSpeech: try r.bool(), location: try r.optional())
        unnamed = try r.optional()
        countsAnnounced = try r.bool()
        whenAnnounced = try r.optional()
        countsGuesses = try r.bool()
        answersAlone = try r.bool()
        reportedOwnedBy = try r.bool() ? try r.string() : nil
        reportedDisownedBy = try r.strings()
        let owning = try r.strings()
        guard owning.count % 2 == 0 else { throw BinaryFormatError("an odd number of strings in `held_owned_by`") }
        heldOwnedBy = stride(from: 0, to: owning.count, by: 2).map { Value.Implication(slot: owning[$0], value: owning[$0 + 1]) }
        plainYesAsksWhich = try r.bool()
        noKeptBeside = try r.strings()
        noKeptUnless = try r.strings()
        answeredNoBy = try r.strings()
        yesWhenAsked = try r.phraseList(compiledOnly: true)
        yesBeside = try r.strings()
        let implied = try r.strings()
        guard implied.count % 2 == 0 else { throw BinaryFormatError("an odd number of strings in `yes_implies`") }
        yesImplies = stride(from: 0, to: implied.count, by: 2).map { Value.Implication(slot: implied[$0], value: implied[$0 + 1]) }
        countsKinStory = try r.bool()
        home = try r.optional()
        homes = try r.dictionary { r throws(BinaryFormatError) in try r.value() }
        labelNo = try r.optional()
    }
}

extension Slot.AnnouncedMeaning: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(slot); w.string(value); w.strings(except); w.optional(location)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(slot: try r.string(), value: try r.string(), except: try r.strings(), location: try r.optional())
    }
}

extension Flag: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(id); w.value(label); w.bool(isSituation); w.value(condition); w.optional(conditionLocation); w.optional(location)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(id: try r.string(), label: try r.value(), isSituation: try r.bool(), condition: try r.value(),
                  conditionLocation: try r.optional(), location: try r.optional())
    }
}

extension Transition: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.optional(condition); w.optional(conditionLocation); w.string(target); w.optional(location)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(condition: try r.optional(), conditionLocation: try r.optional(), target: try r.string(), location: try r.optional())
    }
}

extension DialogState.Kind: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        switch self {
        case .say(let text): w.byte(0); w.value(text)
        case .listen(let text): w.byte(1); w.value(text)
        case .ask(let slots, let prompt): w.byte(2); w.strings(slots); w.value(prompt)
        case .branch: w.byte(3)
        case .end(let text, let remedies):
            w.byte(4); w.value(text); w.bool(remedies != nil)
            if let remedies { w.strings(remedies) }
        case .advise(let text): w.byte(5); w.value(text)
        }
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        switch try r.byte() {
        case 0: self = .say(try r.value())
        case 1: self = .listen(try r.value())
        case 2: self = .ask(slots: try r.strings(), prompt: try r.value())
        case 3: self = .branch
        case 4: self = .end(try r.value(), remedies: try r.bool() ? try r.strings() : nil)
        case 5: self = .advise(try r.value())
        case let tag: throw BinaryFormatError("unknown state kind tag \(tag)")
        }
    }
}

extension DialogState: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(id); w.value(kind); w.optional(label); w.array(reprompts); w.optional(why); w.int(limit)
        w.bool(alwaysAsk); w.array(transitions); w.optional(location)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(id: try r.string(), kind: try r.value(), label: try r.optional(), reprompts: try r.array(),
                  why: try r.optional(), limit: try r.int(), alwaysAsk: try r.bool(), transitions: try r.array(), location: try r.optional())
    }
}

extension Remedy: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(id); w.int(order); w.value(condition); w.optional(conditionLocation); w.value(title)
        w.dictionary(steps) { lines, w in w.strings(lines) }
        w.optional(prepare); w.optional(channel); w.integers(keySteps.map { Int32(clamping: $0) })
        w.optional(short); w.strings(safety); w.optional(location)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(id: try r.string(), order: try r.int(), condition: try r.value(), conditionLocation: try r.optional(),
                  title: try r.value(), steps: try r.dictionary { r throws(BinaryFormatError) in try r.strings() },
                  prepare: try r.optional(), channel: try r.optional(), keySteps: try r.integers(Int32.self).map { Int($0) },
                  short: try r.optional(), safety: try r.strings(), location: try r.optional())
    }
}

extension Draft: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(id); w.optional(condition); w.optional(conditionLocation); w.value(title); w.value(triggers); w.value(text)
        w.optional(location)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(id: try r.string(), condition: try r.optional(), conditionLocation: try r.optional(), title: try r.value(),
                  triggers: try r.value(), text: try r.value(), location: try r.optional())
    }
}

extension Topic.Answer: BinaryCodable {
    public func write(to w: inout BinaryWriter) { w.optional(condition); w.value(text) }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(condition: try r.optional(), text: try r.value())
    }
}

extension Topic: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(id); w.value(asked); w.array(answers); w.optional(condition); w.optional(location); w.bool(answersQuoted)
        w.optional(alert)
        w.bool(alone)
        w.value(feared)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(id: try r.string(), asked: try r.phraseList(compiledOnly: true), answers: try r.array(), condition: try r.optional(),
                  location: try r.optional())
        answersQuoted = try r.bool()
        alert = try r.optional()
        alone = try r.bool()
        feared = try r.phraseList(compiledOnly: true)
    }
}

extension Dialog: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(id); w.string(version); w.strings(languages); w.string(start); w.value(lexicon)
        w.dictionary(messages) { text, w in w.value(text) }
        w.array(slots); w.array(flags); w.array(states); w.array(remedies); w.array(drafts); w.array(topics); w.string(contentHash)
    }

    public init(from r: inout BinaryReader) throws(BinaryFormatError) {
        self.init(id: try r.string(), version: try r.string(), languages: try r.strings(), start: try r.string(),
                  lexicon: try r.value(), messages: try r.dictionary { r throws(BinaryFormatError) in try r.value() },
                  slots: try r.array(), flags: try r.array(), states: try r.array(), remedies: try r.array(),
                  drafts: try r.array(), topics: try r.array(), contentHash: try r.string())
    }
}
