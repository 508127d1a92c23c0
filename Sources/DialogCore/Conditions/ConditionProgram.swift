/// Every condition of a dialog compiled into flat arrays of plain numbers: a condition is the index of its root node,
/// a node names its children by index, and the names and literals it reads are places in side tables. Evaluating one
/// is then a loop over integers, with no boxes to follow and no strings retained or released on the way; walking the
/// `indirect enum` it replaces was about two thirds of a turn (question relevance asks a few hundred conditions a
/// turn, each for several possible answers).
struct ConditionProgram: Sendable {
    enum Kind: UInt8, Sendable {
        /// A slot or flag named alone (`place`, `flag`).
        case name
        /// `name <op> literal` (`literals[first]`).
        case compare
        /// `name in [literals[first..<end]]`.
        case member
        /// `name is known` (`isKnown`) or `name is unknown`.
        case known
        /// `name is unsure`: answered "not sure" (the value `unknown`), not merely unasked.
        case unsure
        /// `not nodes[first]`.
        case not
        /// Every term of an `and` chain: `terms[first..<end]`, left to right.
        case and
        /// Every term of an `or` chain, likewise.
        case or
    }

    /// One node: 20 bytes, no references.
    struct Node: Sendable {
        let kind: Kind
        let comparison: Comparison
        let isKnown: Bool
        /// Where the name's value is in a value table; -1 for a name the dialog's conditions never mention.
        let place: Int32
        /// The flag of that name, or -1.
        let flag: Int32
        /// The name's text (`names`), for reasons and for a value read by its name.
        let name: Int32
        let first: Int32
        let end: Int32
    }

    /// `Condition.Comparison` as one byte.
    enum Comparison: UInt8, Sendable {
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

        init(_ comparison: Condition.Comparison) {
            switch comparison {
            case .equal: self = .equal
            case .notEqual: self = .notEqual
            case .less: self = .less
            case .lessOrEqual: self = .lessOrEqual
            case .greater: self = .greater
            case .greaterOrEqual: self = .greaterOrEqual
            }
        }
    }

    /// A literal with what comparing needs worked out once: its text (a number's as `Literal.text` prints it), the
    /// text folded as input is, and its number.
    struct Literal: Sendable {
        let text: String
        let folded: String
        let number: Double?
        /// `yes` or `true`: what a yes/no value is compared with.
        let meansYes: Bool

        init(_ literal: Condition.Literal) {
            text = literal.text
            folded = TextNormalizer.fold(text)
            if case .number(let n) = literal { number = n } else { number = nil }
            meansYes = text == "yes" || text == "true"
        }
    }

    private(set) var nodes: [Node] = []
    /// The terms of every `and` and `or` chain, by node index.
    private(set) var terms: [Int32] = []
    private(set) var literals: [Literal] = []
    private(set) var names: [String] = []
    private var nameIndex: [String: Int32] = [:]

    /// Compiles `condition`, its names placed by `place` and `flag`; returns its root.
    mutating func append(_ condition: Condition, place: (String) -> Int?, flag: (String) -> Int?) -> ResolvedCondition {
        func leaf(_ kind: Kind, _ name: String, comparison: Comparison = .equal, isKnown: Bool = false,
                  literals: [Condition.Literal] = []) -> Int32 {
            let nameAt: Int32
            if let known = nameIndex[name] {
                nameAt = known
            } else {
                nameAt = Int32(names.count)
                names.append(name)
                nameIndex[name] = nameAt
            }
            let first = Int32(self.literals.count)
            self.literals += literals.map(Literal.init)
            nodes.append(Node(kind: kind, comparison: comparison, isKnown: isKnown, place: Int32(place(name) ?? -1),
                              flag: Int32(flag(name) ?? -1), name: nameAt, first: first, end: Int32(self.literals.count)))
            return Int32(nodes.count - 1)
        }
        func compile(_ condition: Condition) -> Int32 {
            switch condition {
            case .name(let name, _):
                return leaf(.name, name)
            case .compare(let name, let comparison, let literal, _, _):
                return leaf(.compare, name, comparison: Comparison(comparison), literals: [literal])
            case .member(let name, let list, _, _):
                return leaf(.member, name, literals: list)
            case .known(let name, let isKnown, _):
                return leaf(.known, name, isKnown: isKnown)
            case .unsure(let name, _):
                return leaf(.unsure, name)
            case .not(let inner):
                let child = compile(inner)
                nodes.append(Node(kind: .not, comparison: .equal, isKnown: false, place: -1, flag: -1, name: -1,
                                  first: child, end: child + 1))
                return Int32(nodes.count - 1)
            case .and, .or:
                // A chain becomes one node with every term, however long: `a or b or c` is one level deep.
                let children = condition.chainTerms().map(compile)
                let first = Int32(terms.count)
                terms += children
                let isAnd: Bool
                if case .and = condition { isAnd = true } else { isAnd = false }
                nodes.append(Node(kind: isAnd ? .and : .or, comparison: .equal, isKnown: false, place: -1, flag: -1,
                                  name: -1, first: first, end: Int32(terms.count)))
                return Int32(nodes.count - 1)
            }
        }
        return ResolvedCondition(root: compile(condition))
    }

    /// Whether `value` compares with `literals[literal]` as `comparison` says; nil (not answered) and "unknown"
    /// compare with nothing.
    @inline(__always)
    func compare(_ value: SlotValue, _ comparison: Comparison, _ literal: Int32) -> Bool {
        let literal = literals[Int(literal)]
        switch value {
        case .yes, .no:
            let isYes = value == .yes
            switch comparison {
            case .equal: return isYes == literal.meansYes
            case .notEqual: return isYes != literal.meansYes
            default: return false
            }
        case .number(let number):
            guard let other = literal.number else { return false }
            switch comparison {
            case .equal: return number == other
            case .notEqual: return number != other
            case .less: return number < other
            case .lessOrEqual: return number <= other
            case .greater: return number > other
            case .greaterOrEqual: return number >= other
            }
        case .choices(let ids):
            let contains = ids.contains(literal.text)
            switch comparison {
            case .equal: return contains
            case .notEqual: return !contains
            default: return false
            }
        case .text(let text):
            let equal = text == literal.text || TextNormalizer.fold(text) == literal.folded
            switch comparison {
            case .equal: return equal
            case .notEqual: return !equal
            default: return false
            }
        case .unknown: return false
        }
    }

    /// Whether `value` is one of the literals of a `member` node.
    @inline(__always)
    func isMember(_ value: SlotValue, _ node: Node) -> Bool {
        var literal = node.first
        while literal < node.end {
            if compare(value, .equal, literal) { return true }
            literal += 1
        }
        return false
    }
}
