/// Announced actions and threats: right after a word of the lexicon's `announcements` (说要, 将会, will, going to), in
/// the same clause, a phrase says what someone means to do, not what happened: "说要告诉你家人" is not "they told
/// your family", "they will sue" is not a lawsuit. The phrase fills nothing. Unlike a negation it neither turns a yes
/// into a no nor denies a choice, so "will my parents know" is not a line of denials. A threat the dialog wants to
/// hear is listed whole ("要上门", "说要起诉"), and the longer phrase hides the word inside it.
struct Announcements {
    /// Announcements by where they end (linear in the line, however often a word repeats in it).
    private let startsByEnd: [Int: [Int]]
    private let clauses: Clauses
    private let scalars: [Unicode.Scalar]

    /// `words`: every announcing word of the line, those inside a longer phrase too ("will" in "will tell my").
    init(_ scalars: [Unicode.Scalar], words: [PhraseHit], clauses: Clauses) {
        var startsByEnd: [Int: [Int]] = [:]
        for word in words { startsByEnd[word.range.upperBound, default: []].append(word.range.lowerBound) }
        self.startsByEnd = startsByEnd
        self.clauses = clauses
        self.scalars = scalars
    }

    /// Whether an announcement ends shortly before `range` (6 characters, 16 for Latin script) in its clause.
    func cover(_ range: Range<Int>) -> Bool {
        guard !startsByEnd.isEmpty else { return false }
        let window = scalars[range.lowerBound].isASCII ? 16 : 6
        for end in max(range.lowerBound - window, 0)...range.lowerBound {
            if let starts = startsByEnd[end], starts.contains(where: { clauses.of($0) == clauses.of(range.lowerBound) }) { return true }
        }
        return false
    }
}
