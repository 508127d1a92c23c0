/// Type-checks a condition against a dialog's slots and flags: every name exists, every value is one the slot can
/// hold, and `<`/`>` are used on numbers only.
public struct ConditionChecker: Sendable {
    public let slots: [String: Slot]
    public let flags: Set<String>

    public init(slots: [Slot], flags: [String]) {
        self.slots = Dictionary(slots.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.flags = Set(flags)
    }

    public func check(_ condition: Condition) -> [ConditionError] {
        switch condition {
        case .name(let name, let offset):
            if flags.contains(name) { return [] }
            guard let slot = slots[name] else { return [unknownName(name, offset)] }
            guard slot.kind == .yesno else {
                return [ConditionError("`\(name)` is a \(slot.kind.rawValue) slot, so it cannot stand alone; compare it, e.g. `\(name) == …` or `\(name) is known`", offset: offset)]
            }
            return []
        case .compare(let name, let comparison, let literal, let offset, let literalOffset):
            if flags.contains(name) {
                return [ConditionError("`\(name)` is a flag: write `\(name)` or `not \(name)` instead of comparing it", offset: offset)]
            }
            guard let slot = slots[name] else { return [unknownName(name, offset)] }
            let ordered: Set<Condition.Comparison> = [.less, .lessOrEqual, .greater, .greaterOrEqual]
            if ordered.contains(comparison), slot.kind != .number {
                return [ConditionError("`\(comparison.rawValue)` compares numbers, but `\(name)` is a \(slot.kind.rawValue) slot", offset: offset)]
            }
            return checkLiteral(literal, for: slot, offset: literalOffset)
        case .member(let name, let literals, let offset, let offsets):
            if flags.contains(name) { return [ConditionError("`\(name)` is a flag; `in` needs a slot", offset: offset)] }
            guard let slot = slots[name] else { return [unknownName(name, offset)] }
            return zip(literals, offsets).flatMap { checkLiteral($0, for: slot, offset: $1) }
        case .known(let name, _, let offset), .unsure(let name, let offset):
            if flags.contains(name) { return [ConditionError("`\(name)` is a flag and is always known; use `\(name)` or `not \(name)`", offset: offset)] }
            return slots[name] == nil ? [unknownName(name, offset)] : []
        case .not(let inner): return check(inner)
        case .and(let a, let b), .or(let a, let b): return check(a) + check(b)
        }
    }

    private func unknownName(_ name: String, _ offset: Int) -> ConditionError {
        ConditionError("`\(name)` is neither a slot nor a flag; define it under `slots:` or `flags:`, or fix the spelling", offset: offset)
    }

    private func checkLiteral(_ literal: Condition.Literal, for slot: Slot, offset: Int) -> [ConditionError] {
        switch slot.kind {
        case .yesno:
            guard ["yes", "no"].contains(literal.text) else {
                return [ConditionError("`\(slot.id)` is a yes/no slot: compare it with `yes` or `no`, not `\(literal.text)`", offset: offset)]
            }
        case .number:
            guard case .number = literal else {
                return [ConditionError("`\(slot.id)` is a number slot: compare it with a number, not `\(literal.text)`", offset: offset)]
            }
        case .choice:
            guard slot.value(literal.text) != nil else {
                let values = slot.values.map { "`\($0.id)`" }.joined(separator: ", ")
                return [ConditionError("`\(literal.text)` is not a value of `\(slot.id)`; its values are \(values)", offset: offset)]
            }
        case .text:
            if case .word(let word) = literal, slot.value(word) == nil {
                return [ConditionError("`\(word)` is not a known value of `\(slot.id)`; add it under `known:` or quote it as free text", offset: offset)]
            }
        }
        return []
    }
}
