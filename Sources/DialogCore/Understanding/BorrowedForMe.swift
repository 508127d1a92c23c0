/// A relative who borrowed on the person's behalf: "是我弟帮我借的", "我妈替我在分期乐借的", "my brother borrowed it for
/// me". The money was the person's to use and the person is the one the lender chases: the debt is theirs, read as the
/// dialog's "是我欠的" / "it's my debt", over the relative and the verb (which then no longer say that the relative
/// borrowed: "brother borrowed" alone would make the person the borrower's relative). The mirror of `BorrowedFor`
/// ("我帮我弟借的", the person borrowing for the relative).
///
/// Chinese: a relative, then 帮我 / 替我 / 给我 (at most the person's 我 before the relative), then 借 or 贷 within eight
/// characters in the clause, with no other person or negation between. English: "<relative> borrowed / took out
/// (it, the money, a loan, this, that) for me".
enum BorrowedForMe {
    static let chineseReading: [Unicode.Scalar] = Array("是我欠的".unicodeScalars)
    static let englishReading: [Unicode.Scalar] = Array("it's my debt".unicodeScalars)

    private static let forMe: [[Unicode.Scalar]] = ["帮我", "替我", "给我", "为我"].map { Array($0.unicodeScalars) }
    private static let stops: Set<Unicode.Scalar> = ["他", "她", "佢", "没", "不", "未", "冇", "无", "唔", "别"]
    private static let englishVerbs: [String] = ["borrowed", "took out", "got"]
    private static let englishObjects: Set<String> = ["it", "the", "money", "a", "loan", "this", "that", "them"]

    static func hits(_ scalars: [Unicode.Scalar], kin: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        var chinese: [Range<Int>] = []
        var english: [Range<Int>] = []
        for relative in kin {
            if scalars[relative.lowerBound].isASCII {
                if let range = englishForMe(relative, in: scalars) { english.append(range) }
                continue
            }
            let end = relative.upperBound
            guard forMe.contains(where: { end + $0.count <= scalars.count && scalars[end..<(end + $0.count)].elementsEqual($0) }) else { continue }
            var at = end + 2
            while at < scalars.count, at - end <= 10, !Clauses.isClauseMark(scalars[at]), !stops.contains(scalars[at]),
                  !kin.contains(where: { $0.lowerBound == at }) {
                // A verb, not a noun: not 借款, 借条, 贷款 ("我爸给我在平安普惠的贷款做了担保" is a guarantee for the
                // person's own loan); 贷 only as 贷了 / 贷的 / 贷过.
                let next = at + 1 < scalars.count ? scalars[at + 1] : " "
                if (scalars[at] == "借" && !["款", "条", "据", "给", "畀", "俾"].contains(next))
                    || (scalars[at] == "贷" && ["了", "的", "过", "咗"].contains(next)) {
                    let from = relative.lowerBound >= 1 && scalars[relative.lowerBound - 1] == "我" ? relative.lowerBound - 1 : relative.lowerBound
                    var to = at + 1
                    if to < scalars.count, ["的", "嘅", "了", "咗"].contains(scalars[to]) { to += 1 }
                    chinese.append(from..<to)
                    break
                }
                at += 1
            }
        }
        return PhraseHit.reading(chineseReading, at: chinese, matcher: matcher) + PhraseHit.reading(englishReading, at: english, matcher: matcher)
    }

    /// "brother borrowed it for me": the relative, a verb, at most two words of its object, then "for me".
    private static func englishForMe(_ relative: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        var at = relative.upperBound
        guard at < scalars.count, scalars[at] == " " else { return nil }
        at += 1
        guard let verb = englishVerbs.first(where: { verb in
            let word = Array(verb.unicodeScalars)
            return at + word.count <= scalars.count && scalars[at..<(at + word.count)].elementsEqual(word)
        }) else { return nil }
        at += verb.unicodeScalars.count
        for _ in 0..<3 {
            guard at < scalars.count, scalars[at] == " " else { return nil }
            let word = LineAnalysis.asciiWord(scalars, from: at + 1)
            if word == "for" {
                let me = at + 1 + 3
                guard me + 3 <= scalars.count, scalars[me..<(me + 3)].elementsEqual([" ", "m", "e"]),
                      me + 3 == scalars.count || !scalars[me + 3].isASCIILetter else { return nil }
                let from = relative.lowerBound >= 3 && scalars[(relative.lowerBound - 3)..<relative.lowerBound].elementsEqual(["m", "y", " "])
                    ? relative.lowerBound - 3 : relative.lowerBound
                return from..<(me + 3)
            }
            guard englishObjects.contains(word) else { return nil }
            at += 1 + word.unicodeScalars.count
        }
        return nil
    }
}
