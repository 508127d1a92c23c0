import Atomics

/// A dialog made ready to run: indexes by id, and one phrase automaton over every phrase of every slot, command and
/// lexicon list in every language. Built once when the dialog loads, then shared by any number of sessions.
public struct CompiledDialog: Sendable {
    /// What a phrase found in a line means.
    enum Cue: Sendable, Hashable {
        case slotYes(Int), slotNo(Int), choice(Int, value: Int), numberCue(Int), known(Int, value: Int), suffix(Int), nameCue(Int)
        /// A value's `with_cue` phrase: it counts only beside a cue of its slot (see `Slot.Value.cued`).
        case cuedChoice(Int, value: Int)
        /// A `yes_when_asked` phrase: yes to its slot only while that slot's question is on screen.
        case askedYes(Int)
        /// A value's `when_asked` phrase: names the value only while its slot's question is on screen.
        case askedChoice(Int, value: Int)
        /// A word of one of the lexicon's lists.
        case word(WordList)

        /// The slot a content phrase is about; nil for the lexicon's words.
        var slot: Int? {
            switch self {
            case .slotYes(let s), .slotNo(let s), .choice(let s, _), .numberCue(let s), .known(let s, _), .suffix(let s), .nameCue(let s),
                 .cuedChoice(let s, _), .askedYes(let s), .askedChoice(let s, _):
                return s
            case .word:
                return nil
            }
        }
    }

    /// What a whole line is when it is a global command rather than an answer.
    public enum LineCommand: Sendable, Hashable {
        case command(Command)
        case language(String)
        /// The drafts a trigger names, in the dialog's order: one phrase ("申诉", "stop contacting") may name a letter
        /// for each kind of person, and the first that fits what the person said is given.
        case draft([String])
        /// One step of the advice opened by its number ("第2步", "step 2"): read from the line, never looked up.
        case step(Int)
    }

    /// Everything, behind one reference: sessions, renderers and evaluators copy a `CompiledDialog` many times a turn,
    /// and copying a struct of a dozen collections cost a dozen reference-count operations each time.
    private final class Storage: Sendable {
        let dialog: Dialog
        let slotIndex: [String: Int]
        /// Per slot index, its values by id (the first of an id wins, as a search from the front would find it).
        let valueIndex: [[String: Int]]
        let stateIndex: [String: Int]
        let flagIndex: [String: Int]
        let matcher: PhraseMatcher<Cue>
        let lineCommands: [String: LineCommand]
        /// The most scalars a command's key has: a longer line is no command, and needs no key built.
        let longestCommand: Int
        /// Each command key's length and first scalar (`CompiledDialog.commandShape`): a line of another shape is no
        /// command either, and needs no key built and hashed (most lines, ~3k instructions each).
        let commandShapes: Set<UInt64>
        let numberSlots: [Int]
        let captureSlots: [Int]
        /// The choice slots that a line of denials answers `none` (`Slot.answeredNoBy` on a choice slot).
        let deniableChoiceSlots: [Int]
        let situationFlags: [Int]
        /// The phrases that ask a topic, to the topic's index.
        let topicMatcher: PhraseMatcher<Int>
        /// Built at first use: see ``LineTables``.
        private let lineTables = ManagedAtomicLazyReference<LineTables>()
        /// Per language of `dialog.languages`, built when a session in it first needs them: see ``ShownTexts``.
        let shownTexts: [ManagedAtomicLazyReference<ShownTexts>]
        /// Every name the conditions read, by place, and the flags' conditions resolved.
        let conditionNames: ConditionNames
        /// Per state index, its `next` entries: the condition resolved, and the target's state index.
        let routes: [[Route]]
        /// Per state index, the slots it asks by slot index (-1 for an id the dialog has no slot of).
        let askedSlots: [[Int]]
        /// Per topic and per draft (by index), its condition resolved.
        let topicConditions: [ResolvedCondition?]
        let draftConditions: [ResolvedCondition?]
        /// Per topic, per answer (by index), its condition resolved.
        let topicAnswerConditions: [[ResolvedCondition?]]

        /// Read with the rest from the cache, whose reader may have skipped the phrase lists they come from; nil:
        /// found in the dialog's phrases when first needed.
        let cachedNumberPhrases: [NumberPhrase]?

        init(dialog: Dialog, matcher: PhraseMatcher<Cue>, lineCommands: [String: LineCommand], topicMatcher: PhraseMatcher<Int>,
             numberPhrases: [NumberPhrase]? = nil) {
            self.dialog = dialog
            shownTexts = dialog.languages.map { _ in ManagedAtomicLazyReference() }
            cachedNumberPhrases = numberPhrases
            self.matcher = matcher
            self.lineCommands = lineCommands
            longestCommand = lineCommands.keys.map(\.unicodeScalars.count).max() ?? 0
            commandShapes = Set(lineCommands.keys.map { CompiledDialog.commandShape(Array($0.unicodeScalars)[...]) })
            slotIndex = Dictionary(dialog.slots.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            valueIndex = dialog.slots.map { slot in
                Dictionary(slot.values.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            }
            stateIndex = Dictionary(dialog.states.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            flagIndex = Dictionary(dialog.flags.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let names = ConditionNames(dialog: dialog, slotIndex: slotIndex, flagIndex: flagIndex)
            conditionNames = names
            let stateIndex = stateIndex
            (topicConditions, draftConditions, topicAnswerConditions) = names.topicsAndDrafts(of: dialog)
            routes = zip(dialog.states, names.routes(of: dialog)).map { state, conditions in
                zip(state.transitions, conditions).map { Route(condition: $1, target: stateIndex[$0.target]) }
            }
            let slotIndex = slotIndex
            askedSlots = dialog.states.map { state in state.askedSlots.map { slotIndex[$0] ?? -1 } }
            numberSlots = dialog.slots.indices.filter { dialog.slots[$0].kind == .number }
            captureSlots = dialog.slots.indices.filter { dialog.slots[$0].capture != nil }
            deniableChoiceSlots = dialog.slots.indices.filter { dialog.slots[$0].kind == .choice && !dialog.slots[$0].answeredNoBy.isEmpty }
            situationFlags = dialog.flags.indices.filter { dialog.flags[$0].isSituation }
            self.topicMatcher = topicMatcher
        }

        var tables: LineTables {
            if let built = lineTables.load() { return built }
            return lineTables.storeIfNilThenLoad(LineTables(
                dialog: dialog, slotIndex: slotIndex, flagIndex: flagIndex, situationFlags: situationFlags, names: conditionNames,
                numberPhrases: cachedNumberPhrases))
        }
    }

    /// The tables that reading a line and giving advice need, and the first prompt does not: ~11M instructions, a sixth
    /// of a cached start, built by whichever turn first asks (once, whichever thread: `ManagedAtomicLazyReference`).
    final class LineTables: Sendable {
        /// Which remedies, and which situation flags (indexes into `situationFlags`), an answer can change.
        let remedyIndex: ConditionIndex
        let situationIndex: ConditionIndex
        let relevance: QuestionRelevance.Table
        /// The phrases with a number in them (`#`), by the scalar after the number.
        let numberPhrases: NumberPhrase.Index
        /// Per slot, its capture's `not_names`, folded as lines are.
        let foldedNotNames: [[[Unicode.Scalar]]]
        /// Per slot, its capture's `not_after`, folded as lines are.
        let foldedNotAfter: [[[Unicode.Scalar]]]
        /// Per condition place: a slot that no state asks (`region`, `borrower_unreachable`): only what the person
        /// volunteers fills it, so while it is empty, working out whether a question still matters reads it as not
        /// said rather than as an answer still to come (`PartialConditionEvaluator`).
        let silentPlaces: [Bool]
        /// Who owns a slot's claims (`reported_owned_by`), by slot index, read per phrase of every line: worked out
        /// once here, so reading a line copies no `Slot` to compare names.
        let claims: ClaimOwners

        init(dialog: Dialog, slotIndex: [String: Int], flagIndex: [String: Int], situationFlags: [Int], names: ConditionNames,
             numberPhrases: [NumberPhrase]?) {
            remedyIndex = ConditionIndex(conditions: dialog.remedies.map(\.condition), slotIndex: slotIndex,
                                         flags: dialog.flags, flagIndex: flagIndex)
            situationIndex = ConditionIndex(conditions: situationFlags.map { dialog.flags[$0].condition },
                                            slotIndex: slotIndex, flags: dialog.flags, flagIndex: flagIndex)
            relevance = QuestionRelevance.Table(dialog: dialog, slotIndex: slotIndex, flagIndex: flagIndex, remedies: remedyIndex,
                                                situations: situationIndex, situationFlags: situationFlags, names: names)
            self.numberPhrases = NumberPhrase.Index(numberPhrases ?? NumberPhrase.all(in: dialog))
            foldedNotNames = dialog.slots.map { $0.capture?.notNames.map { Array(TextNormalizer.fold($0).unicodeScalars) } ?? [] }
            foldedNotAfter = dialog.slots.map { $0.capture?.notAfter.map { Array(TextNormalizer.fold($0).unicodeScalars) } ?? [] }
            let asked = Set(dialog.states.flatMap(\.askedSlots))
            var silent = [Bool](repeatElement(false, count: names.count))
            for slot in dialog.slots where !asked.contains(slot.id) {
                if let place = names.valueIndex[slot.id] { silent[place] = true }
            }
            silentPlaces = silent
            claims = ClaimOwners(slots: dialog.slots, slotIndex: slotIndex)
        }
    }

    /// A `next` entry, resolved: the walk follows the first whose condition holds.
    struct Route: Sendable {
        let condition: ResolvedCondition?
        /// nil when no state has the target's id (the walk stops there, as it did when it looked the id up).
        let target: Int?
    }

    private let storage: Storage

    public var dialog: Dialog { storage.dialog }
    var slotIndex: [String: Int] { storage.slotIndex }
    var valueIndex: [[String: Int]] { storage.valueIndex }
    var stateIndex: [String: Int] { storage.stateIndex }
    var flagIndex: [String: Int] { storage.flagIndex }
    var matcher: PhraseMatcher<Cue> { storage.matcher }
    var lineCommands: [String: LineCommand] { storage.lineCommands }
    var topicMatcher: PhraseMatcher<Int> { storage.topicMatcher }
    var numberSlots: [Int] { storage.numberSlots }
    var captureSlots: [Int] { storage.captureSlots }
    var deniableChoiceSlots: [Int] { storage.deniableChoiceSlots }
    /// Which remedies, and which situation flags (indexes into `situationFlags`), an answer can change.
    var remedyIndex: ConditionIndex { storage.tables.remedyIndex }
    var situationFlags: [Int] { storage.situationFlags }
    var situationIndex: ConditionIndex { storage.tables.situationIndex }
    var relevance: QuestionRelevance.Table { storage.tables.relevance }
    var numberPhrases: [NumberPhrase] { storage.tables.numberPhrases.phrases }
    var numberPhraseIndex: NumberPhrase.Index { storage.tables.numberPhrases }
    var foldedNotNames: [[[Unicode.Scalar]]] { storage.tables.foldedNotNames }
    var foldedNotAfter: [[[Unicode.Scalar]]] { storage.tables.foldedNotAfter }
    var silentPlaces: [Bool] { storage.tables.silentPlaces }
    var claimOwners: ClaimOwners { storage.tables.claims }
    var conditionNames: ConditionNames { storage.conditionNames }
    var routes: [[Route]] { storage.routes }
    /// Per state index, the slots it asks by slot index (-1 for an id the dialog has no slot of).
    var askedSlots: [[Int]] { storage.askedSlots }
    var topicConditions: [ResolvedCondition?] { storage.topicConditions }
    var draftConditions: [ResolvedCondition?] { storage.draftConditions }
    var topicAnswerConditions: [[ResolvedCondition?]] { storage.topicAnswerConditions }

    /// Where a folded line asks a topic: the topic's index, the phrase's range, and whether the phrase is one of the
    /// topic's `feared` words (which ask it only behind a worry of the person's own).
    ///
    /// A phrase with a `*` stands for every relative (as a value's `with_kin`): the line is read a second time with its
    /// whole kin words (`kin`) replaced by the stand-in, so "会不会打给我*" asks for "他们会不会打给我姐". A feared phrase
    /// inside a longer phrase of another topic is part of that one: "打到我家" (a call home, `family`) is no "到我家" (a
    /// visit). Phrases that ask (`asked`) may overlap: topics whose `when` tells them apart share them.
    func topicPhrases(in scalars: [Unicode.Scalar], kin: [Range<Int>] = []) -> [(topic: Int, range: Range<Int>, feared: Bool)] {
        guard !dialog.topics.isEmpty else { return [] }
        var found: [(topic: Int, range: Range<Int>, feared: Bool)] = []
        func add(_ payload: Int, _ range: Range<Int>) {
            found.append(payload >= 0 ? (payload, range, false) : (-1 - payload, range, true))
        }
        for match in storage.topicMatcher.matches(in: scalars) {
            for payload in match.payloads { add(payload, match.range) }
        }
        if !kin.isEmpty {
            let (substituted, origin) = KinPatterns.substitute(scalars[...], kin: kin)
            for match in storage.topicMatcher.matches(in: substituted) where substituted[match.range].contains(KinPatterns.standIn) {
                let range = origin[match.range.lowerBound].lowerBound..<origin[match.range.upperBound - 1].upperBound
                for payload in match.payloads { add(payload, range) }
            }
        }
        guard found.count > 1 else { return found }
        return found.filter { hit in
            !hit.feared || !found.contains { other in
                other.topic != hit.topic && other.range.count > hit.range.count
                    && other.range.lowerBound <= hit.range.lowerBound && hit.range.upperBound <= other.range.upperBound
            }
        }
    }

    public init(_ dialog: Dialog) {
        var matcher = PhraseMatcher<Cue>()
        func add(_ list: PhraseList, _ cue: Cue) {
            // A phrase with a number in it (`#`) is matched around the line's quantities, not by the automaton.
            for phrase in list.all where !NumberPhrase.isNumberPhrase(phrase) { matcher.add(TextNormalizer.fold(phrase), cue) }
        }
        for (index, slot) in dialog.slots.enumerated() {
            add(slot.yes, .slotYes(index))
            add(slot.no, .slotNo(index))
            add(slot.yesWhenAsked, .askedYes(index))
            add(slot.cues, .numberCue(index))
            for (valueIndex, value) in slot.values.enumerated() {
                add(value.synonyms, slot.kind == .text ? .known(index, value: valueIndex) : .choice(index, value: valueIndex))
                add(value.cued, .cuedChoice(index, value: valueIndex))
                add(value.whenAsked, .askedChoice(index, value: valueIndex))
                // `*` becomes the stand-in for a relative (`KinPatterns`), which no folded line holds.
                for phrase in value.withKin.all {
                    let folded = TextNormalizer.fold(phrase).unicodeScalars.map { $0 == "*" ? KinPatterns.standIn : $0 }
                    matcher.add(String(String.UnicodeScalarView(folded)), slot.kind == .text ? .known(index, value: valueIndex) : .choice(index, value: valueIndex))
                }
                if slot.kind == .text { matcher.add(TextNormalizer.fold(value.id), .known(index, value: valueIndex)) }
            }
            for suffix in slot.capture?.suffixes ?? [] { matcher.add(TextNormalizer.fold(suffix), .suffix(index)) }
            for cue in slot.capture?.after ?? [] { matcher.add(TextNormalizer.fold(cue), .nameCue(index)) }
        }
        let lexicon = dialog.lexicon
        for list in WordList.allCases { add(lexicon[list], .word(list)) }
        matcher.compile()

        var commands: [String: LineCommand] = [:]
        for draft in dialog.drafts {
            for phrase in draft.triggers.all {
                let key = Self.commandKey(phrase)
                if case .draft(let ids)? = commands[key] {
                    if !ids.contains(draft.id) { commands[key] = .draft(ids + [draft.id]) }
                } else {
                    commands[key] = .draft([draft.id])
                }
            }
        }
        for language in dialog.languages {
            commands[Self.commandKey(language)] = .language(language)
            for phrase in lexicon.languageSwitches[language]?.all ?? [] { commands[Self.commandKey(phrase)] = .language(language) }
        }
        for command in Command.allCases {
            commands[Self.commandKey(command.rawValue)] = .command(command)
            for phrase in lexicon.commands[command]?.all ?? [] { commands[Self.commandKey(phrase)] = .command(command) }
        }
        self.init(dialog: dialog, matcher: matcher, lineCommands: commands, topicMatcher: Self.topicMatcher(dialog))
    }

    /// The indexes that are cheap to rebuild; the matchers and the commands come compiled (or from the cache).
    init(dialog: Dialog, matcher: PhraseMatcher<Cue>, lineCommands: [String: LineCommand], topicMatcher: PhraseMatcher<Int>,
         numberPhrases: [NumberPhrase]? = nil) {
        storage = Storage(dialog: dialog, matcher: matcher, lineCommands: lineCommands, topicMatcher: topicMatcher,
                          numberPhrases: numberPhrases)
    }

    /// The phrases that ask each topic, to the topic's index (its `feared` words to `-1 - index`). Compiled with the dialog and kept in the cache: building
    /// it (folding ~700 phrases, the trie, its links) was ~10M instructions, an eighth of every cached start.
    static func topicMatcher(_ dialog: Dialog) -> PhraseMatcher<Int> {
        var topics = PhraseMatcher<Int>()
        for (index, topic) in dialog.topics.enumerated() {
            // `*` becomes the stand-in for a relative (`KinPatterns`), which no folded line holds.
            func folded(_ phrase: String) -> String {
                let scalars = TextNormalizer.fold(phrase).unicodeScalars.map { $0 == "*" ? KinPatterns.standIn : $0 }
                return String(String.UnicodeScalarView(scalars))
            }
            for phrase in topic.asked.all { topics.add(folded(phrase), index) }
            for phrase in topic.feared.all { topics.add(folded(phrase), -1 - index) }
        }
        topics.compile()
        return topics
    }

    /// The key a whole line is looked up by: folded, without a leading `:` or `/`, trailing punctuation or spaces.
    static func commandKey(_ line: String) -> String {
        commandKey(TextNormalizer.normalize(line).scalars[...])
    }

    /// The same for a line already folded.
    static func commandKey(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // Through UTF-8 bytes: appending scalars to a String one by one cost more than the rest of a short turn.
        let key = commandKeyScalars(scalars)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.count * 3)
        for scalar in key { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func commandKeyScalars(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start] == ":" || scalars[start] == "/" || scalars[start] == " " { start += 1 }
        while end - start > 1, isTrailingPunctuation(scalars[end - 1]) { end -= 1 }
        return scalars[start..<end]
    }

    private static func isTrailingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", ",", "~", " ": return true
        default: return false
        }
    }

    /// The command a folded line is, if it is one: the whole line, or a short line's goodbye (`closingGoodbye`).
    func lineCommand(for text: NormalizedText) -> LineCommand? {
        let key = Self.commandKeyScalars(text.scalars[...])
        if key.count <= storage.longestCommand, storage.commandShapes.contains(Self.commandShape(key)),
           let command = storage.lineCommands[Self.commandKey(text.scalars[...])] {
            return command
        }
        return closingGoodbye(key)
    }

    /// The longest line read for a goodbye at its end: a thank-you and a word or two, not a story.
    static let closingLineLimit = 40

    /// A short line whose last clause, after a comma or a stop, is the `quit` command ("谢谢，再见", "谢谢你，我明白了，
    /// 再见", "ok thanks, bye!"): the person is leaving, whatever they said first (probe16 R24). A longer line is a
    /// story, read as one; a line without such a clause ("我想退出这个平台") is no command.
    private func closingGoodbye(_ key: ArraySlice<Unicode.Scalar>) -> LineCommand? {
        guard key.count <= Self.closingLineLimit,
              let cut = key.lastIndex(where: { $0 == "," || $0 == "." || $0 == "!" || $0 == ";" || $0 == "~" }),
              cut > key.startIndex
        else { return nil }
        let last = Self.commandKey(key[(cut + 1)...])
        guard let command = storage.lineCommands[last], command == .command(.quit),
              !SpokenToOthers.saidToOthers(Self.commandKeyScalars(key[(cut + 1)...]), before: key[..<cut]) else { return nil }
        return command
    }

    /// A command key's length and first scalar in one number.
    static func commandShape(_ key: ArraySlice<Unicode.Scalar>) -> UInt64 {
        UInt64(key.count) << 32 | UInt64(key.first?.value ?? 0)
    }

    public func slot(_ id: String) -> Slot? { slotIndex[id].map { dialog.slots[$0] } }
    public func state(_ id: String) -> DialogState? { stateIndex[id].map { dialog.states[$0] } }
    public func flag(_ id: String) -> Flag? { flagIndex[id].map { dialog.flags[$0] } }

    /// The phrases a person can type at `state`: its choices and every command, in `language` (for Tab completion).
    public func completions(at stateID: String?, language: String) -> [String] {
        var words: [String] = []
        if let stateID, let state = state(stateID) {
            for slotID in state.askedSlots {
                guard let slot = slot(slotID) else { continue }
                switch slot.kind {
                case .choice:
                    words += slot.values.map { $0.label?.text(in: language) ?? $0.id }
                case .yesno:
                    words += Array(dialog.lexicon.yes.phrases(in: language).prefix(2) + dialog.lexicon.no.phrases(in: language).prefix(2))
                case .text:
                    words += slot.values.map { $0.label?.text(in: language) ?? $0.id }
                case .number: break
                }
            }
        }
        for command in Command.allCases {
            let phrases = dialog.lexicon.commands[command]?.phrases(in: language) ?? []
            words += phrases.isEmpty ? [command.rawValue] : phrases
            words.append(":" + command.rawValue)
        }
        var seen = Set<String>()
        return words.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

extension CompiledDialog {
    /// The slot and value that an announced `value` of `slot` gives (`Slot.whenAnnounced`), by index, if any.
    func announcedMeaning(of slot: Int, value: String) -> (slot: Int, value: Int)? {
        guard let meaning = dialog.slots[slot].whenAnnounced, !meaning.except.contains(value),
            let target = slotIndex[meaning.slot],
            let valueIndex = dialog.slots[target].values.firstIndex(where: { $0.id == meaning.value })
        else { return nil }
        return (target, valueIndex)
    }
}

extension CompiledDialog.LineCommand {
    /// The command by its English name, as transcripts record it: `help`, `back`, `language:en`, `draft:dispute`.
    public var name: String {
        switch self {
        case .command(let command): command.rawValue
        case .language(let language): "language:" + language
        case .draft(let ids): "draft:" + ids.joined(separator: ",")
        case .step(let number): "step:" + String(number)
        }
    }
}

extension CompiledDialog {
    /// The global command a whole line is, by its English name (`help`, `back`, `language:en`, `draft:dispute`), or nil.
    public func commandName(for line: String) -> String? {
        lineCommand(for: TextNormalizer.normalize(line))?.name
    }

    /// How a slot value reads for a person in `language`.
    public func display(_ value: SlotValue, of slot: String, language: String) -> String {
        MessageRenderer(compiled: self, language: language).display(value, of: slot)
    }

    /// What is shown in `language` that reads the same every time (see ``ShownTexts``), worked out at the first ask;
    /// nil for a language the dialog does not declare.
    func shownTexts(in language: String) -> ShownTexts? {
        guard let index = storage.dialog.languages.firstIndex(of: language) else { return nil }
        let texts = storage.shownTexts[index]
        if let built = texts.load() { return built }
        return texts.storeIfNilThenLoad(ShownTexts(self, language: language))
    }
}
