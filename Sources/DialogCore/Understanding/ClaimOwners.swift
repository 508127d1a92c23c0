/// Which slot owns the claims of which (`Slot.reportedOwnedBy`, YAML `reported_owned_by`), by slot index: "短信说我逾期了"
/// is the person's overdue only when the line owns the loan. Worked out once per dialog (`CompiledDialog.LineTables`):
/// `SlotExtractor` asks it for every yes phrase of a line, and looking it up by name meant copying each `Slot` of the
/// dialog (~10 % of a step, the fourteenth session's profile).
struct ClaimOwners: Sendable {
    /// Per slot, the slot its claims are owned by; nil when none is named (or the name is no slot).
    let owner: [Int?]
    /// Per slot, whether it names an owner of its claims at all.
    let isOwned: [Bool]
    /// Per slot, whether it owns the claims of another slot ("said I borrowed" is about the loan).
    let ownsOthers: [Bool]

    init(slots: [Slot], slotIndex: [String: Int]) {
        owner = slots.map { $0.reportedOwnedBy.flatMap { slotIndex[$0] } }
        isOwned = slots.map { $0.reportedOwnedBy != nil }
        var ownsOthers = [Bool](repeatElement(false, count: slots.count))
        for case let index? in owner { ownsOthers[index] = true }
        self.ownsOthers = ownsOthers
    }
}
