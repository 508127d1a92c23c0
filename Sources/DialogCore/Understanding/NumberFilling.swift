/// Numbers: a quantity of a fitting unit (十五天, 3k, ￥800, 两个月) fills a number slot when one of the slot's cues is in
/// the same clause or closes the clause before ("欠了三千五", "I'm behind on my payments, about 3 months"), or, with no
/// cue, when the slot is the question on screen. A number inside a known name is part of the name: "360借条", "58好借".
/// Not a number at all, for any slot: how often ("10 times a day", "一天打五六个"), a deadline ("pay in 3 days",
/// "三天内还清"), or the year in a case number ("(2025)粤0305民初12345号").
struct NumberFilling {
    let compiled: CompiledDialog
    let analysis: LineAnalysis

    /// The quantities of the line that may fill a number slot.
    func quantities() -> [Quantity] {
        guard !compiled.numberSlots.isEmpty else { return [] }
        let nameRanges = analysis.content.compactMap { found -> Range<Int>? in
            if case .known = found.cue { return found.range }; return nil
        }
        return analysis.quantities.filter { quantity in
            !nameRanges.contains { $0.overlaps(quantity.range) } && !isFrequency(quantity) && !isDeadline(quantity) && !isCaseYear(quantity)
        }
    }

    /// "10 times a day", "calls a day", "一天打五六个", "一天催三次": "a day" / 一天 says how often, not how long.
    private func isFrequency(_ quantity: Quantity) -> Bool {
        guard quantity.unit == .day, quantity.value == 1 else { return false }
        let before = words(before: quantity.range.lowerBound)
        if ["times", "calls", "texts", "messages", "time", "call"].contains(before) { return true }
        let after = quantity.range.upperBound
        return after < analysis.scalars.count && Self.frequencyVerbs.contains(analysis.scalars[after])
    }

    /// What follows 一天 when it says how often: 打, 发, 催, 来, 都, 就.
    private static let frequencyVerbs: Set<Unicode.Scalar> = Set("打发催来都就".unicodeScalars)

    /// "pay in 3 days", "within 3 days", "三天内", "3天之内": a deadline, not days overdue.
    private func isDeadline(_ quantity: Quantity) -> Bool {
        guard quantity.days != nil, quantity.unit != .hour else { return false }
        if ["in", "within"].contains(words(before: quantity.range.lowerBound)) { return true }
        let after = quantity.range.upperBound
        let scalars = analysis.scalars
        return after < scalars.count && (scalars[after] == "内" || (after + 1 < scalars.count && scalars[after] == "之" && scalars[after + 1] == "内")
            || (after + 1 < scalars.count && scalars[after] == "以" && scalars[after + 1] == "内"))
    }

    /// "(2025)粤0305民初12345号": the year of a case number in parentheses.
    private func isCaseYear(_ quantity: Quantity) -> Bool {
        let scalars = analysis.scalars
        let start = quantity.range.lowerBound, end = quantity.range.upperBound
        return start > 0 && end < scalars.count && scalars[start - 1] == "(" && scalars[end] == ")" && (1900...2100).contains(quantity.value)
    }

    /// The ASCII word just before `index` (skipping one space), lower case: "times" in "10 times a day".
    private func words(before index: Int) -> String {
        var end = index
        let scalars = analysis.scalars
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0, scalars[start - 1].isASCII, scalars[start - 1].properties.isAlphabetic { start -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
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
