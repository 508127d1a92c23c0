/// Words of one kind in a line (negations, announcing words), ordered by where they end, for the rules that ask
/// "does such a word end within these positions?": a binary search and a walk over the words found, where a
/// dictionary of starts by end cost a hash for every position asked about (a window of 6 to 16 at every phrase) and
/// an array for every end.
struct WordsByEnd {
    /// The words, by where they end (in the order given among those that end together).
    private let words: [Range<Int>]

    init(_ ranges: [Range<Int>]) {
        var words = ranges
        // The lexicon's words come from the automaton by where they end: nothing moves then.
        words.sortNearlySorted { $0.upperBound }
        self.words = words
    }

    var isEmpty: Bool { words.isEmpty }

    /// Whether a word that ends in `ends` satisfies `test`.
    @inline(__always)
    func contains(endingIn ends: Range<Int>, where test: (Range<Int>) -> Bool) -> Bool {
        guard !ends.isEmpty else { return false }
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) >> 1
            if words[middle].upperBound < ends.lowerBound { low = middle + 1 } else { high = middle }
        }
        while low < words.count, words[low].upperBound < ends.upperBound {
            if test(words[low]) { return true }
            low += 1
        }
        return false
    }
}
