/// A condition with its names looked up once, when the dialog compiles, and compiled into the dialog's
/// `ConditionProgram`: the index of its root node there.
struct ResolvedCondition: Sendable, Hashable {
    let root: Int32
}

/// The names of a dialog's conditions, each given a place in a table of values: the slots first (at their slot
/// index), then every other name a condition mentions; and every condition of the dialog compiled into one
/// `ConditionProgram` (the flags', the remedies', the `next` entries', the topics' and the drafts'). A class, so that
/// each evaluator holds it by one reference rather than copying its tables.
final class ConditionNames: Sendable {
    let valueIndex: [String: Int]
    let flagIndex: [String: Int]
    let count: Int
    /// The places of slots: `0..<slotCount`, at their slot index; the other names a condition reads come after.
    let slotCount: Int
    let program: ConditionProgram
    /// Per flag index, its condition.
    let flags: [ResolvedCondition]
    /// The `conditions` given to `init`, in their order.
    let conditions: [ResolvedCondition]

    /// Every condition of `dialog`; `conditions` are, in order, the remedies', then every `next` entry's that has
    /// one (state by state), then the topics', the drafts' and the topics' answers' that have one (see `remedies`,
    /// `routes`…).
    convenience init(dialog: Dialog, slotIndex: [String: Int], flagIndex: [String: Int]) {
        self.init(slots: dialog.slots.map(\.id), flags: dialog.flags,
                  conditions: dialog.remedies.map(\.condition)
                      + dialog.states.flatMap { $0.transitions.compactMap(\.condition) }
                      + dialog.topics.compactMap(\.condition) + dialog.drafts.compactMap(\.condition)
                      + dialog.topics.flatMap { $0.answers.compactMap(\.condition) },
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
        self.slotCount = slots.count
        var program = ConditionProgram()
        let place = { (name: String) in index[name] }
        let flag = { (name: String) in flagIndex[name] }
        self.flags = flags.map { program.append($0.condition, place: place, flag: flag) }
        self.conditions = conditions.map { program.append($0, place: place, flag: flag) }
        self.program = program
    }

    private init(copying names: ConditionNames, program: ConditionProgram) {
        valueIndex = names.valueIndex
        flagIndex = names.flagIndex
        count = names.count
        slotCount = names.slotCount
        self.program = program
        flags = names.flags
        conditions = names.conditions
    }

    /// The dialog's remedies' conditions, by remedy index (for names made by `init(dialog:…)`).
    func remedies(of dialog: Dialog) -> ArraySlice<ResolvedCondition> { conditions.prefix(dialog.remedies.count) }

    /// Per state index, per `next` entry, its condition (for names made by `init(dialog:…)`).
    func routes(of dialog: Dialog) -> [[ResolvedCondition?]] {
        var next = dialog.remedies.count
        return dialog.states.map { state in
            state.transitions.map { transition in
                guard transition.condition != nil else { return nil }
                defer { next += 1 }
                return conditions[next]
            }
        }
    }

    /// Per topic, then per draft, its condition; and per topic, each answer's (for names made by `init(dialog:…)`).
    func topicsAndDrafts(of dialog: Dialog) -> (topics: [ResolvedCondition?], drafts: [ResolvedCondition?], answers: [[ResolvedCondition?]]) {
        var next = dialog.remedies.count + dialog.states.reduce(0) { $0 + $1.transitions.count { $0.condition != nil } }
        func take(_ condition: Condition?) -> ResolvedCondition? {
            guard condition != nil else { return nil }
            defer { next += 1 }
            return conditions[next]
        }
        let topics = dialog.topics.map { take($0.condition) }
        let drafts = dialog.drafts.map { take($0.condition) }
        let answers = dialog.topics.map { $0.answers.map { take($0.condition) } }
        return (topics, drafts, answers)
    }

    /// A condition written anywhere, compiled into a copy of these names' program (the dialog's own conditions come
    /// compiled; this is for tests and tools).
    func adding(_ condition: Condition) -> (names: ConditionNames, condition: ResolvedCondition) {
        var program = program
        let index = valueIndex, flagIndex = flagIndex
        let resolved = program.append(condition, place: { index[$0] }, flag: { flagIndex[$0] })
        return (ConditionNames(copying: self, program: program), resolved)
    }

    /// A session's values by place: filled once per evaluator from the session's dictionary.
    func table(_ values: [String: SlotValue]) -> [SlotValue?] { placed(values).table }

    /// The same, and the slots that hold a value (slot indexes, ascending): what the condition indexes, the advice and
    /// `summary` go through, rather than hashing the session's slot ids again.
    func placed(_ values: [String: SlotValue]) -> (table: [SlotValue?], held: [Int]) {
        var table = [SlotValue?](repeatElement(nil, count: count))
        var held: [Int] = []
        held.reserveCapacity(values.count)
        for (id, value) in values {
            guard let place = valueIndex[id] else { continue }
            table[place] = value
            if place < slotCount { held.append(place) }
        }
        held.sort()
        return (table, held)
    }
}
