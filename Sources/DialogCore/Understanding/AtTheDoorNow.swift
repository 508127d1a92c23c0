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
///
/// The person's work is such a place too (probe19 T1): "他们现在人就在我单位门口", "而家企喺我公司樓下" (单位 and 公司 as
/// whose place it is). Outside without whose (外面, 外头) counts when the sentence is about the person's home or door:
/// "有人来我家敲门了，现在还在外面".
///
/// In English (probe19 T1: "a collector is standing at my front door as we speak", "they are at my office lobby now and
/// refuse to leave", "two guys downstairs waiting for me right now"): a place word (door, doorstep, downstairs, lobby,
/// hallway, gate; outside or at one's own house, flat, office, work), someone else in its clause (they, someone, a
/// collector, two guys…), and a word of now or of staying (now, as we speak, still, waiting, won't
/// leave…) in its clause or the next. Not a clause that says no one is there ("they're not at my door anymore"), nor
/// the person there ("I'm downstairs now and they keep calling").
enum AtTheDoorNow {
    /// The words such a stretch reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("就在门口".unicodeScalars)

    private static let places = ScalarWords(["门口", "门外", "门前", "楼道", "楼下", "楼梯间", "楼梯口", "走廊", "家门口", "家门外", "家外面",
                                             "屋企外面", "屋企门口", "屋企楼下", "家楼下", "院子里", "小区门口"])
    /// The words of being there, read back from the place.
    private static let presence = ScalarWords(["在", "喺", "到", "来到", "跑到", "守在", "堵在", "等在", "坐在", "蹲在", "站在", "赖在"])
    /// Right before the word of being there, still there: "还在门口", "仍在楼下", "仲喺門口".
    private static let still: Set<Unicode.Scalar> = ["还", "仍", "仲"]
    /// Words of now or of not leaving, anywhere in the sentence.
    /// (Not 还在 away from the place: "还在我家门上写字" is "also wrote on my door".)
    private static let nowOrStaying = ScalarWords(["现在", "正在", "此刻", "这会儿", "而家", "宜家", "依家",
                                                   "不走", "不肯走", "不愿走", "不离开", "唔走", "唔肯走", "赖着", "守着", "等我", "堵着",
                                                   "堵我", "蹲着", "一直在", "一直喺"])
    /// What may stand between the word of being there and the place: whose it is (the person's home or work).
    private static let owners = ScalarWords(["我家", "我们家", "我屋企", "我哋屋企", "我的", "我", "我们", "你家", "家", "屋企",
                                             "单位", "我单位", "我们单位", "公司", "我公司", "我们公司", "我哋公司", "工厂", "厂里"])
    /// Outside with no whose: a place only in a sentence about the person's home or door ("来我家敲门了，现在还在外面").
    private static let outside = ScalarWords(["外面", "外头", "外边"])
    private static let homeOrDoor = ScalarWords(["我家", "家里", "屋企", "敲门", "拍门", "门口", "上门", "楼下"])

    /// Right before the word of being there, no one is there: "没在门口了", "唔喺樓下".
    private static let notThere: Set<Unicode.Scalar> = ["没", "不", "冇", "唔", "未", "无"]

    /// The words without one of which no one is at the door (`LineRule`): the places.
    static var triggers: [[Unicode.Scalar]] { places.words + outside.words + englishPlaces.words }

    /// Where the line tells of someone at the person's home now. `starts`: where the places stand (`LineTriggers`);
    /// `words`: the line's English words (`HarmThreat.englishWords`).
    static func ranges(in scalars: [Unicode.Scalar], starts: LineTriggers.Starts, words: [HarmThreat.Word]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for index in starts {
            if scalars[index].isASCIILetter {
                if let range = englishRange(at: index, in: scalars, words: words) { found.append(range) }
                continue
            }
            var place = places.longest(at: index, in: scalars)
            if place == 0, outside.longest(at: index, in: scalars) > 0, sentence(around: index, in: scalars, holds: homeOrDoor) {
                place = outside.longest(at: index, in: scalars)
            }
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
        sentence(around: index, in: scalars, holds: nowOrStaying)
    }

    /// Whether the sentence around `index` holds one of `list`.
    private static func sentence(around index: Int, in scalars: [Unicode.Scalar], holds list: ScalarWords) -> Bool {
        var from = index
        while from > 0, !endsSentence(scalars[from - 1]) { from -= 1 }
        var to = index
        while to < scalars.count, !endsSentence(scalars[to]) { to += 1 }
        for at in from..<to where list.longest(at: at, in: scalars) > 0 { return true }
        return false
    }

    // MARK: English

    /// Places at the person's home or work that need no "my": "at my front door", "downstairs", "in the lobby".
    private static let englishPlaces = ScalarWords(["door", "doors", "doorstep", "doorway", "downstairs", "lobby", "hallway", "corridor",
                                                    "gate", "porch", "stairwell", "outside", "at"])
    /// After "outside" or "at" with "my" / "our" / "the": the person's home or work.
    private static let ownPlaces = ScalarWords(["house", "home", "flat", "apartment", "building", "place", "office", "work", "workplace",
                                                "company", "door", "gate", "shop", "store", "school", "dorm"])
    private static let possessives = ScalarWords(["my", "our", "the"])
    /// Someone else there.
    private static let someoneElse = ScalarWords(["they", "they're", "theyre", "he", "he's", "she", "she's", "someone", "somebody",
                                                  "collector", "collectors", "guy", "guys", "man", "men", "people", "person", "agent",
                                                  "agents", "woman", "women", "strangers", "stranger"])
    /// Now, or staying: "now", "as we speak", "still", "waiting", "won't leave".
    private static let englishNow = ScalarWords(["now", "currently", "speak", "moment", "still", "waiting", "standing", "banging",
                                                 "knocking", "sitting", "camping", "lurking", "leave", "leaving", "hanging"])
    /// A clause of these says no one is there: "they're not at my door anymore", "nobody is downstairs".
    private static let englishNotThere = ScalarWords(["not", "no", "nobody", "never", "isn't", "aren't", "wasn't", "weren't", "anymore",
                                                      "gone", "left"])

    /// What may stand between the one there and the place: "I'm **right now standing at my front** door".
    private static let englishBeforePlace = ScalarWords(["at", "in", "on", "by", "outside", "my", "our", "the", "front", "back", "office",
                                                         "building", "apartment", "now", "right", "still", "just", "currently",
                                                         "standing", "waiting", "sitting", "is", "are", "was", "were", "here", "there"])
    private static let englishSpeaker = ScalarWords(["i", "i'm", "im", "am", "we", "we're"])

    /// The place word at `index`, when someone else is there now: its range.
    private static func englishRange(at index: Int, in scalars: [Unicode.Scalar], words: [HarmThreat.Word]) -> Range<Int>? {
        guard let at = words.firstIndex(where: { !$0.mark && $0.range.lowerBound == index }) else { return nil }
        var place = words[at].range
        if scalars[place].elementsEqual("outside".unicodeScalars) || scalars[place].elementsEqual("at".unicodeScalars) {
            // "outside my flat", "at my office": whose it is must follow.
            guard at + 2 < words.count, HarmThreat.isOne(of: possessives, words[at + 1], in: scalars),
                  HarmThreat.isOne(of: ownPlaces, words[at + 2], in: scalars) else { return nil }
            place = place.lowerBound..<words[at + 2].range.upperBound
        }
        // The clause of the place, and the one after it.
        var start = at
        while start > 0, !words[start - 1].mark { start -= 1 }
        var end = at
        while end < words.count, !words[end].mark { end += 1 }
        var after = end
        if after < words.count { after += 1; while after < words.count, !words[after].mark { after += 1 } }
        func holds(_ list: ScalarWords, _ range: Range<Int>) -> Bool {
            words[range].contains { HarmThreat.isOne(of: list, $0, in: scalars) }
        }
        guard !holds(englishNotThere, start..<end), holds(someoneElse, start..<end), holds(englishNow, start..<after) else { return nil }
        // "I'm downstairs now", "I am at my office": the person is the one there.
        var k = at - 1
        while k >= start, HarmThreat.isOne(of: englishBeforePlace, words[k], in: scalars) { k -= 1 }
        if k >= start, HarmThreat.isOne(of: englishSpeaker, words[k], in: scalars) { return nil }
        return place
    }

    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        ["。", "！", "？", "!", "?", ".", ";", "；", "\n"].contains(scalar)
    }

    /// The dialog's phrases for someone at the door ("就在门口"), at each stretch the line holds.
    static func hits(_ ranges: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(reading, at: ranges, matcher: matcher)
    }
}
