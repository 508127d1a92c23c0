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

    static func hits(_ scalars: [Unicode.Scalar], kin: [PhraseHit], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        var found: [PhraseHit] = []
        for relative in kin {
            let start = relative.range.lowerBound, end = relative.range.upperBound
            guard start >= 1, scalars[start - 1] == "我", end < scalars.count, forWords.contains(scalars[end]) else { continue }
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
            // The written form, with the person's relative as written.
            let written = Array("我".unicodeScalars) + Array(scalars[relative.range]) + Array("给他朋友做了担保".unicodeScalars)
            let standIn = PhraseHit(range: 1..<(1 + relative.range.count), cue: relative.cue)
            for hit in KinPatterns.hits(written, kin: [standIn], matcher: matcher) where hit.range.upperBound == written.count && hit.range.lowerBound <= 1 {
                found.append(PhraseHit(range: (start - 1)..<guaranteeEnd, cue: hit.cue))
            }
        }
        return found
    }
}
