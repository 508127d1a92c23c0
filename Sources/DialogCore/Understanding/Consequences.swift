/// The consequence of a condition: "你不还，我们**就**打给你通讯录里所有人", "再不还我们就上门", "你唔還，我哋就打畀你屋企人",
/// "如果逾期，就通知你家人". A clause with 就 after a condition of not paying (不还, 不还钱, 不处理, 唔還: 不 or 唔 before
/// a verb of paying or answering) or a supposition (如果, 要是) says what someone means to do if the condition holds:
/// it announces, as 说要 or "will" do (`Announcements`), and tells nothing done. 就 is a break word, so the
/// announcement "不还就" of the lexicon does not reach across a comma or a subject ("你不还，我们就…"); this rule does.
///
/// The condition must stand in the same sentence before 就, at most `reach` characters back, with nothing between that
/// says it happened (了, 已: "我没还，他们就打给了我妈" is a deed, and 没 is no condition at all).
/// English says the consequence with "will" or "'ll", which are announcements of their own ("if you don't pay we'll
/// call everyone in your contacts").
enum Consequences {
    /// How far before 就 a condition may start.
    private static let reach = 14
    /// Verbs of paying or answering after 不 / 唔 that make a condition: 不还, 不交, 不付, 不处理, 不配合, 不联系, 不回,
    /// 不接 (电话), 不结清.
    private static let conditionVerbs: Set<Unicode.Scalar> = ["还", "還", "交", "付", "处", "處", "配", "联", "聯", "回", "接", "结", "結", "给", "給", "理"]
    /// What after 就 is no consequence: 就是 ("is"), 就算 ("even if"), 就在 ("right at").
    private static let notConsequence: Set<Unicode.Scalar> = ["是", "係", "算", "在"]
    /// Words of habit in the consequence: "我不还他们就一直打给我妈", "…就天天打" tell what keeps happening, not a threat.
    private static let habits: [[Unicode.Scalar]] = ["一直", "天天", "每天", "每次", "老是", "总是", "經常", "经常", "成日", "日日"]
        .map { Array($0.unicodeScalars) }

    /// Whether a word of habit stands in 就's clause after it.
    private static func habitual(after start: Int, in scalars: [Unicode.Scalar], clauses: Clauses) -> Bool {
        guard start < scalars.count else { return false }
        let clause = clauses.of(start)
        var index = start
        while index < scalars.count, clauses.of(index) == clause {
            if habits.contains(where: { word in index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word) }) {
                return true
            }
            index += 1
        }
        return false
    }

    /// The word without which nothing follows a condition (`LineRule`).
    static let triggers: [[Unicode.Scalar]] = [["就"]]

    /// The announcing words the rule finds: each from the condition, or the start of 就's clause after a comma (before
    /// the break word splits it, so that the words it announces lie in the announcement's clause), to the end of 就. `suppositions`: the lexicon's words of
    /// supposition in the line (如果, 要是, if).
    static func hits(_ scalars: [Unicode.Scalar], clauses: Clauses, suppositions: [PhraseHit]) -> [PhraseHit] {
        var found: [PhraseHit] = []
        for index in scalars.indices where scalars[index] == "就" && index > 0 {
            if index + 1 < scalars.count, notConsequence.contains(scalars[index + 1]) { continue }
            var conditional = false
            var at = index - 1
            while at >= 0, index - at <= reach {
                let scalar = scalars[at]
                if scalar == "了" || scalar == "已" || scalar == "咗" { break }
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == ";" || scalar == "\n" { break }
                if (scalar == "不" || scalar == "唔"), at + 1 < index, conditionVerbs.contains(scalars[at + 1]) {
                    conditional = true
                    break
                }
                if suppositions.contains(where: { $0.range.lowerBound == at }) {
                    conditional = true
                    break
                }
                at -= 1
            }
            guard conditional, !habitual(after: index + 1, in: scalars, clauses: clauses) else { continue }
            // From the condition, or from the start of 就's clause when a comma stands between ("我们就"): what the
            // line tells before the condition ("他们打给我妈说你不还就…") is no part of the announcement.
            found.append(PhraseHit(range: max(at, clauses.start[index])..<(index + 1), cue: .word(.announcements)))
        }
        return found
    }
}
