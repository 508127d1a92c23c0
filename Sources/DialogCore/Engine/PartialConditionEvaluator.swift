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
struct PartialConditionEvaluator {
    private let flagList: [Flag]
    private let flagIndex: [String: Int]
    private let decided: ConditionEvaluator
    let values: [String: SlotValue]
    private let memo: Memo

    init(dialog: CompiledDialog, values: [String: SlotValue]) {
        flagList = dialog.dialog.flags
        flagIndex = dialog.flagIndex
        self.values = values
        decided = ConditionEvaluator(dialog: dialog, values: values)
        memo = Memo(count: flagList.count)
    }

    /// Per flag: nil not yet evaluated; a cycle (which validation rejects) reads as undecided.
    private final class Memo {
        var truths: [Truth?]
        var visiting: [Bool]
        init(count: Int) {
            truths = [Truth?](repeating: nil, count: count)
            visiting = [Bool](repeating: false, count: count)
        }
    }

    func truth(_ condition: Condition) -> Truth { truth(condition, depth: 0) }

    private func truth(_ condition: Condition, depth: Int) -> Truth {
        guard depth < 64 else { return .undecided }
        switch condition {
        case .name(let name, _):
            if let index = flagIndex[name] { return flagTruth(index, depth: depth) }
            return leaf(name, condition)
        case .compare(let name, _, _, _, _), .member(let name, _, _, _), .known(let name, _, _):
            return leaf(name, condition)
        case .not(let inner): return !truth(inner, depth: depth + 1)
        case .and(let a, let b):
            let left = truth(a, depth: depth + 1)
            return left == .false ? .false : left && truth(b, depth: depth + 1)
        case .or(let a, let b):
            let left = truth(a, depth: depth + 1)
            return left == .true ? .true : left || truth(b, depth: depth + 1)
        }
    }

    /// A comparison with one slot: undecided while the slot has no value, else what the two-valued evaluator says.
    private func leaf(_ name: String, _ condition: Condition) -> Truth {
        guard values[name] != nil else { return .undecided }
        return decided.holds(condition) ? .true : .false
    }

    private func flagTruth(_ index: Int, depth: Int) -> Truth {
        if let known = memo.truths[index] { return known }
        guard !memo.visiting[index] else { return .undecided }
        memo.visiting[index] = true
        let result = truth(flagList[index].condition, depth: depth + 1)
        memo.visiting[index] = false
        memo.truths[index] = result
        return result
    }
}
