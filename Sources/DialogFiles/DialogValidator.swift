import DialogCore

/// Checks a parsed dialog as a whole: references, types of conditions, reachability, loops, ways out, unused slots.
struct DialogValidator {
    let dialog: Dialog
    let conditions: [(condition: Condition, start: SourceLocation)]
    let manifestLocation: SourceLocation
    var remedyConflicts: [RemedyConflict] = []

    func validate() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let checker = ConditionChecker(slots: dialog.slots, flags: dialog.flags.map(\.id))
        for (condition, start) in conditions {
            for error in checker.check(condition) {
                diagnostics.append(Diagnostic(.error, start.advanced(by: error.offset), error.message))
            }
        }
        diagnostics += checkMessages()
        diagnostics += checkStates()
        diagnostics += checkFlagCycles()
        diagnostics += checkConditionDepth()
        diagnostics += checkUnusedSlots()
        diagnostics += checkQuestionsThatNeverMatter()
        diagnostics += checkNumberPhrases()
        diagnostics += checkAnnouncedMeanings()
        diagnostics += checkReportedOwners()
        diagnostics += checkImplications()
        diagnostics += checkKinPatterns()
        diagnostics += checkReferences()
        return blamingMisspeltDefinitions(diagnostics)
    }

    /// `with_kin` patterns stand for the lexicon's `kin` words: without any, they can never match.
    private func checkKinPatterns() -> [Diagnostic] {
        guard dialog.lexicon[.kin].all.isEmpty else { return [] }
        let values = dialog.slots.flatMap(\.values).filter { !$0.withKin.all.isEmpty }.map {
            Diagnostic(.warning, here($0.location),
                       "the `with_kin` phrases of `\($0.id)` can never match: the lexicon has no `kin` words for their `*`")
        }
        let topics = dialog.topics.filter { topic in (topic.asked.all + topic.feared.all).contains { $0.contains("*") } }.map {
            Diagnostic(.warning, here($0.location),
                       "the phrases with a `*` of topic `\($0.id)` can never match: the lexicon has no `kin` words for their `*`")
        }
        return values + topics
    }

    /// `implies` (of a choice value) and `yes_implies` (of a yes/no slot) name yes/no or choice slots with values they have.
    private func checkImplications() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ implications: [Slot.Value.Implication], of owner: String, at location: SourceLocation?) {
            for implied in implications {
                let at = here(location)
                guard let target = dialog.slots.first(where: { $0.id == implied.slot }) else {
                    let hint = YAMLDocument.closest(implied.slot, in: dialog.slots.map(\.id)).map { "; did you mean `\($0)`?" } ?? ""
                    diagnostics.append(Diagnostic(.error, at, "\(owner) implies slot `\(implied.slot)`, which is not defined\(hint)"))
                    continue
                }
                switch target.kind {
                case .yesno where ["yes", "no", Slot.Value.Implication.unset].contains(implied.value),
                     .choice where target.value(implied.value) != nil || implied.value == Slot.Value.Implication.unset:
                    continue
                case .yesno, .choice:
                    let known = target.kind == .yesno ? ["yes", "no"] : target.values.map(\.id)
                    let hint = YAMLDocument.closest(implied.value, in: known).map { "; did you mean `\($0)`?" } ?? ""
                    diagnostics.append(Diagnostic(.error, at, "\(owner) implies `\(implied.slot): \(implied.value)`, which is not a value of `\(implied.slot)`\(hint)"))
                case .number, .text:
                    diagnostics.append(Diagnostic(.error, at, "\(owner) implies `\(implied.slot)`, a \(target.kind.rawValue) slot; `implies` sets yes/no and choice slots"))
                }
            }
        }
        for slot in dialog.slots {
            for value in slot.values { check(value.implies, of: "value `\(value.id)` of slot `\(slot.id)`", at: value.location ?? slot.location) }
            check(slot.yesImplies, of: "a yes to slot `\(slot.id)`", at: slot.location)
            check(slot.heldOwnedBy.filter { $0.value != Slot.Value.Implication.unset }, of: "`held_owned_by` of slot `\(slot.id)`", at: slot.location)
        }
        return diagnostics
    }

    /// `reported_owned_by` is on a yes/no slot with `reported: skip` and names another yes/no slot; so does each of
    /// `reported_disowned_by`, which needs `reported_owned_by`.
    private func checkReportedOwners() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for slot in dialog.slots {
            if !slot.heldOwnedBy.isEmpty, slot.reportedOwnedBy == nil {
                diagnostics.append(Diagnostic(.error, here(slot.location), "`held_owned_by` of slot `\(slot.id)` needs `reported_owned_by`: only such a slot's claims are held"))
            }
            if !slot.reportedDisownedBy.isEmpty, slot.reportedOwnedBy == nil {
                diagnostics.append(Diagnostic(.error, here(slot.location), "`reported_disowned_by` of slot `\(slot.id)` needs `reported_owned_by`"))
            }
            for name in slot.noKeptBeside where slot.kind != .yesno || dialog.slots.first(where: { $0.id == name })?.kind != .yesno {
                diagnostics.append(Diagnostic(.error, here(slot.location), "`no_kept_beside` of slot `\(slot.id)` names `\(name)`: both must be yesno slots"))
            }
            for name in slot.answeredNoBy where ![.yesno, .choice].contains(slot.kind) || dialog.slots.first(where: { $0.id == name })?.kind != .yesno {
                diagnostics.append(Diagnostic(.error, here(slot.location), "`answered_no_by` of slot `\(slot.id)` names `\(name)`: it must be a yesno slot, on a yesno or choice slot"))
            }
            if slot.kind == .choice, !slot.answeredNoBy.isEmpty, !slot.values.contains(where: { $0.id == "none" }) {
                diagnostics.append(Diagnostic(.error, here(slot.location), "`answered_no_by` of choice slot `\(slot.id)` needs a value `none`"))
            }
            for name in slot.yesBeside where slot.kind != .yesno || slot.yesWhenAsked.all.isEmpty || dialog.slots.first(where: { $0.id == name })?.kind != .choice {
                diagnostics.append(Diagnostic(.error, here(slot.location), "`yes_beside` of slot `\(slot.id)` names `\(name)`: it must be a choice slot, on a yesno slot with `yes_when_asked` phrases"))
            }
            for name in slot.noKeptUnless where !dialog.slots.contains(where: { $0.id == name }) {
                diagnostics.append(Diagnostic(.error, here(slot.location), "`no_kept_unless` of slot `\(slot.id)` names `\(name)`, which is not a slot"))
            }
            for name in slot.reportedDisownedBy where ![.yesno, .choice].contains(dialog.slots.first(where: { $0.id == name })?.kind) {
                diagnostics.append(Diagnostic(.error, here(slot.location), "`reported_disowned_by` of slot `\(slot.id)` names `\(name)`, which is not a yesno or choice slot"))
            }
            guard let owner = slot.reportedOwnedBy else { continue }
            let at = here(slot.location)
            if slot.kind != .yesno || !slot.skipsReportedSpeech {
                diagnostics.append(Diagnostic(.error, at, "`reported_owned_by` is for a yesno slot with `reported: skip`, and `\(slot.id)` is not one"))
            }
            guard let target = dialog.slots.first(where: { $0.id == owner }) else {
                let hint = YAMLDocument.closest(owner, in: dialog.slots.map(\.id)).map { "; did you mean `\($0)`?" } ?? ""
                diagnostics.append(Diagnostic(.error, at, "`reported_owned_by` of slot `\(slot.id)` names slot `\(owner)`, which is not defined\(hint)"))
                continue
            }
            if target.kind != .yesno || target.id == slot.id {
                diagnostics.append(Diagnostic(.error, at, "`reported_owned_by` of slot `\(slot.id)` names `\(owner)`; it must name another yesno slot"))
            }
        }
        return diagnostics
    }

    /// `when_announced` fills a value of a choice slot, and its `except` names values of its own slot.
    private func checkAnnouncedMeanings() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for slot in dialog.slots {
            guard let meaning = slot.whenAnnounced else { continue }
            let at = here(meaning.location ?? slot.location)
            guard slot.kind == .choice else {
                diagnostics.append(Diagnostic(.error, at, "`when_announced` is for a choice slot, and `\(slot.id)` is a \(slot.kind.rawValue) slot"))
                continue
            }
            if let target = dialog.slots.first(where: { $0.id == meaning.slot }) {
                if target.kind != .choice || target.value(meaning.value) == nil {
                    let known = target.values.map(\.id)
                    let hint = YAMLDocument.closest(meaning.value, in: known).map { "; did you mean `\($0)`?" } ?? ""
                    diagnostics.append(Diagnostic(.error, at, "`when_announced` of slot `\(slot.id)` fills `\(meaning.slot): \(meaning.value)`, "
                        + "but `\(meaning.slot)` is not a choice slot with that value\(hint)"))
                }
            } else {
                let hint = YAMLDocument.closest(meaning.slot, in: dialog.slots.map(\.id)).map { "; did you mean `\($0)`?" } ?? ""
                diagnostics.append(Diagnostic(.error, at, "`when_announced` of slot `\(slot.id)` fills slot `\(meaning.slot)`, which is not defined\(hint)"))
            }
            for value in meaning.except where slot.value(value) == nil {
                diagnostics.append(Diagnostic(.error, at, "`when_announced` of slot `\(slot.id)` excepts `\(value)`, which is not a value of `\(slot.id)`"))
            }
        }
        // `announced_as` names another value of its own slot.
        for slot in dialog.slots {
            for value in slot.values {
                guard let other = value.announcedAs else { continue }
                if other == value.id || slot.value(other) == nil {
                    let hint = YAMLDocument.closest(other, in: slot.values.map(\.id)).map { "; did you mean `\($0)`?" } ?? ""
                    diagnostics.append(Diagnostic(.error, here(value.location ?? slot.location),
                        "`announced_as` of `\(slot.id): \(value.id)` names `\(other)`, which is not another value of `\(slot.id)`\(hint)"))
                }
            }
        }
        return diagnostics
    }

    /// A slot defined under a misspelt id (`chanel:`) makes every use of the right one (`channel`) unknown: one error
    /// at the definition instead, which names the uses, and none at each use (nor the unused-slot warning).
    private func blamingMisspeltDefinitions(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var used: [String: [SourceLocation]] = [:]
        for (condition, start) in conditions {
            for (name, offset) in condition.names { used[name, default: []].append(start.advanced(by: offset)) }
        }
        for state in dialog.states {
            for slot in state.askedSlots { used[slot, default: []].append(here(state.location)) }
        }
        for text in dialog.texts {
            for name in Self.holes(in: text.text) where !(text.place.takesMessageParameters && Self.messageParameters.contains(name)) {
                let name = name.hasSuffix(".home") ? String(name.dropLast(5)) : name
                used[name, default: []].append(here(text.location))
            }
        }
        let defined = Set(dialog.slots.map(\.id) + dialog.flags.map(\.id))
        let unused = dialog.slots.filter { used[$0.id] == nil }
        var result = diagnostics
        for (name, places) in used.sorted(by: { $0.key < $1.key }) where !defined.contains(name) {
            guard let guess = YAMLDocument.closest(name, in: unused.map(\.id)), let slot = unused.first(where: { $0.id == guess }) else { continue }
            result.removeAll { $0.message.contains("`\(name)`") || $0.message.contains("`{\(name)}`") || $0.message.contains("slot `\(guess)` is never asked") }
            let distinct = Set(places).sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }.map(\.description)
            let listed = distinct.prefix(3).joined(separator: ", ") + (distinct.count > 3 ? ", …" : "")
            result.append(Diagnostic(.error, here(slot.location),
                                     "slot `\(guess)` is used nowhere, but `\(name)`, which is not defined, is used \(distinct.count) time\(distinct.count == 1 ? "" : "s") (\(listed)); rename the slot to `\(name)`"))
        }
        return result
    }

    private func here(_ location: SourceLocation?) -> SourceLocation { location ?? manifestLocation }

    private func checkMessages() -> [Diagnostic] {
        var diagnostics = MessageID.allCases.filter { !$0.hasFallback && dialog.messages[$0.rawValue] == nil }.map {
            Diagnostic(.error, manifestLocation, "the message `\($0.rawValue)` is missing; add it under `messages:` in every language")
        }
        // Several changes said in one sentence need its three parts; a dialog with none says each change alone.
        let together = MessageID.correctedTogether
        if let given = together.first(where: { dialog.messages[$0.rawValue] != nil }) {
            diagnostics += together.filter { dialog.messages[$0.rawValue] == nil }.map {
                Diagnostic(.error, manifestLocation, "the message `\($0.rawValue)` is missing, and `\(given.rawValue)` needs it (\(together.map { "`\($0.rawValue)`" }.joined(separator: ", ")) say several changes in one sentence); add it under `messages:` in every language, or remove `\(given.rawValue)`")
            }
        }
        return diagnostics
    }

    private func checkStates() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ids = Set(dialog.states.map(\.id))
        let slotIDs = Set(dialog.slots.map(\.id))
        if !ids.contains(dialog.start) {
            diagnostics.append(Diagnostic(.error, manifestLocation, "the start state `\(dialog.start)` is not defined under `states:`"))
        }
        for state in dialog.states {
            for transition in state.transitions where !ids.contains(transition.target) {
                let hint = YAMLDocument.closest(transition.target, in: Array(ids)).map { "; did you mean `\($0)`?" } ?? ""
                diagnostics.append(Diagnostic(.error, here(transition.location), "state `\(state.id)` goes to `\(transition.target)`, which is not a state\(hint)"))
            }
            for slot in state.askedSlots where !slotIDs.contains(slot) {
                diagnostics.append(Diagnostic(.error, here(state.location), "state `\(state.id)` asks for `\(slot)`, which is not a slot; define it under `slots:`"))
            }
            if !state.isEnd {
                if state.transitions.isEmpty {
                    diagnostics.append(Diagnostic(.error, here(state.location), "state `\(state.id)` has no way out: add `next`, or make it an `end`"))
                } else if state.transitions.last?.condition != nil {
                    diagnostics.append(Diagnostic(.error, here(state.transitions.last?.location ?? state.location),
                                                  "state `\(state.id)` may have no way out: its last `next` entry has a `when`; add a final entry with only `goto`"))
                }
            }
        }
        // Reachability and loops, by a depth-first walk from the start. A misspelt `goto` (or `start`) is walked as
        // the state it most likely means, so one typo is one error, not one more for every state behind it; a name
        // that resembles no state hides nothing it could be blamed for, so the walk reports nothing unreachable.
        func meant(_ target: String) -> String? { ids.contains(target) ? target : YAMLDocument.closest(target, in: Array(ids)) }
        var reached = Set<String>()
        var onPath = Set<String>()
        var reportedLoop = false
        let byID = Dictionary(dialog.states.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func visit(_ id: String) {
            guard let state = byID[id] else { return }
            if onPath.contains(id) {
                if !reportedLoop {
                    reportedLoop = true
                    diagnostics.append(Diagnostic(.error, here(state.location), "state `\(id)` can be reached again from itself; the conversation graph must not loop"))
                }
                return
            }
            guard reached.insert(id).inserted else { return }
            onPath.insert(id)
            for transition in state.transitions { if let target = meant(transition.target) { visit(target) } }
            onPath.remove(id)
        }
        let start = meant(dialog.start)
        if let start { visit(start) }
        let unresolved = dialog.states.contains { $0.transitions.contains { !ids.contains($0.target) && meant($0.target) == nil } }
        for state in dialog.states where !reached.contains(state.id) && start != nil && !unresolved {
            diagnostics.append(Diagnostic(.error, here(state.location), "state `\(state.id)` can never be reached from `\(dialog.start)`; link it with a `next` or remove it"))
        }
        if !dialog.states.contains(where: { $0.isEnd && reached.contains($0.id) }) && ids.contains(dialog.start) && !unresolved {
            diagnostics.append(Diagnostic(.error, manifestLocation, "no `end` state can be reached: the conversation would never give advice"))
        }
        return diagnostics
    }

    private func checkFlagCycles() -> [Diagnostic] {
        let flags = Dictionary(dialog.flags.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []
        var done = Set<String>()
        func visit(_ id: String, path: [String]) {
            guard let flag = flags[id], !done.contains(id) else { return }
            if let start = path.firstIndex(of: id) {
                let cycle = (path[start...] + [id]).joined(separator: " → ")
                diagnostics.append(Diagnostic(.error, here(flag.conditionLocation ?? flag.location), "flag `\(id)` depends on itself: \(cycle); break the cycle"))
                return
            }
            for name in flag.condition.names.map(\.name) { visit(name, path: path + [id]) }
            if path.isEmpty || !diagnostics.isEmpty { done.insert(id) }
        }
        for flag in dialog.flags where !done.contains(flag.id) {
            visit(flag.id, path: [])
            done.insert(flag.id)
        }
        return diagnostics
    }

    /// Every condition within `Condition.maximumDepth`, flags followed, as the evaluators count it: a condition that
    /// passes `check` is never cut short at run time.
    private func checkConditionDepth() -> [Diagnostic] {
        let flags = Dictionary(dialog.flags.map { ($0.id, $0.condition) }, uniquingKeysWith: { a, _ in a })
        var depths: [String: Int] = [:]
        var visiting = Set<String>()
        func flagDepth(_ id: String) -> Int? {
            guard let condition = flags[id] else { return nil }
            if let known = depths[id] { return known }
            guard visiting.insert(id).inserted else { return 0 }  // a cycle, reported by checkFlagCycles
            let depth = condition.evaluationDepth(flagDepth: flagDepth)
            visiting.remove(id)
            depths[id] = depth
            return depth
        }
        return conditions.compactMap { condition, start in
            let depth = condition.evaluationDepth(flagDepth: flagDepth)
            guard depth > Condition.maximumDepth else { return nil }
            return Diagnostic(.error, start, "this condition nests \(depth) levels deep with the flags it uses, more than \(Condition.maximumDepth); use fewer flags inside flags, or fewer brackets and `not`s")
        }
    }

    private func checkUnusedSlots() -> [Diagnostic] {
        var used = Set(dialog.states.flatMap(\.askedSlots))
        for (condition, _) in conditions { used.formUnion(condition.names.map(\.name)) }
        // A slot filled from what people say and shown in a draft (the amount a notice claims) is used too.
        used.formUnion(dialog.drafts.flatMap { $0.text.byLanguage.values }.flatMap(TemplateHoles.names))
        used.formUnion(dialog.slotsTheAdviceReads)
        return dialog.slots.filter { !used.contains($0.id) }.map {
            Diagnostic(.warning, here($0.location), "slot `\($0.id)` is never asked, and no condition, remedy or draft uses it")
        }
    }

    /// A question is asked only while its answer can change the advice; one whose slots the advice never reads
    /// would always be passed over.
    private func checkQuestionsThatNeverMatter() -> [Diagnostic] {
        let read = dialog.slotsTheAdviceReads
        let defined = Set(dialog.slots.map(\.id))
        return dialog.states.filter { state in
            !state.alwaysAsk && !state.askedSlots.isEmpty && state.askedSlots.allSatisfy(defined.contains)
                && !state.askedSlots.contains(where: read.contains)
        }.map {
            Diagnostic(.warning, here($0.location),
                       "state `\($0.id)` is never asked: no remedy, situation or `next` reads \($0.askedSlots.map { "`\($0)`" }.joined(separator: ", ")), so no answer can change the advice; use the slot in a `when` or a remedy's text, or add `always_ask: true`")
        }
    }

    /// A phrase with a number in it holds exactly one `#` and some words beside it.
    private func checkNumberPhrases() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for slot in dialog.slots {
            let lists = [slot.yes, slot.no, slot.cues] + slot.values.map(\.synonyms)
            for list in lists {
                for phrase in list.all where phrase.contains("#") {
                    let marks = phrase.filter { $0 == "#" }.count
                    if marks > 1 || phrase.trimmingCharacters(in: .whitespaces) == "#" || list == slot.cues {
                        diagnostics.append(Diagnostic(.error, here(list.location ?? slot.location),
                                                      "the phrase `\(phrase)` of slot `\(slot.id)` must hold one `#` (the number) beside some words, in a yes/no list or a choice's synonyms"))
                    }
                }
            }
        }
        return diagnostics
    }

    private func checkReferences() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let remedyIDs = Set(dialog.remedies.map(\.id))
        for conflict in remedyConflicts where !remedyIDs.contains(conflict.other) || conflict.other == conflict.remedy {
            let hint = YAMLDocument.closest(conflict.other, in: Array(remedyIDs)).map { "; did you mean `\($0)`?" } ?? ""
            diagnostics.append(Diagnostic(.error, conflict.location, conflict.other == conflict.remedy
                ? "remedy `\(conflict.remedy)` cannot conflict with itself"
                : "remedy `\(conflict.remedy)` conflicts with `\(conflict.other)`, which is not in `remedies:`\(hint)"))
        }
        let safetyLines = dialog.messages.keys.filter { $0.hasPrefix(Remedy.safetyMessage("")) }
        if dialog.messages[MessageID.safetyReminder.rawValue] == nil,
           let remedy = dialog.remedies.first(where: { !$0.safety.isEmpty }) {
            diagnostics.append(Diagnostic(.error, here(remedy.location),
                "remedy `\(remedy.id)` names safety lines, but there is no message `safety_reminder` to say them in (like \"切记：{lines}。\"); add it under `messages:` in every language"))
        }
        for remedy in dialog.remedies {
            for id in remedy.safety where dialog.messages[Remedy.safetyMessage(id)] == nil {
                let known = safetyLines.map { String($0.dropFirst(Remedy.safetyMessage("").count)) }
                let hint = YAMLDocument.closest(id, in: known).map { "; did you mean `\($0)`?" } ?? ""
                diagnostics.append(Diagnostic(.error, here(remedy.location),
                    "remedy `\(remedy.id)` names the safety line `\(id)`, but there is no message `\(Remedy.safetyMessage(id))`: add it under `messages:` in every language\(hint)"))
            }
        }
        for state in dialog.states {
            if case .end(_, let remedies?) = state.kind {
                for id in remedies where !remedyIDs.contains(id) {
                    diagnostics.append(Diagnostic(.error, here(state.location), "end state `\(state.id)` lists remedy `\(id)`, which is not in `remedies:`"))
                }
            }
        }
        diagnostics += checkTexts()
        return diagnostics
    }

    static func holes(in text: String) -> [String] { TemplateHoles.names(in: text) }

    /// The parameters a message may name besides the slots (see `MessageID`).
    static let messageParameters: Set<String> = ["answer", "slot", "old", "new", "reasons", "advice", "situations", "count", "items",
                                                        "facts", "changes", "number", "numbers", "title", "reason", "steps", "lines",
                                                        "first_steps"]

    /// Every text, from the one list of where texts live (`Dialog.texts`): a `{name}` must name a slot (or, in a
    /// message, one of its parameters); a single text is written in every language; a list (a remedy's steps, a
    /// state's reprompts) has as many entries in every language.
    private func checkTexts() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let slotIDs = Set(dialog.slots.map(\.id))
        // `{platform.home}`: where the slot's value has its official channel, for a slot that says so (`home`).
        let homeHoles = Set(dialog.slots.filter { $0.home != nil }.map { $0.id + ".home" })
        let texts = dialog.texts
        // One error for a wrong `{name}` in a text, whichever of its languages hold it.
        var wrongHoles: [(place: TextPlace, name: String, languages: [String], location: SourceLocation?)] = []
        for text in texts {
            for name in Self.holes(in: text.text) where !slotIDs.contains(name) && !homeHoles.contains(name) {
                if text.place.takesMessageParameters && Self.messageParameters.contains(name) { continue }
                if let index = wrongHoles.firstIndex(where: { $0.place == text.place && $0.name == name }) {
                    if !wrongHoles[index].languages.contains(text.language) { wrongHoles[index].languages.append(text.language) }
                } else {
                    wrongHoles.append((text.place, name, [text.language], text.location))
                }
            }
        }
        for wrong in wrongHoles {
            let hint = YAMLDocument.closest(wrong.name, in: Array(slotIDs)).map { "; did you mean `{\($0)}`?" } ?? "; write `{{` for a literal brace"
            diagnostics.append(Diagnostic(.error, here(wrong.location), "the \(wrong.languages.joined(separator: ", ")) text of \(wrong.place) uses `{\(wrong.name)}`, which is not a slot\(hint)"))
        }
        var languagesAt: [TextPlace: (languages: Set<String>, location: SourceLocation?)] = [:]
        var counts: [TextPlace: [String: Int]] = [:]
        var order: [TextPlace] = []
        for text in texts {
            var place = text.place
            if place.index != nil {
                place.index = nil
                if counts[place] == nil { order.append(place) }
                counts[place, default: [:]][text.language, default: 0] += 1
                if languagesAt[place] == nil { languagesAt[place] = ([], text.location) }
                continue
            }
            if languagesAt[place] == nil { order.append(place) }
            languagesAt[place, default: ([], text.location)].languages.insert(text.language)
        }
        let all = dialog.languages.joined(separator: ", ")
        for place in order {
            let location = here(languagesAt[place]?.location)
            if let perLanguage = counts[place] {
                let each = dialog.languages.map { ($0, perLanguage[$0] ?? 0) }
                if Set(each.map(\.1)).count > 1 {
                    let listed = each.sorted { $0.0 < $1.0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
                    diagnostics.append(Diagnostic(.error, location, "\(place.owner.rawValue) `\(place.id)` has a different number of \(place.field) in each language (\(listed)); every language gives the same \(place.field)"))
                }
            } else if let present = languagesAt[place]?.languages {
                let missing = dialog.languages.filter { !present.contains($0) }
                if !missing.isEmpty {
                    diagnostics.append(Diagnostic(.error, location, "\(place) is missing \(missing.joined(separator: ", ")); every text needs all of \(all)"))
                }
            }
        }
        diagnostics += Self.translationsDiffer(texts, languages: dialog.languages, counts: { name in
            slotIDs.contains(name) || Self.messageParameters.contains(name)
        }, location: here)
        return diagnostics
    }
}

import Foundation

extension DialogValidator {
    /// Texts at one place in several languages are translations of each other, so they fill the same holes and give
    /// the same numbers (hotlines, hours, days, article numbers). A warning names the place and what differs:
    /// "晚上10点后" beside "after 10 pm or before 8 am" is caught, "22:00至次日8:00" beside "between 22:00 and 08:00"
    /// is not.
    /// `counts` says which holes to compare: a hole that names nothing is already an error of its own (one mistake,
    /// one message).
    static func translationsDiffer(_ texts: [DialogText], languages: [String], counts: (String) -> Bool = { _ in true },
                                   location: (SourceLocation?) -> SourceLocation) -> [Diagnostic] {
        var byPlace: [TextPlace: [DialogText]] = [:]
        var order: [TextPlace] = []
        for text in texts {
            if byPlace[text.place] == nil { order.append(text.place) }
            byPlace[text.place, default: []].append(text)
        }
        var diagnostics: [Diagnostic] = []
        for place in order {
            guard let versions = byPlace[place], versions.count > 1 else { continue }
            let holes = versions.map { Set(TemplateHoles.names(in: $0.text).filter(counts)) }
            if Set(holes).count > 1 {
                let listed = zip(versions, holes).map { "\($0.language) {\($1.sorted().joined(separator: "}, {"))}" }.joined(separator: "; ")
                diagnostics.append(Diagnostic(.warning, location(versions[0].location),
                                              "the languages of \(place) fill different holes (\(listed)); every language should show the same answers"))
            }
            let numbers = versions.map { TextNumbers.values(in: $0.text) }
            if Set(numbers).count > 1 {
                let listed = zip(versions, numbers).map { "\($0.language) \($1.map(String.init).joined(separator: " "))" }.joined(separator: "; ")
                diagnostics.append(Diagnostic(.warning, location(versions[0].location),
                                              "the languages of \(place) give different numbers (\(listed)); every language should give the same hotlines, hours and days"))
            }
        }
        return diagnostics
    }
}

/// The numbers a text gives, as values in order of size: "22:00至次日8:00" and "between 22:00 and 08:00" both give
/// 0, 0, 8, 22. A list item's own number ("1. ") is numbering, not a fact, and is left out.
public enum TextNumbers {
    public static func values(in text: String) -> [Int] {
        var numbers: [Int] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line.drop { $0 == " " })
            if let end = rest.firstIndex(where: { !$0.isASCII || !$0.isNumber }), end > rest.startIndex, rest[end] == "." {
                rest = rest[rest.index(after: end)...]
            }
            var digits = ""
            for scalar in rest.unicodeScalars {
                if ("0"..."9").contains(scalar) {
                    digits.unicodeScalars.append(scalar)
                } else if !digits.isEmpty {
                    numbers.append(Int(digits.prefix(18)) ?? 0)
                    digits = ""
                }
            }
            if !digits.isEmpty { numbers.append(Int(digits.prefix(18)) ?? 0) }
        }
        return numbers.sorted()
    }
}
