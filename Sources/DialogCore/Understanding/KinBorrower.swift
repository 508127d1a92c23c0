/// A relative who did the borrowing: "是我弟弟**用我的名字借的**", "我儿子偷偷**借了**", "係我細佬**用我個名**借嘅", "my
/// brother **used my name**", "my son **borrowed** on Fenqile". The kin word is the subject of a verb of borrowing or of
/// using the person's name or ID, so the relative is the borrower, not someone the collectors reached: a bare name of
/// someone close counts as contacted only beside a word of contact with them as its object ("打给了我弟弟", "they
/// called my brother"), and this rule keeps the borrower out of that, also in a line that corrects an earlier answer.
///
/// After the kin word come at most a few words of manner or time (偷偷, 背着我, 自己, secretly, also…), or a place
/// (在分期乐, 喺…, on Fenqile), and then the verb. Compared as scalars: the line is read once per kin word.
enum KinBorrower {
    /// Words that may stand between the relative and the verb ("我弟**偷偷**借了", "my brother **secretly** used").
    private static let chineseBetween: [[Unicode.Scalar]] = ["偷偷地", "偷偷的", "偷偷", "背着我", "瞒着我", "背住我", "瞒住我", "自己",
        "私自", "擅自", "之前", "以前", "当时", "去年", "也", "都", "就", "是", "去", "还", "又", "曾经", "早就", "早前"]
        .map { Array($0.unicodeScalars) }
    /// A place before the verb: "在分期乐借的", "喺分期樂借咗"; the place is at most `placeReach` characters.
    private static let chinesePlace: Set<Unicode.Scalar> = ["在", "喺", "从", "到"]
    private static let placeReach = 10
    /// The verbs: borrowing, or using the person's name or ID.
    private static let chineseVerbs: [[Unicode.Scalar]] = ["借", "贷", "用我", "用了我", "用咗我", "拿我", "拿了我", "拎我", "拎咗我",
        "冒用", "盗用", "冒充我", "以我", "偷用", "偷拿", "申请了", "开通了", "开通过", "办了", "注册了", "开咗", "办咗"]
        .map { Array($0.unicodeScalars) }
    private static let englishBetween: Set<String> = ["secretly", "also", "had", "has", "have", "just", "once", "then", "must",
                                                      "probably", "actually", "apparently", "did", "who", "that", "that's",
                                                      "thats", "is", "was"]
    private static let englishVerbs: Set<String> = ["used", "uses", "using", "use", "borrowed", "borrows", "borrow", "borrowing",
                                                    "stole", "steals", "applied", "opened", "owes", "owe"]
    /// "took" borrows only with what it took: "took out a loan", "took my ID", "took a loan" (not "took the call").
    private static let taking: Set<String> = ["took", "takes", "take", "taking"]
    private static let taken: Set<String> = ["out", "my", "loan", "loans", "a"]

    /// The kin words (of `kin`) that are the subject of borrowing or of using the person's name.
    static func ranges(_ scalars: [Unicode.Scalar], kin: [PhraseHit]) -> [Range<Int>] {
        kin.map(\.range).filter { borrows(after: $0.upperBound, in: scalars) }
    }

    /// A time told of the relative before the verb, at most six characters ending in 时 / 的时候 / 嗰陣: "我儿子**上大学时**开通了
    /// 校园贷", "我女儿**读书的时候**借了" (probe19, understand19's item 9). Where it ends, or nil.
    private static func timeClause(at index: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var end = index
        while end < scalars.count, end - index < 8, TextNormalizer.isHan(scalars[end]) {
            for closing in timeEnds where end - index + closing.count >= 2 && end - index + closing.count <= 8 && starts(closing, at: end, in: scalars) {
                return end + closing.count
            }
            end += 1
        }
        return nil
    }
    private static let timeEnds: [[Unicode.Scalar]] = ["的时候", "时候", "时", "嗰阵", "嘅时候"].map { Array($0.unicodeScalars) }

    private static func starts(_ word: [Unicode.Scalar], at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
    }

    private static func borrows(after end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard end < scalars.count else { return false }
        if TextNormalizer.isHan(scalars[end]) {
            var at = end
            // Words of manner or time, each at most once over.
            for _ in 0..<3 {
                if let word = chineseBetween.first(where: { starts($0, at: at, in: scalars) }) {
                    at += word.count
                } else if let time = timeClause(at: at, in: scalars) {
                    at = time
                } else {
                    break
                }
            }
            if chineseVerbs.contains(where: { starts($0, at: at, in: scalars) }) { return true }
            // A place, then the verb: "在分期乐借的".
            guard at < scalars.count, chinesePlace.contains(scalars[at]) else { return false }
            var index = at + 1
            while index < scalars.count, index - at <= placeReach, TextNormalizer.isHan(scalars[index]) || scalars[index].isASCIILetter {
                if chineseVerbs.contains(where: { starts($0, at: index, in: scalars) }) { return true }
                index += 1
            }
            return false
        }
        // English: a space, a few words of manner, then the verb ("my brother secretly used my ID").
        var at = end
        for _ in 0..<3 {
            guard at < scalars.count, scalars[at] == " " else { return false }
            at += 1
            let word = LineAnalysis.asciiWord(scalars, from: at)
            if word == "the" {
                // "my brother is the borrower", "my son was the one who borrowed".
                let next = at + 4
                let following = next < scalars.count ? LineAnalysis.asciiWord(scalars, from: next) : ""
                return following == "borrower" || following == "one"
            }
            if englishVerbs.contains(word) {
                // "my brother used to live here": a habit, not a use of the person's name.
                let next = at + word.unicodeScalars.count + 1
                return !(word == "used" && next < scalars.count && LineAnalysis.asciiWord(scalars, from: next) == "to")
            }
            if taking.contains(word) {
                let next = at + word.unicodeScalars.count + 1
                guard next < scalars.count, scalars[next - 1] == " " else { return false }
                let object = LineAnalysis.asciiWord(scalars, from: next)
                if object == "a" {
                    return next + 2 < scalars.count && LineAnalysis.asciiWord(scalars, from: next + 2) == "loan"
                }
                return taken.contains(object)
            }
            guard englishBetween.contains(word) else { return false }
            at += word.unicodeScalars.count
        }
        return false
    }
}
