/// How deep the evaluators go into a condition, and the one limit on it that `check` enforces and the evaluators share.
///
/// A chain of one operator (`a or b or c …`, parsed as `.or(.or(a, b), c)`) is walked as a loop, not by recursion:
/// however long, it counts one level. What counts is what nests: a `not`, a group of the other operator inside a chain
/// (`a or (b and c)`), and a flag followed into its own condition. `check` reports a condition deeper than
/// ``maximumDepth`` at its position, so the evaluators never meet one at run time (their guard is only for a dialog
/// that was never checked).
extension Condition {
    /// The deepest nesting a condition may have, flags followed included.
    public static let maximumDepth = 128

    /// The nesting the evaluators count, with `flagDepth` giving the depth of a flag's own condition (nil: not a flag).
    public func evaluationDepth(flagDepth: (String) -> Int?) -> Int {
        switch self {
        case .name(let name, _), .compare(let name, _, _, _, _), .member(let name, _, _, _), .known(let name, _, _), .unsure(let name, _):
            return flagDepth(name).map { $0 + 1 } ?? 0
        case .not(let inner):
            return inner.evaluationDepth(flagDepth: flagDepth) + 1
        case .and, .or:
            var deepest = 0
            forEachChainTerm { deepest = max(deepest, $0.evaluationDepth(flagDepth: flagDepth)) }
            return deepest + 1
        }
    }
}

extension Condition: BooleanChain {
    var orTerms: (Condition, Condition)? { if case .or(let a, let b) = self { return (a, b) } else { return nil } }
    var andTerms: (Condition, Condition)? { if case .and(let a, let b) = self { return (a, b) } else { return nil } }
}
