extension Engine {
    /// The ids of the remedies (most urgent first, allowed by the end state the session is at) and of the situations
    /// that hold for the session: what `recommendation(for:)` would give, without rendering a word of it. For the
    /// tools that walk many sessions (`DialogExplorer`).
    public func holding(_ s: Session) -> (remedies: [String], situations: [String]) {
        let evaluator = ConditionEvaluator(dialog: compiled, values: s.values)
        var allowed: Set<String>?
        if let current = s.current.flatMap({ compiled.state($0) }), case .end(_, let remedies) = current.kind, let remedies {
            allowed = Set(remedies)
        }
        // Every condition is evaluated: for a few dozen remedies that costs less than asking the condition index
        // which may hold (measured by `explore`, which asks this for every place it walks).
        let remedies = compiled.dialog.remedies
        let conditions = compiled.conditionNames.remedies(of: compiled.dialog)
        var chosen: [Int] = []
        for index in remedies.indices {
            if let allowed, !allowed.contains(remedies[index].id) { continue }
            if evaluator.holds(conditions[index]) { chosen.append(index) }
        }
        chosen.sort { (remedies[$0].order, $0) < (remedies[$1].order, $1) }
        let flags = compiled.dialog.flags
        let situations = compiled.situationFlags.filter { evaluator.flagHolds($0) }.map { flags[$0].id }
        return (chosen.map { remedies[$0].id }, situations)
    }
}
