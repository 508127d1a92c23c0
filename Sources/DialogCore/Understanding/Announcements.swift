/// Announced actions and threats: right after a word of the lexicon's `announcements` (说要, 将会, will, going to), in
/// the same clause, a phrase says what someone means to do, not what happened: "说要告诉你家人" is not "they told
/// your family", "they will sue" is not a lawsuit. The phrase fills nothing. Unlike a negation it neither turns a yes
/// into a no nor denies a choice, so "will my parents know" is not a line of denials. A threat the dialog wants to
/// hear is listed whole ("要上门", "说要起诉"), and the longer phrase hides the word inside it.
struct Announcements {
    /// Announcements by where they end.
    private let byEnd: WordsByEnd
    /// Every announcement, to find one that runs into a phrase: "会打给" ends inside "打给我爸妈".
    private let words: [Range<Int>]
    private let clauses: Clauses
    private let scalars: [Unicode.Scalar]
    /// The line as typed, and where each folded scalar came from (to tell 、 from ，).
    private let original: [Unicode.Scalar]
    private let origin: [Int]?

    /// `words`: every announcing word of the line, those inside a longer phrase too ("will" in "will tell my").
    init(_ text: NormalizedText, words: [PhraseHit], clauses: Clauses) {
        self.words = words.map(\.range)
        byEnd = WordsByEnd(self.words)
        self.clauses = clauses
        self.scalars = text.scalars
        self.original = text.original
        self.origin = text.origin.count == text.scalars.count ? text.origin : nil
    }

    /// Whether an announcement ends before `range` in its clause, with nothing done in between. A threat names its
    /// verbs and people in a row ("说要把我P图发到我们村的群里", "threatened to post my photo in my wechat groups and call
    /// everyone in my contacts"), so it reaches to the end of its clause, unless a word says something has happened
    /// (已经, 了, already, a verb in -ed): "they will sue me and they called my mom".
    ///
    /// A threat may also go on past a comma with more of what they mean to do: a list after 、 ("说要起诉我、通知我全家"),
    /// or a clause that opens with another way to reach people ("说不还就起诉我，通知我全家", "…，打电话给你单位"). Such a
    /// clause is still the announcement's, up to two clauses on, unless it says something was done ("…，打给了我妈");
    /// one that opens otherwise ("…，我妈也接到了电话", "…，但我没见过法院的东西") is not.
    ///
    /// An announcement that begins before the phrase and shares its verb ("他们会打给我爸妈": "会打给" and "打给我爸妈")
    /// announces it too; sharing one character is not sharing a verb ("让我" and "我妈" in "让我妈催我").
    func cover(_ range: Range<Int>) -> Bool {
        guard !byEnd.isEmpty else { return false }
        if words.contains(where: { $0.lowerBound < range.lowerBound && $0.upperBound >= range.lowerBound + 2
                && clauses.of($0.lowerBound) == clauses.of(range.lowerBound) && !saysDone(from: $0.upperBound, through: range) }) {
            return true
        }
        var clauseStart = clauses.start[range.lowerBound]
        var reach = range.lowerBound
        // Past a comma, the whole of the clause that goes on must say nothing done ("…，打给了我妈" is done, though its
        // 了 stands after the cue 打给).
        var through = range
        for crossed in 0..<3 {
            if crossed == 1 {
                var end = range.upperBound
                while end < scalars.count, clauses.of(end) == clauses.of(range.lowerBound) { end += 1 }
                through = range.lowerBound..<end
            }
            let clause = clauses.of(clauseStart)
            if byEnd.contains(endingIn: clauseStart..<(reach + 1), where: { word in
                clauses.of(word.lowerBound) == clause && !saysDone(from: word.upperBound, through: through)
            }) { return true }
            // The clause before, when this one goes on with the threat.
            guard clauseStart >= 2, scalars[clauseStart - 1] == "," || scalars[clauseStart - 1] == " ", continuesThreat(at: clauseStart)
            else { return false }
            reach = clauseStart - 2
            clauseStart = clauses.start[reach]
        }
        return false
    }

    /// Whether the clause at `start` (after a comma) lists more of a threat: the comma was a 、, or the clause opens with
    /// a way of reaching people.
    private func continuesThreat(at start: Int) -> Bool {
        if let typed = typedMark(before: start), typed == "、" { return true }
        return Self.reachingVerbs.contains { word in
            start + word.count <= scalars.count && scalars[start..<(start + word.count)].elementsEqual(word)
        }
    }

    /// Ways of reaching people that open the next item of a threat: "，通知我全家", "，打电话给你单位", "，曝光你".
    private static let reachingVerbs: [[Unicode.Scalar]] = ["通知", "告诉", "打给", "打电话", "联系", "发到", "发给", "曝光", "找你",
                                                            "找到", "上门", "去你", "到你"].map { Array($0.unicodeScalars) }

    /// The mark the person typed where the folded line has the comma before `start` (、 and ， both fold to ",").
    private func typedMark(before start: Int) -> Unicode.Scalar? {
        guard let origin, start - 1 < origin.count, origin[start - 1] < original.count else { return nil }
        return original[origin[start - 1]]
    }

    /// Whether something between an announcement's end and the end of `range` says it has happened already.
    private func saysDone(from start: Int, through range: Range<Int>) -> Bool {
        // The English word ending before `end` (the line is folded: lower case), read where it stands.
        var wordStart = start
        func doneWord(_ end: Int) -> Bool {
            let count = end - wordStart
            return Self.already.contains(wordStart..<end, in: scalars)
                || (count > 3 && scalars[end - 2] == "e" && scalars[end - 1] == "d")
        }
        var index = start
        while index < range.upperBound {
            let scalar = scalars[index]
            if scalar == "了" || scalar == "已" { return true }
            if !scalar.isASCIILetter {
                if doneWord(index) { return true }
                wordStart = index + 1
            }
            index += 1
        }
        return doneWord(index)
    }

    private static let already = ScalarWords(["already"])
}
