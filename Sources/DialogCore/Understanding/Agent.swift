/// Whose act is it (probe13 N2, N5, N26, N27, R4, N10): the subject of a verb of borrowing, opening or buying — 借, 贷,
/// 开(了/通), 申请, 买, "borrowed", "took a loan", "take a loan on", "opened", "bought" — found once, so that every slot that records the
/// person's own borrowing, account or purchase asks it instead of reading the verb alone. "有人用它在微粒贷**借了**一万五",
/// "他是离婚以后才在借呗**借的钱**", "我老婆瞒住我**借咗钱**", "someone used my ID to **take a loan on** Kakadai" are
/// someone else's acts; "我**借了**", "他们让我**借**", "they told me to **take a loan**" are the person's.
///
/// The agent is the nearest person word before the verb in its clause (or, for a clause with none, in the clause
/// before it, across a comma): 我 / I / me as a subject is the person; 有人, 别人, 他, 她, 佢, 对方, 小偷, a relative
/// ("我老婆", "朋友"), someone, somebody, he, she, they, "my wife" are someone else. Passed over on the way back: the
/// person as an object or a possessive ("用**我**的身份证", "瞒着**我**", "背住**我**", "my ID"), a relative the person acts
/// for ("我帮**朋友**借的": the person borrowed), and the names of platforms (the 借 of 借呗 is no verb).
///
/// A verb whose object is the person's ID card or phone ("朋友**借了我的身份证**", "同学借了我身份证", "朋友借咗我身份證")
/// borrows no money: it is the lending of an ID (`lentID`), and the words that stop at the verb ("朋友借": a friend
/// borrowed, someone else's words) are no reading of it.
///
/// Compared as scalars; the verbs are looked for only inside the phrases that ask.
enum Agent {
    /// Who did it: the person, someone else, or no one the clause names.
    enum Doer { case person, other, unknown }

    // MARK: Chinese

    /// The verbs: one character, or a character that is a verb only with what follows (开了, 开通).
    /// A list, not a set: asked at every character of a phrase, five comparisons cost less than hashing one.
    private static let chineseVerbs: [Unicode.Scalar] = ["借", "贷", "申", "开", "买"]
    /// 开 and 申 are verbs only as 开了 / 开通 / 开过 / 申请 ("开会", "开心" are not).
    /// 贷 is a verb only as 贷了 / 贷过 / 贷的 ("贷款", "网贷", "学贷" are nouns).
    private static let chineseVerbTails: [Unicode.Scalar: Set<Unicode.Scalar>] = ["开": ["了", "通", "过", "咗"], "申": ["请"],
                                                                                 "贷": ["了", "过", "咗", "的"]]
    /// What makes 借 a noun or a lending: 借款 (a loan, 借款人), 借条, 借给 / 借畀 (lent).
    private static let notBorrowing: Set<Unicode.Scalar> = ["款", "条", "给", "畀", "俾", "据"]

    /// Someone else as a subject, as whole words.
    /// A person described or titled is someone else too: "有个叫王芳的**人**借了", "那个**男的**借的", "陈**先生**借了".
    private static let chineseOthers: [[Unicode.Scalar]] = ["有人", "别人", "有个人", "对方", "小偷", "骗子", "黑客", "他", "她", "佢",
                                                            "人家", "某人", "的人", "嘅人", "男的", "女的", "先生", "女士", "小姐",
                                                            "某某"].map { Array($0.unicodeScalars) }
    /// 叫 after these introduces someone by name ("一个叫张伟的借了", "有个叫阿强嘅借咗"): the name is someone else. After 我
    /// it is the person's own name ("我叫李明，借了…"), which the scan back reaches as 我.
    private static let beforeCalled: Set<Unicode.Scalar> = ["个", "個", "位", "名"]
    /// What makes the 我 right after it an object, not a subject: 用我, 拿我, 借我, 瞒着我, 背住我, 冒用我, 偷我.
    private static let beforeObject: Set<Unicode.Scalar> = ["用", "拿", "借", "着", "著", "住", "瞒", "背", "冒", "盗", "偷", "拎",
                                                            "咗", "了", "给", "把", "将", "替", "帮", "为", "骗", "找", "问", "打",
                                                            "通", "知", "告", "诉", "催", "跟", "和", "与", "同"]
    /// What makes the 我 right before it a possessive: 我的, 我嘅, 我个, 我家, and a relative ("我老婆"), which the
    /// relative's own word then stands for.
    private static let afterPossessive: Set<Unicode.Scalar> = ["的", "嘅", "个", "個", "家"]
    /// What the person does for someone named next: 我帮朋友借的 is the person's borrowing.
    /// Or hides it from: 我瞒着老婆借的, 背住佢借 are the person's borrowing.
    private static let actingFor: Set<Unicode.Scalar> = ["给", "帮", "替", "为", "畀", "俾", "找", "问", "向", "跟", "和", "与", "同",
                                                         "打", "催", "告", "诉", "通", "知", "着", "著", "住"]

    /// The person's ID or phone, as the object of a verb of borrowing: "借了我的身份证", "借咗我身份證".
    private static let idWords: [[Unicode.Scalar]] = ["身份证", "身分证", "证件", "手机", "电话卡", "手机卡", "银行卡", "户口本"]
        .map { Array($0.unicodeScalars) }

    // MARK: English

    private static let englishVerbs = ScalarWords(["borrowed", "borrow", "borrows", "borrowing", "took", "take", "takes", "taking",
                                                    "opened", "open", "opens", "applied", "apply", "bought", "buy", "buys",
                                                    "buying", "shop", "shopped", "shops", "shopping"])
    private static let englishOthers = ScalarWords(["someone", "somebody", "he", "she", "they", "he's", "she's", "they've", "he'd",
                                                     "she'd", "thief", "thieves", "hacker", "hackers", "scammer", "scammers",
                                                     "stranger", "fraudster", "fraudsters", "who",
                                                     // someone described or titled: "a woman called Wang Fang borrowed",
                                                     // "some guy named Zhang Wei took a loan", "Mr Chen borrowed"
                                                     "woman", "man", "guy", "lady", "girl", "boy", "person", "mr", "ms", "mrs",
                                                     "miss"])
    private static let englishPerson = ScalarWords(["i", "i'm", "i've", "i'd", "me", "we", "we've", "us"])

    /// Words the lexicon reads as breaking a clause that leave its subject standing before them (`doer`).
    private static let adverbBreaks: Set<Unicode.Scalar> = ["就", "才", "又", "也", "都", "还", "便", "却"]

    /// Who did the verb at `index` of the line (a Chinese verb character, or the first letter of an English verb).
    static func doer(ofVerbAt index: Int, in scalars: [Unicode.Scalar], clauses: Clauses, kin: [Range<Int>], names: [Range<Int>]) -> Doer {
        let clause = clauses.of(index)
        var found = scanBack(from: index, in: scalars, clauses: clauses, clause: clause, kin: kin, names: names)
        // A clause with no subject goes on with the clause before it, across a comma: "有人盗了我的微信，用它借了钱".
        if found == .unknown {
            var start = index
            while start > 0, clauses.of(start - 1) == clause { start -= 1 }
            // Also across a word that breaks a clause but keeps its subject: "离婚前她**就**借了", "他**又**借了".
            if start > 0, scalars[start] == "," || scalars[start] == " " || adverbBreaks.contains(scalars[start]) {
                found = scanBack(from: start, in: scalars, clauses: clauses, clause: clauses.of(start - 1), kin: kin, names: names)
            }
        }
        return found
    }

    private static func starts(_ word: [Unicode.Scalar], at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        index >= 0 && index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
    }

    /// The nearest person word before `index` in `clause`.
    private static func scanBack(from index: Int, in scalars: [Unicode.Scalar], clauses: Clauses, clause: Int, kin: [Range<Int>],
                                 names: [Range<Int>]) -> Doer {
        var at = index - 1
        while at >= 0, clauses.of(at) == clause {
            let scalar = scalars[at]
            if scalar.isASCIILetter {
                // An English word ending here.
                var start = at
                while start > 0, scalars[start - 1].isASCIILetter || scalars[start - 1] == "'" || scalars[start - 1] == "-" { start -= 1 }
                let word = ScalarWords.asciiWord(scalars, from: start)
                if englishPerson.contains(word, in: scalars) { return .person }
                if englishOthers.contains(word, in: scalars) { return .other }
                if kin.contains(where: { $0.lowerBound <= start && at < $0.upperBound }) {
                    // "my wife", "a friend", "her boyfriend": a relative as the subject. Not one the person acts for
                    // ("for my friend", "to my brother").
                    if !englishObjectBefore(start, in: scalars) { return .other }
                }
                at = start - 1
                continue
            }
            guard TextNormalizer.isHan(scalar) else {
                at -= 1
                continue
            }
            if names.contains(where: { $0.contains(at) }) {
                at -= 1
                continue
            }
            if scalar == "我" || scalar == "俺" {
                let next = at + 1 < scalars.count ? scalars[at + 1] : " "
                let object = at > 0 && beforeObject.contains(scalars[at - 1])
                let possessive = afterPossessive.contains(next) || kin.contains { $0.lowerBound == at + 1 }
                if !object && !possessive { return .person }
                at -= 1
                continue
            }
            if let word = chineseOthers.first(where: { starts($0, at: at - $0.count + 1, in: scalars) }) {
                let start = at - word.count + 1
                // 他们 / 佢哋 are others too; 其他 is no person.
                if !(word.count == 1 && start > 0 && (scalars[start - 1] == "其" || scalars[start - 1] == "吉")) {
                    if !(start > 0 && actingFor.contains(scalars[start - 1])) { return .other }
                }
                at = start - 1
                continue
            }
            if scalar == "叫", at > 0, beforeCalled.contains(scalars[at - 1]) { return .other }
            if let relative = kin.first(where: { $0.lowerBound <= at && at < $0.upperBound }) {
                // A relative the person acts for or speaks to ("帮朋友", "给我妈", "打给我弟") is no subject.
                var before = relative.lowerBound - 1
                if before >= 0, scalars[before] == "我" || scalars[before] == "的" { before -= 1 }
                if before >= 0, scalars[before] == "我" { before -= 1 }
                if !(before >= 0 && actingFor.contains(scalars[before])) { return .other }
                at = relative.lowerBound - 1
                continue
            }
            at -= 1
        }
        return .unknown
    }

    private static let englishObjectWords: Set<String> = ["for", "to", "with", "from", "called", "call", "calling", "told", "tell",
                                                           "asked", "ask", "texted", "about", "find", "found", "contacted"]

    /// Whether the English relative at `start` ("my friend", "a friend") is an object: "for my friend", "called my mom".
    private static func englishObjectBefore(_ start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var at = start - 1
        var skipped = 0
        while at > 0, skipped < 2 {
            guard scalars[at] == " " else { return false }
            var wordStart = at - 1
            while wordStart > 0, scalars[wordStart - 1].isASCIILetter || scalars[wordStart - 1] == "'" { wordStart -= 1 }
            let word = LineAnalysis.asciiWord(scalars, from: wordStart)
            if englishObjectWords.contains(word) { return true }
            guard ["my", "a", "his", "her", "our", "the", "their"].contains(word) else { return false }
            at = wordStart - 1
            skipped += 1
        }
        return false
    }

    /// Whether a verb of borrowing or opening in `range` is someone else's act (and none is the person's): the phrase
    /// then says nothing of the person's own loan, account or purchase. A phrase that speaks of the person ("用我的身份证",
    /// "used my ID") is the person's fact and is not asked.
    static func othersAct(_ range: Range<Int>, in scalars: [Unicode.Scalar], clauses: Clauses, kin: [Range<Int>], names: [Range<Int>]) -> Bool {
        var someoneElse = false
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            if chineseVerbs.contains(scalar), !names.contains(where: { $0.contains(index) }),
               !(index + 1 < scalars.count && notBorrowing.contains(scalars[index + 1])) {
                if let tails = chineseVerbTails[scalar] {
                    guard index + 1 < scalars.count, tails.contains(scalars[index + 1]) else {
                        index += 1
                        continue
                    }
                }
                switch doer(ofVerbAt: index, in: scalars, clauses: clauses, kin: kin, names: names) {
                case .person: return false
                case .other: someoneElse = true
                case .unknown: return false
                }
            } else if scalar.isASCIILetter, index == 0 || !scalars[index - 1].isASCIILetter {
                let word = ScalarWords.asciiWord(scalars, from: index)
                if englishVerbs.contains(word, in: scalars) {
                    switch doer(ofVerbAt: index, in: scalars, clauses: clauses, kin: kin, names: names) {
                    case .person: return false
                    case .other: someoneElse = true
                    case .unknown: return false
                    }
                }
                index += max(1, word.count)
                continue
            }
            index += 1
        }
        return someoneElse
    }

    /// Where someone borrowed the person's ID or phone: from the verb 借 to the end of the ID word ("借了我的身份证",
    /// "借咗我身份證"), when someone else is its subject.
    static func lentID(_ scalars: [Unicode.Scalar], clauses: Clauses, kin: [Range<Int>]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "借" else {
                index += 1
                continue
            }
            var at = index + 1
            if at < scalars.count, scalars[at] == "走" { at += 1 }
            if at < scalars.count, scalars[at] == "了" || scalars[at] == "咗" || scalars[at] == "过" { at += 1 }
            if at < scalars.count, scalars[at] == "我" {
                at += 1
                if at < scalars.count, scalars[at] == "的" || scalars[at] == "嘅" || scalars[at] == "个" || scalars[at] == "個" { at += 1 }
            }
            if at > index + 1, let word = idWords.first(where: { starts($0, at: at, in: scalars) }),
               doer(ofVerbAt: index, in: scalars, clauses: clauses, kin: kin, names: []) == .other {
                found.append(index..<(at + word.count))
            }
            index += 1
        }
        return found
    }

    /// Whether the phrase at `range` opens with a relative ("老婆借", "我老婆借了") and holds a verb of borrowing whose
    /// subject is the person: "我瞒着**老婆借**了钱", "我背着**家人借**的", "我找**朋友借**的钱" are the person's
    /// borrowing, not the relative's, and the relative is no borrower.
    static func misnamesBorrower(_ range: Range<Int>, in scalars: [Unicode.Scalar], clauses: Clauses, kin: [Range<Int>]) -> Bool {
        var start = range.lowerBound
        if scalars[start] == "我" { start += 1 }
        guard kin.contains(where: { $0.lowerBound == start }) else { return false }
        for index in range where chineseVerbs.contains(scalars[index]) {
            return doer(ofVerbAt: index, in: scalars, clauses: clauses, kin: kin, names: []) == .person
        }
        return false
    }

    /// Whether the word at `range` opens with a relative the person acts for or hides something from ("背着**家人在**",
    /// "帮**朋友在**", "帮**我弟在**"): the relative is no subject, and what follows is no report of theirs.
    static func opensWithKinAsObject(_ range: Range<Int>, in scalars: [Unicode.Scalar], kin: [Range<Int>]) -> Bool {
        var start = range.lowerBound
        // "帮**我弟在**分期乐借的": the word may open with the person's 我.
        if scalars[start] == "我", kin.contains(where: { $0.lowerBound == start + 1 }) {
            guard start > 0 else { return false }
            return actingFor.contains(scalars[start - 1])
        }
        guard start > 0, kin.contains(where: { $0.lowerBound == start }) else { return false }
        var before = start - 1
        if scalars[before] == "我" || scalars[before] == "的" { before -= 1 }
        start = before
        return start >= 0 && actingFor.contains(scalars[start])
    }

    /// The plain form a lending of the ID is read as: the dialog's phrase for it says who the person is.
    static let lentIDForm: [Unicode.Scalar] = Array("借了我的身份证".unicodeScalars)

    /// Whether the phrase or word at `range` reads the verb of a lending of the ID without its object: "朋友借" of
    /// "朋友借了我的身份证" (a friend borrowed: someone else's loan, someone else's words).
    static func stopsBeforeID(_ range: Range<Int>, lent: [Range<Int>]) -> Bool {
        lent.contains { $0.lowerBound >= range.lowerBound && $0.lowerBound < range.upperBound && range.upperBound < $0.upperBound }
    }
}
