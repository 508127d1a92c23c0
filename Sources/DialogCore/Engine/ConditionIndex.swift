/// Which conditions an answer can change: for each slot, the items (remedies, or situation flags) whose condition
/// reads it, directly or through flags. A condition reads only the slots it names; when none of them has a value it
/// holds exactly as it does in an empty session, which is worked out once when the dialog compiles. So the advice
/// and `summary` evaluate the conditions of the answered slots (and the few that hold with nothing known), and their
/// cost follows what the person said, not the size of the dialog.
struct ConditionIndex: Sendable {
    /// Per slot index, the items whose condition reads that slot, ascending.
    private let itemsBySlot: [[Int]]
    /// The items whose condition holds in an empty session, ascending.
    private let holdingWhenEmpty: [Int]
    let itemCount: Int

    /// `conditions[i]` is item i's condition.
    init(conditions: [Condition], slotIndex: [String: Int], flags: [Flag], flagIndex: [String: Int]) {
        // The slots each flag reads, worked out once per flag (a flag's flags first); a cycle, which validation
        // rejects, reads as nothing more.
        var flagSlots = [[Int]?](repeating: nil, count: flags.count)
        var visiting = [Bool](repeating: false, count: flags.count)
        func slots(of condition: Condition, into result: inout [Int]) {
            // A name that is both a slot and a flag counts as both: a larger set of candidates is always safe.
            for (name, _) in condition.names {
                if let slot = slotIndex[name] { result.append(slot) }
                if let flag = flagIndex[name] { result += slots(ofFlag: flag) }
            }
        }
        func slots(ofFlag flag: Int) -> [Int] {
            if let known = flagSlots[flag] { return known }
            guard !visiting[flag] else { return [] }
            visiting[flag] = true
            var read: [Int] = []
            slots(of: flags[flag].condition, into: &read)
            visiting[flag] = false
            flagSlots[flag] = read
            return read
        }
        var bySlot = [[Int]](repeating: [], count: slotIndex.values.max().map { $0 + 1 } ?? 0)
        let names = ConditionNames(slots: [], flags: flags, conditions: conditions, flagIndex: flagIndex)
        let empty = ConditionEvaluator(names: names, values: [:])
        var holding: [Int] = []
        for (item, condition) in conditions.enumerated() {
            var read: [Int] = []
            slots(of: condition, into: &read)
            for slot in read where bySlot[slot].last != item { bySlot[slot].append(item) }
            if empty.holds(names.conditions[item]) { holding.append(item) }
        }
        itemsBySlot = bySlot
        holdingWhenEmpty = holding
        itemCount = conditions.count
    }

    /// The items whose condition reads `slot`, directly or through flags, ascending.
    func items(reading slot: Int) -> [Int] { slot < itemsBySlot.count ? itemsBySlot[slot] : [] }

    /// The items whose condition may hold for `values`, ascending; every other item's condition is false.
    func candidates(for values: [String: SlotValue], slotIndex: [String: Int]) -> [Int] {
        candidates(held: values.keys.compactMap { slotIndex[$0] })
    }

    /// The same for the slots that hold a value (slot indexes, as `ConditionEvaluator.held`).
    func candidates(held: [Int]) -> [Int] {
        var items = holdingWhenEmpty
        for slot in held where slot < itemsBySlot.count { items += itemsBySlot[slot] }
        var unique: [Int] = []
        unique.reserveCapacity(min(items.count, itemCount))
        if items.count * 4 >= itemCount {
            // Most items named (the notice-help dialog has 31 remedies): marked in one pass and read back in order,
            // rather than sorted, which cost ~15,000 instructions an advice.
            var marked = [Bool](repeatElement(false, count: itemCount))
            for item in items { marked[item] = true }
            for item in marked.indices where marked[item] { unique.append(item) }
        } else {
            // A few of many (a grown dialog): sorting them costs less than a pass over every item.
            items.sort()
            for item in items where unique.last != item { unique.append(item) }
        }
        return unique
    }
}
