/// Whether a question's answer can still change the advice, given what is already known.
///
/// The advice is the situations that hold and the remedies that hold (in their fixed order), with the remedies' texts
/// filled from the answers. A slot matters while some situation or remedy that reads it (directly or through flags)
/// is not yet decided for one of its possible answers, or is decided differently by two of them; or while a remedy
/// that may still be given shows the slot's value in its text. Possible answers: every choice (and all at once for a
/// `multiple` slot), yes and no, the numbers either side of every constant the conditions compare the slot with, a
/// name the conditions do not mention, and "unknown" for all. Pure and deterministic; a few dozen three-valued
/// evaluations a question.
struct QuestionRelevance {
    /// What the dialog allows to be worked out once, when it compiles.
    struct Table: Sendable {
        /// Per slot index: the answers worth trying.
        let candidates: [[SlotValue]]
        /// Per slot index: the remedies whose texts show the slot's value (`{platform}`), ascending.
        let remediesShowing: [[Int]]
        /// Per slot index: every condition of a remedy, a situation or a `next` entry that reads it, resolved.
        let conditionsReading: [[ResolvedCondition]]
        /// Per slot index: the flags whose truth can change with it (they read it, directly or through flags).
        let flagsReading: [[Int]]
        /// Per remedy index: its condition, resolved.
        let remedyConditions: [ResolvedCondition]

        /// `remedies` and `situations` are the compiled dialog's indexes of which remedies and situation flags
        /// (`situationFlags`) read each slot.
        init(dialog: Dialog, slotIndex: [String: Int], flagIndex: [String: Int], remedies: ConditionIndex,
             situations: ConditionIndex, situationFlags: [Int], names: ConditionNames) {
            let routes = dialog.states.flatMap { $0.transitions.compactMap(\.condition) }
            var literals = [[Condition.Literal]](repeating: [], count: dialog.slots.count)
            func collect(_ condition: Condition) {
                switch condition {
                case .compare(let name, _, let literal, _, _):
                    if let slot = slotIndex[name] { literals[slot].append(literal) }
                case .member(let name, let list, _, _):
                    if let slot = slotIndex[name] { literals[slot] += list }
                case .name, .known, .unsure: break
                case .not(let inner): collect(inner)
                case .and(let a, let b), .or(let a, let b): collect(a); collect(b)
                }
            }
            dialog.flags.forEach { collect($0.condition) }
            dialog.remedies.forEach { collect($0.condition) }
            routes.forEach(collect)
            candidates = dialog.slots.enumerated().map { index, slot in
                Self.candidates(for: slot, literals: literals[index])
            }
            var showing = [[Int]](repeating: [], count: dialog.slots.count)
            for (remedyIndex, remedy) in dialog.remedies.enumerated() {
                // By the holes each text has, not by every slot's name searched in every text: a grown dialog has
                // thousands of both.
                let shown = Set(remedy.allTexts.flatMap(TemplateHoles.names).compactMap { slotIndex[$0] })
                for slot in shown.sorted() { showing[slot].append(remedyIndex) }
            }
            remediesShowing = showing
            let routeIndex = ConditionIndex(conditions: routes, slotIndex: slotIndex, flags: dialog.flags, flagIndex: flagIndex)
            let remedyConditions = Array(names.remedies(of: dialog))
            let resolvedRoutes = names.routes(of: dialog).flatMap { $0.compactMap { $0 } }
            conditionsReading = dialog.slots.indices.map { slot in
                remedies.items(reading: slot).map { remedyConditions[$0] }
                    + situations.items(reading: slot).map { names.flags[situationFlags[$0]] }
                    + routeIndex.items(reading: slot).map { resolvedRoutes[$0] }
            }
            self.remedyConditions = remedyConditions
            let flagIndexOfFlags = ConditionIndex(conditions: dialog.flags.map(\.condition), slotIndex: slotIndex, flags: dialog.flags,
                                                  flagIndex: flagIndex)
            flagsReading = dialog.slots.indices.map { flagIndexOfFlags.items(reading: $0) }
        }

        private static func candidates(for slot: Slot, literals: [Condition.Literal]) -> [SlotValue] {
            var values: [SlotValue] = [.unknown]
            switch slot.kind {
            case .yesno:
                values += [.yes, .no]
            case .choice:
                values += slot.values.map { .choices([$0.id]) }
                if slot.multiple, slot.values.count > 1 { values.append(.choices(slot.values.map(\.id).sorted())) }
            case .number:
                values.append(.number(0))
                for case .number(let n) in literals { values += [.number(n - 1), .number(n), .number(n + 1)] }
            case .text:
                values.append(.text("\u{1}"))     // a name no condition mentions
                for literal in literals { values.append(.text(literal.text)) }
            }
            var unique: [SlotValue] = []
            for value in values where !unique.contains(value) { unique.append(value) }
            return unique
        }
    }

    let compiled: CompiledDialog
    let values: [String: SlotValue]
    /// `values` by place, made once for every answer tried.
    private let table: [SlotValue?]

    /// `table`: `values` by place, when the caller has it already (an evaluator of the same values).
    init(compiled: CompiledDialog, values: [String: SlotValue], table: [SlotValue?]? = nil) {
        self.compiled = compiled
        self.values = values
        self.table = table ?? compiled.conditionNames.table(values)
    }

    /// Whether any answer to `slot` could still change the situations, the remedies, their order or their texts, or
    /// where the conversation goes. (A route can lead to other questions that matter; telling which would need a
    /// walk per answer, so any undecided route counts.)
    func matters(_ slot: Int) -> Bool {
        let relevance = compiled.relevance
        let showing = relevance.remediesShowing[slot]
        if !showing.isEmpty {
            let now = PartialConditionEvaluator(dialog: compiled, values: values, table: table)
            if showing.contains(where: { now.truth(relevance.remedyConditions[$0]) != .false }) { return true }
        }
        return depends(relevance.conditionsReading[slot], on: slot)
    }

    /// The remedies (indexes, in the dialog's order) that the answer to `slot` can still add or take away.
    /// Worked out together: one evaluator per answer tried serves every remedy, and the flags they share are worked
    /// out once per answer, not once per remedy (remedy by remedy, `why` cost ~770k instructions).
    func remediesDepending(on slot: Int) -> [Int] {
        let remedies = compiled.remedyIndex.items(reading: slot)
        let conditions = compiled.relevance.remedyConditions
        let depending = dependence(remedies.map { conditions[$0] }, on: slot, firstOnly: false)
        return remedies.indices.filter { depending[$0] }.map { remedies[$0] }
    }

    /// Whether some answer to `slot` leaves one of `conditions` undecided, or two answers decide one differently.
    private func depends(_ conditions: [ResolvedCondition], on slot: Int) -> Bool {
        dependence(conditions, on: slot, firstOnly: true).contains(true)
    }

    /// Per condition, whether some answer to `slot` leaves it undecided or two answers decide it differently;
    /// `firstOnly`: stop at the first that does (the rest then read false). One evaluator per answer tried serves every
    /// condition; the flags that do not read `slot` are worked out once for all the answers, the others once per answer.
    private func dependence(_ conditions: [ResolvedCondition], on slot: Int, firstOnly: Bool) -> [Bool] {
        var depending = [Bool](repeating: false, count: conditions.count)
        guard !conditions.isEmpty else { return depending }
        let relevance = compiled.relevance
        let memo = PartialConditionEvaluator.Memo(count: compiled.conditionNames.flags.count)
        var first: [Truth] = []
        first.reserveCapacity(conditions.count)
        for (n, candidate) in relevance.candidates[slot].enumerated() {
            if n > 0 { memo.forget(relevance.flagsReading[slot]) }
            let evaluator = PartialConditionEvaluator(dialog: compiled, values: values, table: table, trying: (slot, candidate), memo: memo)
            for (k, condition) in conditions.enumerated() where !depending[k] {
                let truth = evaluator.truth(condition)
                if n == 0 { first.append(truth) }
                if truth == .undecided || (n > 0 && first[k] != truth) {
                    depending[k] = true
                    if firstOnly { return depending }
                }
            }
        }
        return depending
    }
}

extension Dialog {
    /// The slots whose answers the advice or the way through the dialog can depend on: read by a remedy's, a
    /// situation's or a `next` entry's condition (directly or through flags), or shown in a remedy's text. A question
    /// for none of these is always passed over.
    public var slotsTheAdviceReads: Set<String> {
        let flagsByID = Dictionary(flags.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var read = Set<String>()
        var seenFlags = Set<String>()
        func visit(_ condition: Condition) {
            for (name, _) in condition.names {
                if let flag = flagsByID[name] {
                    if seenFlags.insert(name).inserted { visit(flag.condition) }
                } else {
                    read.insert(name)
                }
            }
        }
        remedies.forEach { visit($0.condition) }
        flags.filter(\.isSituation).forEach { visit($0.condition) }
        for state in states { state.transitions.compactMap(\.condition).forEach(visit) }
        let slotIDs = Set(slots.map(\.id))
        for remedy in remedies {
            read.formUnion(remedy.allTexts.flatMap(TemplateHoles.names).filter(slotIDs.contains))
        }
        return read
    }
}
