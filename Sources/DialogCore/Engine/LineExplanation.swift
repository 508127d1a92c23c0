/// Why one line did what it did: which phrases of the dialog it holds and what each meant, which rule (negation,
/// reported speech, a worry or hypothetical, an announced action) changed or cancelled a phrase, what was filled,
/// and how the walk went on to the next state. For `run --trace` and `test --explain`; reading it changes nothing.
public struct LineExplanation: Hashable, Sendable {
    /// A phrase of a slot found in the line.
    public struct Phrase: Hashable, Sendable {
        /// The phrase as it stands in the line (folded: simplified, lower case).
        public var text: String
        /// What it says: "yes to `has_account`", "`channel` = sms".
        public var meaning: String
        /// The rules that applied to it, e.g. "negated", "in reported speech: skipped (reported: skip)".
        public var rules: [String]
    }

    /// A whole command (`help`, a language name, a draft's trigger); nil for a line that is read for slots.
    public var command: String?
    public var phrases: [Phrase]
    /// Words of the lexicon found: "negations: 没", "reported: 说".
    public var words: [String]
    /// What changed: "has_account: (empty) → no".
    public var changes: [String]
    /// Each step of the walk after the line: "ask_scam → ask_channel (else)", and where it stopped and why.
    public var walk: [String]
    /// What the session remembers across lines that read this one: "borrower from an earlier line: 弟弟" (a call
    /// to that relative is no call to anyone else), and a borrower this line adds to the memory.
    public var memory: [String] = []

    /// The explanation as lines for people.
    public var lines: [String] {
        var out: [String] = []
        if let command { out.append("command: \(command)") }
        for phrase in phrases {
            out.append("phrase “\(phrase.text)”: \(phrase.meaning)" + (phrase.rules.isEmpty ? "" : " — " + phrase.rules.joined(separator: "; ")))
        }
        if !words.isEmpty { out.append("words: " + words.joined(separator: ", ")) }
        out += memory
        if command == nil { out.append(changes.isEmpty ? "filled: nothing" : "filled: " + changes.joined(separator: ", ")) }
        out += walk
        return out
    }
}

extension Engine {
    /// The slot phrases a line holds, folded as the dialog's phrases are (`TextNormalizer.fold`), with their slots:
    /// for coverage (which synonyms no test ever uses). A whole command holds none.
    public func phrases(in utterance: String) -> [(slot: String, phrase: String)] {
        let text = TextNormalizer.normalize(String(utterance.unicodeScalars.prefix(Self.maximumLineScalars)))
        guard compiled.lineCommand(for: text) == nil, !text.isEmpty else { return [] }
        return LineAnalysis(text, compiled: compiled).content.compactMap { hit in
            guard let slot = hit.cue.slot else { return nil }
            return (compiled.dialog.slots[slot].id, String(String.UnicodeScalarView(text.scalars[hit.range])))
        }
    }

    /// What `step(session, utterance)` does with the line, and why.
    public func explain(_ session: Session, _ utterance: String) -> LineExplanation {
        let line = String(utterance.unicodeScalars.prefix(Self.maximumLineScalars))
        let text = TextNormalizer.normalize(line)
        let step = stepTraced(session, utterance)
        var explanation = LineExplanation(command: nil, phrases: [], words: [], changes: [], walk: [])
        // A step opened by its number is no phrase of the dialog: only the engine, which knows the advice, reads it.
        var opened: CompiledDialog.LineCommand?
        if case .step? = step.trace.command { opened = step.trace.command }
        if let command = compiled.lineCommand(for: text) ?? opened {
            switch command {
            case .command(let c): explanation.command = c.rawValue
            case .language(let language): explanation.command = "switch to \(language)"
            case .draft(let ids): explanation.command = "draft " + ids.joined(separator: " or ")
            case .step(let number): explanation.command = "open step \(number) of the advice"
            }
        } else if !text.isEmpty {
            // Read as the step reads it: with the relatives earlier lines named as the borrower.
            let remembered = session.borrowerKin ?? []
            let analysis = LineAnalysis(text, compiled: compiled, borrowers: remembered.map { Array($0.unicodeScalars) })
            if !remembered.isEmpty {
                explanation.memory.append("remembered: the borrower from an earlier line is " + remembered.joined(separator: ", ")
                    + " (calls to them, and where they are, are no one else reached)")
            }
            let added = (step.session.borrowerKin ?? []).filter { !remembered.contains($0) }
            if !added.isEmpty { explanation.memory.append("remembers from now on: the borrower is " + added.joined(separator: ", ")) }
            // The claims a notice made that wait for the person to own the debt (`Engine+HeldClaims`).
            let before = session.heldClaims ?? []
            for claim in step.session.heldClaims ?? [] where !before.contains(claim) {
                let owners = compiled.slot(claim.slot)?.heldOwnedBy.map { "\($0.slot) = \($0.value)" }.joined(separator: " or ") ?? ""
                if claim.settled == nil {
                    explanation.memory.append("holds the claim \(claim.slot) = \(claim.value == .no ? "no" : "yes") (someone else's words) until \(owners)")
                } else if claim.promoted {
                    explanation.memory.append("the claim \(claim.slot) = \(claim.value == .no ? "no" : "yes") of turn \(claim.turn) is the person's now: \(owners)")
                }
            }
            let slots = compiled.dialog.slots
            func words(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(text.scalars[range])) }
            // Slots of `guesses: count` that a plain yes in the line has answered: a no beside it does not take it back.
            var saidYes: Set<Int> = []
            for hit in analysis.content {
                guard let slotIndex = hit.cue.slot else { continue }
                let slot = slots[slotIndex]
                let meaning: String
                switch hit.cue {
                case .slotYes: meaning = "yes to `\(slot.id)`"
                case .slotNo: meaning = "no to `\(slot.id)`"
                case .askedYes: meaning = "yes to `\(slot.id)` only while its question is on screen (yes_when_asked)"
                case .askedChoice(_, let value): meaning = "`\(slot.id)` = \(slot.values[value].id) only while its question is on screen (when_asked)"
                case .choice(_, let value): meaning = "`\(slot.id)` = \(slot.values[value].id)"
                case .known(_, let value): meaning = "`\(slot.id)` = \(slot.values[value].id)"
                case .numberCue:
                    meaning = slot.kind == .number ? "a cue of `\(slot.id)` (a number in its clause fills it)"
                        : "a cue of `\(slot.id)` (its `with_cue` phrases count beside it)"
                case .cuedChoice(_, let value): meaning = "`\(slot.id)` = \(slot.values[value].id), only beside a cue of the slot (with_cue)"
                case .suffix, .nameCue: meaning = "a name for `\(slot.id)`"
                case .word: continue
                }
                var rules: [String] = []
                let isChoice: Bool = switch hit.cue {
                case .choice, .cuedChoice: true
                default: false
                }
                if isChoice, slot.whenAnnounced != nil || HarmThreat.isKnowing(hit.range, in: text.scalars),
                   analysis.reachesBorrower(hit.range) {
                    rules.append("names the borrower (this line's or an earlier one's): no one else reached, fills nothing")
                }
                if analysis.worries.cover(hit.range) { rules.append("inside a worry, question or hypothetical: fills nothing") }
                if case .choice(_, let index) = hit.cue, let threatened = slot.values[index].announcedAs,
                   analysis.announcements.cover(hit.range) {
                    rules.append("announced, not done: means `\(slot.id)` = \(threatened) (announced_as)")
                } else if !slot.countsAnnounced, analysis.announcements.cover(hit.range) {
                    let value: String? = switch hit.cue {
                    case .choice(_, let index), .cuedChoice(_, let index): slot.values[index].id
                    default: nil
                    }
                    if let value, let slotIndex = compiled.slotIndex[slot.id],
                       let meaning = compiled.announcedMeaning(of: slotIndex, value: value) {
                        let target = compiled.dialog.slots[meaning.slot]
                        rules.append("announced, not done: means `\(target.id)` = \(target.values[meaning.value].id) (when_announced)")
                    } else {
                        rules.append("announced, not done: fills nothing")
                    }
                }
                let isYesOrNo: Bool = switch hit.cue {
                case .slotYes, .slotNo: true
                default: false
                }
                if isYesOrNo, !slot.countsGuesses, analysis.hedged(hit.range) {
                    rules.append("after a hedge: a guess, unknown when it answers the question on screen, nothing otherwise")
                }
                let readsAsNo: Bool = switch hit.cue {
                case .slotNo: true
                case .slotYes: analysis.negation.negates(hit.range)
                default: false
                }
                if slot.countsGuesses, isYesOrNo, rules.isEmpty {
                    if readsAsNo, saidYes.contains(slotIndex) {
                        rules.append("the yes said before it in the line stands (guesses: count)")
                    } else if !readsAsNo, !analysis.reported.covers(hit.range) {
                        saidYes.insert(slotIndex)
                    }
                }
                let othersAct: Bool = switch hit.cue {
                case .slotYes, .askedYes: slot.skipsReportedSpeech && !slot.countsKinStory
                case .choice: !slot.skipsReportedSpeech
                default: false
                }
                if othersAct, analysis.othersAct(hit.range), !OwnKin.mentionsPerson(hit.range, in: analysis.scalars) {
                    rules.append("someone else's act (the subject of its verb is not the person): skipped")
                }
                if analysis.negation.negates(hit.range) {
                    switch hit.cue {
                    case .slotYes: rules.append("negated: reads as no")
                    case .choice: rules.append("negated: denies this value")
                    default: rules.append("after a negation")
                    }
                } else if case .slotNo = hit.cue, analysis.negation.isDenial(hit.range) {
                    rules.append("a denial")
                }
                if analysis.reported.covers(hit.range) {
                    let isChoice: Bool = if case .choice = hit.cue { true } else { false }
                    if slot.skipsReportedSpeech, isChoice, analysis.opensWithOwnRelative(hit.range) {
                        rules.append("in someone else's words, but the person's own word for someone of theirs (my …, 我儿子, or 他 standing for one): counts")
                    } else if slot.skipsReportedSpeech, let owner = slot.reportedOwnedBy {
                        rules.append("in someone else's words: skipped (reported: skip), unless the line says yes to `\(owner)` in the person's own words")
                    } else {
                        rules.append(slot.skipsReportedSpeech ? "in someone else's words: skipped (reported: skip)" : "in someone else's words (still counts)")
                    }
                }
                let phrase = LineExplanation.Phrase(text: words(hit.range), meaning: meaning, rules: rules)
                if !explanation.phrases.contains(phrase) { explanation.phrases.append(phrase) }
            }
            for hit in analysis.functional {
                guard case .word(let list) = hit.cue else { continue }
                let word = "\(list.rawValue): \(words(hit.range))"
                if !explanation.words.contains(word) { explanation.words.append(word) }
            }
            let phraseSlots = Set(analysis.content.compactMap { $0.cue.slot }.map { slots[$0].id })
            let onScreen = session.current.flatMap { compiled.state($0) }?.askedSlots ?? []
            for id in compiled.dialog.slots.map(\.id) where session.values[id] != step.session.values[id] {
                func show(_ value: SlotValue?) -> String {
                    switch value {
                    case nil: return "(empty)"
                    case .yes?: return "yes"
                    case .no?: return "no"
                    case .unknown?: return "unknown"
                    case .number(let n)?: return n.rounded() == n && abs(n) < 1e15 ? String(Int(n)) : String(n)
                    case .choices(let ids)?: return ids.joined(separator: ", ")
                    case .text(let t)?: return t
                    }
                }
                let how = phraseSlots.contains(id) ? "" : onScreen.contains(id) ? " (the answer to the question on screen)"
                    : analysis.correctsEarlierAnswer ? " (the last answer, corrected)" : " (a number or a name in the line)"
                explanation.changes.append("\(id): \(show(session.values[id])) → \(show(step.session.values[id]))\(how)")
            }
        }
        explanation.walk = walkLines(step.trace, stoppedAt: step.session)
        return explanation
    }

    private func walkLines(_ trace: Trace, stoppedAt s: Session) -> [String] {
        var lines: [String] = []
        for taken in trace.transitions {
            guard let state = compiled.state(taken.from) else { continue }
            let transition = state.transitions[taken.index]
            let why = transition.condition.map { "because \($0.source)" } ?? (state.transitions.count > 1 ? "no `when` before it held" : "its only `next`")
            var passed = ""
            if case .ask(let slots, _) = state.kind {
                let open = slots.filter { s.values[$0] == nil }
                passed = open.isEmpty ? " (answered)" : " (not asked: no answer can change the advice)"
            }
            lines.append("\(taken.from)\(passed) → \(transition.target): \(why)")
        }
        guard let current = s.current.flatMap({ compiled.state($0) }) else { return lines }
        switch current.kind {
        case .ask(let slots, _):
            let open = slots.filter { s.values[$0] == nil }
            lines.append("stops at \(current.id): asks \(open.joined(separator: ", "))" + (current.alwaysAsk ? " (always asked)" : ", whose answer can still change the advice"))
        case .listen:
            lines.append("stops at \(current.id): listens")
        case .end:
            lines.append("at the end \(current.id): advice \(holding(s).remedies.joined(separator: ", "))")
        default:
            lines.append("stops at \(current.id)")
        }
        return lines
    }
}
