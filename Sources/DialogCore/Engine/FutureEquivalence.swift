/// When two sessions at the same place of a dialog lead on alike: no condition that can still change reads a value in
/// which they differ, and every condition that can no longer change has the same truth in both.
///
/// The conditions are the flags', the remedies' and the `next` entries' (the walk goes back over every state from the
/// start on each turn, so a `next` behind the session is read again). A condition is still open when some empty slot
/// it reads could be filled yet (three-valued, as `PartialConditionEvaluator` reads it): by a story, while a `listen`
/// state is not yet heard, or else by a question some walk from the start can still reach, following every `next`
/// entry not yet ruled out. Any other empty slot stays empty, and reads as not said. A value that only settled conditions read can
/// change nothing ahead, so it is left out of the key: "I can pay it now", told at the start, keeps two paths apart
/// only while a remedy that reads it is undecided.
///
/// For tools that walk many sessions (`DialogExplorer`), which key the places they have walked by it.
public struct FutureEquivalence: Sendable {
    /// What tells a session apart from another at the same state with the same advice shown.
    public struct Key: Hashable, Sendable {
        /// Each condition's truth, two bits each (false, true, undecided).
        public let truths: [UInt64]
        /// Per slot: nil empty and may still be filled, `.empty` empty for good, `.settled` filled but read by no open
        /// condition, else what the conditions can tell of its value.
        public let values: [Value?]
        /// A `listen` state not yet heard, where a story may still fill any empty slot.
        let storyAhead: Bool
    }

    /// A slot's value as the key keeps it: `.settled`, or the truth of every test a condition makes of the slot
    /// (`contacts == family`, `overdue_days > 30`, `platform is known`…), one bit each. Conditions read a value only
    /// through such tests, so two values that pass the same ones ("拍拍贷" and "借呗" where no condition names either)
    /// lead on alike.
    public enum Value: Hashable, Sendable {
        case empty
        case settled
        case passes([UInt64])
    }

    private let compiled: CompiledDialog
    /// The flags', then the remedies', then the `next` entries' conditions.
    private let conditions: [ResolvedCondition]
    /// Per slot index: the conditions (indexes into `conditions`) that name it themselves. A slot read through a flag
    /// is read by the flag's condition, which is one of `conditions`: its truth stands for the slot there.
    private let readers: [[Int]]
    /// Every test a condition makes of a slot, compiled together; and per slot index, its tests' indexes there.
    private let tests: ConditionNames
    private let testsBySlot: [[Int]]
    private let listenStates: [String]
    private let noneSilent: [Bool]

    public init(engine: Engine) {
        let compiled = engine.compiled
        let dialog = compiled.dialog
        let names = compiled.conditionNames
        self.compiled = compiled
        let routes = names.routes(of: dialog).flatMap { $0.compactMap { $0 } }
        conditions = names.flags + Array(names.remedies(of: dialog)) + routes
        let written = dialog.flags.map(\.condition) + dialog.remedies.map(\.condition)
            + dialog.states.flatMap { $0.transitions.compactMap(\.condition) }
        var readers = [[Int]](repeating: [], count: dialog.slots.count)
        for (index, condition) in written.enumerated() {
            for name in Set(condition.names.map(\.name)) {
                if let slot = compiled.slotIndex[name] { readers[slot].append(index) }
            }
        }
        self.readers = readers.map { $0.sorted() }
        var found: [Condition] = []
        var bySlot = [[Int]](repeating: [], count: dialog.slots.count)
        func collect(_ condition: Condition) {
            switch condition {
            case .name(let name, _) where names.flagIndex[name] != nil:
                return     // a flag: its own condition's tests are collected with the flags'
            case .name(let name, _), .compare(let name, _, _, _, _), .member(let name, _, _, _), .known(let name, _, _),
                 .unsure(let name, _):
                guard let slot = compiled.slotIndex[name] else { return }
                let test = condition.withoutOffsets
                let index = found.firstIndex(of: test) ?? found.count
                if index == found.count { found.append(test) }
                if !bySlot[slot].contains(index) { bySlot[slot].append(index) }
            case .not(let inner): collect(inner)
            case .and(let a, let b), .or(let a, let b): collect(a); collect(b)
            }
        }
        written.forEach(collect)
        tests = ConditionNames(slots: dialog.slots.map(\.id), flags: dialog.flags, conditions: found, flagIndex: names.flagIndex)
        testsBySlot = bySlot
        listenStates = dialog.states.compactMap { state in
            if case .listen = state.kind { return state.id }
            return nil
        }
        noneSilent = [Bool](repeating: false, count: names.count)
    }

    /// The key of `session`: equal for two sessions that no condition can still tell apart.
    public func key(_ session: Session) -> Key {
        let storyAhead = listenStates.contains { !session.heard.contains($0) }
        let table = compiled.conditionNames.table(session.values)
        let fillable = storyAhead ? nil : askedAhead(session, table)
        var silent = noneSilent
        if let fillable {
            for (slot, id) in compiled.dialog.slots.map(\.id).enumerated() where session.values[id] == nil && !fillable[slot] {
                silent[slot] = true
            }
        }
        let evaluator = PartialConditionEvaluator(dialog: compiled, values: session.values, table: table, silent: silent)
        var truths = [UInt64](repeating: 0, count: (conditions.count + 31) / 32)
        var open = [Bool](repeating: false, count: conditions.count)
        for (index, condition) in conditions.enumerated() {
            let truth = evaluator.truth(condition)
            let bits: UInt64 = truth == .false ? 1 : truth == .true ? 2 : 3
            open[index] = truth == .undecided
            truths[index / 32] |= bits << UInt64(2 * (index % 32))
        }
        let slots = compiled.dialog.slots
        let tester = ConditionEvaluator(names: tests, values: session.values)
        let values = slots.indices.map { slot -> Value? in
            guard session.values[slots[slot].id] != nil else { return silent[slot] ? .empty : nil }
            guard readers[slot].contains(where: { open[$0] }) else { return .settled }
            let own = testsBySlot[slot]
            var passes = [UInt64](repeating: 0, count: (own.count + 63) / 64)
            for (n, test) in own.enumerated() where tester.holds(tests.conditions[test]) { passes[n / 64] |= 1 << UInt64(n % 64) }
            return .passes(passes)
        }
        return Key(truths: truths, values: values, storyAhead: storyAhead)
    }

    /// Per slot index: whether a question that some walk from the start can still reach asks it. A walk follows a
    /// state's `next` entries in order up to the first that holds, passing those ruled out; the engine's own reading
    /// of empty slots (a question not yet asked may go either way) keeps every route it could take.
    private func askedAhead(_ session: Session, _ table: [SlotValue?]) -> [Bool] {
        let evaluator = PartialConditionEvaluator(dialog: compiled, values: session.values, table: table)
        let states = compiled.dialog.states
        var asked = [Bool](repeating: false, count: compiled.dialog.slots.count)
        var reached = [Bool](repeating: false, count: states.count)
        var pending = compiled.stateIndex[compiled.dialog.start].map { [$0] } ?? []
        while let index = pending.popLast() {
            guard !reached[index] else { continue }
            reached[index] = true
            switch states[index].kind {
            case .end: continue
            case .ask(let slots, _):
                for id in slots where session.values[id] == nil { if let slot = compiled.slotIndex[id] { asked[slot] = true } }
            default: break
            }
            for route in compiled.routes[index] {
                let truth = route.condition.map(evaluator.truth) ?? .true
                if truth != .false, let target = route.target { pending.append(target) }
                if truth == .true { break }
            }
        }
        return asked
    }
}

private extension Condition {
    /// The same test written anywhere: `overdue == yes` in two conditions is one test.
    var withoutOffsets: Condition {
        switch self {
        case .name(let name, _): return .name(name, offset: 0)
        case .compare(let name, let comparison, let literal, _, _): return .compare(name, comparison, literal, offset: 0, literalOffset: 0)
        case .member(let name, let literals, _, _): return .member(name, literals, offset: 0, literalOffsets: literals.map { _ in 0 })
        case .known(let name, let isKnown, _): return .known(name, isKnown: isKnown, offset: 0)
        case .unsure(let name, _): return .unsure(name, offset: 0)
        case .not(let inner): return .not(inner.withoutOffsets)
        case .and(let a, let b): return .and(a.withoutOffsets, b.withoutOffsets)
        case .or(let a, let b): return .or(a.withoutOffsets, b.withoutOffsets)
        }
    }
}
