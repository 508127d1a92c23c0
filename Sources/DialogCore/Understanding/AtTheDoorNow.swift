/// Someone at the person's home now, however it is said (probe18 T5): "催收的人现在就在我家楼道里，不肯走", "有人在我家门外
/// 守着", "有兩個人喺我屋企外面唔肯走", "佢哋而家喺樓下等我", "而家仲喺門口". The dialog listed "就在门口", "在我家楼下"
/// one at a time, and a frightened person at the door got the scam question before the police number.
///
/// A place at the door or in the building (门口, 门外, 楼道, 楼下, 走廊, 家门口; 外面 only as 家外面 / 屋企外面), a word of
/// being there (在, 喺, 守在, 堵在, 等在, 坐在, 蹲在) at most four characters before it (whose place it is between them:
/// 我家, 我屋企), and either 还 / 仍 / 仲 right before it ("还在门口") or, in the same sentence, a word of now or of not
/// leaving (现在, 正在, 而家, 不走, 不肯走, 唔肯走, 守着, 等我, 堵着). The stretch from the word of being there to the place then reads as "就在门口", which notice-help
/// lists as a visit and as the `at_the_door` topic. Negation, worries and reported speech apply to it as to any phrase.
///
/// Not the person there ("我现在在楼下等快递": 我 just before the word of being there), not no one there ("现在没在门口
/// 了"), and not a place with nothing of
/// now or of staying ("他们昨天在我家楼下": the past is a visit, already read by the dialog's own phrases).
enum AtTheDoorNow {
    /// The words such a stretch reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("就在门口".unicodeScalars)

    private static let places = ScalarWords(["门口", "门外", "门前", "楼道", "楼下", "楼梯间", "楼梯口", "走廊", "家门口", "家门外", "家外面",
                                             "屋企外面", "屋企门口", "屋企楼下", "家楼下", "院子里", "小区门口"])
    /// The words of being there, read back from the place.
    private static let presence = ScalarWords(["在", "喺", "守在", "堵在", "等在", "坐在", "蹲在", "站在", "赖在"])
    /// Right before the word of being there, still there: "还在门口", "仍在楼下", "仲喺門口".
    private static let still: Set<Unicode.Scalar> = ["还", "仍", "仲"]
    /// Words of now or of not leaving, anywhere in the sentence.
    /// (Not 还在 away from the place: "还在我家门上写字" is "also wrote on my door".)
    private static let nowOrStaying = ScalarWords(["现在", "正在", "此刻", "这会儿", "而家", "宜家", "依家",
                                                   "不走", "不肯走", "不愿走", "不离开", "唔走", "唔肯走", "赖着", "守着", "等我", "堵着",
                                                   "堵我", "蹲着", "一直在", "一直喺"])
    /// What may stand between the word of being there and the place: whose it is.
    private static let owners = ScalarWords(["我家", "我们家", "我屋企", "我哋屋企", "我的", "我", "我们", "你家", "家", "屋企"])

    /// Right before the word of being there, no one is there: "没在门口了", "唔喺樓下".
    private static let notThere: Set<Unicode.Scalar> = ["没", "不", "冇", "唔", "未", "无"]

    /// The words without one of which no one is at the door (`LineRule`): the places.
    static var triggers: [[Unicode.Scalar]] { places.words }

    /// Where the line tells of someone at the person's home now. `starts`: where the places stand (`LineTriggers`).
    static func ranges(in scalars: [Unicode.Scalar], starts: LineTriggers.Starts) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for index in starts {
            let place = places.longest(at: index, in: scalars)
            guard place > 0, let from = presenceStart(before: index, in: scalars), !theSpeaker(before: from, in: scalars),
                  !(from > 0 && notThere.contains(scalars[from - 1])),
                  (from > 0 && still.contains(scalars[from - 1])) || saysNowOrStaying(around: index, in: scalars) else { continue }
            found.append(from..<(index + place))
        }
        return found
    }

    /// Where the word of being there starts, at most four characters before the place with only an owner between.
    private static func presenceStart(before place: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var end = place
        for _ in 0..<2 {
            for start in stride(from: end - 1, through: max(0, end - 2), by: -1) where presence.contains(start..<end, in: scalars) {
                return start
            }
            // Past the owner ("在|我家|门外"), once.
            var owner = 0
            for start in stride(from: end - 1, through: max(0, end - 4), by: -1) where owners.contains(start..<end, in: scalars) {
                owner = end - start
            }
            guard owner > 0 else { return nil }
            end -= owner
        }
        return nil
    }

    /// Whether the person is the one there: 我 (or 我们) just before the word of being there, with at most 现在 / 正 /
    /// 就 / 还 between ("我现在在楼下", "我就在门口").
    private static func theSpeaker(before index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var at = index - 1
        var skipped = 0
        while at >= 0, skipped < 4, ["现", "在", "正", "就", "还", "们", "而", "家", "宜", "依", "仲", "一", "直"].contains(scalars[at]) {
            at -= 1
            skipped += 1
        }
        return at >= 0 && (scalars[at] == "我" || scalars[at] == "俺")
    }

    /// Whether the sentence of the place holds a word of now or of staying.
    private static func saysNowOrStaying(around index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var from = index
        while from > 0, !endsSentence(scalars[from - 1]) { from -= 1 }
        var to = index
        while to < scalars.count, !endsSentence(scalars[to]) { to += 1 }
        for at in from..<to where nowOrStaying.longest(at: at, in: scalars) > 0 { return true }
        return false
    }

    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        ["。", "！", "？", "!", "?", ".", ";", "；", "\n"].contains(scalar)
    }

    /// The dialog's phrases for someone at the door ("就在门口"), at each stretch the line holds.
    static func hits(_ ranges: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(reading, at: ranges, matcher: matcher)
    }
}
