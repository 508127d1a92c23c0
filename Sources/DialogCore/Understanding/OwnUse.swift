/// The person's own use of their own ID, phone number or name (understand19): "我用我的手机号注册了安逸花", "安逸花是我自己
/// 用我手机号注册的", "我拿我的身份证在分期乐办的", "I used my ID to sign up for Fenqile", "I took out a loan in my name".
/// The dialog's phrases for someone else's use ("用我的手机号", "used my ID": `role: named`, and reported words) open at
/// the verb and leave out who did it; with the person as that verb's subject they say nothing of anyone else.
///
/// The verb opens the phrase: 用 / 拿 / 拎 / 以 (with 了 / 咗) and then 我, or "used", "using", "took", "borrowed" and
/// then "my" or "out". Its subject is who `Agent.doer` finds, and it must stand in the verb's own clause: "我收到短信，
/// 用我的手机号注册了…" names nobody, and "我弟用我的身份证", "I think he used my ID" stay someone else's.
enum OwnUse {
    private static let chineseVerbs: Set<Unicode.Scalar> = ["用", "拿", "拎", "以"]
    private static let englishVerbs = ["used", "using", "took", "borrowed"]

    /// The words without one of which the person uses nothing of their own here (`LineRule`).
    static var triggers: [[Unicode.Scalar]] {
        (["用我", "拿我", "拎我", "以我", "用了我", "拿了我", "用咗我", "拎咗我"] + englishVerbs).map { Array($0.unicodeScalars) }
    }

    /// Where a verb of using, whose subject is the person in its own clause, opens, with the person's own thing after
    /// it (not a relative's: "我用我妈的身份证" is the person using a family member's ID, read as such). `starts`: where
    /// the trigger words start.
    static func verbs(in scalars: [Unicode.Scalar], starts: LineTriggers.Starts, clauses: Clauses, kin: [Range<Int>]) -> [Int] {
        var found: [Int] = []
        for start in starts where !relativeAfter(start, in: scalars, kin: kin)
            && Agent.doer(ofVerbAt: start, in: scalars, clauses: clauses, kin: kin, names: []) == .person
            && personInClause(before: start, in: scalars, clauses: clauses) {
            found.append(start)
        }
        return found
    }

    /// Whether the 我 / "my" after the verb at `start` is a relative's ("用我妈的", "used my mom's").
    private static func relativeAfter(_ start: Int, in scalars: [Unicode.Scalar], kin: [Range<Int>]) -> Bool {
        guard !kin.isEmpty else { return false }
        let end = min(scalars.count, start + 16)
        var at = start + 1
        while at < end {
            let mine = scalars[at] == "我" ? at + 1
                : (scalars[at] == "m" && at + 1 < end && scalars[at + 1] == "y" && scalars[at - 1] == " " ? at + 3 : nil)
            if let mine {
                var next = mine
                if next < scalars.count, scalars[next] == "的" || scalars[next] == "嘅" || scalars[next] == "个" || scalars[next] == "個" { next += 1 }
                return kin.contains { $0.lowerBound == next }
            }
            at += 1
        }
        return false
    }

    /// Whether the phrase at `range` is the person's own use: it opens at one of `verbs` and holds the person's own
    /// 我 / "my" after it ("用我的手机号", "took out a loan in my name"; not "took a # loan", the person's own loan).
    static func owns(_ range: Range<Int>, verbs: [Int], in scalars: [Unicode.Scalar]) -> Bool {
        guard verbs.contains(range.lowerBound) else { return false }
        if chineseVerbs.contains(scalars[range.lowerBound]) { return true }
        var at = range.lowerBound + 1
        while at + 2 <= range.upperBound {
            if scalars[at - 1] == " ", scalars[at] == "m", scalars[at + 1] == "y", at + 2 == scalars.count || !scalars[at + 2].isASCIILetter {
                return true
            }
            at += 1
        }
        return false
    }

    /// Whether the person's 我 / I stands before `index` in its clause (the subject `Agent.doer` found is not one taken
    /// from the clause before).
    private static func personInClause(before index: Int, in scalars: [Unicode.Scalar], clauses: Clauses) -> Bool {
        let clause = clauses.of(index)
        var at = index - 1
        while at >= 0, clauses.of(at) == clause {
            if scalars[at] == "我" || scalars[at] == "俺" { return true }
            if scalars[at] == "i", at == 0 || !scalars[at - 1].isASCIILetter,
               at + 1 == scalars.count || !scalars[at + 1].isASCIILetter || scalars[at + 1] == "'" { return true }
            at -= 1
        }
        return false
    }
}
