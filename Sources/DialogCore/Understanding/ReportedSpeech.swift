/// Reported speech: after a word of the lexicon's `reported` (说, 显示, says, your), what follows in the clause is the
/// sender's claim, not the person's; slots marked `reported: skip` ignore it ("短信说您已逾期" is not an admission).
/// The claim goes on past a comma into a clause with no subject of its own ("短信说我欠款2800，已经逾期12天").
struct ReportedSpeech {
    /// Per clause, where its first reported-speech word ends.
    let firstEnd: [Int: Int]
    /// Reported-speech words by where they end.
    private let startsByEnd: [Int: [Int]]
    /// Clauses that carry on a claim from the clause before.
    let carried: Set<Int>
    /// What the person tells of their own people (`OwnKin`): from after the relative to where the story ends.
    private let stories: [Range<Int>]
    /// Clauses that go on with such a story ("我儿子在安逸花借了钱，逾期三个月了").
    private let carriedStories: Set<Int>
    private let clauses: Clauses
    private let scalars: [Unicode.Scalar]

    init(_ scalars: [Unicode.Scalar], functional: [PhraseHit], stories: [OwnKin.Story] = [], clauses: Clauses) {
        var firstEnd: [Int: Int] = [:]
        var startsByEnd: [Int: [Int]] = [:]
        for phrase in functional.of(.reported) {
            // "我给朋友在时光分期的借款签了担保": a word of place after someone the person acts for (给, 帮, 替) opens no
            // report; the clause is the person's own.
            // Also with the person's possessive between: "我给**我**朋友在…" (probe12: a guarantor read as a contact).
            if let last = phrase.range.last, KinAtPlace.places.contains(scalars[last]), phrase.range.lowerBound > 0 {
                let before = phrase.range.lowerBound - 1
                if Self.actingFor.contains(scalars[before]) { continue }
                if before > 0, scalars[before] == "我", Self.actingFor.contains(scalars[before - 1]) { continue }
            }
            // "他们说的律师函是真的吗": a saying word with 的 after it names what was said ("the letter they talked
            // about") and reports no claim; the person's own question about it stays a question.
            if phrase.range.upperBound < scalars.count, scalars[phrase.range.upperBound] == "的" || scalars[phrase.range.upperBound] == "嘅",
               let last = phrase.range.last, Self.sayingWords.contains(scalars[last]) { continue }
            // "【甜橙借钱】我逾期两个月了": a name in brackets the person typed before their own words opens no text of the
            // sender's ("【分期乐】我们提醒您" still does: 我们 is the sender).
            if scalars[phrase.range.lowerBound] == "]", phrase.range.upperBound + 1 < scalars.count, scalars[phrase.range.upperBound] == "我",
               !["们", "哋", "司"].contains(scalars[phrase.range.upperBound + 1]) { continue }
            let c = clauses.of(phrase.range.lowerBound)
            firstEnd[c] = min(firstEnd[c] ?? .max, phrase.range.upperBound)
            startsByEnd[phrase.range.upperBound, default: []].append(phrase.range.lowerBound)
        }
        // A clause that opens with the person ("，我确实逾期了"), a break word ("，但是…") or a correction word, or the
        // end of a sentence, stops a carried claim.
        let correctionStarts = Set(functional.of(.corrections).map(\.range.lowerBound))
        func opensWithOwnVoice(_ comma: Int) -> Bool {
            var index = comma + 1
            while index < scalars.count, scalars[index] == " " { index += 1 }
            guard index < scalars.count else { return false }
            // "我…", or "可我…", "但我…": one leading conjunction before the person; or a word of time ("当时我是同意的",
            // "那时我…").
            if scalars[index] == "我" || (index + 1 < scalars.count && scalars[index + 1] == "我" && TextNormalizer.isHan(scalars[index]))
                || correctionStarts.contains(index) { return true }
            if index + 2 < scalars.count, scalars[index + 2] == "我", Self.timeBeforePerson.contains(scalars[index]),
               Self.timeBeforePerson2.contains(scalars[index + 1]) { return true }
            // "…，可花呗早就关了": 可 ("but") opens the person's answer to the claim; not 可能, 可以 ("maybe", "may").
            if scalars[index] == "可", index + 1 < scalars.count, !Self.notContrast.contains(scalars[index + 1]) { return true }
            let word = LineAnalysis.asciiWord(scalars, from: index)
            if Self.ownVoice.contains(word) { return true }
            // "Fenqile says I'm a month late on 3200, **it's my loan**", "…, that's true", "…, which is right": the
            // person owning or granting the claim (probe13 N8), not the claim going on ("…, it's 3200 now").
            guard Self.grantingOpeners.contains(word) else { return false }
            var at = index + word.unicodeScalars.count
            for _ in 0..<2 {
                while at < scalars.count, scalars[at] == " " { at += 1 }
                let next = LineAnalysis.asciiWord(scalars, from: at)
                if next.isEmpty { return false }
                if Self.granting.contains(next) { return true }
                at += next.unicodeScalars.count
            }
            return false
        }
        // A story that reaches the end of its clause goes on past a comma as a claim does ("我儿子在安逸花借了钱，逾期
        // 三个月了").
        var storyClauses = Set<Int>()
        // (The clause it ends in: a story goes on past a time told of the relative, "我女儿上学的时候在…借了钱".)
        for story in stories where story.end >= scalars.count || clauses.of(story.end) != clauses.of(story.end - 1) {
            storyClauses.insert(clauses.of(story.end - 1))
        }
        /// The clauses that go on with a claim (or a story) begun in one of `opening`.
        func carriedOn(from opening: (Int) -> Bool) -> Set<Int> {
            var carried = Set<Int>()
            var previous = -1, claiming = false
            for index in scalars.indices where clauses.of(index) != previous {
                let c = clauses.of(index)
                // A comma, or a space between Chinese characters, goes on with the claim; a full stop ends it. A clause
                // with a report of its own ("我女儿在上大学，**有人打电话说**她在分期乐借钱逾期了") starts a new claim
                // at its own word: what comes before that word is the person telling of it, not the claim before.
                claiming = claiming && (scalars[index] == "," || scalars[index] == " ") && !opensWithOwnVoice(index) && firstEnd[c] == nil
                if claiming { carried.insert(c) }
                claiming = claiming || opening(c)
                previous = c
            }
            return carried
        }
        self.carried = firstEnd.isEmpty ? [] : carriedOn { firstEnd[$0] != nil }
        carriedStories = storyClauses.isEmpty ? [] : carriedOn { storyClauses.contains($0) }
        self.firstEnd = firstEnd
        self.startsByEnd = startsByEnd
        self.stories = stories.map { $0.relative.upperBound..<$0.end }
        self.clauses = clauses
        self.scalars = scalars
    }

    /// Whether the phrase at `range` opens with, or comes right after, the person's own word for someone of theirs:
    /// "my …", or 我 before a name ("我儿子", "我弟", "我的"; not 我 before a verb: "我是", "我不", "我借"). A sender says
    /// "your son"; the person retelling the claim says "my son", so that word is the person's even inside the claim:
    /// "说**我儿子**欠了钱", "saying **my brother** owes money", "saying my **son borrowed**" tell who the person is
    /// to the borrower, while "说我逾期" stays the sender's.
    static func opensWithOwnPossessive(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        let start = range.lowerBound
        if LineAnalysis.asciiWord(scalars, from: start) == "my" { return true }
        // "The caller said I owe money **and I'm her emergency contact**": after "and" / "but", a phrase that opens with
        // the person as its subject ("I'm", "I am") is a clause of the person's own, though no comma ends the claim.
        if ["i'm", "im", "i"].contains(LineAnalysis.asciiWord(scalars, from: start)), start >= 2, scalars[start - 1] == " " {
            var wordStart = start - 1
            while wordStart > 0, scalars[wordStart - 1] != " " { wordStart -= 1 }
            if ["and", "but"].contains(LineAnalysis.asciiWord(scalars, from: wordStart)) { return true }
        }
        if scalars[start] == "我", start + 1 < range.upperBound, ownerBefore(scalars[start + 1]) { return true }
        // The possessive just before the phrase: "my son borrowed" holds the phrase "son borrowed", "我儿子借" "儿子借".
        if start >= 3, scalars[start - 1] == " ", String(String.UnicodeScalarView(scalars[(start - 3)..<(start - 1)])).lowercased() == "my",
           start == 3 || !scalars[start - 4].properties.isAlphabetic { return true }
        return start >= 1 && scalars[start - 1] == "我" && ownerBefore(scalars[start])
    }

    /// Whether 我 before `next` is an owner ("我儿子") rather than the person doing something ("我是", "我借").
    private static func ownerBefore(_ next: Unicode.Scalar) -> Bool {
        TextNormalizer.isHan(next) && !personAsSubject.contains(next)
    }

    /// What follows 我 when the person is the subject ("我是担保人", "我自己借的", "我不认识"), not the owner.
    private static let personAsSubject: Set<Unicode.Scalar> = [
        "是", "係", "就", "自", "不", "唔", "没", "冇", "只", "也", "都", "借", "欠", "买", "担", "还", "被", "已", "在",
        "要", "会", "说", "们", "有", "用", "拿", "签", "做", "当", "替", "帮", "给", "跟", "和", "对", "把", "从",
    ]

    /// What the person does for someone before naming them: 我**给**朋友在…, 我**帮**同事在…, 我**替**他在….
    private static let actingFor: Set<Unicode.Scalar> = ["给", "帮", "替", "为", "畀", "俾", "幫", "給", "為"]
    /// The last character of a saying word (说, 讲, 话): "说的" / "講嘅" then names what was said.
    private static let sayingWords: Set<Unicode.Scalar> = ["说", "讲", "话", "講", "話", "說"]

    /// The two-character words of time that may stand before the person opening a clause of their own: 当时, 那时,
    /// 後来 (the pairs are checked as first and second character: 当/那/后/後/當 then 时/時/来/來).
    private static let timeBeforePerson: Set<Unicode.Scalar> = ["当", "那", "后", "後", "當"]
    private static let timeBeforePerson2: Set<Unicode.Scalar> = ["时", "時", "来", "來"]

    /// What follows a 可 that is no "but": 可能, 可以, 可是 (a break word of its own), 可怕, 可惜, 可爱.
    private static let notContrast: Set<Unicode.Scalar> = ["能", "以", "是", "怕", "惜", "爱", "愛", "憐", "怜", "恶", "惡", "疑"]

    /// The words that open a clause that grants or owns a claim when "my", "true", "right" or "correct" follows within
    /// two words: "it's my loan", "it is my debt", "that's true", "which is right".
    private static let grantingOpeners: Set<String> = ["it's", "it", "that's", "that", "which"]
    private static let granting: Set<String> = ["my", "mine", "true", "right", "correct"]

    /// The words that open a clause in the person's own voice, ending a reported claim carried past a comma.
    static let ownVoice: Set<String> = ["i", "i'm", "im", "i've", "ive", "i'd", "my", "but", "actually", "however"]

    /// Whether `range` lies in what the person tells of their own people (`OwnKin`), or in a clause that goes on with
    /// it: "我儿子在**安逸花**借的钱逾期了" (not "我自己的花呗也逾期了" after it).
    func inKinStory(_ range: Range<Int>) -> Bool {
        stories.contains { $0.contains(range.lowerBound) } || carriedStories.contains(clauses.of(range.lowerBound))
    }

    /// Whether the phrase at `range` is someone else's claim. In a carried clause only what the sender would claim is
    /// the sender's (`claim`): a denial ("…，从来没借过") is the person's own voice, and so is a phrase that opens with
    /// "I" ("…, he sent me a code and **i told him the code**").
    ///
    /// `kinStory`: the phrase is a yes or a no of a slot that a relative's story keeps from the person (`OwnKin`):
    /// "我儿子…借了钱" is not the person's loan. Who the person is to the relative ("he borrowed": a contact,
    /// "拎咗我身份证": named), what the phrase says of the person themselves ("used my id", "without telling me": no
    /// purchase of theirs) and the slots marked `kin_story: counts` are the person's own.
    func covers(_ range: Range<Int>, claim: Bool = true, kinStory: Bool = false) -> Bool {
        let c = clauses.of(range.lowerBound)
        if kinStory, !OwnKin.mentionsPerson(range, in: scalars) {
            for story in stories where story.contains(range.lowerBound) { return true }
            if claim, carriedStories.contains(c) { return LineAnalysis.asciiWord(scalars, from: range.lowerBound) != "i" }
        }
        if claim, carried.contains(c) { return LineAnalysis.asciiWord(scalars, from: range.lowerBound) != "i" }
        guard let end = firstEnd[c] else { return false }
        if end <= range.lowerBound { return true }
        // A cue that shares its last character with the phrase's first ("他借|借了", "話我|我欠錢") still reports
        // it. (A longer overlap is a phrase of its own: "有人冒用" in "冒用我的身份证" is the person's denial.)
        return startsByEnd[range.lowerBound + 1]?.contains { $0 < range.lowerBound } ?? false
    }
}
