/// Runs a compiled dialog. A pure function of (dialog, session, line): no clock, file, terminal or global state.
///
/// Every line is searched for every slot. The engine then walks the state graph from `start`, passing over states
/// whose slots are known, and stops at the first open question or at the end. Because the walk always starts
/// afresh, a correction or `back` lands on exactly the question that is now open.
///
/// Counters: a line that answers nothing at a question counts towards the state's `limit`; a global command
/// (help, why, summary, repeat, language, drafts) neither counts nor resets; reaching another state resets to 0.
public struct Engine: Sendable {
    public let compiled: CompiledDialog

    public init(_ compiled: CompiledDialog) {
        self.compiled = compiled
    }

    /// What one walk passed through, for coverage: states entered and transitions taken (state id, index in `next`).
    public struct Trace: Hashable, Sendable {
        public var states: [String] = []
        public var transitions: [TransitionTaken] = []
        /// The global command the line was (`back`, `summary`, a language, a letter), when it was one.
        public var command: CompiledDialog.LineCommand?
        /// The line found nothing to take: no answer, no fact, no question of the person's own, no command, no
        /// "I don't know". A help-desk reader of the transcript sees such lines marked.
        public var unanswered = false
        /// The line started the conversation over (a `restart`, confirmed or with nothing to lose, or a new story after
        /// "restart?"): advice given before it no longer stands.
        public var restarted = false
        /// The line undid the last restart (`back` right after it): the advice before it stands again.
        public var restartUndone = false
        /// The alerts of the topics the line asked (`Topic.alert`), in the session's language: for the help desk.
        public var alerts: [String] = []
        public init() {}
    }

    public struct TransitionTaken: Hashable, Sendable {
        public var from: String
        public var index: Int
    }

    /// A new session in `language` (the dialog's default when nil or not declared) and its opening events.
    public func start(language: String? = nil) -> (session: Session, events: [DialogEvent]) {
        let result = startTraced(language: language)
        return (result.session, result.events)
    }

    public func startTraced(language: String? = nil) -> (session: Session, events: [DialogEvent], trace: Trace) {
        let dialog = compiled.dialog
        let named = language.flatMap { dialog.languages.contains($0) ? $0 : nil }
        var session = Session(dialogID: dialog.id, language: named ?? dialog.defaultLanguage)
        if named == nil { session.detectsLanguage = true } else { session.languageChosen = true }
        var events: [DialogEvent] = []
        var trace = Trace()
        walk(&session, &events, &trace)
        return (session, events, trace)
    }

    /// The session after the person typed `utterance`, and what to show them.
    public func step(_ session: Session, _ utterance: String) -> (session: Session, events: [DialogEvent]) {
        let result = stepTraced(session, utterance)
        return (result.session, result.events)
    }

    public func stepTraced(_ session: Session, _ utterance: String) -> (session: Session, events: [DialogEvent], trace: Trace) {
        var s = session
        var events: [DialogEvent] = []
        var trace = Trace()
        guard !s.ended else { return (s, [], trace) }
        s.turn &+= 1  // counters may come from a snapshot: never trap on them
        let draftsJustListed = s.listedDrafts == true
        s.listedDrafts = nil
        // A line of no more UTF-8 bytes than the cut has no more scalars either: it is used as it is, not copied.
        let line = utterance.utf8.count <= Self.maximumLineScalars ? utterance : String(utterance.unicodeScalars.prefix(Self.maximumLineScalars))
        let text = TextNormalizer.normalize(line)
        // The line as already read, when reading it decided something before its turn (a new story after "restart?").
        var preread: SlotExtractor.Extraction?
        if s.restartPending == true {
            s.restartPending = nil
            let command = compiled.lineCommand(for: text)
            let bare = LineAnalysis(text, compiled: compiled).bareAnswer
            if command == .command(.restart) || (command == nil && bare == .yes) {
                trace.command = command
                restart(&s, &events, &trace)
                return (s, events, trace)
            }
            if command == nil, bare == nil, let story = anotherStory(text, s) {
                // A new story in answer ("我老公在360借条借了钱" after a wrong-number case): the person meant to start
                // over. The line is then read as the first message of the new conversation (with what was just read
                // of it); `back` undoes the restart.
                restart(&s, &events, &trace, walking: false)
                preread = story
            } else {
                events.append(.message(id: MessageID.restartCancelled.rawValue, text: renderer(s).message(.restartCancelled)))
                // A plain "no" only declines; anything else is also read as the line it is.
                if command == nil, bare == .no || text.isEmpty {
                    reask(&s, &events, &trace)
                    return (s, events, trace)
                }
            }
        }
        if let command = compiled.lineCommand(for: text).flatMap({ answersOnScreen(text, s) ? nil : $0 })
            ?? letterRequest(text, s, afterList: draftsJustListed) ?? stepRequest(text, s) {
            trace.command = command
            perform(command, &s, &events, &trace)
            return (s, events, trace)
        }
        if text.isEmpty {
            // An empty line (or one of only invisible characters) answers nothing and costs nothing: ask again.
            s.turn &-= 1
            reask(&s, &events, &trace)
            return (s, events, trace)
        }
        // A line in pinyin is Chinese the person could not type: it says nothing of the language to answer in.
        let inPinyin = compiled.dialog.messages[MessageID.pinyinUnread.rawValue] != nil && Pinyin.isMostlyPinyin(text.scalars)
        if inPinyin || (s.said.contains(MessageID.pinyinUnread.rawValue) && Pinyin.isAllSyllables(text.scalars)) {
            // Nor does a short reply in pinyin after one ("mei you").
        } else if s.detectsLanguage == true {
            // The first message says which language to answer in, unless a language was named.
            s.detectsLanguage = nil
            if let language = FirstLineLanguage.guess(line, in: compiled.dialog), language != s.language {
                s.language = language
                events.append(.languageChanged(language: language, text: renderer(s).message(.languageDetected)))
            }
        } else if let language = FirstLineLanguage.sentence(line, in: compiled.dialog, answeredIn: s.language) {
            // A whole sentence in English after a first line in Chinese: answered in English from now on, said once
            // as for a first line; unless the person chose the language, who is only told once how to switch.
            if s.languageChosen != true {
                s.language = language
                events.append(.languageChanged(language: language, text: renderer(s).message(.languageDetected)))
            } else if s.languageHinted != true, compiled.dialog.messages[MessageID.languageHint.rawValue] != nil {
                s.languageHinted = true
                events.append(.message(id: MessageID.languageHint.rawValue, text: renderer(s).message(.languageHint)))
            }
        }
        let state = s.current.flatMap { compiled.state($0) }
        let asked = state?.askedSlots.filter { s.values[$0] == nil }.compactMap { compiled.slotIndex[$0] } ?? []
        // A reply may still answer the last question asked: after the advice, where no question is on screen, and at
        // the question after it, under advice given along the way ("no I haven't paid" below the scam's first steps is
        // still about the scammer, not an admitted overdue at "do you also have a real overdue loan?").
        let lastAnswered = (s.answers.last?.changes ?? []).compactMap { compiled.slotIndex[$0.slot] }
        var extraction = (asked.isEmpty && lastAnswered.isEmpty ? preread : nil)
            ?? SlotExtractor(compiled: compiled).extract(text, asked: asked, lastAnswered: lastAnswered, context: extractionContext(s))
        // "是我弟弟借的": the relative stays the borrower for the lines after this one.
        var newBorrowers: [String] = []
        for borrower in extraction.borrowers where !(s.borrowerKin ?? []).contains(borrower) {
            s.borrowerKin = (s.borrowerKin ?? []) + [borrower]
            newBorrowers.append(borrower)
        }
        // A question asked along the way ("会坐牢吗？") gets its answer first; the line is still read for facts, and
        // the answer fits what the whole line says ("我表哥借的…会影响我的征信吗" is a relative asking).
        var topics = extraction.topics
        let topicsAt = events.count
        // A number alone once the advice is listed ("输入编号看怎么做"), which answers nothing on screen ("2" at "has
        // anyone else been contacted?"), opens that step; one that answers ("3" at "how many days overdue?") does not.
        if s.shownAdvice != nil, extraction.values.isEmpty, topics.isEmpty, let number = StepRequest.numberAlone(in: text) {
            trace.command = .step(number)
            perform(.step(number), &s, &events, &trace)
            return (s, events, trace)
        }
        if extraction.values.isEmpty, topics.isEmpty, !extraction.hedged, !extraction.hedgesTheRest { trace.unanswered = true }

        // "刚才说错了，有的": the last answer given is changed; the question on screen is not answered.
        if extraction.correctsEarlier, correctEarlier(text, asked: asked, &s, &events, &trace) {
            return (s, events, trace)
        }
        // "不对，是优品商城" corrects the platform; its "不对" is not also a "no" to the question on screen.
        if let contextual = extraction.answeredByContext,
           extraction.values.contains(where: { $0.slot != contextual && isCorrection($0, in: s, extraction) }) {
            extraction.values.removeAll { $0.slot == contextual }
        }
        var changes: [SlotChange] = []
        let onScreen = state?.askedSlots ?? []
        // "No no, not me. I never use this app" after "they wrote my name": beside a no to a slot of `no_kept_beside`,
        // with no correction word and nobody else named (`no_kept_unless`), a no does not take back a held yes.
        let found = extraction.values
        let lineCorrects = extraction.corrects
        extraction.values.removeAll { slotIndex, value in
            let slot = compiled.dialog.slots[slotIndex]
            guard value == .no, !slot.noKeptBeside.isEmpty, !onScreen.contains(slot.id), !lineCorrects else { return false }
            let namesSomeoneElse0 = found.contains { slot.noKeptUnless.contains(compiled.dialog.slots[$0.slot].id) }
            // Nor does a no, away from its own question, go against a yes the person gave to one of them: "not me"
            // at "has anyone else been contacted?" after "yes, I borrowed it, I'm overdue" does not make them the
            // wrong person. A correction names what it changes ("actually not me, it's my brother's": `role`).
            if s.values[slot.id] == nil, !namesSomeoneElse0,
               slot.noKeptBeside.contains(where: { s.values[$0] == .yes }) { return true }
            guard s.values[slot.id] == .yes else { return false }
            let besideDenial = found.contains { other in
                other.value == .no && slot.noKeptBeside.contains(compiled.dialog.slots[other.slot].id)
            }
            let namesSomeoneElse = found.contains { slot.noKeptUnless.contains(compiled.dialog.slots[$0.slot].id) }
            return besideDenial && !namesSomeoneElse
        }
        var corrected: [SlotChange] = []
        for (slotIndex, found) in extraction.values {
            let id = compiled.dialog.slots[slotIndex].id
            let old = s.values[id]
            var value = found
            var added = false
            // What the answer to the question on screen only implies (`yes_implies`) leaves the person's earlier answer
            // as it is: "可能是领券的时候弄的" to "could a promotion have switched it on?" after "没注册过" is no "I have an
            // account" said back to them. News told beside it still corrects ("我想起来了，是前年借的" has an account).
            if let old, old != .unknown,
               extraction.implied.contains(where: { $0.slot == slotIndex && onScreen.contains(compiled.dialog.slots[$0.by].id) }) { continue }
            if let old, old != .unknown, old != value, !onScreen.contains(id),
               !isMeantAsCorrection(of: slotIndex, holding: old, extraction) {
                // Mentioned in passing while answering something else ("they called my mom" at the question about
                // harassment): the earlier answer stands; a `multiple` slot quietly gains what is new.
                guard let merged = merged(old, value, of: slotIndex) else { continue }
                value = merged
                added = true
            }
            guard old != value else { continue }
            s.values[id] = value
            changes.append(SlotChange(slot: id, old: old, new: value))
            if let old, old != .unknown, !added { corrected.append(SlotChange(slot: id, old: old, new: value)) }
        }
        // Said back together: one sentence for a line that changed several answers (`Engine+Corrections`).
        events += correctionEvents(corrected, s)

        // A choice taken back takes back what it implied, where nothing else has said it since: "其实是我借的" after "是我弟
        // 用我手机借的" (`role: named`, which implied "not overdue", "no promotion") asks about the overdue again.
        for change in changes {
            guard case .choices(let before)? = change.old, let slotIndex = compiled.slotIndex[change.slot] else { continue }
            let after: [String] = if case .choices(let ids)? = change.new { ids } else { [] }
            let slot = compiled.dialog.slots[slotIndex]
            let kept = slot.values.filter { after.contains($0.id) }.flatMap(\.implies)
            for implied in slot.values.filter({ before.contains($0.id) && !after.contains($0.id) }).flatMap(\.implies)
            where !kept.contains(implied) && implied.value != Slot.Value.Implication.unset {
                guard let target = compiled.slotIndex[implied.slot], !extraction.values.contains(where: { $0.slot == target }),
                      let held = s.values[implied.slot], held == (implied.value == "yes" ? .yes : implied.value == "no" ? .no : .choices([implied.value])),
                      // Only what the same line implied: an answer the person gave it since stands.
                      let source = s.answers.last(where: { $0.changes.contains { $0.slot == change.slot && $0.new == change.old } }),
                      source.changes.contains(where: { $0.slot == implied.slot && $0.new == held }),
                      !s.answers.contains(where: { $0.turn > source.turn && $0.changes.contains { $0.slot == implied.slot } })
                else { continue }
                s.values[implied.slot] = nil
                changes.append(SlotChange(slot: implied.slot, old: held, new: nil))
            }
        }

        // `implies: {slot: unset}`: what an earlier answer implied of the slot is taken back, and its question asked.
        for slotIndex in extraction.reopened {
            let id = compiled.dialog.slots[slotIndex].id
            guard let old = s.values[id] else { continue }
            s.values[id] = nil
            changes.append(SlotChange(slot: id, old: old, new: nil))
        }
        // What a notice claimed a line or more ago is the person's once they own the debt (`Engine+HeldClaims`).
        holdClaims(extraction, &s)
        let claims = settleClaims(&s)
        changes += claims.changes

        if !topics.isEmpty {
            // Each topic's first answer that fits what the session now holds; a topic none fits is not answered.
            let fitting = ConditionEvaluator(dialog: compiled, values: s.values)
            var answers: [(topic: Int, answer: Int)] = []
            for index in topics where compiled.topicConditions[index].map(fitting.holds) ?? true {
                if let answer = compiled.topicAnswerConditions[index].firstIndex(where: { $0.map(fitting.holds) ?? true }) {
                    answers.append((index, answer))
                }
            }
            // A general question ("是真的吗") beside a specific one the line asks is that one's: answered once.
            if answers.count > 1, answers.contains(where: { !compiled.dialog.topics[$0.topic].alone }) {
                answers.removeAll { compiled.dialog.topics[$0.topic].alone }
            }
            topics = answers.map(\.topic)
            let r = renderer(s)
            for (index, _) in answers { if let alert = compiled.dialog.topics[index].alert { trace.alerts.append(r.text(alert)) } }
            // Three or more at once ("我怕他们起诉我…会不会上失信名单"): each by its first sentence, and once that any is
            // explained whole when asked alone, not paragraph after paragraph before the question (probe14 P25). An
            // answer with an alert (a life or safety at stake) is always whole.
            let brief = answers.count > 2 && compiled.dialog.messages[MessageID.topicsMore.rawValue] != nil
            var cut = false
            // One said in a sentence before is said whole when it comes again ("会不会上失信名单" asked alone brings two
            // answers: the second time both in full).
            var answered: [DialogEvent] = []
            for (index, answer) in answers {
                let topic = compiled.dialog.topics[index]
                var text = r.text(topic.answers[answer].text, values: s.values)
                let key = "topic." + topic.id
                if brief, topic.alert == nil, !s.said.contains(key + ".brief"), let first = Sentences.first(of: text) {
                    text = first
                    cut = true
                    s.said.insert(key + ".brief")
                }
                answered.append(.message(id: key, text: text))
            }
            if cut { answered.append(.message(id: MessageID.topicsMore.rawValue, text: r.message(.topicsMore))) }
            events.insert(contentsOf: answered, at: topicsAt)
        }

        var heard: String?
        var noted: (state: String, changes: [SlotChange])?
        if inPinyin {
            // A line of pinyin: say that it is read only in part and how to write instead, first (once, unless the
            // line gave nothing: then it explains why the question comes again). With nothing understood, the same
            // question follows, not counted as a failed answer (the person did answer, in a script this reads only a
            // few names and words of); otherwise the conversation goes on with what was read.
            let understoodNothing = changes.isEmpty && topics.isEmpty
            if understoodNothing || !s.said.contains(MessageID.pinyinUnread.rawValue) {
                s.said.insert(MessageID.pinyinUnread.rawValue)
                events.insert(.message(id: MessageID.pinyinUnread.rawValue, text: renderer(s).message(.pinyinUnread)), at: topicsAt)
            }
            if understoodNothing, let state, state.asksSomething {
                events.append(.ask(question(state, s, attempt: 0)))
                return (s, events, trace)
            }
        }
        if let state, case .listen = state.kind, changes.isEmpty, topics.isEmpty, !state.reprompts.isEmpty, s.noMatchCount == 0,
           !extraction.hedged, ShortLine.saysLittle(text.scalars) {
            // Nothing of a story in the first message ("嗯", "你好", "hi"): asked once more, with examples and the offer
            // to be asked step by step, rather than thrown straight into the questions.
            s.noMatchCount = 1
            events.append(.ask(question(state, s, attempt: 1)))
            return (s, events, trace)
        } else if let state, case .listen = state.kind {
            heard = state.id
            s.heard.insert(state.id)
        } else if let state, case .ask = state.kind, !asked.isEmpty, !asked.contains(where: { index in changes.contains { $0.slot == compiled.dialog.slots[index].id } }) {
            if extraction.hedged {
                changes += markUnknown(asked, &s, &events)
            } else if changes.isEmpty, !topics.isEmpty {
                // A question of the person's own, now answered: ask ours again, without counting it as a failed answer.
                events.append(.ask(question(state, s, attempt: 0)))
                return (s, events, trace)
            } else if changes.isEmpty {
                s.noMatchCount &+= 1
                if s.noMatchCount >= max(state.limit, 1) {
                    changes += markUnknown(asked, &s, &events)
                } else {
                    events.append(.ask(question(state, s, attempt: s.noMatchCount)))
                    return (s, events, trace)
                }
            } else {
                // Other facts, but not this answer: they are kept and the question is asked again, and such lines count
                // towards the limit too, so a person who keeps telling the rest of the story is not asked the same
                // thing forever ("Jiebei", "yes I borrowed", "3 months overdue" at "how did it reach you?").
                s.noMatchCount &+= 1
                if s.noMatchCount >= max(state.limit, 1) {
                    changes += markUnknown(asked, &s, &events)
                } else {
                    // A correction has said what changed already (`corrected`).
                    let new = changes.filter { ($0.old == nil || $0.old == .unknown) && !claims.promoted.contains($0.slot) }
                    if !new.isEmpty { noted = (state.id, new) }
                }
            }
        } else if let state, case .ask = state.kind, extraction.hedgesTheRest {
            // One part of a two-part question answered, the other hedged in a clause of its own: "3 days overdue, no
            // amount" needs no second asking.
            let rest = asked.filter { s.values[compiled.dialog.slots[$0].id] == nil }
            if !rest.isEmpty { changes += markUnknown(rest, &s, &events) }
        } else if state?.isEnd == true, changes.isEmpty {
            if topics.isEmpty {
                // A question the dialog has no answer for gets a pointer to who can answer it, not only "see above".
                let id: MessageID = LineAnalysis.asks(text.scalars) ? .questionPointer : .afterEnd
                events.append(.message(id: id.rawValue, text: renderer(s).message(id)))
            }
            return (s, events, trace)
        }
        if !changes.isEmpty || heard != nil {
            var answer = Session.Answer(turn: s.turn, changes: changes, heard: heard)
            if !newBorrowers.isEmpty { answer.borrowers = newBorrowers }
            s.answers.append(answer)
        }
        if !changes.isEmpty { s.advised = false }
        let walkedFrom = events.count
        walk(&s, &events, &trace)
        if let taken = claimTakenText(claims.promoted, s) {
            events.insert(.message(id: MessageID.claimTaken.rawValue, text: taken), at: walkedFrom)
        }
        // The same question again after facts it did not ask for: say what was taken before asking it.
        if let noted, s.current == noted.state,
           let ask = events[walkedFrom...].lastIndex(where: { if case .ask(let q) = $0 { q.state == noted.state } else { false } }) {
            events.insert(.message(id: MessageID.noted.rawValue, text: notedText(noted.changes, s)), at: ask)
        }
        // A correction after advice given along the way (an `advise` state) and before the end: what it changes in that
        // advice is shown at once, before the next question, not only at the end. "不对，我已经扫了，付了500" after the
        // scam's first steps must bring "110 and the bank" now, not after one more answer.
        if changes.contains(where: { $0.old != nil && $0.old != .unknown }), let shown = s.shownAdvice, !s.advised,
           let current = s.current.flatMap({ compiled.state($0) }), case .ask = current.kind,
           let ask = events[walkedFrom...].lastIndex(where: { if case .ask = $0 { true } else { false } }) {
            let evaluator = ConditionEvaluator(dialog: compiled, values: s.values)
            let applicable = applicableRemedies(s, evaluator)
            if !shown.elementsEqual(applicable.lazy.map({ compiled.dialog.remedies[$0].id })) {
                let recommendation = recommendation(for: s, evaluator, remedies: applicable)
                let changed = AdviceText.changes(from: shown, to: recommendation.remedies, renderer: renderer(s))
                if !changed.isEmpty {
                    events.insert(contentsOf: [.message(id: "advice_changed", text: changed.joined(separator: "\n")),
                                               .recommendation(recommendation)], at: ask)
                    s.shownAdvice = recommendation.remedies.map(\.id)
                }
            }
        }
        return (s, events, trace)
    }

    /// "刚才说错了，有的", "I was wrong earlier, yes there was" (`SlotExtractor.Extraction.correctsEarlier`): the last
    /// answer, when it gave one slot that is not asked now, is taken back and the line read again as the answer to
    /// that slot's question. A plain yes or no that settles it changes it (said as `corrected`); one that does not
    /// (a yes to "who else was contacted?") leaves it open, and the walk asks that question again. Either way the
    /// question on screen stays unanswered: a correction typed at the court question does not use it up.
    /// Returns false when there is no such answer to change; the line is then read as usual.
    private func correctEarlier(_ text: NormalizedText, asked: [Int], _ s: inout Session, _ events: inout [DialogEvent],
                                _ trace: inout Trace) -> Bool {
        guard let last = s.answers.last, last.heard == nil, last.changes.count == 1, let change = last.changes.first,
              let slot = compiled.slotIndex[change.slot], !asked.contains(slot), s.values[change.slot] == change.new else { return false }
        let reading = SlotExtractor(compiled: compiled).extract(text, asked: [slot])
        let value = reading.values.first { $0.slot == slot }?.value
        if let value, value == change.new { return false }
        s.answers.removeLast()
        s.values[change.slot] = value ?? change.old
        s.advised = false
        s.noMatchCount = 0
        let r = renderer(s)
        if let value {
            s.answers.append(Session.Answer(turn: s.turn, changes: [SlotChange(slot: change.slot, old: change.old, new: value)], heard: nil))
            if let said = change.new { events += correctionEvents([SlotChange(slot: change.slot, old: said, new: value)], s) }
        } else {
            events.append(.message(id: MessageID.backDone.rawValue, text: r.message(.backDone, ["answer": r.fact(change.slot, change.new)])))
        }
        walk(&s, &events, &trace)
        return true
    }

    /// The facts a line gave, short: names, choices and numbers first, then what was said yes or no to; at most three.
    private func notedText(_ changes: [SlotChange], _ s: Session) -> String {
        let r = renderer(s)
        func rank(_ change: SlotChange) -> Int {
            switch change.new { case .yes: 1; case .no: 2; default: 0 }
        }
        let ordered = changes.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        var facts = ordered.prefix(3).map { change in
            change.new == .yes ? r.label(ofSlot: change.slot) : r.fact(change.slot, change.new)
        }
        if ordered.count > 3, let last = facts.popLast() { facts.append(last + "…") }
        return r.message(.noted, ["facts": facts.joined(separator: r.message(.listSeparator))])
    }

    /// The session walked again from `start` without a line: for a session restored from a snapshot or a transcript
    /// whose dialog has changed, so it stops at the question that is open in the dialog as it is now. Values of slots
    /// (or choices) the dialog no longer has are dropped, also from the answers `back` can undo and from the advice
    /// last shown; `say` states already said stay said.
    public func rewalked(_ session: Session) -> (session: Session, events: [DialogEvent]) {
        rewalked(session, quietly: false)
    }

    /// The same walk; `quietly` renders nothing (no events) and only moves the session, for tools that walk
    /// thousands of sessions (`DialogExplorer`). The session is the same either way.
    public func rewalked(_ session: Session, quietly: Bool) -> (session: Session, events: [DialogEvent]) {
        var s = session
        s.values = s.values.filter { id, value in
            guard let slot = compiled.slot(id) else { return false }
            if case .choices(let chosen) = value {
                return slot.kind == .choice && chosen.allSatisfy { slot.value($0) != nil }
            }
            return true
        }
        // What `back` would restore must fit the dialog too: a change to a choice the dialog no longer has is dropped.
        func fits(_ value: SlotValue?, _ slot: Slot) -> Bool {
            guard case .choices(let chosen)? = value else { return true }
            return slot.kind == .choice && chosen.allSatisfy { slot.value($0) != nil }
        }
        s.answers = s.answers.map { answer in
            var answer = answer
            answer.changes = answer.changes.filter { change in
                guard let slot = compiled.slot(change.slot) else { return false }
                return fits(change.old, slot) && fits(change.new, slot)
            }
            if let heard = answer.heard, compiled.state(heard) == nil { answer.heard = nil }
            return answer
        }
        s.heldClaims = s.heldClaims?.filter { compiled.slot($0.slot) != nil }
        s.said = s.said.filter { compiled.state($0) != nil }
        s.heard = s.heard.filter { compiled.state($0) != nil }
        if let current = s.current, compiled.state(current) == nil { s.current = nil }
        s.shownAdvice = s.shownAdvice?.filter { id in compiled.dialog.remedies.contains { $0.id == id } }
        s.advised = false
        var events: [DialogEvent] = []
        var trace = Trace()
        walk(&s, &events, &trace, quietly: quietly)
        return (s, events)
    }

    /// The open question again (or the advice, at the end), as after `repeat`, without counting a turn:
    /// for a host that shows a resumed session.
    public func pending(_ session: Session) -> [DialogEvent] {
        var s = session
        var events: [DialogEvent] = []
        var trace = Trace()
        reask(&s, &events, &trace, force: true)
        return events
    }

    /// The short name of what the person is answering, for a prompt ("平台> "): the label of the state the session
    /// waits at, in its language — a question's, or the advice's once the questions are over (an end state's label).
    /// Nil while `restart` waits for its yes (the open question is not what is asked), after quitting, or where the
    /// state has no label: a host then shows a bare prompt, never the label of a question already answered.
    public func promptLabel(_ s: Session) -> String? {
        guard s.restartPending != true, !s.ended, let state = s.current.flatMap({ compiled.state($0) }),
              let label = state.label else { return nil }
        return renderer(s).text(label)
    }

    /// A line longer than this is cut before matching; nobody's answer is longer, and a paste of megabytes must not
    /// cost megabytes of work.
    public static let maximumLineScalars = 4_000

    // MARK: - Commands

    private func perform(_ command: CompiledDialog.LineCommand, _ s: inout Session, _ events: inout [DialogEvent], _ trace: inout Trace) {
        switch command {
        case .language(let language):
            s.language = language
            s.detectsLanguage = nil
            s.languageChosen = true
            events.append(.languageChanged(language: language, text: renderer(s).message(.languageSwitched)))
            reask(&s, &events, &trace)
        case .draft(let ids):
            // A letter that does not fit what the person said (a borrower's letter asked for by a relative) is not
            // handed out: of the letters the phrase names, the first that fits is given, or else the list of those
            // that fit is shown.
            let evaluator = ConditionEvaluator(dialog: compiled, values: s.values)
            let drafts = compiled.dialog.drafts
            let named = ids.compactMap { id in drafts.firstIndex { $0.id == id } }
            let r = renderer(s)
            if let index = named.first(where: { compiled.draftConditions[$0].map(evaluator.holds) ?? true }) {
                let draft = drafts[index]
                events.append(.draft(id: draft.id, title: r.text(draft.title), text: r.text(draft.text, values: s.values)))
            } else {
                events.append(.message(id: MessageID.draftsHeader.rawValue, text: draftList(s)))
                s.listedDrafts = true
            }
            reask(&s, &events, &trace)
        case .command(let command):
            perform(command, &s, &events, &trace)
        case .step(let number):
            guard s.shownAdvice != nil else {
                events.append(.message(id: MessageID.moreNotYet.rawValue, text: renderer(s).message(.moreNotYet)))
                reask(&s, &events, &trace)
                return
            }
            let advice = adviceText(for: s, situations: false)
            let text = advice.step(number)
            s.openedStep = text == nil ? nil : number
            events.append(.message(id: MessageID.stepHeader.rawValue, text: text ?? advice.noSuchStep))
            if !isAtEnd(s) { reask(&s, &events, &trace) }
        }
    }

    /// "草稿2", "letter 2": the letter of that number in the drafts list (the list again when there is none) — or,
    /// right after that list was shown (`afterList`), a number alone.
    /// Whether the whole line is a choice of a question on screen still open: a command word that answers it is the
    /// answer ("letter" or "信件" at "how did the notice reach you?" is a letter, not the drafts).
    private func answersOnScreen(_ text: NormalizedText, _ s: Session) -> Bool {
        guard let state = s.current.flatMap({ compiled.state($0) }) else { return false }
        let asked = state.askedSlots.filter { s.values[$0] == nil }.compactMap { compiled.slotIndex[$0] }
        guard !asked.isEmpty else { return false }
        return compiled.matcher.matches(in: text.scalars).contains { match in
            match.range == 0..<text.scalars.count && match.payloads.contains { cue in
                switch cue {
                case .choice(let slot, _), .cuedChoice(let slot, _): return asked.contains(slot)
                default: return false
                }
            }
        }
    }

    private func letterRequest(_ text: NormalizedText, _ s: Session, afterList: Bool) -> CompiledDialog.LineCommand? {
        guard let number = LetterRequest.number(in: text) ?? (afterList ? StepRequest.numberAlone(in: text) : nil) else { return nil }
        let fitting = fittingDrafts(s)
        return .draft(fitting.indices.contains(number - 1) ? [fitting[number - 1].id] : [])
    }

    /// "第2步", "step 2" — or, once the questions are over and the advice given, a number alone (while a question is
    /// open, a number alone is read first: it opens a step only when it does not answer; see `stepTraced`).
    private func stepRequest(_ text: NormalizedText, _ s: Session) -> CompiledDialog.LineCommand? {
        let bare = s.shownAdvice != nil && isAtEnd(s)
        return StepRequest.number(in: text, bare: bare).map { .step($0) }
    }

    private func perform(_ command: Command, _ s: inout Session, _ events: inout [DialogEvent], _ trace: inout Trace) {
        let r = renderer(s)
        switch command {
        case .help:
            events.append(.message(id: MessageID.help.rawValue, text: r.message(.help)))
            reask(&s, &events, &trace)
        case .why:
            let state = s.current.flatMap { compiled.state($0) }
            if state?.isEnd == true, s.shownAdvice != nil {
                // No question is open: the person asks why this advice.
                events.append(.message(id: MessageID.whyAdvice.rawValue, text: adviceText(for: s, situations: false).reasons))
                return
            }
            var text = state?.why.map { r.text($0) } ?? r.message(.whyDefault)
            if let state, let depending = dependingAdvice(state, s) { text += "\n" + depending }
            events.append(.message(id: "why", text: text))
            reask(&s, &events, &trace)
        case .`repeat`:
            reask(&s, &events, &trace, force: true)
        case .thanks:
            // A thank-you on its own is no answer and no failed one: a word back, then the question still open; without
            // the word, what `repeat` shows (the question, or the advice at the end), so the line is never met by silence.
            guard compiled.dialog.messages[MessageID.thanksReply.rawValue] != nil else {
                reask(&s, &events, &trace, force: true)
                return
            }
            events.append(.message(id: MessageID.thanksReply.rawValue, text: r.message(.thanksReply)))
            reask(&s, &events, &trace)
        case .summary:
            events.append(.summary(summary(of: s)))
            reask(&s, &events, &trace)
        case .drafts:
            events.append(.message(id: MessageID.draftsHeader.rawValue, text: draftList(s)))
            s.listedDrafts = true
            reask(&s, &events, &trace)
        case .next:
            // "下一步", "next": after a step opened in full, the step after it in full (the person is going through the
            // steps one by one); after the last one, that that was everything; otherwise what `more` does.
            guard s.shownAdvice != nil, let opened = s.openedStep else {
                perform(.more, &s, &events, &trace)
                return
            }
            let advice = adviceText(for: s, situations: false)
            if let text = advice.step(opened + 1) {
                s.openedStep = opened + 1
                events.append(.message(id: MessageID.stepHeader.rawValue, text: text))
            } else if compiled.dialog.messages[MessageID.moreDone.rawValue] != nil {
                s.openedStep = nil
                events.append(.message(id: MessageID.moreDone.rawValue,
                                       text: r.message(.moreDone, ["count": String(advice.count)])))
            } else {
                events.append(.message(id: MessageID.stepHeader.rawValue, text: advice.noSuchStep))
            }
            if !isAtEnd(s) { reask(&s, &events, &trace) }
        case .more, .all:
            s.openedStep = nil
            guard s.shownAdvice != nil else {
                events.append(.message(id: MessageID.moreNotYet.rawValue, text: r.message(.moreNotYet)))
                reask(&s, &events, &trace)
                return
            }
            // `more` goes on where the last screen stopped: the next few steps, in short. Once every step is listed,
            // `more` gives what `all` gives: every step in full.
            // After the whole list, a further `more` says in a line that that was everything, rather than the whole
            // list again.
            var advice = adviceText(for: s, situations: false)
            if command == .more, let listed = s.listedSteps, listed > advice.count,
               compiled.dialog.messages[MessageID.moreDone.rawValue] != nil {
                events.append(.message(id: MessageID.moreDone.rawValue,
                                       text: r.message(.moreDone, ["count": String(advice.count)])))
            } else if command == .more, let next = advice.rest(after: s.listedSteps ?? AdviceText.firstCount) {
                s.listedSteps = next.listed
                events.append(.message(id: "more", text: next.text))
            } else {
                // Only the whole list names the situations.
                advice.situations = situationsHolding(s)
                events.append(.message(id: "all", text: advice.details))
                s.listedSteps = advice.count + 1
            }
            if !isAtEnd(s) { reask(&s, &events, &trace) }
        case .back:
            guard let answer = s.answers.popLast() else {
                if let before = s.beforeRestart?.first {
                    // Undo the restart itself: the answers from before it come back, and the question then open.
                    let turn = s.turn
                    s = before
                    s.turn = turn
                    trace.restartUndone = true
                    events.append(.message(id: MessageID.restartUndone.rawValue, text: renderer(s).message(.restartUndone)))
                    reask(&s, &events, &trace, force: true)
                    return
                }
                events.append(.message(id: MessageID.backNothing.rawValue, text: r.message(.backNothing)))
                reask(&s, &events, &trace)
                return
            }
            for change in answer.changes.reversed() { s.values[change.slot] = change.old }
            unsettleClaims(from: answer.turn, &s)
            if let heard = answer.heard { s.heard.remove(heard) }
            if let borrowers = answer.borrowers {
                s.borrowerKin = s.borrowerKin?.filter { !borrowers.contains($0) }
                if s.borrowerKin?.isEmpty == true { s.borrowerKin = nil }
            }
            s.advised = false
            s.noMatchCount = 0
            let undone = answer.changes.map { r.fact($0.slot, $0.new) }
            let description = undone.isEmpty ? (answer.heard.flatMap { compiled.state($0)?.label }.map { r.text($0) } ?? "") : undone.joined(separator: r.message(.listSeparator))
            events.append(.message(id: MessageID.backDone.rawValue, text: r.message(.backDone, ["answer": description])))
            walk(&s, &events, &trace)
        case .restart:
            guard s.answers.isEmpty, s.values.isEmpty else {
                // Answers would be lost: ask first. `back` can still undo a restart, but a person who typed restart
                // by mistake should not have to know that.
                s.restartPending = true
                events.append(.message(id: MessageID.restartConfirm.rawValue,
                                       text: r.message(.restartConfirm, ["count": String(max(s.answers.count, 1))])))
                return
            }
            restart(&s, &events, &trace)
        case .quit:
            s.ended = true
            events.append(.ended(reason: .quit, text: r.message(.goodbye)))
        }
    }

    /// The line read on its own, when it contradicts an answer the session holds: a value of a slot already answered
    /// otherwise (another platform, another role). After "restart?", such a line is a new story, not an answer.
    /// What the session settled that changes how a line reads (`SlotExtractor.Context`).
    private func extractionContext(_ s: Session) -> SlotExtractor.Context {
        var context = SlotExtractor.Context()
        if let kin = s.borrowerKin { context.borrowers = kin.map { Array($0.unicodeScalars) } }
        // The slots held, not every slot of the dialog (a Slot struct is costly to copy).
        for (id, value) in s.values {
            guard case .choices(let ids) = value, let index = compiled.slotIndex[id] else { continue }
            if ids.contains(where: { $0 != "none" }) { context.choicesHeld.insert(index) }
            if compiled.dialog.slots[index].values.contains(where: { $0.othersDebt && ids.contains($0.id) }) {
                context.othersDebtHeld = true
            }
        }
        return context
    }

    /// The line after "restart?" read as a story: any fact in it, told to a prompt that says "or just tell me the new
    /// situation to start over" (probe14: "捷信说我十年前的手机分期还没还清" after "restart" was answered "好的，不重新开始"
    /// and added to the old story, because nothing in it contradicted the old one). A line with no fact in it ("继续",
    /// "算了") keeps the old conversation.
    /// A line that contradicts what the session holds is a new story too; one that answers the question that was open,
    /// or a word or two ("短信"), goes on with the old one.
    private func anotherStory(_ text: NormalizedText, _ s: Session) -> SlotExtractor.Extraction? {
        let extraction = SlotExtractor(compiled: compiled).extract(text, asked: [], lastAnswered: [])
        let contradicts = extraction.values.contains { slot, value in
            guard let held = s.values[compiled.dialog.slots[slot].id], held != .unknown else { return false }
            return held != value
        }
        if contradicts { return extraction }
        var open: [String] = []
        if let state = s.current.flatMap({ compiled.state($0) }), case .ask(let slots, _) = state.kind { open = slots }
        let answersOpen = extraction.values.contains { slot, _ in open.contains(compiled.dialog.slots[slot].id) }
        return extraction.values.isEmpty || answersOpen || ShortLine.saysLittle(text.scalars) ? nil : extraction
    }

    /// A new session in the same language; the old one is kept so that `back` can bring it back. `walking`: false when
    /// the line that asked for it is read next as the new conversation's first message (which walks on from there).
    private func restart(_ s: inout Session, _ events: inout [DialogEvent], _ trace: inout Trace, walking: Bool = true) {
        var before = s
        before.restartPending = nil
        before.beforeRestart = nil
        let hadAnswers = !before.answers.isEmpty || !before.values.isEmpty
        trace.restarted = true
        s = Session(dialogID: compiled.dialog.id, language: before.language)
        if hadAnswers { s.beforeRestart = [before] }
        events.append(.message(id: MessageID.restarted.rawValue, text: renderer(s).message(.restarted)))
        if walking { walk(&s, &events, &trace) } else { walk(&s, &events, &trace, quietly: true) }
    }

    /// Which pieces of advice the open question's answer decides, in a sentence; nil when none does.
    private func dependingAdvice(_ state: DialogState, _ s: Session) -> String? {
        guard case .ask(let slots, _) = state.kind else { return nil }
        // A slot that no question from here on asks (a scam still going on, a relative's scam, a question already
        // passed) is filled only by what the person volunteers: for this reason it stands as not said, so the list
        // names only what this answer can still bring, not a relative's scam at the question about the person's own
        // loan (probe L3).
        guard let stateIndex = compiled.stateIndex[state.id] else { return nil }
        let ahead = slotsAskedAfter(stateIndex)
        let onScreen = compiled.askedSlots[stateIndex]
        var values = s.values
        // By index: iterating the slots themselves copied every `Slot` out of the dialog to read its id.
        let dialogSlots = compiled.dialog.slots
        for index in dialogSlots.indices where !ahead[index] && !onScreen.contains(index) && values[dialogSlots[index].id] == nil {
            values[dialogSlots[index].id] = .unknown
        }
        let relevance = QuestionRelevance(compiled: compiled, values: values)
        var remedies: [Int] = []
        for id in slots where s.values[id] == nil {
            guard let index = compiled.slotIndex[id] else { continue }
            for remedy in relevance.remediesDepending(on: index) where !remedies.contains(remedy) { remedies.append(remedy) }
        }
        guard !remedies.isEmpty else { return nil }
        let r = renderer(s)
        let all = compiled.dialog.remedies
        // Two remedies for different people may share a title (the borrower's and the disputing person's "stop
        // contacting my family"): each title is named once.
        var titles: [String] = []
        // A title that only adds a note in brackets to one already named ("…亲友" and "…亲友（这笔有异议）") is the
        // same step for another person: named once (probe L3).
        var plain: [String] = []
        for remedy in remedies.sorted(by: { (all[$0].order, $0) < (all[$1].order, $1) }) {
            let text = r.text(all[remedy].title)
            let stem = Self.withoutBracketNote(text)
            if plain.contains(stem) { continue }
            plain.append(stem)
            titles.append(r.quoted(text))
        }
        // The most urgent few: a reason, not a second copy of the advice.
        if titles.count > Self.whyTitles { titles = Array(titles.prefix(Self.whyTitles)) + ["…"] }
        return r.message(.whyDepends, ["advice": titles.joined(separator: r.message(.listSeparator))])
    }

    /// How many pieces of advice `why` names.
    static let whyTitles = 4

    /// Per slot index, whether a state that can follow state `start` on some way through the graph asks it (whatever
    /// the answers). Followed by index through the resolved routes: looking states up by id copied each one out.
    private func slotsAskedAfter(_ start: Int) -> [Bool] {
        var seen = [Bool](repeating: false, count: compiled.dialog.states.count)
        seen[start] = true
        var queue = [start]
        var asked = [Bool](repeating: false, count: compiled.dialog.slots.count)
        while let index = queue.popLast() {
            for route in compiled.routes[index] {
                guard let target = route.target, !seen[target] else { continue }
                seen[target] = true
                queue.append(target)
                for slot in compiled.askedSlots[target] where slot >= 0 { asked[slot] = true }
            }
        }
        return asked
    }

    /// A title without a closing note in brackets: "书面要求停止联系您的亲友（这笔有异议）" → "书面要求停止联系您的亲友",
    /// "Ask them to stop (disputed)" → "Ask them to stop".
    static func withoutBracketNote(_ title: String) -> String {
        let scalars = Array(title.unicodeScalars)
        guard let last = scalars.last, last == "）" || last == ")" else { return title }
        let open: Unicode.Scalar = last == "）" ? "（" : "("
        guard let start = scalars.lastIndex(of: open), start > 0 else { return title }
        var stem = String(String.UnicodeScalarView(scalars[..<start]))
        while stem.last == " " { stem.removeLast() }
        return stem
    }

    /// Asks the open question again after a command; at the end, after the advice, there is nothing to ask.
    private func reask(_ s: inout Session, _ events: inout [DialogEvent], _ trace: inout Trace, force: Bool = false) {
        guard let current = s.current.flatMap({ compiled.state($0) }) else { return }
        switch current.kind {
        case .ask, .listen:
            events.append(.ask(question(current, s, attempt: 0)))
        case .end:
            if force { events.append(.recommendation(recommendation(for: s))) }
        default:
            break
        }
    }

    private func markUnknown(_ asked: [Int], _ s: inout Session, _ events: inout [DialogEvent]) -> [SlotChange] {
        let r = renderer(s)
        var changes: [SlotChange] = []
        for index in asked {
            let id = compiled.dialog.slots[index].id
            changes.append(SlotChange(slot: id, old: s.values[id], new: .unknown))
            s.values[id] = .unknown
            events.append(.markedUnknown(slot: id, text: r.message(.markedUnknown, ["slot": r.label(ofSlot: id)])))
        }
        s.noMatchCount = 0
        return changes
    }

    /// Whether a line that names another value for a filled choice or text slot, not the one on screen, means to
    /// change it: it says so (不对, 其实, actually — the lexicon's `corrections`) or denies the value held ("不是电话，
    /// 是短信"). A dialog without `corrections` keeps the simple rule: every mention corrects. Yes/no and number
    /// slots always take the later value: "我其实逾期了" and a new amount are news, not asides.
    private func isMeantAsCorrection(of slotIndex: Int, holding old: SlotValue, _ extraction: SlotExtractor.Extraction) -> Bool {
        let kind = compiled.dialog.slots[slotIndex].kind
        guard kind == .choice || kind == .text, !compiled.dialog.lexicon.corrections.isEmpty else { return true }
        return extraction.corrects || extraction.denies(old, of: slotIndex)
    }

    /// A `multiple` slot's held choices with the new ones added (`none` dropped beside others), or nil when the slot
    /// holds one value or nothing would change.
    private func merged(_ old: SlotValue, _ new: SlotValue, of slotIndex: Int) -> SlotValue? {
        guard compiled.dialog.slots[slotIndex].multiple, case .choices(let held) = old, case .choices(let added) = new else { return nil }
        var union = held
        for id in added where !union.contains(id) { union.append(id) }
        if union.count > 1 { union.removeAll { $0 == "none" } }
        union.sort()
        return union == held.sorted() ? nil : .choices(union)
    }

    private func isCorrection(_ found: (slot: Int, value: SlotValue), in s: Session, _ extraction: SlotExtractor.Extraction) -> Bool {
        guard let old = s.values[compiled.dialog.slots[found.slot].id] else { return false }
        return old != .unknown && old != found.value && isMeantAsCorrection(of: found.slot, holding: old, extraction)
    }

    /// Whether the session waits at an end state, read in place (`compiled.state` copies the whole state out).
    private func isAtEnd(_ s: Session) -> Bool {
        guard let index = s.current.flatMap({ compiled.stateIndex[$0] }) else { return false }
        return compiled.dialog.states[index].isEnd
    }

    // MARK: - The walk

    private func walk(_ s: inout Session, _ events: inout [DialogEvent], _ trace: inout Trace, quietly: Bool = false) {
        let r = renderer(s)
        // The walk changes where the session is, never its values: one evaluator serves every transition.
        let evaluator = ConditionEvaluator(dialog: compiled, values: s.values)
        // By state index: the routes come resolved, their targets as indexes.
        let states = compiled.dialog.states
        let routes = compiled.routes
        let asked = compiled.askedSlots
        var next = compiled.stateIndex[compiled.dialog.start]
        var visited = [Bool](repeatElement(false, count: states.count))
        // Room for the states a walk passes (each at most once; a grown dialog's walk is still a few dozen), not an
        // array grown one state at a time.
        let room = min(states.count, 32)
        trace.states.reserveCapacity(trace.states.count + room)
        trace.transitions.reserveCapacity(trace.transitions.count + room)
        // An `advise` state passed on the way: its advice is given only if the walk then stops at a question (when it
        // reaches the end, the end gives the advice).
        var advisePending: (id: String, text: LocalizedText)?
        func stopping(at state: DialogState) {
            if let pending = advisePending {
                s.said.insert(pending.id)
                if quietly {
                    s.shownAdvice = holding(s).remedies
                } else {
                    let recommendation = recommendation(for: s, evaluator)
                    s.shownAdvice = recommendation.remedies.map(\.id)
                    events.append(.message(id: pending.id, text: r.text(pending.text, values: s.values)))
                    events.append(.recommendation(recommendation))
                }
            }
            if quietly {
                if s.current != state.id { s.noMatchCount = 0 }
                s.current = state.id
            } else {
                stop(at: state, &s, &events)
            }
        }
        while let index = next, !visited[index] {
            visited[index] = true
            // The state is read in place: copying each `DialogState` passed (a dozen references) cost more than
            // deciding to pass it. Only the one the walk stops at is copied.
            let id = states[index].id
            trace.states.append(id)
            switch states[index].kind {
            case .say(let text):
                if s.said.insert(id).inserted, !quietly { events.append(.message(id: id, text: r.text(text, values: s.values))) }
            case .advise(let text):
                if s.shownAdvice == nil, !s.said.contains(id) { advisePending = (id, text) }
            case .listen:
                if !s.heard.contains(id) { return stopping(at: states[index]) }
            case .ask:
                // By slot index, read in the evaluator's table: the slot ids are not hashed state after state.
                let open = asked[index].filter { $0 < 0 || evaluator.table[$0] == nil }
                if !open.isEmpty, states[index].alwaysAsk || matters(open, s, evaluator) { return stopping(at: states[index]) }
            case .branch:
                break
            case .end(let text, _):
                if s.current != id { s.noMatchCount = 0 }
                s.current = id
                if !s.advised {
                    s.advised = true
                    if quietly {
                        s.said.insert(id)
                        s.shownAdvice = holding(s).remedies
                    } else {
                        advise(at: id, text, &s, &events, evaluator)
                    }
                }
                return
            }
            guard let taken = routes[index].firstIndex(where: { $0.condition.map(evaluator.holds) ?? true }) else { return }
            trace.transitions.append(TransitionTaken(from: id, index: taken))
            next = routes[index][taken].target
        }
    }

    /// Whether any of these open slots can still change the advice; a question none of whose answers can is passed over.
    /// `open`: slot indexes (-1 for an id the dialog has no slot of, which always matters).
    private func matters(_ open: [Int], _ s: Session, _ evaluator: ConditionEvaluator) -> Bool {
        let relevance = QuestionRelevance(compiled: compiled, values: s.values, table: evaluator.table)
        return open.contains { $0 < 0 || relevance.matters($0) }
    }

    /// The titles of the first steps of the advice shown, numbered, one a line: what `advice_confirmed` says again
    /// when the last answers changed nothing (the steps may be several screens up by then).
    private func firstSteps(_ s: Session, _ r: MessageRenderer) -> String {
        let shown = s.shownAdvice ?? []
        return shown.prefix(AdviceText.firstCount).enumerated().compactMap { number, id -> String? in
            guard let remedy = compiled.dialog.remedies.first(where: { $0.id == id }) else { return nil }
            return "\(number + 1). \(r.text(remedy.title))"
        }.joined(separator: "\n")
    }

    /// The advice at end state `id`: in full the first time; after a changed answer, what changed and the first
    /// steps again, or one line when nothing changed.
    /// `evaluator` is the walk's: the walk never changes the values, so its value table and flag truths still hold.
    private func advise(at id: String, _ text: LocalizedText, _ s: inout Session, _ events: inout [DialogEvent],
                        _ evaluator: ConditionEvaluator) {
        let r = renderer(s)
        // Worked out once: the advice below is made of the same remedies (nothing changes the session in between).
        let applicable = s.shownAdvice == nil ? nil : applicableRemedies(s, evaluator)
        if let shown = s.shownAdvice, let applicable, shown.elementsEqual(applicable.lazy.map({ compiled.dialog.remedies[$0].id })) {
            // The advice already shown, unchanged (what `changes(since:)` finds empty): nothing to render.
            if s.said.insert(id).inserted {
                events.append(.message(id: id, text: r.message(.adviceConfirmed, ["first_steps": firstSteps(s, r)])))
                events.append(.message(id: MessageID.afterAdvice.rawValue, text: r.message(.afterAdvice)))
            } else {
                events.append(.message(id: MessageID.adviceSame.rawValue, text: r.message(.adviceSame)))
            }
            return
        }
        let recommendation = recommendation(for: s, evaluator, remedies: applicable)
        let ids = recommendation.remedies.map(\.id)
        defer { s.shownAdvice = ids }
        let changes = s.shownAdvice.map { AdviceText.changes(from: $0, to: recommendation.remedies, renderer: r) }
        if s.said.insert(id).inserted {
            if let changes, changes.isEmpty {
                // The advice was given along the way and the last answers changed nothing: say so, rather than the
                // same steps a second time.
                events.append(.message(id: id, text: r.message(.adviceConfirmed, ["first_steps": firstSteps(s, r)])))
                events.append(.message(id: MessageID.afterAdvice.rawValue, text: r.message(.afterAdvice)))
                return
            }
            // The first time at this end: its message, the first steps, what the last answers changed in advice given
            // along the way (under the steps, so that the first of them stays at the top of the screen), and how to
            // see the rest.
            events.append(.message(id: id, text: r.text(text, values: s.values)))
            events.append(.recommendation(recommendation))
            if let changes, !changes.isEmpty { events.append(.message(id: "advice_changed", text: changes.joined(separator: "\n"))) }
            // The first steps end saying how to see more and open a step: this line adds only the rest.
            let after: MessageID = compiled.dialog.messages[MessageID.afterBrief.rawValue] == nil ? .afterAdvice : .afterBrief
            events.append(.message(id: after.rawValue, text: r.message(after)))
            return
        }
        guard let changes else { return }
        if changes.isEmpty {
            events.append(.message(id: MessageID.adviceSame.rawValue, text: r.message(.adviceSame)))
        } else {
            events.append(.message(id: "advice_changed", text: changes.joined(separator: "\n")))
            events.append(.recommendation(recommendation))
        }
    }

    private func stop(at state: DialogState, _ s: inout Session, _ events: inout [DialogEvent]) {
        if s.current != state.id { s.noMatchCount = 0 }
        s.current = state.id
        events.append(.ask(question(state, s, attempt: 0)))
    }

    // MARK: - What the person reads

    private func renderer(_ s: Session) -> MessageRenderer { MessageRenderer(compiled: compiled, language: s.language) }

    private func question(_ state: DialogState, _ s: Session, attempt: Int) -> Question {
        let r = renderer(s)
        let text: String
        switch state.kind {
        case .ask(_, let prompt), .listen(let prompt):
            if attempt == 0 {
                text = r.text(prompt, values: s.values)
            } else if state.reprompts.isEmpty {
                text = r.message(.noMatch) + "\n" + r.text(prompt, values: s.values)
            } else {
                text = r.text(state.reprompts[min(attempt, state.reprompts.count) - 1], values: s.values)
            }
        default:
            text = ""
        }
        // The label and the choices read the same at every asking: rendered once per language (`ShownTexts`).
        let frame = compiled.shownTexts(in: s.language).flatMap { shown in
            compiled.stateIndex[state.id].map { shown.question(state, at: $0, compiled, r) }
        } ?? ShownTexts.frame(of: state, compiled, r)
        return Question(state: state.id, slots: state.askedSlots, label: frame.label, text: text, choices: frame.choices,
                        attempt: attempt)
    }

    /// What the session knows: every answered slot and the situations that hold.
    public func summary(of s: Session) -> Summary {
        let r = renderer(s)
        // One evaluator for the situations and the remedies; its held slots are the answered ones in the dialog's order.
        let evaluator = ConditionEvaluator(dialog: compiled, values: s.values)
        let slots = compiled.dialog.slots
        let lines = evaluator.held.compactMap { index -> Summary.Line? in
            let id = slots[index].id
            guard let value = evaluator.table[index] else { return nil }
            return Summary.Line(slot: id, label: r.label(ofSlot: id, beside: value), value: r.display(value, of: id))
        }
        let situations = situationsHolding(s, evaluator)
        guard !lines.isEmpty else { return Summary(lines: [], situations: situations.map(\.id), text: r.message(.summaryEmpty)) }
        var text = r.message(.summaryHeader)
        // Each line's label and value are already rendered: `fact` would render both again.
        let separator = r.language.hasPrefix("zh") ? "：" : ": "
        // Room for the lines at once, rather than the text grown (and copied) several times over as they are appended.
        text.reserveCapacity(lines.reduce(text.utf8.count + 256) { $0 + $1.label.utf8.count + $1.value.utf8.count + 8 })
        // Appended piece by piece: `"\n- " + label + …` built a temporary String at every `+`.
        for line in lines {
            text += "\n- "
            text += line.label
            text += separator
            text += line.value
        }
        if !situations.isEmpty {
            text += "\n"
            text += r.message(.situationsHeader)
            for situation in situations {
                text += "\n- "
                text += situation.label
            }
        }
        if s.advised {
            // Only the titles: rendering every step of the advice here made `summary` the slowest command.
            let remedies = applicableRemedies(s, evaluator)
            if !remedies.isEmpty {
                text += "\n"
                text += r.message(.remediesHeader)
                for (n, remedy) in remedies.enumerated() {
                    text += "\n"
                    text += String(n + 1)
                    text += ". "
                    text += r.text(compiled.dialog.remedies[remedy].title)
                }
            }
        }
        return Summary(lines: lines, situations: situations.map(\.id), text: text)
    }

    private func situationsHolding(_ s: Session, _ evaluator: ConditionEvaluator? = nil) -> [Recommendation.Situation] {
        let evaluator = evaluator ?? ConditionEvaluator(dialog: compiled, values: s.values)
        let r = renderer(s)
        let flags = compiled.dialog.flags
        return compiled.situationIndex.candidates(held: evaluator.held)
            .map { compiled.situationFlags[$0] }
            .filter { evaluator.flagHolds($0) }
            .map { Recommendation.Situation(id: flags[$0].id, label: r.text(flags[$0].label)) }
    }

    /// The remedies that hold for the session, most urgent first, each with the answers that made it apply.
    public func recommendation(for s: Session) -> Recommendation {
        recommendation(for: s, ConditionEvaluator(dialog: compiled, values: s.values))
    }

    /// The same with an evaluator of the session's values that the caller has already (the walk's).
    /// `remedies`: the applicable remedies, when the caller has just worked them out with the same evaluator.
    private func recommendation(for s: Session, _ evaluator: ConditionEvaluator, remedies applicable: [Int]? = nil) -> Recommendation {
        Recommendation(adviceText(for: s, evaluator, remedies: applicable))
    }

    /// The advice that holds for the session, ready to be read in any of its forms (first screen, rest, one step…).
    private func adviceText(for s: Session, situations: Bool = true) -> AdviceText {
        adviceText(for: s, ConditionEvaluator(dialog: compiled, values: s.values), situations: situations)
    }

    /// `situations`: false for the forms that never name them (`more`'s next steps, one step, `why`).
    private func adviceText(for s: Session, _ evaluator: ConditionEvaluator, remedies applicable: [Int]? = nil,
                            situations: Bool = true) -> AdviceText {
        let r = renderer(s)
        // A value nobody gave reads as the slot's `unnamed` words in the advice ("该平台"), not as a placeholder.
        var unnamed: [String: String] = [:]
        // By index: iterating the slots themselves copied every `Slot` (a dozen references each) to read one field.
        let slots = compiled.dialog.slots
        for index in slots.indices where slots[index].unnamed != nil {
            let value = evaluator.table[index]
            if value == nil || value == .unknown { unnamed[slots[index].id] = r.text(slots[index].unnamed) }
        }
        let conditions = compiled.relevance.remedyConditions
        let chosen = applicable ?? applicableRemedies(s, evaluator)
        // The reasons are worked out now, with the evaluator at hand; the texts are rendered when a form is read.
        let reasons = chosen.map { index in
            evaluator.reasons(conditions[index]).filter { s.values[$0] != nil }.map { r.fact($0, s.values[$0]) }
        }
        return AdviceText(renderer: r, situations: situations ? situationsHolding(s, evaluator) : [], remedies: chosen,
                          reasonsByItem: reasons, values: s.values, unnamed: unnamed)
    }

    /// The remedies that hold, allowed by the end state the session is at (if it names them), most urgent first.
    private func applicableRemedies(_ s: Session, _ evaluator: ConditionEvaluator) -> [Int] {
        var allowed: Set<String>?
        if let current = s.current.flatMap({ compiled.state($0) }), case .end(_, let remedies) = current.kind, let remedies {
            allowed = Set(remedies)
        }
        // By index, so that only the remedies that hold are copied out of the dialog (a grown dialog has thousands).
        let remedies = compiled.dialog.remedies
        let conditions = compiled.relevance.remedyConditions
        var chosen: [Int] = []
        for index in compiled.remedyIndex.candidates(held: evaluator.held) {
            if let allowed, !allowed.contains(remedies[index].id) { continue }
            if evaluator.holds(conditions[index]) { chosen.append(index) }
        }
        chosen.sort { (remedies[$0].order, $0) < (remedies[$1].order, $1) }
        return chosen
    }

    /// The letters that fit what the session knows, in the dialog's order, each as a `.draft` event filled in with
    /// the session's answers and in its language: what a host can offer without the person typing a trigger.
    public func drafts(for s: Session) -> [DialogEvent] {
        let r = renderer(s)
        return fittingDrafts(s).map { .draft(id: $0.id, title: r.text($0.title), text: r.text($0.text, values: s.values)) }
    }

    private func fittingDrafts(_ s: Session) -> [Draft] {
        let evaluator = ConditionEvaluator(dialog: compiled, values: s.values)
        let conditions = compiled.draftConditions
        return compiled.dialog.drafts.indices.filter { conditions[$0].map(evaluator.holds) ?? true }.map { compiled.dialog.drafts[$0] }
    }

    private func draftList(_ s: Session) -> String {
        let r = renderer(s)
        let drafts = fittingDrafts(s)
        let messages = compiled.dialog.messages
        // Before any advice, the same answer in every conversation (probe L1: the list in one, "I have not given advice
        // yet" in another): the letters that fit so far, and that the answers still to come may change them; or, when
        // none fits yet, that the letters come with the advice ("no letter is needed: follow the steps above" would
        // point at steps not yet given).
        guard !drafts.isEmpty else {
            guard s.shownAdvice == nil else { return r.message(.draftsNone) }
            return r.message(messages[MessageID.draftsNotYet.rawValue] == nil ? .moreNotYet : .draftsNotYet)
        }
        var text = r.message(.draftsHeader)
        // Numbered, so that "草稿2" / "letter 2" opens one (`LetterRequest`); the trigger is the other way to ask.
        let (open, close) = s.language.hasPrefix("zh") ? ("「", "」") : ("\u{201C}", "\u{201D}")
        for (number, draft) in drafts.enumerated() {
            let trigger = draft.triggers.phrases(in: s.language).first ?? draft.triggers.all.first ?? draft.id
            text += "\n\(number + 1). " + r.text(draft.title) + " — " + open + trigger + close
        }
        if s.shownAdvice == nil, messages[MessageID.draftsSoFar.rawValue] != nil { text += "\n" + r.message(.draftsSoFar) }
        return text
    }
}
