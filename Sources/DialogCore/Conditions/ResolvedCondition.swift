/// A condition with its names looked up once, when the dialog compiles: each name becomes a place in a table of
/// values (`ValueTable`) and, when a flag has that name, the flag's index. Evaluating one then costs array reads
/// instead of a hash of every name at every evaluation, which was most of the cost of the walk and the advice.
indirect enum ResolvedCondition: Sendable {
    /// A name as a condition reads it.
    struct Name: Sendable {
        /// Where its value is in a `ValueTable`; -1 for a name the dialog's conditions never mention (read from the
        /// session's values by `text` instead, so a condition written elsewhere reads exactly as before).
        let value: Int
        /// The flag of that name, if there is one.
        let flag: Int?
        let text: String
    }

    case name(Name)
    case compare(Name, Condition.Comparison, Condition.Literal)
    case member(Name, [Condition.Literal])
    case known(Name, isKnown: Bool)
    case not(ResolvedCondition)
    case and(ResolvedCondition, ResolvedCondition)
    case or(ResolvedCondition, ResolvedCondition)
}

/// The names of a dialog's conditions, each given a place in a `ValueTable`: the slots first (at their slot index),
/// then every other name a condition mentions; and every flag's condition, resolved.
struct ConditionNames: Sendable {
    let valueIndex: [String: Int]
    let flagIndex: [String: Int]
    let count: Int
    let flags: [ResolvedCondition]

    init(dialog: Dialog, slotIndex: [String: Int], flagIndex: [String: Int]) {
        self.init(slots: dialog.slots.map(\.id), flags: dialog.flags,
                  conditions: dialog.remedies.map(\.condition)
                      + dialog.states.flatMap { $0.transitions.compactMap(\.condition) }
                      + dialog.topics.compactMap(\.condition) + dialog.drafts.compactMap(\.condition),
                  flagIndex: flagIndex)
    }

    /// `slots` are the slot ids in the dialog's order; `conditions` every condition besides the flags'.
    init(slots: [String], flags: [Flag], conditions: [Condition], flagIndex: [String: Int]) {
        var index: [String: Int] = [:]
        for (n, id) in slots.enumerated() where index[id] == nil { index[id] = n }
        var count = slots.count
        for condition in flags.map(\.condition) + conditions {
            for (name, _) in condition.names where index[name] == nil {
                index[name] = count
                count += 1
            }
        }
        self.valueIndex = index
        self.flagIndex = flagIndex
        self.count = count
        var resolved: [ResolvedCondition] = []
        let partial = ConditionNames(valueIndex: index, flagIndex: flagIndex, count: count, flags: [])
        for flag in flags { resolved.append(partial.resolve(flag.condition)) }
        self.flags = resolved
    }

    private init(valueIndex: [String: Int], flagIndex: [String: Int], count: Int, flags: [ResolvedCondition]) {
        self.valueIndex = valueIndex
        self.flagIndex = flagIndex
        self.count = count
        self.flags = flags
    }

    func resolve(_ condition: Condition) -> ResolvedCondition {
        func name(_ text: String) -> ResolvedCondition.Name {
            ResolvedCondition.Name(value: valueIndex[text] ?? -1, flag: flagIndex[text], text: text)
        }
        switch condition {
        case .name(let n, _): return .name(name(n))
        case .compare(let n, let comparison, let literal, _, _): return .compare(name(n), comparison, literal)
        case .member(let n, let literals, _, _): return .member(name(n), literals)
        case .known(let n, let isKnown, _): return .known(name(n), isKnown: isKnown)
        case .not(let inner): return .not(resolve(inner))
        case .and(let a, let b): return .and(resolve(a), resolve(b))
        case .or(let a, let b): return .or(resolve(a), resolve(b))
        }
    }

    /// A session's values by place: filled once per evaluator from the session's dictionary.
    func table(_ values: [String: SlotValue]) -> [SlotValue?] {
        var table = [SlotValue?](repeatElement(nil, count: count))
        for (id, value) in values {
            if let place = valueIndex[id] { table[place] = value }
        }
        return table
    }
}

extension ResolvedCondition: BooleanChain {
    var orTerms: (ResolvedCondition, ResolvedCondition)? { if case .or(let a, let b) = self { return (a, b) } else { return nil } }
    var andTerms: (ResolvedCondition, ResolvedCondition)? { if case .and(let a, let b) = self { return (a, b) } else { return nil } }
}
