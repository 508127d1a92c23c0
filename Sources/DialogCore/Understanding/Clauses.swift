/// Where a line's clauses begin and end: at punctuation (, . ; ! ? and a line break, but not a `,` or `.` inside a
/// number), at a space between two Chinese characters (a comma typed on a phone), and at the lexicon's `breaks`
/// (但是, but). Negation, reported speech and worries reach to the end of their
/// clause and no further.
struct Clauses {
    /// The clause number of each position.
    private let numbers: [Int]
    /// Where the clause of each position starts (stopping at punctuation, not at break words).
    let start: [Int]
    /// How many positions each clause has, by clause number (an array: a dictionary cost a hash per scalar).
    private let lengths: [Int]

    init(_ scalars: [Unicode.Scalar], breaks: [PhraseHit]) {
        // `Array(repeatElement(_:count:))` rather than `Array(repeating:count:)` here and in the engine's other
        // per-line arrays: the latter allocates through an unspecialised library function that looks up the array's
        // generic metadata at run time (~400 instructions an array, 2–3 % of a turn); the former is specialised.
        var numbers = [Int](repeatElement(0, count: max(scalars.count, 1)))
        var breakStarts = [Bool](repeatElement(false, count: scalars.count))
        for found in breaks where found.range.lowerBound < scalars.count { breakStarts[found.range.lowerBound] = true }
        var clause = 0
        for index in scalars.indices {
            if Self.endsClause(scalars, at: index) || breakStarts[index] { clause += 1 }
            numbers[index] = clause
        }
        self.numbers = numbers
        var start = [Int](repeatElement(0, count: scalars.count))
        for index in scalars.indices where index > 0 {
            let joined = numbers[index - 1] == numbers[index] && !Self.endsClause(scalars, at: index - 1)
            start[index] = joined ? start[index - 1] : index
        }
        self.start = start
        var lengths = [Int](repeatElement(0, count: clause + 1))
        for index in scalars.indices { lengths[numbers[index]] += 1 }
        self.lengths = lengths
    }

    /// How many clauses the line has (at least one): clause numbers are `0..<count`.
    var count: Int { lengths.count }

    /// How many positions clause `clause` has (0 for a clause the line does not have).
    func length(of clause: Int) -> Int { clause >= 0 && clause < lengths.count ? lengths[clause] : 0 }

    /// The clause of the position `index` (the last clause for a position past the end).
    func of(_ index: Int) -> Int { numbers[min(index, numbers.count - 1)] }

    /// The punctuation that ends a clause (after folding): , . ; ! ? and a line break.
    static func isClauseMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ".", ";", "!", "?", "\n": return true
        default: return false
        }
    }

    /// Whether the scalar at `index` ends a clause: a clause mark, except a `,` or `.` between two digits, which is
    /// part of a number ("1,580.00", "2.8k"), so that "saying I owe 1,580.00 and …" stays one reported clause.
    static func endsClause(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        // A space between two Chinese characters is a comma typed on a phone: "没钱了 工资没发 分期乐逾期5天了".
        if scalar == " " {
            return index > 0 && index + 1 < scalars.count && TextNormalizer.isHan(scalars[index - 1]) && TextNormalizer.isHan(scalars[index + 1])
        }
        guard isClauseMark(scalar) else { return false }
        guard scalar == "," || scalar == ".", index > 0, index + 1 < scalars.count else { return true }
        // Digits are ASCII here: folding turned full-width ones into them.
        let digits: ClosedRange<Unicode.Scalar> = "0"..."9"
        return !(digits.contains(scalars[index - 1]) && digits.contains(scalars[index + 1]))
    }
}
