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
    private let trying: (place: Int, value: SlotValue)?
    private let memo: Memo

    /// `table` is `values` by place (`ConditionNames.table`), made once for every answer tried.
    init(dialog: CompiledDialog, values: [String: SlotValue], table: [SlotValue?], trying: (slot: Int, value: SlotValue)? = nil,
         memo: Memo? = nil) {
        names = dialog.conditionNames
        self.values = values
        self.table = table
        self.trying = trying.map { (place: $0.slot, value: $0.value) }
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

    private func value(_ name: ResolvedCondition.Name) -> SlotValue? {
        guard name.value >= 0 else { return values[name.text] }
        if let trying, trying.place == name.value { return trying.value }
        return table[name.value]
    }

    func truth(_ condition: ResolvedCondition) -> Truth { truth(condition, depth: 0) }

    private func truth(_ condition: ResolvedCondition, depth: Int) -> Truth {
        guard depth <= Condition.maximumDepth else { return .undecided }
        switch condition {
        case .name(let name):
            if let index = name.flag { return flagTruth(index, depth: depth) }
            guard let value = value(name) else { return .undecided }
            return value == .yes ? .true : .false
        case .compare(let name, let comparison, let literal):
            guard let value = value(name) else { return .undecided }
            return ConditionEvaluator.compare(value, comparison, literal) ? .true : .false
        case .member(let name, let literals):
            guard let value = value(name) else { return .undecided }
            return literals.contains { ConditionEvaluator.compare(value, .equal, $0) } ? .true : .false
        case .known(let name, let isKnown):
            guard let value = value(name) else { return .undecided }
            return (value != .unknown) == isKnown ? .true : .false
        case .not(let inner): return !truth(inner, depth: depth + 1)
        case .and:
            // A chain is a loop, one level deep however long; a false term decides it.
            var result = Truth.true
            condition.forEachChainTerm { term in
                if result != .false { result = result && truth(term, depth: depth + 1) }
            }
            return result
        case .or:
            var result = Truth.false
            condition.forEachChainTerm { term in
                if result != .true { result = result || truth(term, depth: depth + 1) }
            }
            return result
        }
    }

    private func flagTruth(_ index: Int, depth: Int) -> Truth {
        if let known = memo.truths[index] { return known }
        guard !memo.visiting[index] else { return .undecided }
        memo.visiting[index] = true
        let result = truth(names.flags[index], depth: depth + 1)
        memo.visiting[index] = false
        memo.truths[index] = result
        return result
    }
}
