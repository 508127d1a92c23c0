/// Someone coming to where the person lives, works or studies, however it is said (probe14 P19): "他们说明天来我公司",
/// "跑到我们单位", "去我老家找人", "上我屋企", "到我家楼下堵我". The dialog listed "来我家", "去我公司闹" one at a time and
/// "来我公司" slipped through. A verb of coming (来, 去, 到, 上, 跑到, 跑去, 找到, 嚟, 过来) and, within three characters,
/// a place of the person's (家, 公司, 单位, 学校, 老家, 屋企, 门口, 楼下, 小区, 宿舍, 村里): the place (with whose it is)
/// then reads as the words
/// "来我家", which notice-help lists as `harassment: visit` (and, only announced, `visit_threat`). Negation, worries,
/// reported speech and announcements then apply as to any phrase: "说明天来我公司" is a visit threatened.
/// Not a call ("打到我公司", "电话打到我家": 打 or 电话 just before the verb), not the person's own going ("我明天去公司
/// 问问": 我 or 我们 as the subject just before the verb) nor being asked to come ("要我来公司一趟"), not 来自 / 到期
/// (words that begin with a verb of coming).
enum VisitPlace {
    /// The words such a stretch reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("来我家".unicodeScalars)

    private static let verbs = ScalarWords(["来", "去", "到", "上", "跑到", "跑去", "跑来", "找到", "找上", "嚟", "过来", "杀到", "冲到", "冲去"])
    /// Words that begin with a verb of coming and are none: 来自 (from), 到期 (due), 上班 (work), 去世 (died) …
    private static let notVerbs = ScalarWords(["来自", "来电", "来信", "来短信", "来的", "到期", "到账", "到时", "到底", "到现在", "上班", "上学",
                                         "上门", "上次", "上个", "上周", "上面", "上网", "上传", "上征信", "上报", "去世", "去年", "去掉",
                                         "到了", "来了", "去了", "来过", "到过", "去过"])
    private static let places = ScalarWords(["家", "公司", "单位", "学校", "老家", "屋企", "门口", "楼下", "小区", "宿舍", "村里", "厂里", "店里",
                                       "办公室", "工地", "公司楼下"])
    /// What may stand between the verb and the place: whose it is.
    private static let owners = ScalarWords(["我", "我们", "你", "你们", "他", "她", "我家", "我妈", "我爸", "我父母", "我爸妈", "我老婆", "我老公",
                                       "我儿子", "我女儿", "我的", "你的", "佢", "佢哋", "我哋", "我个"])
    /// Just before the verb: a call, not a visit ("打到我公司", "电话打到我家", "寄到我家").
    private static let calls: Set<Unicode.Scalar> = ["打", "寄", "发", "送"]
    /// What may stand between the person as a subject and the verb: "我明天去公司", "我们要到单位".
    private static let betweenSelfAndVerb: Set<String> = ["", "们", "哋", "明天", "今天", "后天", "马上", "要", "会", "得", "现在", "等下",
                                                          "们明天", "们要", "明天要", "今天要"]
    /// What makes the 我 after it an object: "让我去", "叫我到公司", "要我来": the person asked to go.
    private static let causers: Set<Unicode.Scalar> = ["让", "叫", "找", "要", "逼", "陪", "带", "喊", "催"]

    /// Whether the verb at `index` is the person's own going: 我 (or 我们) as its subject, at most two words before it,
    /// or as its object ("叫我到公司": the person is asked to go).
    private static func ownGoing(before index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var p = index - 1
        while p >= 0, p >= index - 4, !Clauses.endsClause(scalars, at: p) {
            if scalars[p] == "我" {
                // "让我去公司", "要我来公司一趟": the person is asked to come, which is no visit either.
                if p > 0, causers.contains(scalars[p - 1]) { return true }
                return betweenSelfAndVerb.contains(String(String.UnicodeScalarView(scalars[(p + 1)..<index])))
            }
            p -= 1
        }
        return false
    }

    /// The words without one of which no one comes (`LineRule`): the verbs of coming.
    static var triggers: [[Unicode.Scalar]] { verbs.words }

    /// Where the line tells of someone coming to the person's place. `starts`: where the verbs of coming stand
    /// (`LineTriggers`).
    static func ranges(in scalars: [Unicode.Scalar], starts: LineTriggers.Starts) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let verbs = Self.verbs, notVerbs = Self.notVerbs, places = Self.places, owners = Self.owners
        var next = 0
        for index in starts where index >= next {
            let verb = verbs.longest(at: index, in: scalars)
            guard verb > 0, notVerbs.longest(at: index, in: scalars) == 0 else { continue }
            // "打到我公司", "打咗去我公司", "打了到我家": a call.
            if index > 0, calls.contains(scalars[index - 1])
                || (index > 1 && ["咗", "了", "过", "电"].contains(scalars[index - 1]) && calls.contains(scalars[index - 2])) {
                next = index + verb
                continue
            }
            if index > 1, scalars[index - 2] == "电", scalars[index - 1] == "话" { next = index + verb; continue }
            if Self.ownGoing(before: index, in: scalars) { next = index + verb; continue }
            var probe = index + verb
            let owner = owners.longest(at: probe, in: scalars)
            probe += owner
            let place = places.longest(at: probe, in: scalars)
            // A place with no owner only after 来 / 上 / 嚟 ("来家里", "上屋企"): "去公司" alone is as often one's own.
            if place > 0, owner > 0 || ["来", "嚟", "上"].contains(String(String.UnicodeScalarView(scalars[index..<(index + verb)]))) {
                // Only the place, so that an announcement before the verb ("说明天来") still reaches it.
                found.append((index + verb)..<(probe + place))
                next = probe + place
                continue
            }
            next = index + verb
        }
        return found
    }

    /// The dialog's phrases for a visit ("来我家"), at each stretch the line holds.
    static func hits(_ ranges: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(reading, at: ranges, matcher: matcher)
    }
}
