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
    private let flagList: [Flag]
    private let flagIndex: [String: Int]
    let values: [String: SlotValue]
    private let trying: (slot: String, value: SlotValue)?
    private let memo: Memo

    init(dialog: CompiledDialog, values: [String: SlotValue], trying: (slot: String, value: SlotValue)? = nil) {
        flagList = dialog.dialog.flags
        flagIndex = dialog.flagIndex
        self.values = values
        self.trying = trying
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

    private func value(_ name: String) -> SlotValue? {
        if let trying, trying.slot == name { return trying.value }
        return values[name]
    }

    func truth(_ condition: Condition) -> Truth { truth(condition, depth: 0) }

    private func truth(_ condition: Condition, depth: Int) -> Truth {
        guard depth <= Condition.maximumDepth else { return .undecided }
        switch condition {
        case .name(let name, _):
            if let index = flagIndex[name] { return flagTruth(index, depth: depth) }
            guard let value = value(name) else { return .undecided }
            return value == .yes ? .true : .false
        case .compare(let name, let comparison, let literal, _, _):
            guard let value = value(name) else { return .undecided }
            return ConditionEvaluator.compare(value, comparison, literal) ? .true : .false
        case .member(let name, let literals, _, _):
            guard let value = value(name) else { return .undecided }
            return literals.contains { ConditionEvaluator.compare(value, .equal, $0) } ? .true : .false
        case .known(let name, let isKnown, _):
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
        let result = truth(flagList[index].condition, depth: depth + 1)
        memo.visiting[index] = false
        memo.truths[index] = result
        return result
    }
}
