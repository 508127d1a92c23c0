/// The person's own account on a named platform: "我的花唄下星期才到期", "我借呗里…" is not enough, but "我的借呗里多了一笔",
/// "我嘅花唄", "my Huabei is due next week" say the person has an account there (content14's note: "我的花唄下星期才到期，
/// 佢哋已經打嚟" was still asked "did you register there?"). 我的 / 我嘅 / my right before a known platform's name reads as
/// the words "我的账户" over the possessive only (the name stays the platform's; "my" only where it opens its clause, and
/// 我的 not right after a negation), which notice-help lists under
/// `has_account: yes`. Reported speech applies as to any phrase ("短信说我的花呗逾期了" is the sender's word), and a
/// relative's ("我儿子的花呗") is `KinAccount`'s.
enum OwnAccount {
    /// The words such a possessive reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("我的账户".unicodeScalars)

    /// Where a possessive of the person's stands right before a known name: `content`, the line's phrases so far.
    static func ranges(_ scalars: [Unicode.Scalar], content: [PhraseHit]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for name in content {
            guard case .known = name.cue else { continue }
            let at = name.range.lowerBound
            if at >= 2, scalars[at - 2] == "我", scalars[at - 1] == "的" || scalars[at - 1] == "嘅",
               !scalars[max(0, at - 5)..<(at - 2)].contains(where: { negations.contains($0) }) {
                found.append((at - 2)..<at)
            } else if at >= 3, scalars[at - 3] == "m", scalars[at - 2] == "y", scalars[at - 1] == " ", opensClause(at - 3, scalars) {
                found.append((at - 3)..<(at - 1))
            }
        }
        return found
    }

    /// A negation just before the possessive would deny the account: "我还没还我的花呗" is no denial of it.
    private static let negations: Set<Unicode.Scalar> = ["没", "不", "未", "冇", "唔", "无"]

    /// Whether "my" at `index` opens its clause ("My Huabei is due…", "…, my Huabei…"): after "haven't paid my …" a
    /// negation would deny the account.
    private static func opensClause(_ index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var before = index
        while before > 0, scalars[before - 1] == " " { before -= 1 }
        return before == 0 || Clauses.endsClause(scalars, at: before - 1)
    }

    /// The dialog's phrases for the person's own account ("我的账户"), at each possessive.
    static func hits(_ ranges: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(reading, at: ranges, matcher: matcher)
    }
}
