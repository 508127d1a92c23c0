/// The person's relative gave a guarantee for someone, whoever that someone is to them: "我老公给他同学担保了小贷公司的
/// 钱", "我先生帮他同事做了担保", "我老豆幫佢老鄉做咗擔保". The dialog writes the guarantee out once, for a friend ("我*给
/// 他朋友做了担保", `with_kin`); a classmate, a colleague, a cousin or a fellow villager is the same story. The stretch
/// from 我 and the relative to the guarantee word is read as that written form, with the person's relative in it.
///
/// The shape: 我, a relative of the lexicon's `kin`, 给 / 帮 / 替 / 为, then at most eight characters (他的同学, 别人,
/// 人家) and the guarantee itself (担保, 做保, 作保) in the same clause. Not "我给…" with no relative (the person's own
/// guarantee is `role: guarantor`'s).
enum KinGuarantee {
    private static let forWords: Set<Unicode.Scalar> = ["给", "帮", "替", "为", "畀", "俾"]
    private static let guarantees: [[Unicode.Scalar]] = ["担保", "做保", "作保"].map { Array($0.unicodeScalars) }

    /// The words of the one who gave a guarantee: "我老婆是担保人", "我爸是那笔车贷的保证人" (probe16 R6).
    private static let guarantors: [[Unicode.Scalar]] = ["担保人", "保证人", "担保", "保人"].map { Array($0.unicodeScalars) }

    static func hits(_ scalars: [Unicode.Scalar], kin: [PhraseHit], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        var found: [PhraseHit] = []
        for relative in kin {
            let start = relative.range.lowerBound, end = relative.range.upperBound
            guard start >= 1, scalars[start - 1] == "我", end < scalars.count else { continue }
            // "我老婆是担保人": the relative is the guarantor. Read as the written form too, over the relative only, so
            // that the "担保人" after it still says a guarantee stands (`loan_guaranteed`).
            if scalars[end] == "是" || scalars[end] == "系" {
                var index = end + 1
                while index < scalars.count, index - end <= 10, !Clauses.isClauseMark(scalars[index]) {
                    if guarantors.contains(where: { index + $0.count <= scalars.count && scalars[index..<(index + $0.count)].elementsEqual($0) }) {
                        found += written(relative, at: start, in: scalars, matcher: matcher, over: (start - 1)..<end)
                        break
                    }
                    index += 1
                }
                continue
            }
            guard forWords.contains(scalars[end]) else { continue }
            var index = end + 1
            var guaranteeEnd: Int?
            while index < scalars.count, index - end <= 10, !Clauses.isClauseMark(scalars[index]) {
                if let word = guarantees.first(where: { index + $0.count <= scalars.count && scalars[index..<(index + $0.count)].elementsEqual($0) }) {
                    guaranteeEnd = index + word.count
                    break
                }
                index += 1
            }
            guard let guaranteeEnd else { continue }
            found += written(relative, at: start, in: scalars, matcher: matcher, over: (start - 1)..<guaranteeEnd)
        }
        return found
    }

    /// The written form ("我*给他朋友做了担保"), with the person's relative as written, found over `range` of the line.
    private static func written(_ relative: PhraseHit, at start: Int, in scalars: [Unicode.Scalar],
                                matcher: PhraseMatcher<CompiledDialog.Cue>, over range: Range<Int>) -> [PhraseHit] {
        let written = Array("我".unicodeScalars) + Array(scalars[relative.range]) + Array("给他朋友做了担保".unicodeScalars)
        let standIn = PhraseHit(range: 1..<(1 + relative.range.count), cue: relative.cue)
        return KinPatterns.hits(written, kin: [standIn], matcher: matcher)
            .filter { $0.range.upperBound == written.count && $0.range.lowerBound <= 1 }
            .map { PhraseHit(range: range, cue: $0.cue) }
    }
}
