/// A parsed condition over slots and flags: `has_account == no and not scam_suspected`.
///
/// Offsets count characters from the start of the condition's source text, so errors can point into the file.
public indirect enum Condition: Hashable, Codable, Sendable {
    public enum Comparison: String, Hashable, Codable, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    /// A value written in a condition: a bare word (`yes`, `family`, `花呗`), a number or a quoted string.
    public enum Literal: Hashable, Codable, Sendable {
        case word(String)
        case number(Double)
        case string(String)

        public var text: String {
            switch self {
            case .word(let w), .string(let w): return w
            // Whole numbers print without ".0"; one too large for an Int (or infinite) prints as a Double would:
            // converting it to Int traps (found by Scripts/fuzz, Fuzz/regressions/condition/huge-number).
            case .number(let n): return n.rounded() == n && abs(n) < 1e15 ? String(Int(n)) : String(n)
            }
        }
    }

    /// A slot or flag named alone: holds when it is yes.
    case name(String, offset: Int)
    case compare(String, Comparison, Literal, offset: Int, literalOffset: Int)
    case member(String, [Literal], offset: Int, literalOffsets: [Int])
    /// `x is unknown` (`isKnown == false`) or `x is known`.
    case known(String, isKnown: Bool, offset: Int)
    /// `x is unsure`: the person was asked and said they do not know, or only guessed ("好像是逾期了", "I think so");
    /// not a slot nobody has asked about yet (which `is unknown` also covers).
    case unsure(String, offset: Int)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    /// Every slot or flag name the condition mentions, with the offset where it is written.
    public var names: [(name: String, offset: Int)] {
        switch self {
        case .name(let n, let o), .compare(let n, _, _, let o, _), .member(let n, _, let o, _), .known(let n, _, let o),
             .unsure(let n, let o):
            return [(n, o)]
        case .not(let c): return c.names
        case .and(let a, let b), .or(let a, let b): return a.names + b.names
        }
    }
}
