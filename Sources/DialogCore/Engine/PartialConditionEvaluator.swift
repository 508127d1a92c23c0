/// A condition's truth while some answers are still open: true, false, or not decided yet.
enum Truth: Sendable, Equatable {
    case `true`, `false`, undecided

    static prefix func ! (t: Truth) -> Truth {
        switch t {
        case .true: return .false
        case .false: return .true
        case .undecided: return .undecided
        }
    }

    static func && (a: Truth, b: Truth) -> Truth {
        if a == .false || b == .false { return .false }
        if a == .true && b == .true { return .true }
        return .undecided
    }

    static func || (a: Truth, b: Truth) -> Truth {
        if a == .true || b == .true { return .true }
        if a == .false && b == .false { return .false }
        return .undecided
    }
}

/// Evaluates conditions with the slots that have no value yet as not decided (Kleene's three-valued logic): a slot the
/// person has not been asked about may still turn out either way. A slot answered "unknown" is decided: it is
/// neither yes nor no, exactly as `ConditionEvaluator` reads it, so the two agree on every decided condition.
/// `trying` puts one hypothetical answer in place without copying the session's values.
struct PartialConditionEvaluator {
    private let names: ConditionNames
    let values: [String: SlotValue]
    private let table: [SlotValue?]
    /// The place of the answer tried (-1: none), and the answer.
    private let tryingPlace: Int32
    private let tryingValue: SlotValue
    private let memo: Memo
    /// Per place: a slot no state asks, whose empty value is read as not said (`CompiledDialog.silentPlaces`).
    private let silent: [Bool]

    /// `table` is `values` by place (`ConditionNames.table`), made once for every answer tried. `silent`, when given,
    /// replaces the dialog's silent places (`FutureEquivalence`: before the story is heard, no empty slot is silent).
    init(dialog: CompiledDialog, values: [String: SlotValue], table: [SlotValue?], trying: (slot: Int, value: SlotValue)? = nil,
         memo: Memo? = nil, silent: [Bool]? = nil) {
        names = dialog.conditionNames
        self.silent = silent ?? dialog.silentPlaces
        self.values = values
        self.table = table
        tryingPlace = trying.map { Int32($0.slot) } ?? -1
        tryingValue = trying?.value ?? .unknown
        self.memo = memo ?? Memo(count: names.flags.count)
    }

    /// Per flag: nil not yet evaluated; a cycle (which validation rejects) reads as undecided. Evaluators that try
    /// different answers to one slot share one memo, forgetting between answers only the flags that read the slot.
    final class Memo {
        var truths: [Truth?]
        var visiting: [Bool]
        init(count: Int) {
            truths = [Truth?](repeatElement(nil, count: count))
            visiting = [Bool](repeatElement(false, count: count))
        }

        func forget(_ flags: [Int]) {
            for flag in flags { truths[flag] = nil }
        }
    }

    private var program: ConditionProgram {
        @inline(__always) _read { yield names.program }
    }

    @inline(__always)
    private func value(_ node: ConditionProgram.Node) -> SlotValue? {
        guard node.place >= 0 else { return values[program.names[Int(node.name)]] }
        if node.place == tryingPlace { return tryingValue }
        return table[Int(node.place)]
    }

    func truth(_ condition: ResolvedCondition) -> Truth { truth(condition.root, depth: 0) }

    /// An empty value: undecided, unless no question will ever fill it (a silent slot), when it is what it will be at
    /// the end (`ConditionEvaluator`): not said.
    @inline(__always)
    private func empty(_ node: ConditionProgram.Node, _ settled: Bool) -> Truth {
        node.place >= 0 && silent[Int(node.place)] ? (settled ? .true : .false) : .undecided
    }

    private func truth(_ root: Int32, depth: Int) -> Truth {
        guard depth <= Condition.maximumDepth else { return .undecided }
        let node = program.nodes[Int(root)]
        switch node.kind {
        case .name:
            if node.flag >= 0 { return flagTruth(Int(node.flag), depth: depth) }
            guard let value = value(node) else { return empty(node, false) }
            return value == .yes ? .true : .false
        case .compare:
            guard let value = value(node) else { return empty(node, false) }
            return program.compare(value, node.comparison, node.first) ? .true : .false
        case .member:
            guard let value = value(node) else { return empty(node, false) }
            return program.isMember(value, node) ? .true : .false
        case .known:
            guard let value = value(node) else { return empty(node, !node.isKnown) }
            return (value != .unknown) == node.isKnown ? .true : .false
        case .unsure:
            guard let value = value(node) else { return empty(node, false) }
            return value == .unknown ? .true : .false
        case .not:
            return !truth(node.first, depth: depth + 1)
        case .and:
            // A false term decides a chain.
            var result = Truth.true
            var term = node.first
            while term < node.end {
                result = result && truth(program.terms[Int(term)], depth: depth + 1)
                if result == .false { return .false }
                term += 1
            }
            return result
        case .or:
            var result = Truth.false
            var term = node.first
            while term < node.end {
                result = result || truth(program.terms[Int(term)], depth: depth + 1)
                if result == .true { return .true }
                term += 1
            }
            return result
        }
    }

    private func flagTruth(_ index: Int, depth: Int) -> Truth {
        if let known = memo.truths[index] { return known }
        guard !memo.visiting[index] else { return .undecided }
        memo.visiting[index] = true
        let result = truth(names.flags[index].root, depth: depth + 1)
        memo.visiting[index] = false
        memo.truths[index] = result
        return result
    }
}
