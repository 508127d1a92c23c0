/// A short list of words compared as scalars, with a 1024-bit table of their first scalars (by value modulo 1024): a
/// position no word can start at costs one lookup, not a comparison with every word. The rules that read stretches
/// of a line (`HarmThreat`) run at every character, so this is what keeps them cheap.
struct ScalarWords {
    let words: [[Unicode.Scalar]]
    private let firsts: [UInt64]

    static let none = ScalarWords([String]())

    init(_ list: [String]) {
        self.init(words: list.map { Array($0.unicodeScalars) })
    }

    init(_ lists: ScalarWords...) {
        self.init(words: lists.flatMap(\.words))
    }

    private init(words: [[Unicode.Scalar]]) {
        self.words = words
        var firsts = [UInt64](repeatElement(0, count: 16))
        for word in words where !word.isEmpty {
            let value = Int(word[0].value & 1023)
            firsts[value >> 6] |= 1 << UInt64(value & 63)
        }
        self.firsts = firsts
    }

    /// Whether some word may start with `scalar`.
    @inline(__always) func mayStart(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value & 1023)
        return firsts[value >> 6] & (1 << UInt64(value & 63)) != 0
    }

    /// Whether the stretch `range` of the line is one of the words.
    func contains(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        guard !range.isEmpty, mayStart(scalars[range.lowerBound]) else { return false }
        let count = range.count
        for word in words where word.count == count {
            var same = true
            for offset in 0..<count where scalars[range.lowerBound + offset] != word[offset] {
                same = false
                break
            }
            if same { return true }
        }
        return false
    }

    /// The length of the longest word that starts at `index` (0 when none does).
    func longest(at index: Int, in scalars: [Unicode.Scalar]) -> Int {
        guard index >= 0, index < scalars.count, mayStart(scalars[index]) else { return 0 }
        var best = 0
        for word in words where word.count > best && index + word.count <= scalars.count {
            var same = true
            for offset in 0..<word.count where scalars[index + offset] != word[offset] {
                same = false
                break
            }
            if same { best = word.count }
        }
        return best
    }

    /// The first of the words that starts within `reach` scalars of `from`, in its clause (no farther than where the
    /// clause ends): where it stands. What the rules that read a stretch look for after its first word ("到期日是|下周",
    /// "不然每月|扣费").
    func first(from: Int, reach: Int, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        var probe = from
        while probe < scalars.count, probe <= from + reach, !Clauses.endsClause(scalars, at: probe) {
            let length = longest(at: probe, in: scalars)
            if length > 0 { return probe..<(probe + length) }
            probe += 1
        }
        return nil
    }

    /// Where the ASCII word (letters and apostrophes, at most 12) that starts at `index` stands, empty when none does:
    /// `LineAnalysis.asciiWord` without building a String, for a rule that asks at every word of a phrase.
    static func asciiWord(_ scalars: [Unicode.Scalar], from index: Int) -> Range<Int> {
        var end = index
        while end < scalars.count, end - index < 12, scalars[end].isASCIILetter || scalars[end] == "'" { end += 1 }
        return index..<end
    }
}
