/// The person's own worries, conditions and questions: after a word of the lexicon's `conditions` (怕, 万一, 如果, if,
/// can they), what follows in the clause is not a fact and fills nothing ("怕他们打给家人" is not "they called my
/// family"). A short question of the person's own ("他们会打给我爸妈吗？", "will they call my boss?") is read the same way.
/// Not inside reported speech: "催收说要是再不还就去我单位闹" is the collector's threat. Not a phrase that is itself
/// conditional ("再不还就上门"). Not a rhetorical question, which denies ("how can i owe them money??", a negation
/// word), nor a long story that only ends in "??".
///
/// A supposition (如果, if) reaches only to its consequence: up to the first announcing word after it, where what
/// someone means to do begins ("if I don't pay | they will tell my boss" — the threat is told, not supposed).
struct Worries {
    /// Per clause, where its first condition ends (-1: the whole clause is a question).
    private let firstEnd: [Int: Int]
    /// Per clause, where that first condition starts: a phrase that begins inside it is behind it too ("她会不会被起诉":
    /// 会被起诉 starts at the condition's last 会).
    private let firstStart: [Int: Int]
    /// Per clause whose first condition is a supposition: where its consequence begins.
    private let consequenceStart: [Int: Int]
    /// The conditions inside content phrases.
    private let inside: [Range<Int>]
    private let clauses: Clauses

    /// Whether the line holds a worry, condition or question of the person's own anywhere.
    var any: Bool { !firstEnd.isEmpty }

    /// The longest clause (in scalars) read as a question of the person's own rather than a story ending in "?".
    static let longestQuestion = 40

    /// `announcements`, `predictions`: every such word of the line, those inside phrases too.
    init(_ scalars: [Unicode.Scalar], functional: [PhraseHit], inside: [Range<Int>], clauses: Clauses,
         reported: ReportedSpeech, negation: Negation, announcements: [PhraseHit] = [], predictions: [PhraseHit] = [],
         reportedInside: [PhraseHit] = []) {
        var firstEnd: [Int: Int] = [:]
        var firstStart: [Int: Int] = [:]
        var supposes: [Int: Bool] = [:]
        for found in functional.of(.conditions) + functional.of(.suppositions) {
            if Self.feltThenDid(found.range, in: scalars) { continue }
            let c = clauses.of(found.range.lowerBound)
            if let reportedEnd = reported.firstEnd[c], reportedEnd <= found.range.lowerBound { continue }
            // A supposition that goes on with someone's words past a comma is their offer or threat, retold: "he said
            // he is from Alipay, if I pay to his account today they waive the fee" — not a hypothetical of the person's.
            if found.cue == .word(.suppositions), reported.carried.contains(c) { continue }
            if found.range.upperBound < firstEnd[c] ?? .max {
                firstEnd[c] = found.range.upperBound
                // Only a word of the lexicon's conditions: a phrase that opens with one ("怕逾期", `LineAnalysis`'s worry
                // phrases) keeps what overlaps it.
                let opensPhrase = inside.contains { $0.lowerBound == found.range.lowerBound && $0.upperBound < found.range.upperBound }
                firstStart[c] = opensPhrase ? nil : found.range.lowerBound
                supposes[c] = found.cue == .word(.suppositions)
            }
        }
        var consequenceStart: [Int: Int] = [:]
        for (c, end) in firstEnd where supposes[c] == true {
            let starts = announcements.map(\.range.lowerBound).filter { $0 >= end && clauses.of($0) == c }
            if let start = starts.min() { consequenceStart[c] = start }
        }
        self.consequenceStart = consequenceStart
        // A worry goes on past a comma into a clause that foresees what someone will do, in the person's own words:
        // "怕还不上，他们会打给我爸妈" is one fear, not a threat told. Not past a supposition (its consequence is what
        // someone means to do), not into someone else's words ("…，他们说不还就打给我爸妈"), not past a sentence's end.
        let foreseeing = Set(predictions.map { clauses.of($0.range.lowerBound) })
        let quoting = Set(reportedInside.map { clauses.of($0.range.lowerBound) })
        if !foreseeing.isEmpty {
            var previous = -1
            var goesOn = Set<Int>()
            for index in scalars.indices where clauses.of(index) != previous {
                let c = clauses.of(index)
                previous = c
                let worried = goesOn.contains(c - 1) || (firstEnd[c - 1] != nil && supposes[c - 1] != true)
                guard c > 0, worried, scalars[index] == ",", firstEnd[c] == nil, foreseeing.contains(c),
                      reported.firstEnd[c] == nil, !quoting.contains(c), !reported.carried.contains(c) else { continue }
                firstEnd[c] = -1
                goesOn.insert(c)
            }
        }
        for c in Self.questionClauses(scalars, clauses)
        where reported.firstEnd[c] == nil && !negation.clausesNegated.contains(c) && clauses.length(of: c) <= Self.longestQuestion {
            firstEnd[c] = -1
        }
        self.firstEnd = firstEnd
        self.firstStart = firstStart
        self.inside = inside
        self.clauses = clauses
    }

    /// A fear that was felt, then acted on: "I **was scared** and sent 2000", "I got so scared and paid them". After
    /// was / got / felt / were (and so, very, really), with "and" right after it, the word names a feeling with no
    /// object, and what follows "and" is what the person did. "I was scared that they would call my mom" is a worry.
    private static func feltThenDid(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        guard scalars[range.lowerBound].isASCIILetter else { return false }
        let and: [Unicode.Scalar] = [" ", "a", "n", "d", " "]
        guard range.upperBound + and.count <= scalars.count,
              scalars[range.upperBound..<(range.upperBound + and.count)].elementsEqual(and) else { return false }
        /// The ASCII word that ends right before `end` (one space between), lower-cased.
        func word(before end: Int) -> (word: String, start: Int)? {
            let space = end - 1
            guard space >= 0, scalars[space] == " " else { return nil }
            var start = space
            while start > 0, scalars[start - 1].isASCIILetter { start -= 1 }
            guard start < space else { return nil }
            return (String(String.UnicodeScalarView(scalars[start..<end - 1])).lowercased(), start)
        }
        guard var before = word(before: range.lowerBound) else { return false }
        if ["so", "very", "really", "too"].contains(before.word), let earlier = word(before: before.start) { before = earlier }
        return ["was", "got", "felt", "were", "became"].contains(before.word)
    }

    /// Whether the phrase at `range` stands in a worry, a condition or a question of the person's own.
    func cover(_ range: Range<Int>) -> Bool {
        let c = clauses.of(range.lowerBound)
        guard let end = firstEnd[c], end <= range.lowerBound || (firstStart[c] ?? .max) < range.lowerBound else { return false }
        if let consequence = consequenceStart[c], range.lowerBound >= consequence { return false }
        return !inside.contains { range.contains($0.lowerBound) && $0.upperBound <= range.upperBound }
    }

    /// The clauses that ask rather than tell: those ending in "?" (full-width folded) or in 吗 / 嘛 / Cantonese 咩, and
    /// those that hold an A-not-A question after what they ask about ("律師信係咪真嘅", "律师函是不是真的").
    private static func questionClauses(_ scalars: [Unicode.Scalar], _ clauses: Clauses) -> [Int] {
        var found: [Int] = []
        for (index, scalar) in scalars.enumerated() {
            var last = index
            // 系咪 / 系唔系 (係, folded) and 是不是, not after a 不 that denies it ("不是不是").
            if (scalar == "系" && index + 1 < scalars.count && (scalars[index + 1] == "咪"
                    || (index + 2 < scalars.count && scalars[index + 1] == "唔" && scalars[index + 2] == "系")))
                || (scalar == "是" && index + 2 < scalars.count && scalars[index + 1] == "不" && scalars[index + 2] == "是"
                    && (index == 0 || scalars[index - 1] != "不")) {
                let c = clauses.of(index)
                if found.last != c { found.append(c) }
                continue
            }
            switch scalar {
            case "?":
                last = index - 1
                while last >= 0, scalars[last] == " " || scalars[last] == "?" { last -= 1 }
            case "吗", "嘛", "咩":
                guard index + 1 == scalars.count || Clauses.endsClause(scalars, at: index + 1) || scalars[index + 1] == " " else { continue }
            default: continue
            }
            guard last >= 0 else { continue }
            let c = clauses.of(last)
            if found.last != c { found.append(c) }
        }
        // "花呗逾期三天会怎么样": a question of what follows, with no "?" (`ConsequenceQuestion`).
        return found + ConsequenceQuestion.clauses(scalars, clauses).filter { !found.contains($0) }
    }
}
