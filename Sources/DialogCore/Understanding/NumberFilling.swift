/// Numbers: a quantity of a fitting unit (十五天, 3k, ￥800, 两个月) fills a number slot when one of the slot's cues is in
/// the same clause or closes the clause before ("欠了三千五", "I'm behind on my payments, about 3 months"), or, with no
/// cue, when the slot is the question on screen. A number inside a known name is part of the name: "360借条", "58好借".
struct NumberFilling {
    let compiled: CompiledDialog
    let analysis: LineAnalysis

    /// The quantities of the line that may fill a number slot.
    func quantities() -> [Quantity] {
        guard !compiled.numberSlots.isEmpty else { return [] }
        let nameRanges = analysis.content.compactMap { found -> Range<Int>? in
            if case .known = found.cue { return found.range }; return nil
        }
        return QuantityScanner.scan(analysis.scalars).filter { quantity in !nameRanges.contains { $0.overlaps(quantity.range) } }
    }

    /// The values of number slots, in the order they were filled: first the slots whose cues the line holds
    /// (`cues`, by slot), then the asked ones.
    func values(_ quantities: [Quantity], cues: [Int: [Range<Int>]], asked: [Int]) -> [(slot: Int, value: SlotValue)] {
        var filled: [(slot: Int, value: SlotValue)] = []
        var used = Set<Int>()
        // Only the slots whose cues the line holds: without a cue no quantity is taken here (and a grown dialog has
        // hundreds of number slots).
        for slot in compiled.numberSlots {
            guard let cues = cues[slot], let unit = compiled.dialog.slots[slot].unit else { continue }
            let cueClauses = Set(cues.map { analysis.clauses.of($0.lowerBound) })
            for (index, quantity) in quantities.enumerated() where !used.contains(index) {
                // "欠了三千五": with a cue in the clause, an amount needs no 元.
                guard let value = Self.convert(quantity, to: unit) ?? (unit == .yuan && quantity.unit == .none ? quantity.value : nil) else { continue }
                // The cue may also close the clause before. (A cue in the clause before always starts before the
                // quantity.)
                let here = analysis.clauses.of(quantity.range.lowerBound)
                if cueClauses.contains(here) || cueClauses.contains(here - 1) {
                    filled.append((slot, .number(value)))
                    used.insert(index)
                    break
                }
            }
        }
        for slot in asked where compiled.dialog.slots[slot].kind == .number && !filled.contains(where: { $0.slot == slot }) {
            guard let unit = compiled.dialog.slots[slot].unit else { continue }
            for (index, quantity) in quantities.enumerated() where !used.contains(index) {
                if let value = Self.convert(quantity, to: unit) ?? (quantity.unit == .none ? quantity.value : nil) {
                    filled.append((slot, .number(value)))
                    used.insert(index)
                    break
                }
            }
        }
        return filled
    }

    static func convert(_ quantity: Quantity, to unit: Slot.Unit) -> Double? {
        switch unit {
        case .days: return quantity.days
        case .months:
            switch quantity.unit {
            case .month: return quantity.value
            case .year: return quantity.value * 12
            case .installment: return quantity.value
            case .week: return quantity.value * 7 / 30
            case .day: return quantity.value / 30
            default: return nil
            }
        case .yuan: return quantity.unit == .yuan ? quantity.value : nil
        case .count: return quantity.unit == .none || quantity.unit == .installment ? quantity.value : nil
        }
    }
}
