/// A threat to someone's body or family told in the collector's own words, whatever words they chose (probe13 R1):
/// "找人卸了我的腿", "把你腿打断", "叫几个人收拾你", "知道你女儿在哪个学校上学", "break his legs", "send some guys to
/// hurt you", "they know where my daughter goes to school". The dialog listed such threats one phrase at a time, and
/// the next wording slipped through; this reads them as a rule over four patterns, in one clause:
/// - a harm verb (卸, 砍, 打断, 弄死, break, cut off …) and a body word (腿, 手, 胳膊, leg, arm, finger …) near it;
/// - someone sent to do it (找人, 叫人, 派人, send people, get some guys …) and a harm verb after it (打你, 收拾, hurt): only
///   the harm is read, so a visit said with it ("找人上门打我") still counts;
/// - a harm done to a relative (伤害你家人, 绑架你儿子, hurt my son);
/// - knowing (知道, 小心, know, found out, watch out for) where a child or relative goes to school, works or lives, told
///   either way round ("我儿子在哪上学他们都知道"); not a question ("do you know where my brother lives").
/// The person's own harm is none ("I broke my leg", "my son broke his arm").
/// Such a stretch reads as the words "人身威胁" (a threat to a person's safety), so the dialog says what it means where
/// it stands (notice-help: `harassment: threats`). Negation, worries and reported speech then apply to it as to any
/// phrase ("没说要打断我的腿" is no threat). The person's own knowing ("I know where my son works", "我知道他住哪") is
/// not read so.
enum HarmThreat {
    /// Whether the stretch at `range` is the knowing pattern ("知道我儿子在哪上班", "they know where my son works"), and
    /// not about a school: where the borrower works or lives is where a lender looks for a debtor, while a child's
    /// school is no place of the debt at all (`LineAnalysis`, which keeps the former from reading as a threat).
    static func isKnowing(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        // The phrase may stop before the place: "知道我儿子在哪|上学".
        let stretch = String(String.UnicodeScalarView(scalars[range.lowerBound..<min(scalars.count, range.upperBound + 8)]))
        let knows = ["知道", "晓得", "查到", "摸清", "打听到", "know", "found"].contains { String(String.UnicodeScalarView(scalars[range])).contains($0) }
        let school = ["学校", "上学", "幼儿园", "放学", "读书", "school", "kindergarten"].contains { stretch.contains($0) }
        return knows && !school
    }

    /// The words such a stretch reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("人身威胁".unicodeScalars)

    // Chinese, after folding (traditional → simplified).
    private static let harmVerbs = ScalarWords(["卸", "砍", "剁", "捅", "打断", "打残", "弄残", "打废", "废了", "废掉", "敲断", "掰断", "弄断",
                                          "折断", "砸断", "弄死", "打死", "搞死", "整死", "斩", "劈", "打折", "打瘸", "打瞎",
                                          "弄瞎"])
    /// Words that begin with a harm verb and are no harm: 卸载 (uninstall), 砍价 (haggle).
    private static let notHarm = ScalarWords(["卸载", "卸货", "卸妆", "砍价", "砍一刀"])
    private static let bodyWords = ScalarWords(["腿", "胳膊", "手指", "指头", "手脚", "手", "脚", "脑袋", "膝盖", "牙", "骨头", "耳朵", "眼睛"])
    /// Words that begin with a body word and are no body: 手机 (phone), 手续 (procedure), 手头 (at hand).
    private static let notBody = ScalarWords(["手机", "手续", "手头", "手里", "手上", "手段", "手里", "脚本"])
    private static let senders = ScalarWords(["找人", "叫人", "派人", "让人", "喊人", "带人", "找几个人", "叫几个人", "找兄弟", "叫兄弟", "找黑社会",
                                        "搵人", "找社会上的人"])
    private static let senderHarm = ScalarWords(["打你", "打我", "打他", "打她", "揍", "收拾", "教训", "修理", "弄你", "弄我", "搞你", "搞我",
                                           "堵你", "堵我", "砸", "泼"])
    /// What 打你 / 打我 may begin without being a blow: 打你电话 (call you).
    private static let notBlow = ScalarWords(["打你电话", "打我电话", "打他电话", "打她电话", "打你手机", "打我手机", "打你的电话", "打我的电话"])
    private static let knowing = ScalarWords(["知道", "晓得", "查到", "摸清", "打听到", "小心"])
    /// A harm done to a relative: "伤害你家人", "绑架你儿子", "对付你老婆" (the relative within four characters after it).
    private static let harmKin = ScalarWords(["伤害", "绑架", "对付", "动你", "动您"])
    private static let family = ScalarWords(["孩子", "小孩", "儿子", "女儿", "闺女", "娃", "老婆", "老公", "爸妈", "父母", "家人", "全家", "个女",
                                       "个仔", "仔女", "子女", "孙子", "孙女", "妈", "爸", "妻子", "丈夫", "太太"])
    private static let places = ScalarWords(["学校", "上学", "幼儿园", "放学", "读书", "读哪", "读边", "上班", "返工", "住哪", "住在", "住边", "在哪", "哪里",
                                       "边度", "边间", "小区", "路上", "出门"])

    private static let senderHarms = ScalarWords(senderHarm, harmVerbs)
    private static let notSenderHarms = ScalarWords(notBlow, notHarm)
    /// The first words of the Chinese patterns: a position that none of them starts is passed over at once.
    private static let openers = ScalarWords(harmVerbs, senders, knowing, harmKin, family)

    // English, lower case (folding did that).
    private static let harmVerbsEn = ScalarWords(["break", "breaks", "breaking", "broke", "cut", "chop", "smash", "snap", "crush", "cripple"])
    private static let bodyWordsEn = ScalarWords(["leg", "legs", "arm", "arms", "hand", "hands", "finger", "fingers", "knee", "knees",
                                            "kneecap", "kneecaps", "bones", "neck", "teeth", "face", "jaw", "nose"])
    private static let sendersEn = ScalarWords(["send", "sending", "sent", "get", "find", "bring"])
    private static let gangEn = ScalarWords(["people", "guys", "men", "someone", "somebody", "thugs", "gang", "boys", "brothers"])
    private static let senderHarmEn = ScalarWords(["hurt", "beat", "break", "kill", "stab", "smash", "cut", "teach", "rough", "deal", "cripple"])
    /// A harm done to a relative: "hurt my son", "kidnap your daughter" (the relative within two words after it).
    private static let harmKinEn = ScalarWords(["hurt", "harm", "kill", "beat", "kidnap", "touch", "attack"])
    /// Who may say "broke my leg" of themselves: "I broke my leg", "my son broke his arm" are no threat.
    private static let selvesEn = ScalarWords(["i", "we", "accidentally", "also"])
    private static let knowingEn = ScalarWords(["know", "knows", "knew", "found", "find", "careful"])
    private static let watchEn = ScalarWords(["watch", "look"])
    private static let outForEn = ScalarWords(["out"])
    private static let forEn = ScalarWords(["for"])
    /// Words just before "know" that make it a question or the person's own: "do you know where my brother lives",
    /// "asked if I know where he works".
    private static let notKnowingEn = ScalarWords(["i", "you", "if", "whether", "do", "does", "did", "don't", "dont"])
    private static let familyEn = ScalarWords(["daughter", "son", "kid", "kids", "child", "children", "wife", "husband", "mom", "mum",
                                         "mother", "dad", "father", "parents", "family", "grandson", "granddaughter", "baby",
                                         "sister", "brother", "girl", "boy"])
    private static let placesEn = ScalarWords(["school", "kindergarten", "class", "classes", "works", "work", "lives", "live", "stays", "office", "studies", "study",
                                         "goes", "plays", "sleeps"])


    /// The words without one of which no pattern starts (`LineRule`): the first words of the Chinese patterns, and of
    /// the English ones.
    static var triggers: [[Unicode.Scalar]] {
        openers.words + harmVerbsEn.words + sendersEn.words + harmKinEn.words + watchEn.words + knowingEn.words
    }

    /// Where the line holds such a threat.
    /// `words`: the line's English words (`englishWords`), empty when it has none. `starts`: where the trigger words
    /// stand (`LineTriggers`).
    static func ranges(in scalars: [Unicode.Scalar], words: [Word], starts: LineTriggers.Starts) -> [Range<Int>] {
        var found = chinese(scalars, starts: starts)
        if !words.isEmpty { found += english(scalars, words: words) }
        return found
    }

    /// Whether `index` ends or splits a clause.
    private static func isMark(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool { Clauses.endsClause(scalars, at: index) }

    /// The first position at or after `from`, before `to` and within the clause, where a word of `list` starts (not one
    /// of `except`); its range.
    private static func find(_ list: ScalarWords, from: Int, to: Int, in scalars: [Unicode.Scalar], except: ScalarWords = .none) -> Range<Int>? {
        var index = max(from, 0)
        let end = min(to, scalars.count)
        while index < end {
            if isMark(scalars, index) { return nil }
            let length = list.longest(at: index, in: scalars)
            if length > 0, except.longest(at: index, in: scalars) == 0 { return index..<(index + length) }
            index += 1
        }
        return nil
    }

    /// The same, going backwards from just before `before` to `from`.
    private static func findBefore(_ list: ScalarWords, before: Int, from: Int, in scalars: [Unicode.Scalar], except: ScalarWords = .none) -> Range<Int>? {
        var index = before - 1
        while index >= max(from, 0) {
            if isMark(scalars, index) { return nil }
            let length = list.longest(at: index, in: scalars)
            if length > 0, index + length <= before, except.longest(at: index, in: scalars) == 0 { return index..<(index + length) }
            index -= 1
        }
        return nil
    }

    private static func chinese(_ scalars: [Unicode.Scalar], starts: LineTriggers.Starts) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let harmVerbs = Self.harmVerbs, notHarm = Self.notHarm, bodyWords = Self.bodyWords, notBody = Self.notBody
        let senders = Self.senders, senderHarms = Self.senderHarms, notSenderHarms = Self.notSenderHarms
        let harmKin = Self.harmKin, family = Self.family, places = Self.places, knowing = Self.knowing
        // The told-the-other-way-round pattern starts at any relative (妈, 儿子, 家人): only worth looking for when the
        // line knows something at all.
        let lineKnows = starts.contains { knowing.longest(at: $0, in: scalars) > 0 }
        // Only where an opener starts (`triggers`), past what was found.
        var next = 0
        for index in starts where index >= next {
            guard TextNormalizer.isHan(scalars[index]) else { continue }
            // A harm verb and a body word beside it: "卸了我的腿", "把你腿打断", "剁你手指".
            let verb = harmVerbs.longest(at: index, in: scalars)
            if verb > 0, notHarm.longest(at: index, in: scalars) == 0 {
                let verbRange = index..<(index + verb)
                if let body = find(bodyWords, from: verbRange.upperBound, to: verbRange.upperBound + 7, in: scalars, except: notBody) {
                    found.append(verbRange.lowerBound..<body.upperBound)
                    next = body.upperBound
                    continue
                }
                if let body = findBefore(bodyWords, before: verbRange.lowerBound, from: verbRange.lowerBound - 6, in: scalars, except: notBody) {
                    found.append(body.lowerBound..<verbRange.upperBound)
                    next = verbRange.upperBound
                    continue
                }
            }
            // Someone sent to hurt: "找人收拾你", "叫几个人打你一顿", "派人砍你".
            let sender = senders.longest(at: index, in: scalars)
            if sender > 0 {
                let after = index + sender
                let harm = find(senderHarms, from: after, to: after + 9, in: scalars, except: notSenderHarms)
                if let harm {
                    // Only the harm itself: "找人上门打我" is a visit too, and its 上门 must not be hidden.
                    found.append(harm)
                    next = harm.upperBound
                    continue
                }
            }
            // A harm done to a relative: "伤害你家人", "绑架你儿子".
            let hurts = harmKin.longest(at: index, in: scalars)
            if hurts > 0, let kin = find(family, from: index + hurts, to: index + hurts + 5, in: scalars) {
                found.append(index..<kin.upperBound)
                next = kin.upperBound
                continue
            }
            // The same told the other way round, by them: "我儿子在哪上学他们都知道", "…他们早就知道了" (not "…我都知道", not
            // "我妈住在乡下她不知道").
            let relative = lineKnows ? family.longest(at: index, in: scalars) : 0
            if relative > 0, let place = find(places, from: index + relative, to: index + relative + 8, in: scalars),
               let knows = find(knowing, from: place.upperBound, to: place.upperBound + 6, in: scalars),
               knows.lowerBound >= 2, scalars[knows.lowerBound - 1] == "都" || scalars[knows.lowerBound - 1] == "早" || scalars[knows.lowerBound - 1] == "全",
               scalars[knows.lowerBound - 2] != "我" {
                found.append(index..<knows.upperBound)
                next = knows.upperBound
                continue
            }
            // Knowing where a child or relative is: "知道你女儿在哪个学校上学", "知道你个女读边间学校". Not the person's own
            // knowing ("我知道我儿子在哪上班").
            let knows = knowing.longest(at: index, in: scalars)
            if knows > 0, !(index > 0 && scalars[index - 1] == "我"), !(index > 1 && scalars[index - 2] == "我" && scalars[index - 1] != "们") {
                let after = index + knows
                if let kin = find(family, from: after, to: after + 10, in: scalars),
                   let place = find(places, from: kin.upperBound, to: kin.upperBound + 9, in: scalars) {
                    found.append(index..<place.upperBound)
                    next = place.upperBound
                    continue
                }
            }
        }
        return found
    }

    /// The line's ASCII words with where each stands (a trailing "'s" or "'" left out: "daughter's" is "daughter"); a
    /// clause mark or a Chinese character between words is kept as a word that is no word (`mark`), so that no pattern
    /// reaches across it. A "." right after "mr" or "ms" ends no clause.
    struct Word {
        var range: Range<Int>
        var mark: Bool
    }

    /// Empty for a line without a Latin letter; worked out once a line and shared by the rules that read English
    /// (`HarmThreat`, `PersonalPayee`, `PrivateChat`).
    static func englishWords(_ scalars: [Unicode.Scalar]) -> [Word] {
        guard scalars.contains(where: { $0.isASCIILetter }) else { return [] }
        var words: [Word] = []
        words.reserveCapacity(scalars.count / 3 + 1)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.isASCIILetter {
                var end = index
                while end < scalars.count, scalars[end].isASCIILetter || scalars[end] == "'" { end += 1 }
                var wordEnd = end
                if wordEnd - index > 2, scalars[wordEnd - 1] == "s", scalars[wordEnd - 2] == "'" { wordEnd -= 2 }
                while wordEnd > index, scalars[wordEnd - 1] == "'" { wordEnd -= 1 }
                words.append(Word(range: index..<wordEnd, mark: false))
                if end < scalars.count, scalars[end] == ".", end - index <= 3, end - index >= 2, scalars[index] == "m" { end += 1 }
                index = end
            } else {
                if (Clauses.endsClause(scalars, at: index) || TextNormalizer.isHan(scalar)), !(words.last?.mark ?? true) {
                    words.append(Word(range: index..<(index + 1), mark: true))
                }
                index += 1
            }
        }
        return words
    }

    /// Whether the word `word` of the line is one of `list`.
    @inline(__always) static func isOne(of list: ScalarWords, _ word: Word, in scalars: [Unicode.Scalar]) -> Bool {
        !word.mark && list.contains(word.range, in: scalars)
    }

    /// The first word of `list` among the `reach` words after `from`, within the clause.
    static func next(_ list: ScalarWords, after from: Int, reach: Int, in words: [Word], _ scalars: [Unicode.Scalar]) -> Int? {
        var k = from + 1
        while k < words.count, k <= from + reach {
            if words[k].mark { return nil }
            if isOne(of: list, words[k], in: scalars) { return k }
            k += 1
        }
        return nil
    }

    private static func english(_ scalars: [Unicode.Scalar], words: [Word]) -> [Range<Int>] {
        // Locals, not the static lists at each word: each use of a static list is a retain and a release of its arrays.
        let harmVerbsEn = Self.harmVerbsEn, selvesEn = Self.selvesEn, familyEn = Self.familyEn, bodyWordsEn = Self.bodyWordsEn
        let sendersEn = Self.sendersEn, gangEn = Self.gangEn, senderHarmEn = Self.senderHarmEn, harmKinEn = Self.harmKinEn
        let watchEn = Self.watchEn, outForEn = Self.outForEn, forEn = Self.forEn, knowingEn = Self.knowingEn
        let notKnowingEn = Self.notKnowingEn, placesEn = Self.placesEn
        var found: [Range<Int>] = []
        var k = 0
        while k < words.count {
            let word = words[k]
            // "break your legs", "cut off his fingers", "smash your knees".
            if isOne(of: harmVerbsEn, word, in: scalars),
               !(k > 0 && (isOne(of: selvesEn, words[k - 1], in: scalars) || isOne(of: familyEn, words[k - 1], in: scalars))),
               let body = next(bodyWordsEn, after: k, reach: 4, in: words, scalars) {
                found.append(word.range.lowerBound..<words[body].range.upperBound)
                k = body + 1
                continue
            }
            // "send some guys to hurt you", "get people to break your legs".
            if isOne(of: sendersEn, word, in: scalars), let gang = next(gangEn, after: k, reach: 3, in: words, scalars),
               let harm = next(senderHarmEn, after: gang, reach: 6, in: words, scalars) {
                found.append(words[harm].range)   // "send someone to beat me up" is a visit too: only the harm
                k = harm + 1
                continue
            }
            // "they know where my daughter goes to school", "found out which school your kid goes to". Not "I know …",
            // "I don't know where my brother works".
            // "hurt my son", "kidnap your daughter".
            if isOne(of: harmKinEn, word, in: scalars), let kin = next(familyEn, after: k, reach: 2, in: words, scalars) {
                found.append(word.range.lowerBound..<words[kin].range.upperBound)
                k = kin + 1
                continue
            }
            // "watch out for your daughter".
            if isOne(of: watchEn, word, in: scalars), k + 2 < words.count, isOne(of: outForEn, words[k + 1], in: scalars),
               isOne(of: forEn, words[k + 2], in: scalars), let kin = next(familyEn, after: k + 2, reach: 2, in: words, scalars) {
                found.append(word.range.lowerBound..<words[kin].range.upperBound)
                k = kin + 1
                continue
            }
            if isOne(of: knowingEn, word, in: scalars),
               !(k > 0 && isOne(of: notKnowingEn, words[k - 1], in: scalars)), !(k > 1 && isOne(of: notKnowingEn, words[k - 2], in: scalars)),
               next(familyEn, after: k, reach: 8, in: words, scalars) != nil,
               let place = next(placesEn, after: k, reach: 12, in: words, scalars) {
                found.append(word.range.lowerBound..<words[place].range.upperBound)
                k = place + 1
                continue
            }
            k += 1
        }
        return found
    }

    /// The dialog's phrases for such a threat ("人身威胁"), at each stretch the line holds.
    static func hits(_ ranges: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(reading, at: ranges, matcher: matcher)
    }
}
