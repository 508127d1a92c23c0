/// A condition a caller sets is a demand (probe18 T4): "说今天不交手续费就冻结我的银行卡", "不交保证金的话就放不了款",
/// "my card will be frozen unless I pay a fee today", "he said it will be frozen if I don't pay a fee". The negation
/// there does not deny the fee and "unless" / "if" make no hypothetical of it: what follows the condition is the threat,
/// and the fee is what is asked. Read so only for a slot that listens for what a caller demands (`announced: counts`,
/// notice-help's `scam_signs`); "他们没让我交手续费" and "I didn't pay a fee" still deny it.
///
/// Chinese: 不 / 没 / 冇 / 唔 before the phrase, at most two characters before it or with only a verb of paying and a sum
/// between ("不交**两百的**手续费", "不交**三百块**解冻费", probe19 T3), and right after it 就 / 便 / 才 / 的话 / 否则 /
/// 不然 (the condition's consequence), in its clause or opening the next. Or 除非 before the phrase in its clause. English: "unless" before
/// the phrase in its sentence, or "if" followed by a negation ("don't", "do not", "didn't") before the phrase.
enum DemandedCondition {
    private static let chineseNegations: Set<Unicode.Scalar> = ["不", "没", "冇", "唔"]
    private static let consequences = ScalarWords(["就", "便", "才", "的话", "否则", "不然", "嘅话"])
    private static let unlessChinese = ScalarWords(["除非"])
    /// Words of when that may open the consequence's clause before its 就: "，**明天**就冻结".
    private static let whenWords = ScalarWords(["明天", "今天", "今晚", "马上", "立刻", "立即", "下午", "晚上", "明早", "后天", "聽日", "听日",
                                                "即刻", "随时", "到时"])
    private static let englishNegations = ScalarWords(["don't", "dont", "didn't", "didnt", "not", "won't", "cannot", "can't", "never"])
    private static let conditions = ScalarWords(["unless", "if"])
    private static let unless = ScalarWords(["unless"])

    /// Whether the phrase at `range` is what a condition in the line demands.
    static func holds(_ range: Range<Int>, in scalars: [Unicode.Scalar], clauses: Clauses) -> Bool {
        guard !range.isEmpty else { return false }
        if scalars[range.lowerBound].isASCII { return englishHolds(range, in: scalars) }
        let clause = clauses.of(range.lowerBound)
        var start = range.lowerBound
        while start > 0, clauses.of(start - 1) == clause { start -= 1 }
        for at in start..<range.lowerBound where unlessChinese.longest(at: at, in: scalars) > 0 { return true }
        let negated = (1...2).contains { offset in
            range.lowerBound - offset >= start && chineseNegations.contains(scalars[range.lowerBound - offset])
        } || negatedAcrossSum(before: range.lowerBound, from: start, in: scalars)
        guard negated else { return false }
        // The consequence right after the phrase (at most four characters on, in its clause: "不交手续费就冻结", "不交保证金
        // 的话"), or opening the next clause ("今天不交手续费，就冻结你的卡"). Not a 就 further on: "没点链接，我现在就想还".
        var at = range.upperBound
        while at < scalars.count, at - range.upperBound <= 4, clauses.of(at) == clause {
            if consequences.longest(at: at, in: scalars) > 0 { return true }
            at += 1
        }
        guard at < scalars.count, clauses.of(at) != clause, !endsSentence(scalars[at]) else { return false }
        while at < scalars.count, scalars[at] == "，" || scalars[at] == "," || scalars[at] == " " { at += 1 }
        // The consequence opens the next clause, after at most a word of when ("，明天就冻结", "，马上就起诉").
        let next = at
        while at < scalars.count, at - next <= 3, clauses.of(at) == clauses.of(next) {
            if consequences.longest(at: at, in: scalars) > 0 { return at == next || whenWords.longest(at: next, in: scalars) == at - next }
            at += 1
        }
        return false
    }

    /// What may stand between the negation and the fee: a verb of paying and a sum ("交三百块", "交两百的", "俾二百蚊").
    private static let verbsOfPaying: Set<Unicode.Scalar> = ["交", "缴", "付", "给", "俾", "转", "充", "打", "汇"]
    private static let sumScalars: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "两",
                                                          "俩", "几", "零", "块", "元", "蚊", "钱", "的", "个", "笔", "点", ".", ",", "¥", "￥"]

    /// Whether 不 / 没 / 冇 / 唔 and a verb of paying stand before `index` with only a sum between: "不交三百块|解冻费".
    private static func negatedAcrossSum(before index: Int, from start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var at = index - 1
        var sum = 0
        while at >= start, index - at <= 12, sumScalars.contains(scalars[at]) || ("0"..."9").contains(scalars[at]) {
            at -= 1
            sum += 1
        }
        guard sum > 0, at - 1 >= start, verbsOfPaying.contains(scalars[at]) else { return false }
        return chineseNegations.contains(scalars[at - 1])
    }

    /// "unless I pay a fee", "if I don't pay a fee": the words of the phrase's sentence before it, read as scalars
    /// (this is asked for every phrase of a slot that listens for demands).
    private static func englishHolds(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        var start = range.lowerBound
        while start > 0, !endsSentence(scalars[start - 1]), scalars[start - 1] != "," { start -= 1 }
        // The last "unless" or "if", and whether a negation follows it.
        var condition: Range<Int>?
        var negatedAfter = false
        var at = start
        while at < range.lowerBound {
            guard scalars[at].isASCIILetter else { at += 1; continue }
            var end = at
            while end < range.lowerBound, scalars[end].isASCIILetter || scalars[end] == "'" { end += 1 }
            if conditions.contains(at..<end, in: scalars) {
                condition = at..<end
                negatedAfter = false
            } else if condition != nil, englishNegations.contains(at..<end, in: scalars) {
                negatedAfter = true
            }
            at = end
        }
        guard let condition else { return false }
        return unless.contains(condition, in: scalars) || negatedAfter
    }

    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        ["。", "！", "？", "!", "?", ".", ";", "；", "\n"].contains(scalar)
    }
}
