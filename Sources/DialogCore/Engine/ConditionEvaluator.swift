/// Evaluates conditions against a session's values, and says which answers made a condition hold.
struct ConditionEvaluator {
    private let names: ConditionNames
    let values: [String: SlotValue]
    /// The values by their place in the dialog's conditions (`ConditionNames`), read without hashing a name.
    let table: [SlotValue?]
    /// Each flag's truth for these values, worked out once: a walk and the advice ask about the same flags many times.
    private let flags: FlagMemo

    init(dialog: CompiledDialog, values: [String: SlotValue]) {
        self.init(names: dialog.conditionNames, values: values)
    }

    /// For use while a dialog is being compiled, before there is a `CompiledDialog`.
    init(names: ConditionNames, values: [String: SlotValue]) {
        self.names = names
        self.values = values
        self.table = names.table(values)
        self.flags = FlagMemo(count: names.flags.count)
    }

    /// Per flag index: 0 not yet evaluated, 1 false, 2 true, 3 being evaluated (a cycle, which validation rejects,
    /// then reads as false). A class so that a `let` evaluator can fill it; never shared between threads.
    private final class FlagMemo {
        var states: [UInt8]
        init(count: Int) { states = [UInt8](repeatElement(0, count: count)) }
    }

    /// A condition written anywhere (its names are looked up now); the dialog's own conditions come resolved.
    func holds(_ condition: Condition) -> Bool { holds(names.resolve(condition), depth: 0) }

    func holds(_ condition: ResolvedCondition) -> Bool { holds(condition, depth: 0) }

    /// Whether flag `index` holds.
    func flagHolds(_ index: Int) -> Bool { flagHolds(index, depth: 0) }

    private func flagHolds(_ index: Int, depth: Int) -> Bool {
        switch flags.states[index] {
        case 1, 3: return false
        case 2: return true
        default:
            flags.states[index] = 3
            let result = holds(names.flags[index], depth: depth + 1)
            flags.states[index] = result ? 2 : 1
            return result
        }
    }

    private func value(_ name: ResolvedCondition.Name) -> SlotValue? {
        name.value >= 0 ? table[name.value] : values[name.text]
    }

    private func holds(_ condition: ResolvedCondition, depth: Int) -> Bool {
        // `check` refuses conditions deeper than Condition.maximumDepth and flag cycles; the guard only keeps an
        // unchecked dialog from recursing forever. Chains of one operator are loops and count one level.
        guard depth <= Condition.maximumDepth else { return false }
        switch condition {
        case .name(let name):
            if let index = name.flag { return flagHolds(index, depth: depth) }
            return value(name) == .yes
        case .compare(let name, let comparison, let literal):
            return Self.compare(value(name), comparison, literal)
        case .member(let name, let literals):
            let value = value(name)
            return literals.contains { Self.compare(value, .equal, $0) }
        case .known(let name, let isKnown):
            let value = value(name)
            let known = value != nil && value != .unknown
            return known == isKnown
        case .not(let inner): return !holds(inner, depth: depth + 1)
        case .and:
            var all = true
            condition.forEachChainTerm { term in if all, !holds(term, depth: depth + 1) { all = false } }
            return all
        case .or:
            var any = false
            condition.forEachChainTerm { term in if !any, holds(term, depth: depth + 1) { any = true } }
            return any
        }
    }

    /// A comparison of one slot's value (nil: not answered) with a literal.
    static func compare(_ value: SlotValue?, _ comparison: Condition.Comparison, _ literal: Condition.Literal) -> Bool {
        guard let value, value != .unknown else { return false }
        switch value {
        case .yes, .no:
            let isYes = value == .yes
            let wantsYes = literal.text == "yes" || literal.text == "true"
            switch comparison {
            case .equal: return isYes == wantsYes
            case .notEqual: return isYes != wantsYes
            default: return false
            }
        case .number(let number):
            guard case .number(let other) = literal else { return false }
            switch comparison {
            case .equal: return number == other
            case .notEqual: return number != other
            case .less: return number < other
            case .lessOrEqual: return number <= other
            case .greater: return number > other
            case .greaterOrEqual: return number >= other
            }
        case .choices(let ids):
            let contains = ids.contains(literal.text)
            switch comparison {
            case .equal: return contains
            case .notEqual: return !contains
            default: return false
            }
        case .text(let text):
            let equal = text == literal.text || TextNormalizer.fold(text) == TextNormalizer.fold(literal.text)
            switch comparison {
            case .equal: return equal
            case .notEqual: return !equal
            default: return false
            }
        case .unknown: return false
        }
    }

    /// The slots whose answers made `condition` hold, in the order the condition names them, flags expanded.
    func reasons(_ condition: Condition) -> [String] { reasons(names.resolve(condition)) }

    func reasons(_ condition: ResolvedCondition) -> [String] {
        var names: [String] = []
        collectReasons(condition, depth: 0, into: &names)
        // Few names: a linear look-back is cheaper than hashing them into a set.
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        return unique
    }

    private func collectReasons(_ condition: ResolvedCondition, depth: Int, into names: inout [String]) {
        guard depth <= Condition.maximumDepth else { return }
        switch condition {
        case .name(let name), .compare(let name, _, _), .member(let name, _), .known(let name, _):
            if let index = name.flag {
                collectReasons(self.names.flags[index], depth: depth + 1, into: &names)
            } else {
                names.append(name.text)
            }
        case .not:
            // Something that is not so explains nothing a person said; only positive facts are given as reasons.
            return
        case .and:
            for term in condition.chainTerms() { collectReasons(term, depth: depth + 1, into: &names) }
        case .or:
            for term in condition.chainTerms() where holds(term, depth: depth + 1) {
                collectReasons(term, depth: depth + 1, into: &names)
            }
        }
    }
}
