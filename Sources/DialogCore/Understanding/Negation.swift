/// Negation: a word of the lexicon's `negations` (没, 不, never, not) shortly before a phrase, in the same clause,
/// flips a yes phrase to no and cancels a choice (which the line then denies). A negation inside a phrase ("没借过")
/// makes it a denial in form. Announced actions and threats (说要, will) are listed as negations too, so "说要告诉你
/// 家人" is not "they told your family".
struct Negation {
    /// Negations by where they end (linear in the line, however often a word repeats in it).
    private let startsByEnd: [Int: [Int]]
    /// The negations inside content phrases.
    private let inside: [Range<Int>]
    /// The clauses that hold a negation.
    let clausesNegated: Set<Int>
    private let clauses: Clauses
    private let scalars: [Unicode.Scalar]
    /// Where the line's announcing words start (说要, 将, will), those inside phrases too.
    private let announcementStarts: [Int]
    /// Where the negations that deny a whole clause end: "nobody" or 没人 is the subject of everything the clause
    /// goes on to say ("no one asked me for codes or a private account", "没人让我转私人账户").
    private let clauseWideEnds: [Int]

    /// `announcements`: every announcing word of the line. A negation does not reach past one that does not follow it
    /// directly: "逾期不还将联系您的家人", "if I don't pay they will tell my boss" — what is negated is the paying, and
    /// what follows the announcement is what someone means to do. "没说要告诉…" still negates the announcement itself.
    init(_ scalars: [Unicode.Scalar], functional: [PhraseHit], inside: [Range<Int>], clauses: Clauses, announcements: [PhraseHit] = []) {
        announcementStarts = announcements.map(\.range.lowerBound)
        let answerNoRanges = Set(functional.of(.no).map(\.range))
        // "no I have not paid": an English "no" that opens its clause and is followed by a subject answers the
        // question; it does not flip the clause's own phrase into its opposite. ("no calls" stays a negation.)
        func answersBeforeSubject(_ found: PhraseHit) -> Bool {
            guard answerNoRanges.contains(found.range), scalars[found.range.lowerBound].isASCII else { return false }
            var start = clauses.start[found.range.lowerBound]
            while start < found.range.lowerBound, scalars[start] == " " { start += 1 }
            guard start == found.range.lowerBound else { return false }
            var index = found.range.upperBound
            while index < scalars.count, scalars[index] == " " || scalars[index] == "," { index += 1 }
            return Self.subjects.contains(LineAnalysis.asciiWord(scalars, from: index))
        }
        let negations = functional.of(.negations).filter { !answersBeforeSubject($0) }
        var startsByEnd: [Int: [Int]] = [:]
        for negation in negations { startsByEnd[negation.range.upperBound, default: []].append(negation.range.lowerBound) }
        self.startsByEnd = startsByEnd
        clauseWideEnds = negations.filter { hit in
            Self.clauseWide.contains { $0.elementsEqual(scalars[hit.range]) }
        }.map(\.range.upperBound)
        self.inside = inside
        clausesNegated = Set(negations.map { clauses.of($0.range.lowerBound) })
        self.clauses = clauses
        self.scalars = scalars
    }

    /// The subjects that make a clause-opening "no" an answer: "no I …", "no, they …".
    static let subjects: Set<String> = ["i", "i've", "i'm", "i'd", "ive", "im", "we", "we've", "they", "they've", "he", "she",
                                        "it", "it's", "its", "that", "that's", "thats", "there", "my", "me"]

    /// The negations that are the subject of their clause.
    private static let clauseWide: [[Unicode.Scalar]] = ["no one", "nobody", "没人", "没有人", "无人", "冇人"].map { Array($0.unicodeScalars) }

    /// Whether a negation ends shortly before `range` (6 characters, 16 for Latin script) in its clause, or a negation
    /// that is the clause's subject ends anywhere before it in the clause.
    func negates(_ range: Range<Int>) -> Bool {
        for end in clauseWideEnds where end <= range.lowerBound && clauses.of(end - 1) == clauses.of(range.lowerBound)
            && !announcesBetween(end, range.lowerBound) { return true }
        let window = scalars[range.lowerBound].isASCII ? 16 : 6
        for end in max(range.lowerBound - window, 0)...range.lowerBound {
            if let starts = startsByEnd[end], starts.contains(where: { clauses.of($0) == clauses.of(range.lowerBound) }),
               !announcesBetween(end, range.lowerBound) { return true }
        }
        return false
    }

    /// Whether an announcing word starts after a negation ending at `end`, not right after it, and by `position`.
    private func announcesBetween(_ end: Int, _ position: Int) -> Bool {
        guard !announcementStarts.isEmpty else { return false }
        var adjacent = end
        while adjacent < scalars.count, scalars[adjacent] == " " { adjacent += 1 }
        return announcementStarts.contains { $0 > adjacent && $0 <= position }
    }

    /// Whether the phrase at `range` denies, by a negation before it or inside it ("没借过", "never borrowed").
    func isDenial(_ range: Range<Int>) -> Bool {
        negates(range) || inside.contains { range.contains($0.lowerBound) && $0.upperBound <= range.upperBound }
    }
}
