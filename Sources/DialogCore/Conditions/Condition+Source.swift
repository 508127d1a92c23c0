extension Condition {
    /// The condition written out again in the dialog's own syntax, with the parentheses its meaning needs:
    /// `has_account == no and not scam_suspected`. For a graph's arrows and a trace's reasons.
    public var source: String { written(inside: 0) }

    /// `inside`: 0 at the top, 1 inside an `or`'s operand, 2 inside an `and`'s or a `not`'s.
    private func written(inside: Int) -> String {
        func literal(_ l: Literal) -> String {
            if case .string(let s) = l { return "\"\(s)\"" }
            return l.text
        }
        switch self {
        case .name(let n, _): return n
        case .compare(let n, let op, let l, _, _): return "\(n) \(op.rawValue) \(literal(l))"
        case .member(let n, let ls, _, _): return "\(n) in [\(ls.map(literal).joined(separator: ", "))]"
        case .known(let n, let isKnown, _): return "\(n) is \(isKnown ? "known" : "unknown")"
        case .unsure(let n, _): return "\(n) is unsure"
        case .not(let c): return "not " + c.written(inside: 3)
        case .and(let a, let b):
            let text = a.written(inside: 2) + " and " + b.written(inside: 2)
            return inside > 2 ? "(\(text))" : text
        case .or(let a, let b):
            let text = a.written(inside: 1) + " or " + b.written(inside: 1)
            return inside > 1 ? "(\(text))" : text
        }
    }
}
