/// Which `next` entries hold, as a walk found them, kept with the session for the next walk, which works out again
/// only the entries that read a value changed since. Every walk starts at the dialog's first state and passes the
/// same states turn after turn, while a line changes a slot or two.
///
/// Not part of what a session is: not saved, not compared (`Session.walkMemo`). Whatever changed the values (a line,
/// `back`, a restart, a snapshot read back), the next walk compares them by place with those the memo is for and
/// forgets exactly the truths that read a place that differs; a memo made with another dialog is dropped whole.
///
/// Whether a question still matters (`QuestionRelevance`) is not kept: it reads the remedies and situations that read
/// the slot, which between them read nearly every slot, so nearly every answer would make it forget them, and keeping
/// them per condition cost more to forget (~20k instructions a step) than working them out.
struct WalkMemo: Sendable {
    /// Known when the dialog compiles: per place, the `next` entries (`CompiledDialog.Route.memo`) whose condition
    /// reads it, directly or through flags.
    struct Dependents: Sendable {
        let routes: [[Int]]
        let routeCount: Int

        init(names: ConditionNames, routes: [[CompiledDialog.Route]]) {
            var byPlace = [[Int]](repeating: [], count: names.count)
            var routeCount = 0
            for route in routes.joined() {
                guard let condition = route.condition else { continue }
                for place in names.placesRead(by: [condition]) { byPlace[place].append(route.memo) }
                routeCount = max(routeCount, route.memo + 1)
            }
            self.routes = byPlace
            self.routeCount = routeCount
        }
    }

    /// The dialog's tables the memo was made with: a memo from another dialog is not used.
    private let owner: CompiledDialog.LineTables
    /// The values by place the truths below are for, and the slots among them that hold one (`ConditionEvaluator.held`).
    private var table: [SlotValue?]
    private var held: [Int]
    /// Per `next` entry with a condition: 0 not worked out, 1 false, 2 true.
    private var routes: [UInt8]

    /// A memo for the values of `evaluator` that knows nothing yet.
    init(for evaluator: ConditionEvaluator, compiled: CompiledDialog) {
        owner = compiled.lineTables
        table = evaluator.table
        held = evaluator.held
        routes = [UInt8](repeatElement(0, count: owner.walkDependents.routeCount))
    }

    /// The memo of `session`'s last walk made ready for the values of `evaluator` (what this walk reads): the truths
    /// that read a place whose value differs are forgotten. Taken out of the session, so that its arrays are changed
    /// in place.
    static func taken(from session: inout Session, for evaluator: ConditionEvaluator, compiled: CompiledDialog) -> WalkMemo {
        let table = evaluator.table
        guard var memo = session.walkMemo.memo.take(), memo.owner === compiled.lineTables, memo.table.count == table.count
        else { return WalkMemo(for: evaluator, compiled: compiled) }
        let dependents = memo.owner.walkDependents
        func forget(_ place: Int) {
            guard memo.table[place] != table[place] else { return }
            for route in dependents.routes[place] { memo.routes[route] = 0 }
        }
        // A slot empty before and now has not changed: only those that hold a value, before or now, are compared
        // (most of a dialog's slots are empty at any time); and the few names a condition reads that are no slot.
        for place in memo.held { forget(place) }
        for place in evaluator.held { forget(place) }
        for place in compiled.conditionNames.slotCount..<table.count { forget(place) }
        memo.table = table
        memo.held = evaluator.held
        return memo
    }

    /// Whether the `next` entry `route` holds, worked out by `holds` when not known.
    @inline(__always)
    mutating func route(_ route: Int, _ holds: () -> Bool) -> Bool {
        switch routes[route] {
        case 1: return false
        case 2: return true
        default:
            let result = holds()
            routes[route] = result ? 2 : 1
            return result
        }
    }
}
