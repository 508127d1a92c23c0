/// An account on a named platform, denied: "我从来没开过花呗", "没开通这个借呗", "花呗我从来没开过", "從來冇開過花唄",
/// "I never opened Huabei", "I never activated Huabei", "I don't even have Jiebei". A negated verb of opening, using or
/// registering with the name beside it is the person saying there is no account there, whatever the notice claims
/// ("短信说我的花呗逾期了，可我从来没开过花呗"). The stretch, negation and name included, reads as the words "没有账户" /
/// "no account", which a dialog lists where it wants them (notice-help: no account). Only with a known name: a bare
/// "没开过" may be anything ("没开过发票"), and a verb without a negation says nothing here ("我开了花呗" is read by the
/// dialog's own phrases).
enum NeverOpened {
    static let chineseReading: [Unicode.Scalar] = Array("没有账户".unicodeScalars)
    static let englishReading: [Unicode.Scalar] = Array("no account".unicodeScalars)

    /// Negations, longest first: "从来没有", "冇", "未曾".
    private static let chineseNegations: [[Unicode.Scalar]] = ["从来都没有", "从来没有", "从来都没", "从来没", "压根没有", "压根没", "根本没有",
                                                               "根本没", "从没有", "从没", "从未", "未曾", "不曾", "没有", "没", "从来冇",
                                                               "从冇", "冇", "未"].map { Array($0.unicodeScalars) }
    /// Verbs of having an account: 开, 开通, 注册, 激活, 用, 申请, 下载 (with 过 / 了 / 咗 after).
    private static let chineseVerbs: [[Unicode.Scalar]] = ["开通", "开", "注册", "激活", "申请", "下载", "使用", "用"].map { Array($0.unicodeScalars) }
    private static let chineseTails: [[Unicode.Scalar]] = ["过", "了", "咗"].map { Array($0.unicodeScalars) }
    /// The verbs of using, which deny an account only with 过 ("没用过"): "没用花呗付" says how something was paid.
    private static let usedOnlyWithTail: [[Unicode.Scalar]] = ["用", "使用"].map { Array($0.unicodeScalars) }
    /// What may stand between the verb and the name: "没开过这个花呗", "没用过什么借呗".
    private static let chineseDeterminers: [[Unicode.Scalar]] = ["这个", "那个", "什么", "啥", "呢个", "个", "的"].map { Array($0.unicodeScalars) }
    /// What may stand between the name and a negation after it: "花呗我从来没开过", "借呗我都没开通".
    private static let chineseBetween: Set<Unicode.Scalar> = ["我", "都", "也", "就", "是", "根", "本", "压", ",", " "]

    private static let englishNegations: Set<String> = ["never", "not", "didn't", "didnt", "haven't", "havent", "hasn't", "hasnt",
                                                        "don't", "dont"]
    private static let englishVerbs: Set<String> = ["opened", "open", "activated", "activate", "used", "use", "registered",
                                                    "register", "signed", "sign", "have", "had", "applied", "apply", "downloaded",
                                                    "download", "enabled", "enable", "set"]
    /// What may stand between the verb and the name: "never signed up for a Huabei", "don't even have any Jiebei".
    private static let englishBetween: Set<String> = ["up", "for", "with", "on", "a", "an", "any", "my", "the", "this", "that",
                                                      "even", "ever", "to", "at"]

    /// Where the line denies an account on a named platform, and whether in English.
    static func stretches(_ scalars: [Unicode.Scalar], content: [PhraseHit]) -> [(range: Range<Int>, english: Bool)] {
        var found: [(range: Range<Int>, english: Bool)] = []
        for name in content {
            guard case .known = name.cue else { continue }
            let range = name.range
            if scalars[range.lowerBound].isASCII {
                if let start = englishDenialBefore(range.lowerBound, in: scalars) { found.append((start..<range.upperBound, true)) }
                continue
            }
            // "没开通花呗的自动扣款" denies a feature of the account, not the account: after the name only 的账户 and the like.
            if let start = chineseDenialBefore(range.lowerBound, in: scalars), !ownsAFeature(range.upperBound, in: scalars) {
                found.append((start..<range.upperBound, false))
            } else if let end = chineseDenialAfter(range.upperBound, in: scalars) {
                found.append((range.lowerBound..<end, false))
            }
        }
        return found
    }

    /// Words of the account itself after 的: "没开过花呗的账户".
    private static let accountWords: [[Unicode.Scalar]] = ["账户", "账号", "额度", "户口"].map { Array($0.unicodeScalars) }

    /// Whether the name at the end `nameEnd` owns something other than the account: "花呗的自动扣款", "借呗的免密".
    private static func ownsAFeature(_ nameEnd: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard nameEnd < scalars.count, scalars[nameEnd] == "的" || scalars[nameEnd] == "嘅" else { return false }
        return !accountWords.contains { starts($0, at: nameEnd + 1, in: scalars) }
    }

    private static func starts(_ word: [Unicode.Scalar], at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        index >= 0 && index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
    }

    private static func ends(_ word: [Unicode.Scalar], at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        starts(word, at: index - word.count, in: scalars)
    }

    /// "没开过(这个)|花呗": the start of the negation, reading back from the name.
    private static func chineseDenialBefore(_ nameStart: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var at = nameStart
        if let determiner = chineseDeterminers.first(where: { ends($0, at: at, in: scalars) }) { at -= determiner.count }
        let tail = chineseTails.first(where: { ends($0, at: at, in: scalars) })
        at -= tail?.count ?? 0
        guard let verb = chineseVerbs.first(where: { ends($0, at: at, in: scalars) }) else { return nil }
        // "这笔没用花呗付" says how one thing was paid; "没用过花呗", that the account was never used.
        if usedOnlyWithTail.contains(verb), tail != ["过"] { return nil }
        at -= verb.count
        guard let negation = chineseNegations.first(where: { ends($0, at: at, in: scalars) }) else { return nil }
        return at - negation.count
    }

    /// "花呗|我从来没开过": the end of the verb, reading on from the name; only at the end of the clause.
    private static func chineseDenialAfter(_ nameEnd: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var at = nameEnd
        var skipped = 0
        while at < scalars.count, skipped < 4, chineseBetween.contains(scalars[at]),
              !chineseNegations.contains(where: { starts($0, at: at, in: scalars) }) {
            at += 1
            skipped += 1
        }
        guard let negation = chineseNegations.first(where: { starts($0, at: at, in: scalars) }) else { return nil }
        at += negation.count
        if at < scalars.count, scalars[at] == "有" { at += 1 }
        guard let verb = chineseVerbs.first(where: { starts($0, at: at, in: scalars) }) else { return nil }
        at += verb.count
        let tail = chineseTails.first(where: { starts($0, at: at, in: scalars) })
        if usedOnlyWithTail.contains(verb), tail != ["过"] { return nil }
        at += tail?.count ?? 0
        // "花呗我没用过" ends there; "花呗我没用过几次" (a few times) is no denial.
        guard at >= scalars.count || !TextNormalizer.isHan(scalars[at]) || "啊呀的啦呢嘛喔哦".unicodeScalars.contains(scalars[at]) else {
            return nil
        }
        return at
    }

    /// "never opened (a)|Huabei": the start of the negation, reading back word by word from the name.
    private static func englishDenialBefore(_ nameStart: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var words: [(word: String, start: Int)] = []
        var at = nameStart
        while words.count < 6, at > 0, scalars[at - 1] == " " {
            var start = at - 1
            while start > 0, scalars[start - 1] == " " { start -= 1 }
            let end = start
            while start > 0, scalars[start - 1].isASCIILetter || scalars[start - 1] == "'" { start -= 1 }
            guard start < end else { break }
            words.append((LineAnalysis.asciiWord(scalars, from: start), start))
            at = start
        }
        var index = 0
        while index < words.count, englishBetween.contains(words[index].word) { index += 1 }
        guard index < words.count, englishVerbs.contains(words[index].word) else { return nil }
        let verb = words[index].word
        index += 1
        while index < words.count, ["even", "ever", "really"].contains(words[index].word) { index += 1 }
        guard index < words.count, englishNegations.contains(words[index].word) else { return nil }
        // "I didn't use Huabei for this order" says how one thing was paid; "I've never used Huabei", no account.
        if verb == "use" || verb == "used", !["never", "haven't", "havent", "hasn't", "hasnt"].contains(words[index].word) { return nil }
        // "have never opened", "did not activate".
        var start = words[index].start
        if ["never", "not"].contains(words[index].word), index + 1 < words.count,
           ["have", "has", "did", "do", "had"].contains(words[index + 1].word) {
            start = words[index + 1].start
        }
        return start
    }

    /// The dialog's phrases for "没有账户" / "no account", over each stretch.
    static func hits(_ stretches: [(range: Range<Int>, english: Bool)], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(chineseReading, at: stretches.filter { !$0.english }.map(\.range), matcher: matcher)
            + PhraseHit.reading(englishReading, at: stretches.filter(\.english).map(\.range), matcher: matcher)
    }
}
