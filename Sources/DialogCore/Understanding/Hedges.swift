/// Hedges: a word of the lexicon's `hedges` (不知道, not sure) makes the asked slots unknown when the line gives them
/// no value. A clause that is only a hedge (and perhaps the name of what it is about) speaks of what the rest of the
/// line left out: "3 days overdue, no amount", "五万，没显示逾期".
extension LineAnalysis {
    var hedges: [PhraseHit] { functional.of(.hedges) }

    /// Whether a hedge stands right before `range` in its clause ("好像**注册过**", "应该**没买过**", "i think **i
    /// paid**"): a yes or no said that way in answer to the question on screen is a guess, and the slot is unknown
    /// rather than yes or no. Right before: at most two characters between (a subject, "i"), so "不知道为什么，我从来
    /// 没借过" keeps its denial.
    func hedged(_ range: Range<Int>) -> Bool {
        let hedges = self.hedges
        guard !hedges.isEmpty else { return false }
        let gap = scalars[range.lowerBound].isASCII ? 3 : 2
        return hedges.contains { hedge in
            // Overlapping is right before too: the 没 of "应该没" is the first of "没买过".
            hedge.range.lowerBound < range.lowerBound && range.lowerBound - hedge.range.upperBound <= gap
                && clauses.of(hedge.range.lowerBound) == clauses.of(range.lowerBound)
        }
    }

    /// Whether a clause is nothing but a hedge, given the quantities found and the asked slots.
    func hedgesTheRest(quantities: [Quantity], asked: [Int]) -> Bool {
        let hedges = self.hedges
        guard !hedges.isEmpty else { return false }
        // Linear in the line: which positions a hedge covers, then which clauses hold a quantity or a phrase outside
        // every hedge (other than a cue naming an asked slot).
        var coveredByHedge = [Bool](repeatElement(false, count: scalars.count + 1))
        for hedge in hedges { for index in hedge.range where index < scalars.count { coveredByHedge[index] = true } }
        var busyClauses = Set(quantities.map { clauses.of($0.range.lowerBound) })
        for found in content {
            if case .numberCue(let slot) = found.cue, asked.contains(slot) { continue }
            if found.range.allSatisfy({ $0 < scalars.count && coveredByHedge[$0] }) { continue }
            busyClauses.insert(clauses.of(found.range.lowerBound))
        }
        return hedges.contains { !busyClauses.contains(clauses.of($0.range.lowerBound)) }
    }
}
