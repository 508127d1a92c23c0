import DialogCore

/// Checks a parsed dialog as a whole: references, types of conditions, reachability, loops, ways out, unused slots.
struct DialogValidator {
    let dialog: Dialog
    let conditions: [(condition: Condition, start: SourceLocation)]
    let manifestLocation: SourceLocation

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
        diagnostics += checkReferences()
        return diagnostics
    }

    private func here(_ location: SourceLocation?) -> SourceLocation { location ?? manifestLocation }

    private func checkMessages() -> [Diagnostic] {
        MessageID.allCases.filter { dialog.messages[$0.rawValue] == nil }.map {
            Diagnostic(.error, manifestLocation, "the message `\($0.rawValue)` is missing; add it under `messages:` in every language")
        }
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
        // Reachability and loops, by a depth-first walk from the start.
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
            for transition in state.transitions { visit(transition.target) }
            onPath.remove(id)
        }
        visit(dialog.start)
        for state in dialog.states where !reached.contains(state.id) {
            diagnostics.append(Diagnostic(.error, here(state.location), "state `\(state.id)` can never be reached from `\(dialog.start)`; link it with a `next` or remove it"))
        }
        if !dialog.states.contains(where: { $0.isEnd && reached.contains($0.id) }) && ids.contains(dialog.start) {
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
        for state in dialog.states {
            if case .end(_, let remedies?) = state.kind {
                for id in remedies where !remedyIDs.contains(id) {
                    diagnostics.append(Diagnostic(.error, here(state.location), "end state `\(state.id)` lists remedy `\(id)`, which is not in `remedies:`"))
                }
            }
        }
        // `{name}` in a text must be a slot or one of the message's parameters.
        let slotIDs = Set(dialog.slots.map(\.id))
        let parameters: Set<String> = ["answer", "slot", "old", "new", "reasons", "advice", "situations", "count", "items"]
        func check(_ text: LocalizedText?, _ what: String) {
            guard let text else { return }
            for (language, value) in text.byLanguage.sorted(by: { $0.key < $1.key }) {
                for name in Self.holes(in: value) where !slotIDs.contains(name) && !parameters.contains(name) {
                    diagnostics.append(Diagnostic(.error, here(text.location), "the \(language) text of \(what) uses `{\(name)}`, which is not a slot; write `{{` for a literal brace"))
                }
            }
        }
        for (id, text) in dialog.messages { check(text, "message `\(id)`") }
        for state in dialog.states {
            switch state.kind {
            case .say(let t), .advise(let t), .listen(let t), .end(let t, _), .ask(_, let t): check(t, "state `\(state.id)`")
            case .branch: break
            }
            for reprompt in state.reprompts { check(reprompt, "a reprompt of `\(state.id)`") }
        }
        for draft in dialog.drafts { check(draft.text, "draft `\(draft.id)`") }
        for remedy in dialog.remedies {
            for text in [remedy.title, remedy.prepare, remedy.channel] { check(text, "remedy `\(remedy.id)`") }
            for (language, steps) in remedy.steps.sorted(by: { $0.key < $1.key }) {
                check(LocalizedText(Dictionary(uniqueKeysWithValues: steps.enumerated().map { ("\(language) step \($0.offset + 1)", $0.element) }),
                                    location: remedy.location), "remedy `\(remedy.id)`")
            }
            let counts = Set(remedy.steps.values.map(\.count))
            if counts.count > 1 {
                let each = remedy.steps.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value.count)" }.joined(separator: ", ")
                diagnostics.append(Diagnostic(.error, here(remedy.location), "remedy `\(remedy.id)` has a different number of steps in each language (\(each)); every language gives the same steps"))
            }
        }
        return diagnostics
    }

    static func holes(in text: String) -> [String] { TemplateHoles.names(in: text) }
}

import Foundation
