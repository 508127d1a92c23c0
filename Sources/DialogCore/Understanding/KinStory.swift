/// A relative's own story, told by its verb: "我同事在360借条逾期了", "有个员工在分期乐逾期了", "老公借了五万", "我弟欠
/// 了钱", "我個仔喺WeLab借咗". A relative of the person's (the lexicon's `kin` words) followed at once by a verb of the
/// debt (在 / 喺, 借, 欠, 逾期, 贷, optionally after 也 / 又 / 还 / 都) opens that person's story: what follows in the
/// clause is theirs, as in someone else's words (the lexicon's `reported`). The lexicon listed such pairs one by one
/// ("同事在", "老公借", "我弟欠" …, some 150 of them), and a relative missing from the list ("员工在": probe15 Q1, an HR
/// person told "您自己也有一笔逾期") read as the person's own debt; this reads every relative the lexicon knows.
enum KinStory {
    private static let verbs = ScalarWords(["在", "喺", "借", "欠", "逾期", "贷", "没还", "一直没还", "还没还"])
    private static let adverbs = ScalarWords(["也", "又", "还", "都", "就", "已经", "之前", "以前", "去年", "前年", "偷偷"])
    /// What makes 在 no verb of the debt: 在家 (at home), 在医院, 在外地, 在上班 … are where the relative is.
    private static let notDebt = ScalarWords(["在家", "在医院", "在外地", "在外面", "在上班", "在上学", "在读", "在国外", "在老家", "在旁边",
                                        "在身边", "在这", "在那", "在哪", "在吗", "在不在", "在场", "在世", "在职", "在公司上班"])

    /// The stretches (the relative and its verb) that open a relative's story, as the lexicon's `reported` words.
    /// `kin`: the line's whole kin words.
    static func hits(_ scalars: [Unicode.Scalar], kin: [Range<Int>]) -> [PhraseHit] {
        var found: [PhraseHit] = []
        let verbs = Self.verbs, adverbs = Self.adverbs, notDebt = Self.notDebt
        for relative in kin {
            var at = relative.upperBound
            at += adverbs.longest(at: at, in: scalars)
            let verb = verbs.longest(at: at, in: scalars)
            guard verb > 0, notDebt.longest(at: at, in: scalars) == 0 else { continue }
            found.append(PhraseHit(range: relative.lowerBound..<(at + verb), cue: .word(.reported)))
        }
        return found
    }
}
