/// Negation: a word of the lexicon's `negations` (没, 不, never, not) shortly before a phrase, in the same clause,
/// flips a yes phrase to no and cancels a choice (which the line then denies). A negation inside a phrase ("没借过")
/// makes it a denial in form. Announced actions and threats (说要, will) are listed as negations too, so "说要告诉你
/// 家人" is not "they told your family".
struct Negation {
    /// The negations, by where they end.
    private let byEnd: WordsByEnd
    /// The negations inside content phrases.
    private let inside: [Range<Int>]
    /// The clauses that hold a negation (a few: looked through, not hashed).
    let clausesNegated: [Int]
    private let clauses: Clauses
    private let scalars: [Unicode.Scalar]
    /// Where the line's announcing words start (说要, 将, will), those inside phrases too.
    private let announcementStarts: [Int]
    /// Where the negations that deny a whole clause end: "nobody" or 没人 is the subject of everything the clause
    /// goes on to say ("no one asked me for codes or a private account", "没人让我转私人账户"), and a negated demand
    /// ("never asked me to …", "没叫我…") denies all it goes on to demand.
    private let clauseWideEnds: [Int]
    /// Where the negations of a request made of the person end (`deniesRequest`).
    private let demandEnds: [Int]
    /// Where a phrase may start right after an "or" (或者, 还是, or, nor), mapped to where that word starts; empty in a
    /// line without one.
    private let afterOr: [Int: Int]
    /// The content phrases by where they end, kept only when the line has an "or".
    private let phrasesByEnd: [Int: [Range<Int>]]

    /// `announcements`: every announcing word of the line. A negation does not reach past one that does not follow it
    /// directly: "逾期不还将联系您的家人", "if I don't pay they will tell my boss" — what is negated is the paying, and
    /// what follows the announcement is what someone means to do. "没说要告诉…" still negates the announcement itself.
    ///
    /// `phrases`: the line's content phrases. A denial goes on through "or" to the phrase right after it: "没让我转账
    /// 或者点链接", "冇叫我過數或者撳連結" deny the link too, though the negation is inside the first phrase.
    /// `triggers`: where the line's trigger words stand (rhetorical questions and alternatives are looked for only where
    /// it holds theirs).
    init(_ scalars: [Unicode.Scalar], functional: [PhraseHit], inside: [Range<Int>], clauses: Clauses, announcements: [PhraseHit] = [],
         phrases: [Range<Int>] = [], triggers: LineTriggers) {
        announcementStarts = announcements.map(\.range.lowerBound)
        let answerNoRanges = functional.of(.no).map(\.range)
        // "no I have not paid": an English "no" that opens its clause and is followed by a subject answers the
        // question; it does not flip the clause's own phrase into its opposite. ("no calls" stays a negation.)
        func answersBeforeSubject(_ found: PhraseHit) -> Bool {
            guard answerNoRanges.contains(found.range), scalars[found.range.lowerBound].isASCII else { return false }
            var start = clauses.start[found.range.lowerBound]
            while start < found.range.lowerBound, scalars[start] == " " { start += 1 }
            guard start == found.range.lowerBound else { return false }
            var index = found.range.upperBound
            while index < scalars.count, scalars[index] == " " || scalars[index] == "," { index += 1 }
            return Self.subjects.contains(LineAnalysis.asciiWord(scalars, from: index))
        }
        // "要不要", "会不会", "有没有", "是不是", "会唔会": a 不, 没 or 唔 between the same character twice asks; it denies
        // nothing.
        func asksEitherWay(_ found: PhraseHit) -> Bool {
            let range = found.range
            guard range.count == 1, range.lowerBound > 0, range.upperBound < scalars.count,
                  ["不", "没", "唔"].contains(scalars[range.lowerBound]) else { return false }
            return scalars[range.lowerBound - 1] == scalars[range.upperBound] && !scalars[range.upperBound].isASCII
        }
        let allNegations = functional.of(.negations).filter { !asksEitherWay($0) }
        // Two negations that cancel ("又不是没还", "唔係冇打俾我阿媽", "it's not that they never called my mom") deny
        // nothing: neither flips what follows, and the phrase the inner one is part of says what it says without it.
        // The inner one may be a negation word of its own ("they didn't": "it's not like they didn't call my boss") or
        // one inside a longer phrase ("never called").
        let cancelled = Self.doubleNegations(scalars, outer: allNegations.map(\.range), inner: inside + allNegations.map(\.range))
        let negations = allNegations.filter { !answersBeforeSubject($0) && !cancelled.contains($0.range.lowerBound) }
        cancelledInside = cancelled.isEmpty ? [] : inside.filter { cancelled.contains($0.lowerBound) }
        let inside = cancelled.isEmpty ? inside : inside.filter { !cancelled.contains($0.lowerBound) }
        // The negations a longer phrase hid ("nobody" inside "nobody asked me to send money", 没让 inside 没让我转账)
        // still deny the rest of their clause when they are its subject or deny a request.
        let hidden = inside.filter { range in !allNegations.contains { $0.range == range } }
        let reaching = negations.map(\.range) + hidden
        byEnd = WordsByEnd(negations.map(\.range))
        // A negated demand denies everything demanded in its clause: "they never asked me to send money to a safe
        // account or scan a QR code", "没叫我下载App或者共享屏幕" (the announcing word right after the negation, or
        // sharing a character with it).
        func deniesDemand(_ negation: Range<Int>) -> Bool {
            var adjacent = negation.upperBound
            while adjacent < scalars.count, scalars[adjacent] == " " { adjacent += 1 }
            return announcements.contains { $0.range.lowerBound > negation.lowerBound && $0.range.lowerBound <= adjacent }
        }
        clauseWideEnds = reaching.filter { negation in
            Self.clauseWide.contains { $0.elementsEqual(scalars[negation]) } || (!announcements.isEmpty && deniesDemand(negation))
        }.map(\.upperBound)
        // The negations right before a request made of the person ("没人让我…", "nobody asked me to …").
        demandEnds = announcements.isEmpty ? [] : reaching.filter { negation in
            var adjacent = negation.upperBound
            while adjacent < scalars.count, scalars[adjacent] == " " { adjacent += 1 }
            return announcements.contains { request in
                request.range.lowerBound > negation.lowerBound && request.range.lowerBound <= adjacent
                    && Self.requests.contains { $0.elementsEqual(scalars[request.range]) }
            }
        }.map(\.upperBound)
        // By where they start, for a binary search (`hasInside`): a line of 2,000 negations looks each phrase up in
        // log time, not by a scan.
        self.inside = inside.sorted { $0.lowerBound < $1.lowerBound }
        (stretches, phraseEnds) = Self.stretches(scalars, negations: reaching.filter { !Self.asksEitherWay($0, scalars) }, clauses: clauses)
        // Which stretch covers each position (the latest one to start), built only in a line that has one.
        var stretchFrom: [Int] = []
        if !stretches.isEmpty {
            stretchFrom = [Int](repeatElement(-1, count: scalars.count))
            for stretch in stretches {
                for position in stretch where stretchFrom[position] < stretch.lowerBound { stretchFrom[position] = stretch.lowerBound }
            }
        }
        self.stretchFrom = stretchFrom
        rhetorical = triggers.has(.rhetoricalQuestion) ? Self.rhetoricalQuestions(scalars, clauses: clauses) : []
        // A rhetorical question ("我幾時借過錢呀？", "when did I ever borrow from them??") is a denial, not a question.
        clausesNegated = negations.map { clauses.of($0.range.lowerBound) } + rhetorical.map { clauses.of($0.lowerBound) }
        self.clauses = clauses
        self.scalars = scalars
        afterOr = triggers.has(.alternatives) ? Self.orWords(scalars) : [:]
        var phrasesByEnd: [Int: [Range<Int>]] = [:]
        if !afterOr.isEmpty {
            for range in phrases { phrasesByEnd[range.upperBound, default: []].append(range) }
        }
        self.phrasesByEnd = phrasesByEnd
        // A negation a phrase hid reaches a choice phrase that starts right after it, inside the phrase that hid it
        // (`continuesDenial`): "我没同意过" holds "我没同意" and "同意过", and the 没 of the first denies the second too.
        // Only right after it: the 不 of "不还就起诉" denies the paying, not "起诉我"; and only inside: "我没钱还逾期了"
        // says 逾期了 as it is.
        var hiddenReach: [(negationEnd: Int, phraseEnd: Int)] = []
        for negation in hidden {
            let end = phrases.lazy.filter { $0.lowerBound <= negation.lowerBound && negation.upperBound < $0.upperBound }.map(\.upperBound).max()
            if let end { hiddenReach.append((negation.upperBound, end)) }
        }
        self.hiddenReach = hiddenReach
    }

    /// The negations hidden inside phrases, with where the phrase that hides each ends (`continuesDenial`).
    private let hiddenReach: [(negationEnd: Int, phraseEnd: Int)]

    /// Whether a choice phrase starts inside a denial in form, right after its negation: the 同意过 (agreed) of "我没同意
    /// 过" is the 没同意 (not agreed) said on. Only for choices: a yes phrase made for such a line stays a yes ("花呗我没
    /// 用过几次" holds 用过几次, used a few times).
    func continuesDenial(_ range: Range<Int>) -> Bool {
        hiddenReach.contains { $0.negationEnd == range.lowerBound && range.lowerBound < $0.phraseEnd } && !hasInside(range)
    }

    /// The rhetorical "when did I ever" questions of the line, from the question word to the end of its clause.
    private let rhetorical: [Range<Int>]

    /// "我什么时候借过钱了", "我幾時借過錢呀", "when did I ever borrow from them": a "when" with an experiential 过 / 過
    /// after it in its clause, or "when did/have I ever", asks nothing; it denies what the clause goes on to say. Not
    /// "什么时候到期" (a question) — without 过 it asks.
    private static func rhetoricalQuestions(_ scalars: [Unicode.Scalar], clauses: Clauses) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            let latin = scalars[index].isASCII
            guard startsWord(scalars, at: index, of: latin ? rhetoricalLatin : rhetoricalHan, latin: latin) else {
                index += 1
                continue
            }
            let clause = clauses.of(index)
            var end = index
            var experiential = latin
            while end < scalars.count, clauses.of(end) == clause {
                if scalars[end] == "过" { experiential = true }
                end += 1
            }
            if experiential { found.append(index..<end) }
            index = end
        }
        return found
    }

    /// The words without one of which the line asks no rhetorical question, and joins no alternatives (`LineRule`).
    static var rhetoricalTriggers: [[Unicode.Scalar]] { rhetoricalHan + rhetoricalLatin }
    static let alternativeTriggers: [[Unicode.Scalar]] = ["或", "还是", "还系", "定是", "定系", "or", "nor"].map { Array($0.unicodeScalars) }

    private static let rhetoricalHan: [[Unicode.Scalar]] = ["什么时候", "啥时候", "几时", "哪时候", "甚么时候"].map { Array($0.unicodeScalars) }
    private static let rhetoricalLatin: [[Unicode.Scalar]] = ["when did i ever", "when have i ever", "when did we ever", "since when did i",
        "since when have i"].map { Array($0.unicodeScalars) }

    /// The negations inside content phrases that a negation before them cancels ("又不是**没**还").
    private let cancelledInside: [Range<Int>]

    /// Whether the phrase at `range` is a denial in form whose negation another one before it cancels: "我又不是**没还**"
    /// is "I did pay", "唔係**冇打**俾我阿媽" is "they did call my mother".
    func doublyNegated(_ range: Range<Int>) -> Bool {
        cancelledInside.contains { range.contains($0.lowerBound) }
    }

    /// The negations that cancel in pairs, by where they start: an outer 不是 / 唔係 / "not that" / "not like" and, right
    /// after it (a subject between at most: 我, 他们, they), an inner 没 / 冇 / 未 / never / didn't / haven't; or an outer of never
    /// (没有, 从来没, 冇, "never") and, after at most a count of times (哪个月, 一期), an inner 没 / 冇 / "not". Not an inner
    /// 不 or 唔: "不是不还" is "not that I won't pay", said by someone who cannot.
    private static func doubleNegations(_ scalars: [Unicode.Scalar], outer: [Range<Int>], inner: [Range<Int>]) -> Set<Int> {
        var found = Set<Int>()
        // Linear in the line: the inner negations by where they start, built only when there is an outer one to pair.
        var innerAt: [Int: Range<Int>] = [:]
        for negation in outer {
            let latin = scalars[negation.lowerBound].isASCII
            var index = negation.upperBound
            // Where a subject between the two starts: the inner negation may be written with it ("they didn't" is one
            // negation word of the lexicon), so it is looked for there too.
            var subjectStart: Int? = nil
            if latin, scalars[negation].elementsEqual("never".unicodeScalars) {
                // "I've never not paid on time" (probe19 T2): "never", then "not".
                while index < scalars.count, scalars[index] == " " { index += 1 }
                if innerAt.isEmpty { for range in inner where innerAt[range.lowerBound] == nil { innerAt[range.lowerBound] = range } }
                guard let second = innerAt[index], scalars[second].elementsEqual("not".unicodeScalars) else { continue }
                found.insert(negation.lowerBound)
                found.insert(second.lowerBound)
                continue
            }
            if latin {
                // "not that", "not like", "isn't that": the outer word, then "that" or "like".
                guard scalars[negation].last == "t" else { continue }
                while index < scalars.count, scalars[index] == " " { index += 1 }
                guard startsWord(scalars, at: index, of: outerLinks, latin: true) else { continue }
                index += LineAnalysis.asciiWord(scalars, from: index).unicodeScalars.count
                while index < scalars.count, scalars[index] == " " { index += 1 }
                let subject = LineAnalysis.asciiWord(scalars, from: index)
                if Self.subjects.contains(subject) {
                    subjectStart = index
                    index += subject.unicodeScalars.count
                    while index < scalars.count, scalars[index] == " " { index += 1 }
                }
            } else {
                guard outerHan.contains(where: { word in
                    negation.count >= word.count && scalars[(negation.upperBound - word.count)..<negation.upperBound].elementsEqual(word)
                }) else { continue }
                var gap = 0
                while gap < 2, index < scalars.count, subjectHan.contains(scalars[index]) { index += 1; gap += 1 }
                // "从来没有没还过", "我没有哪个月没还过", "我冇一期冇還過" (probe19 T2): a 没 / 冇 of never, then at most a
                // count of times or instalments (哪个月, 一期, 一次), then the inner one. "不是" keeps only its subject.
                if !Self.outerIsNot(scalars[negation]) {
                    gap = 0
                    while gap < 4, index < scalars.count, Self.everyTime.contains(scalars[index]) { index += 1; gap += 1 }
                }
            }
            if innerAt.isEmpty { for range in inner where innerAt[range.lowerBound] == nil { innerAt[range.lowerBound] = range } }
            guard let second = innerAt[index] ?? subjectStart.flatMap({ innerAt[$0] }),
                  innerWords.contains(where: { word in
                      let at = max(second.lowerBound, index)
                      return second.upperBound - at >= word.count && scalars[at..<(at + word.count)].elementsEqual(word)
                  })
            else { continue }
            found.insert(negation.lowerBound)
            found.insert(second.lowerBound)
            // "they didn't" is also a negation word of its own, starting at the subject: it is cancelled with "didn't".
            if let subjectStart, innerAt[subjectStart] != nil { found.insert(subjectStart) }
        }
        return found
    }

    private static let outerLinks: [[Unicode.Scalar]] = ["that", "like"].map { Array($0.unicodeScalars) }
    private static let outerHan: [[Unicode.Scalar]] = ["不是", "唔系", "不系", "没有", "从没", "从来没", "没", "冇", "未曾"].map { Array($0.unicodeScalars) }
    /// The outer negations that say "it is not that" (不是, 唔系), as against those that say "never" (没有, 冇).
    private static func outerIsNot(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        ["不是", "唔系", "不系"].contains { word in scalars.count >= 2 && scalars.suffix(2).elementsEqual(word.unicodeScalars) }
    }
    /// A count of times or instalments between "never" and the inner negation: 哪个月, 一期, 一次, 任何一期.
    private static let everyTime: Set<Unicode.Scalar> = ["哪", "一", "个", "月", "期", "次", "回", "天", "笔", "任", "何", "每"]
    private static let subjectHan: Set<Unicode.Scalar> = ["我", "他", "她", "们", "佢", "哋", "你"]
    private static let innerWords: [[Unicode.Scalar]] = ["没", "冇", "未", "从没", "从来没", "never", "didn't", "didnt", "did not", "haven't",
        "havent", "have not", "hasn't", "hasnt", "has not"].map { Array($0.unicodeScalars) }

    /// Where a negation reaches over the whole verb phrase after it (`stretches`): from its end to where the phrase
    /// stops. Empty in most lines.
    private let stretches: [Range<Int>]
    /// For each position, where the stretch that covers it starts (-1: none); empty in a line without a stretch.
    private let stretchFrom: [Int]
    /// Where the verb phrase after each negation stops, by where the negation ends, when it stops at a word that starts
    /// a new one ("I didn't pay **so** they called my mom"): no negation reaches past it.
    private let phraseEnds: [Int: Int]

    /// "要不要", "有没有": a 不, 没 or 唔 between the same character twice asks; it denies nothing.
    private static func asksEitherWay(_ range: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        guard range.count == 1, range.lowerBound > 0, range.upperBound < scalars.count,
              ["不", "没", "唔"].contains(scalars[range.lowerBound]) else { return false }
        return scalars[range.lowerBound - 1] == scalars[range.upperBound] && !scalars[range.upperBound].isASCII
    }

    /// The scope of a negation is the verb phrase it governs, not a fixed number of characters, when:
    /// - it governs a verb of paying, sending or giving: the verb's object and destination are denied with it ("我没有
    ///   转账给**个人账户**", "我冇轉過錢去任何**私人戶口**", "I did not transfer anything to a **personal account**",
    ///   "I haven't **paid them** anything");
    /// - in Chinese, a word that only stands under a negation follows it (任何, 一分): "我没给任何人**做过担保**", "我没在
    ///   任何网贷平台**注册过**" (English puts "anything" after the verb: it rests on the verb).
    /// The phrase goes on in its clause up to a word that starts a new one (也, 还有, 就, and, but, so) or a new subject
    /// (他们, they — not after a word that makes it the destination: "没转钱给他们的个人账户"), and at most 16 Chinese
    /// characters or 64 Latin ones. A bare 不 or 不是 before the verb ("不给我时间") is no such negation.
    private static func stretches(_ scalars: [Unicode.Scalar], negations: [Range<Int>], clauses: Clauses) -> ([Range<Int>], [Int: Int]) {
        var found: [Range<Int>] = []
        var ends: [Int: Int] = [:]
        for negation in negations {
            let from = negation.upperBound
            guard from < scalars.count else { continue }
            let clause = clauses.of(negation.lowerBound)
            let latin = scalars[negation.lowerBound].isASCII
            let limit = min(scalars.count, from + (latin ? 64 : 16))
            var stop = from
            var polarity = false
            while stop < limit, clauses.of(stop) == clause {
                // Only a position whose scalar can open one of the words is compared with them (a line of 2,000 没有).
                let opens = stopInitials.mayStart(scalars[stop])
                if stop > from, opens, startsWord(scalars, at: stop, of: stopWords, latin: latin)
                    || startsWord(scalars, at: stop, of: newSubjects, latin: latin) && !endsWord(scalars, at: stop, of: destinations) {
                    ends[from] = min(ends[from] ?? stop, stop)
                    break
                }
                // Chinese puts the word before the verb (没给**任何人**做过担保); English after it ("never signed
                // anything for her loan" denies the signing, not that it is her loan): English relies on the verb.
                if !latin, opens, startsWord(scalars, at: stop, of: polarityWords, latin: false) { polarity = true }
                stop += 1
            }
            guard stop > from else { continue }
            let bare = !latin && (negation.count == 1 && scalars[negation.lowerBound] == "不"
                || scalars[negation].elementsEqual(Self.notIs))
            var verbAt = from
            while verbAt < stop, scalars[verbAt] == " " { verbAt += 1 }
            if verbAt < stop, !latin, ["有", "曾", "再", "都"].contains(scalars[verbAt]) { verbAt += 1 }
            let governs = !bare && verbAt < stop && startsWord(scalars, at: verbAt, of: verbs, latin: latin)
            if governs || polarity { found.append(from..<stop) }
        }
        // "不是 A 是 B", "我不是不还是现在还不起" (probe15 Q3: "not that I won't pay, but I can't"): the 是 that answers a
        // 不是 / 唔系 ends what it denies, and what any negation inside A denies; B is said as it is.
        for negation in negations where scalars[negation].elementsEqual(Self.notIs) || scalars[negation].elementsEqual(Self.notIsCantonese) {
            let clause = clauses.of(negation.lowerBound)
            var k = negation.upperBound + 1
            while k < min(scalars.count, negation.upperBound + 12), clauses.of(k) == clause {
                if scalars[k] == "是" || scalars[k] == "系", scalars[k - 1] != "不", scalars[k - 1] != "唔" {
                    for inner in negations where inner.lowerBound >= negation.lowerBound && inner.upperBound <= k {
                        ends[inner.upperBound] = min(ends[inner.upperBound] ?? k, k)
                    }
                    break
                }
                k += 1
            }
        }
        return (found, ends)
    }

    private static let notIsCantonese: [Unicode.Scalar] = ["唔", "系"]

    /// Whether one of `words` starts at `index` (a Latin one as a whole word at its start).
    private static func startsWord(_ scalars: [Unicode.Scalar], at index: Int, of words: [[Unicode.Scalar]], latin: Bool) -> Bool {
        guard index < scalars.count else { return false }
        if scalars[index].isASCIILetter, index > 0, scalars[index - 1].isASCIILetter || scalars[index - 1] == "'" { return false }
        return words.contains { word in
            index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
                && (!word[0].isASCIILetter || index + word.count == scalars.count || !scalars[index + word.count].isASCIILetter)
        }
    }

    /// Whether one of `words` ends right before `index` (spaces skipped).
    private static func endsWord(_ scalars: [Unicode.Scalar], at index: Int, of words: [[Unicode.Scalar]]) -> Bool {
        var end = index
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        return words.contains { word in end >= word.count && scalars[(end - word.count)..<end].elementsEqual(word) }
    }

    private static let notIs: [Unicode.Scalar] = ["不", "是"]
    /// Verbs of paying, sending and giving, after folding (轉 → 转). Latin forms stand as whole words.
    private static let verbs: [[Unicode.Scalar]] = ["转", "汇", "付", "给", "交", "还", "缴", "充", "打钱", "打款", "俾", "畀", "过数",
        "transfer", "transferred", "send", "sent", "pay", "paid", "give", "given", "gave", "wire", "wired", "repay", "repaid"]
        .map { Array($0.unicodeScalars) }
    /// Words that stand only under a negation: what follows them is still the denied verb phrase.
    private static let polarityWords: [[Unicode.Scalar]] = ["任何", "一分", "一毛", "一蚊", "分文", "半毛", "一块钱"]
        .map { Array($0.unicodeScalars) }
    /// The first scalars of `stopWords`, `newSubjects` and `polarityWords` (a table, not a `Set`: a hash at every
    /// position of every stretch was a third of what the stretches cost).
    private static let stopInitials = ScalarWords((stopWords + newSubjects + polarityWords).map { String(String.UnicodeScalarView($0)) })
    /// Words that start a new verb phrase in the clause.
    private static let stopWords: [[Unicode.Scalar]] = ["也", "还有", "还被", "就", "又", "而且", "并且", "跟着", "所以", "因为",
        "and", "but", "so", "because", "then", "also", "while"].map { Array($0.unicodeScalars) }
    /// New subjects, and the words after which they are the destination instead.
    private static let newSubjects: [[Unicode.Scalar]] = ["他们", "他", "她", "催收", "对方", "佢哋", "佢", "they", "he", "she", "collectors"]
        .map { Array($0.unicodeScalars) }
    private static let destinations: [[Unicode.Scalar]] = ["给", "到", "往", "向", "转", "俾", "畀", "和", "跟", "同", "帮", "替", "为", "to", "for", "with", "paid", "pay", "sent", "send",
        "gave", "give"].map { Array($0.unicodeScalars) }

    /// The words that join alternatives under one negation: 或, 或者, 或是, 还是, 定系 (定係), "or", "nor". Keyed by
    /// where the next word starts (spaces skipped), valued by where the joining word starts. Not "and" / 和: "they
    /// didn't ask for money and called my mum" goes on to say what did happen.
    private static func orWords(_ scalars: [Unicode.Scalar]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        var index = 0
        func skipSpaces(_ from: Int) -> Int {
            var next = from
            while next < scalars.count, scalars[next] == " " { next += 1 }
            return next
        }
        while index < scalars.count {
            let scalar = scalars[index]
            var end = index
            if scalar == "或" {
                end = index + 1
                if end < scalars.count, scalars[end] == "者" || scalars[end] == "是" { end += 1 }
            } else if (scalar == "还" || scalar == "定") && index + 1 < scalars.count && (scalars[index + 1] == "是" || scalars[index + 1] == "系") {
                end = index + 2
            } else if scalar == "o" || scalar == "n", index == 0 || !scalars[index - 1].isASCIILetter {
                let word: [Unicode.Scalar] = scalar == "o" ? ["o", "r"] : ["n", "o", "r"]
                if index + word.count <= scalars.count, scalars[index..<(index + word.count)].elementsEqual(word),
                   index + word.count == scalars.count || !scalars[index + word.count].isASCIILetter {
                    end = index + word.count
                }
            }
            if end > index {
                found[skipSpaces(end)] = index
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether the phrase at `position` follows an "or" that follows a denied phrase: "没让我转账或者**点链接**".
    /// A verb may stand between the "or" and the phrase: "或者撳**連結**", "或者给**验证码**" (at most two Chinese characters).
    private func deniedBeforeOr(_ position: Int) -> Bool {
        var gap = 0
        while gap < 2, afterOr[position - gap] == nil, position - gap > 0, TextNormalizer.isHan(scalars[position - gap - 1]) { gap += 1 }
        guard var end = afterOr[position - gap] else { return false }
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        guard let before = phrasesByEnd[end] else { return false }
        return before.contains { clauses.of($0.lowerBound) == clauses.of(position) && isDenial($0) }
    }

    /// The announcing words that ask something of the person, as opposed to threats ("说要上门"): a denied request
    /// ("没人让我转账", "nobody asked me to send money") says nothing of that kind was asked (`deniesRequest`).
    private static let requests: [[Unicode.Scalar]] = ["让我", "叫我", "要我", "要求我", "asked me to", "asking me to", "ask me to",
                                                        "want me to", "wanted me to", "wants me to"].map { Array($0.unicodeScalars) }

    /// Whether `range` is denied as part of a request made of the person: "没人让我**转账**", "they never asked me to
    /// send money to a **safe account**".
    func deniesRequest(_ range: Range<Int>) -> Bool {
        demandEnds.contains { end in
            end <= range.lowerBound + 1 && clauses.of(end - 1) == clauses.of(range.lowerBound) && !announcesBetween(end, range.lowerBound)
        }
    }

    /// The subjects that make a clause-opening "no" an answer: "no I …", "no, they …".
    static let subjects: Set<String> = ["i", "i've", "i'm", "i'd", "ive", "im", "we", "we've", "they", "they've", "he", "she",
                                        "it", "it's", "its", "that", "that's", "thats", "there", "my", "me"]

    /// The negations that are the subject of their clause.
    private static let clauseWide: [[Unicode.Scalar]] = ["no one", "nobody", "没人", "没有人", "无人", "冇人"].map { Array($0.unicodeScalars) }

    /// Whether a negation ends shortly before `range` (6 characters, 16 for Latin script) in its clause, or a negation
    /// that is the clause's subject ends anywhere before it in the clause, or the phrase follows a denied one and an
    /// "or" ("没让我转账或者点链接").
    func negates(_ range: Range<Int>) -> Bool {
        if !afterOr.isEmpty, deniedBeforeOr(range.lowerBound) { return true }
        // Inside a rhetorical "when did I ever" (`rhetoricalQuestions`).
        for question in rhetorical where question.contains(range.lowerBound) && !hasInside(range) {
            return true
        }
        // Over a verb phrase (`stretches`); not a phrase that is a denial in form of its own ("没点链接").
        if !stretchFrom.isEmpty, range.lowerBound < stretchFrom.count, stretchFrom[range.lowerBound] >= 0,
           !announcesBetween(stretchFrom[range.lowerBound], range.lowerBound), !hasInside(range) { return true }
        for end in clauseWideEnds where end <= range.lowerBound && clauses.of(end - 1) == clauses.of(range.lowerBound)
            && !announcesBetween(end, range.lowerBound) { return true }
        let window = scalars[range.lowerBound].isASCII ? 16 : 6
        let clause = clauses.of(range.lowerBound)
        if byEnd.contains(endingIn: max(range.lowerBound - window, 0)..<(range.lowerBound + 1), where: { negation in
            (phraseEnds.isEmpty || (phraseEnds[negation.upperBound] ?? Int.max) > range.lowerBound)
                && clauses.of(negation.lowerBound) == clause && !announcesBetween(negation.upperBound, range.lowerBound)
        }) { return true }
        // A negation that shares the phrase's first characters: "没叫" before the phrase "叫我下载"; not when the
        // phrase is itself a denial in form ("they didn't" before "didn't ask for a transfer").
        guard !hasInside(range) else { return false }
        return byEnd.contains(endingIn: (range.lowerBound + 1)..<range.upperBound) { $0.lowerBound < range.lowerBound }
    }

    /// Whether the person says that the role named at `range` is someone else's: "担保人**不是我**，是他爸", "擔保人唔係我",
    /// "the guarantor is his dad, **not me**". Right after the phrase in Chinese; in Latin script after "is" / "was" right
    /// after the phrase, anywhere in its sentence (commas do not end it), within 48 characters.
    func namesSomeoneElse(_ range: Range<Int>) -> Bool {
        var index = range.upperBound
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count else { return false }
        if !scalars[range.lowerBound].isASCII {
            return Self.notMeHan.contains { word in
                index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
            }
        }
        // In English the role is the subject of "is"/"was": "the guarantor is his dad, not me"; "my brother used my ID,
        // not me" says who did it, not that the ID is someone else's.
        guard Self.startsWord(scalars, at: index, of: Self.copulas, latin: true) else { return false }
        let limit = min(scalars.count, index + 48)
        while index < limit, ![".", "!", "?", ";", "\n"].contains(scalars[index]) {
            if Self.startsWord(scalars, at: index, of: Self.notMeLatin, latin: true) { return true }
            index += 1
        }
        return false
    }

    private static let notMeHan: [[Unicode.Scalar]] = ["不是我", "并不是我", "唔系我", "不系我", "不是本人", "并非我", "不是在下"]
        .map { Array($0.unicodeScalars) }
    private static let copulas: [[Unicode.Scalar]] = ["is", "was", "isn't", "wasn't", "isnt", "wasnt"].map { Array($0.unicodeScalars) }
    private static let notMeLatin: [[Unicode.Scalar]] = ["not me", "isn't me", "is not me", "wasn't me", "was not me", "not myself"]
        .map { Array($0.unicodeScalars) }

    /// Whether an announcing word starts after a negation ending at `end`, not right after it, and by `position`.
    private func announcesBetween(_ end: Int, _ position: Int) -> Bool {
        guard !announcementStarts.isEmpty else { return false }
        var adjacent = end
        while adjacent < scalars.count, scalars[adjacent] == " " { adjacent += 1 }
        return announcementStarts.contains { $0 > adjacent && $0 <= position }
    }

    /// Whether a negation inside content phrases starts within `range` (and, `whole`, ends within it too): the phrase is a
    /// denial in form ("没借过"). A binary search over `inside`, sorted by start.
    func hasInside(_ range: Range<Int>, whole: Bool = false) -> Bool {
        var low = 0
        var high = inside.count
        while low < high {
            let middle = (low + high) / 2
            if inside[middle].lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        while low < inside.count, inside[low].lowerBound < range.upperBound {
            if !whole || inside[low].upperBound <= range.upperBound { return true }
            low += 1
        }
        return false
    }

    /// Whether the phrase at `range` denies, by a negation before it or inside it ("没借过", "never borrowed").
    func isDenial(_ range: Range<Int>) -> Bool {
        negates(range) || hasInside(range, whole: true)
    }
}
