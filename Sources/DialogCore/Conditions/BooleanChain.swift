/// A condition tree whose `and`s and `or`s chain to the left (`a or b or c` is `.or(.or(a, b), c)`): its chains are
/// walked as loops, not by recursion, so a 64-term `or` is one level deep (`Condition+Depth`), and `ConditionProgram`
/// compiles a chain into one node with all its terms.
protocol BooleanChain {
    /// The two sides, when this is an `or`.
    var orTerms: (Self, Self)? { get }
    /// The two sides, when this is an `and`.
    var andTerms: (Self, Self)? { get }
}

extension BooleanChain {
    /// Calls `body` with each term of the chain this `and` or `or` heads, right to left, without recursion; a
    /// condition that is neither is its own single term.
    @inline(__always)
    func forEachChainTerm(_ body: (Self) -> Void) {
        var node = self
        if orTerms != nil {
            while let (rest, term) = node.orTerms {
                body(term)
                node = rest
            }
        } else if andTerms != nil {
            while let (rest, term) = node.andTerms {
                body(term)
                node = rest
            }
        }
        body(node)
    }

    /// The terms of the chain this `and` or `or` heads, left to right.
    func chainTerms() -> [Self] {
        var terms: [Self] = []
        forEachChainTerm { terms.append($0) }
        return terms.reversed()
    }
}
