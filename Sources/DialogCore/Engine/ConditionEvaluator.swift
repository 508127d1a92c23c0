/// Evaluates conditions against a session's values, and says which answers made a condition hold.
struct ConditionEvaluator {
    private let names: ConditionNames
    let values: [String: SlotValue]
    /// The values by their place in the dialog's conditions (`ConditionNames`), read without hashing a name.
    let table: [SlotValue?]
    /// The slots that hold a value, ascending (`ConditionNames.placed`).
    let held: [Int]
    /// Each flag's truth for these values, worked out once: a walk and the advice ask about the same flags many times.
    private let flags: FlagMemo

    init(dialog: CompiledDialog, values: [String: SlotValue]) {
        self.init(names: dialog.conditionNames, values: values)
    }

    /// For use while a dialog is being compiled, before there is a `CompiledDialog`.
    init(names: ConditionNames, values: [String: SlotValue]) {
        self.names = names
        self.values = values
        (table, held) = names.placed(values)
        self.flags = FlagMemo(count: names.flags.count)
    }

    /// Per flag index: 0 not yet evaluated, 1 false, 2 true, 3 being evaluated (a cycle, which validation rejects,
    /// then reads as false). A class so that a `let` evaluator can fill it; never shared between threads.
    private final class FlagMemo {
        var states: [UInt8]
        init(count: Int) { states = [UInt8](repeatElement(0, count: count)) }
    }

    /// A condition written anywhere (compiled now, into a copy of the program); the dialog's own come compiled.
    func holds(_ condition: Condition) -> Bool {
        let (names, resolved) = names.adding(condition)
        return ConditionEvaluator(names: names, values: values).holds(resolved)
    }

    func holds(_ condition: ResolvedCondition) -> Bool { holds(condition.root, depth: 0) }

    /// Whether flag `index` holds.
    func flagHolds(_ index: Int) -> Bool { flagHolds(index, depth: 0) }

    private func flagHolds(_ index: Int, depth: Int) -> Bool {
        switch flags.states[index] {
        case 1, 3: return false
        case 2: return true
        default:
            flags.states[index] = 3
            let result = holds(names.flags[index].root, depth: depth + 1)
            flags.states[index] = result ? 2 : 1
            return result
        }
    }

    private var program: ConditionProgram {
        @inline(__always) _read { yield names.program }
    }

    @inline(__always)
    private func value(_ node: ConditionProgram.Node) -> SlotValue? {
        node.place >= 0 ? table[Int(node.place)] : values[program.names[Int(node.name)]]
    }

    private func holds(_ root: Int32, depth: Int) -> Bool {
        // `check` refuses conditions deeper than Condition.maximumDepth and flag cycles; the guard only keeps an
        // unchecked dialog from recursing forever. A chain of one operator is one node and counts one level.
        guard depth <= Condition.maximumDepth else { return false }
        let node = program.nodes[Int(root)]
        switch node.kind {
        case .name:
            if node.flag >= 0 { return flagHolds(Int(node.flag), depth: depth) }
            return value(node) == .yes
        case .compare:
            guard let value = value(node) else { return false }
            return program.compare(value, node.comparison, node.first)
        case .member:
            guard let value = value(node) else { return false }
            return program.isMember(value, node)
        case .known:
            let value = value(node)
            let known = value != nil && value != .unknown
            return known == node.isKnown
        case .unsure:
            return value(node) == .unknown
        case .not:
            return !holds(node.first, depth: depth + 1)
        case .and:
            var term = node.first
            while term < node.end {
                if !holds(program.terms[Int(term)], depth: depth + 1) { return false }
                term += 1
            }
            return true
        case .or:
            var term = node.first
            while term < node.end {
                if holds(program.terms[Int(term)], depth: depth + 1) { return true }
                term += 1
            }
            return false
        }
    }

    /// The slots whose answers made `condition` hold, in the order the condition names them, flags expanded.
    func reasons(_ condition: Condition) -> [String] {
        let (names, resolved) = names.adding(condition)
        return ConditionEvaluator(names: names, values: values).reasons(resolved)
    }

    func reasons(_ condition: ResolvedCondition) -> [String] {
        var names: [String] = []
        collectReasons(condition.root, depth: 0, into: &names)
        // Few names: a linear look-back is cheaper than hashing them into a set.
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        return unique
    }

    private func collectReasons(_ root: Int32, depth: Int, into names: inout [String]) {
        guard depth <= Condition.maximumDepth else { return }
        let node = program.nodes[Int(root)]
        switch node.kind {
        case .name, .compare, .member, .known, .unsure:
            if node.flag >= 0 {
                collectReasons(self.names.flags[Int(node.flag)].root, depth: depth + 1, into: &names)
            } else {
                names.append(program.names[Int(node.name)])
            }
        case .not:
            // Something that is not so explains nothing a person said; only positive facts are given as reasons.
            return
        case .and:
            for term in program.terms[Int(node.first)..<Int(node.end)] { collectReasons(term, depth: depth + 1, into: &names) }
        case .or:
            for term in program.terms[Int(node.first)..<Int(node.end)] where holds(term, depth: depth + 1) {
                collectReasons(term, depth: depth + 1, into: &names)
            }
        }
    }
}
