extension ConditionNames {
    /// The places whose values can change the truth of each of `conditions`, directly or through flags, ascending:
    /// what a truth kept from one walk to the next must be worked out again for when one of them changes
    /// (`WalkMemo`). A name without a place (never one of the dialog's own conditions) reads as every place.
    func placesRead(by conditions: [ResolvedCondition]) -> [Int] {
        let program = program
        var read = [Bool](repeatElement(false, count: count))
        var flagsSeen = [Bool](repeatElement(false, count: flags.count))
        var unplaced = false
        func visit(_ root: Int32) {
            let node = program.nodes[Int(root)]
            switch node.kind {
            case .name, .compare, .member, .known, .unsure:
                if node.place >= 0 { read[Int(node.place)] = true } else if node.flag < 0 { unplaced = true }
                if node.flag >= 0, !flagsSeen[Int(node.flag)] {
                    flagsSeen[Int(node.flag)] = true
                    visit(flags[Int(node.flag)].root)
                }
            case .not:
                visit(node.first)
            case .and, .or:
                for term in program.terms[Int(node.first)..<Int(node.end)] { visit(term) }
            }
        }
        conditions.forEach { visit($0.root) }
        if unplaced { return Array(0..<count) }
        return read.indices.filter { read[$0] }
    }
}
