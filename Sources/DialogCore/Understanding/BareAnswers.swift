/// A plain yes or no (the lexicon's `yes` and `no`), when the line says exactly one of them and is not itself a
/// question. Only an answer word that opens a clause answers ("是的，…", "嗯，…", "我没有"), not the 是 of
/// "收到的是短信", which says what, not whether. A bare answer fills the yes/no question on screen, or "none" for a
/// choice question that has it.
extension LineAnalysis {
    /// What may stand before a yes or no at the start of a clause: a subject or a filler ("我没有", "I did", "嗯 是的").
    static let answerOpeners: Set<String> = ["我", "我们", "我也", "我都", "我真的", "我确实", "我本人", "本人", "他们", "她", "他",
                                             "都", "真的", "确实", "当然", "嗯", "哦", "噢", "啊", "呃", "i", "we", "they", "oh", "um", "well", "yes", "no"]

    static let longestOpener = answerOpeners.map(\.unicodeScalars.count).max() ?? 0

    /// The openers as scalars, to compare without building a String for every yes or no word of a line.
    private static let answerOpenerScalars: [[Unicode.Scalar]] = answerOpeners.map { Array($0.unicodeScalars) }

    /// Whether `words` is one of `answerOpeners`. Words of ASCII and unified CJK ideographs (all the openers are) have
    /// no other canonically equivalent spelling, so comparing scalars answers as the set of Strings does; anything
    /// else (a compatibility ideograph such as U+FA26 is canonically 都) is still looked up as a String.
    static func isAnswerOpener(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
        if words.allSatisfy({ $0.isASCII || (0x4E00...0x9FFF).contains($0.value) }) {
            return answerOpenerScalars.contains { $0.elementsEqual(words) }
        }
        return answerOpeners.contains(String(String.UnicodeScalarView(words)))
    }

    var bareAnswer: SlotValue? {
        guard !isQuestion else { return nil }
        // The last content phrase of each clause, by clause number (Int.min: none; an array, not a dictionary: a hash
        // per phrase).
        var lastContentStart = [Int](repeatElement(.min, count: clauses.count))
        for found in content {
            // A choice slot's cue only licenses ("收到" for who was reached): "没收到" is still a plain no. (A number's
            // cue is a fact in its own right: "冇逾期" is not a plain no.)
            if case .numberCue(let slot) = found.cue, !numberSlots.contains(slot) { continue }
            let c = clauses.of(found.range.lowerBound)
            lastContentStart[c] = max(lastContentStart[c], found.range.lowerBound)
        }
        let scalars = self.scalars
        func opensClause(_ found: PhraseHit) -> Bool {
            var start = clauses.start[found.range.lowerBound]
            var stop = found.range.lowerBound
            while start < stop, scalars[start] == " " { start += 1 }
            while start < stop, scalars[stop - 1] == " " { stop -= 1 }
            guard stop - start <= Self.longestOpener else { return false }
            guard start == stop || Self.isAnswerOpener(scalars[start..<stop]) else { return false }
            // "是花呗发的短信": a yes word run straight into a fact of its own clause is a copula, not an answer.
            let end = found.range.upperBound
            if end < scalars.count, !",.;!? ".unicodeScalars.contains(scalars[end]) {
                return !(lastContentStart[clauses.of(found.range.lowerBound)] >= end)
            }
            return true
        }
        // "no I did not send anything": the "I did" of "I did not" is no yes.
        let negations = functional.of(.negations).map(\.range)
        let yesCount = functional.of(.yes).filter { yes in opensClause(yes) && !negations.contains { $0.overlaps(yes.range) } }.count
        let noCount = functional.of(.no).filter(opensClause).count
        if yesCount > 0, noCount == 0 { return .yes }
        if noCount > 0, yesCount == 0 { return .no }
        return nil
    }

    /// The verb a plain no opens onto, when it denies a deed of its own rather than answering: "我**没点**" (didn't click)
    /// to "are you yourself overdue?" says nothing of being overdue. Only after 没 / 没有 / 沒 (a 不 is an answer or a
    /// hedge: "不是", "不会", "不知道"; Cantonese 冇 runs into words the questions do not spell, "冇㩒", "冇印象"), and
    /// only a Chinese character that is no particle; nil when the no stands alone ("没有", "没呢", "没啥").
    var verbAfterNo: Unicode.Scalar? {
        let scalars = self.scalars
        for word in functional.of(.no) {
            let said = scalars[word.range]
            guard said.first == "没" else { continue }
            var next = word.range.upperBound
            while next < scalars.count, scalars[next] == " " { next += 1 }
            guard next < scalars.count, clauses.of(next) == clauses.of(word.range.lowerBound) else { continue }
            let scalar = scalars[next]
            guard TextNormalizer.isHan(scalar), !Self.isFiller(scalar), !Self.particlesAfterNo.contains(scalar) else { continue }
            return scalar
        }
        return nil
    }

    /// What may follow a plain no and still leave it plain: "没了", "没的", "没事", "没啥", "没什么", "没印象".
    private static let particlesAfterNo: Set<Unicode.Scalar> = ["了", "的", "事", "有", "啥", "什", "印"]

    /// Whether a clause after the claim at `range` (the next one, or one after clauses that carry the claim on) agrees
    /// with it in the person's own voice: "短信说我逾期了，**没错**", "…，**说得没错**", "…，**沒錯**", "…，**是真的**". The
    /// clause is a yes word of the lexicon alone, after at most an opener ("我", "嗯", "的确"), or one of
    /// `agreements`, with nothing after it but a particle; not a question ("…，是真的吗").
    func agrees(after range: Range<Int>) -> Bool {
        let scalars = self.scalars
        let claimClause = clauses.of(range.lowerBound)
        var c = claimClause + 1
        var index = range.upperBound
        while c < clauses.count {
            // The clause's text, without its mark, spaces and closing particles.
            while index < scalars.count, clauses.of(index) < c { index += 1 }
            guard index < scalars.count else { return false }
            var start = index
            var end = index
            while end < scalars.count, clauses.of(end) == c { end += 1 }
            index = end
            while start < end, scalars[start] == " " || Clauses.isClauseMark(scalars[start]) { start += 1 }
            if end < scalars.count, scalars[end] == "?" { return false }
            while end > start, scalars[end - 1] == " " || Self.closingParticles.contains(scalars[end - 1]) { end -= 1 }
            let words = scalars[start..<end]
            if Self.agreements.contains(where: { $0.elementsEqual(words) }) { return true }
            if functional.of(.yes).contains(where: { hit in
                hit.range.upperBound == end && hit.range.lowerBound >= start
                    && (hit.range.lowerBound == start || Self.isAnswerOpener(scalars[start..<hit.range.lowerBound])
                        || Self.agreementOpeners.contains { $0.elementsEqual(scalars[start..<hit.range.lowerBound]) })
            }) { return true }
            guard reported.carried.contains(c) else { return closesOwning(after: range) }
            c += 1
        }
        return false
    }

    /// Whether the line ends, after the claim at `range`, with the person owning what was pasted before: "…Pay today
    /// to avoid affecting your credit record.\" It's mine" (probe19 T8), "…。没错，是真的". The last clause alone, not a
    /// question.
    private func closesOwning(after range: Range<Int>) -> Bool {
        let scalars = self.scalars
        var end = scalars.count
        while end > range.upperBound, scalars[end - 1] == " " || Self.closingParticles.contains(scalars[end - 1]) || scalars[end - 1] == "\"" { end -= 1 }
        guard end > range.upperBound, scalars[end - 1] != "?" else { return false }
        var start = end
        while start > range.upperBound, clauses.of(start - 1) == clauses.of(end - 1) { start -= 1 }
        while start < end, scalars[start] == " " || scalars[start] == "\"" || Clauses.isClauseMark(scalars[start]) { start += 1 }
        guard start > range.upperBound else { return false }
        let words = scalars[start..<end]
        return Self.agreements.contains { $0.elementsEqual(words) } || Self.owningClosers.contains { $0.elementsEqual(words) }
    }

    /// The words that own a pasted claim at the end of the line: "It's mine", "that's mine".
    private static let owningClosers: [[Unicode.Scalar]] = ["it's mine", "it is mine", "its mine", "that's mine", "thats mine",
                                                            "this is mine", "yes it's mine", "yes, it's mine", "it's my debt", "it's my loan"]
        .map { Array($0.unicodeScalars) }

    /// Whether the clause right after the claim at `range` says no to it in the person's own voice and nothing else:
    /// "they said I owe 3000 **but I never did**", "他们说我借了3000，**可我没有**", "短信说我逾期了，**我没有**". The clause is a
    /// no word of the lexicon alone, after at most a break word ("but", "但"), a conjunction (可, 但) and an opener
    /// ("I", "我"); not a question. A comma before the break word ("…3000，但我冇", "…3000, but I never did") leaves a
    /// clause of nothing but the mark between them, which is passed over.
    func disagrees(after range: Range<Int>) -> Bool {
        let scalars = self.scalars
        var c = clauses.of(range.lowerBound) + 1
        var start = range.upperBound
        var end = start
        while true {
            guard c < clauses.count else { return false }
            while start < scalars.count, clauses.of(start) < c { start += 1 }
            guard start < scalars.count else { return false }
            end = start
            while end < scalars.count, clauses.of(end) == c { end += 1 }
            while start < end, scalars[start] == " " || Clauses.isClauseMark(scalars[start]) { start += 1 }
            guard start == end else { break }
            c += 1
        }
        if end < scalars.count, scalars[end] == "?" { return false }
        while end > start, scalars[end - 1] == " " || Self.closingParticles.contains(scalars[end - 1]) { end -= 1 }
        if let open = functional.of(.breaks).first(where: { $0.range.lowerBound == start && $0.range.upperBound < end }) {
            start = open.range.upperBound
        } else if start < end, Self.conjunctions.contains(scalars[start]) {
            start += 1
        }
        while start < end, scalars[start] == " " { start += 1 }
        return functional.of(.no).contains { hit in
            guard hit.range.upperBound == end, hit.range.lowerBound >= start else { return false }
            var openerEnd = hit.range.lowerBound
            while openerEnd > start, scalars[openerEnd - 1] == " " { openerEnd -= 1 }
            return openerEnd == start || Self.isAnswerOpener(scalars[start..<openerEnd])
        }
    }

    /// One-character conjunctions that may open a clause of disagreement: "**可**我没有", "**但**我没有".
    private static let conjunctions: Set<Unicode.Scalar> = ["可", "但", "而"]

    /// Whole clauses that agree with a claim (folded: 沒錯 reads 没错, 講得啱 讲得啱, 係真嘅 系真嘅).
    private static let agreements: [[Unicode.Scalar]] = [
        "说得没错", "说的没错", "说得对", "说的对", "说的是真的", "是真的", "这是真的", "确实如此", "的确如此", "没说错", "讲得对",
        "讲得啱", "冇讲错", "系真嘅", "真系", "it's true", "it is true", "that's true", "thats true", "its true", "they are right",
        "they're right", "that's right", "thats right",
    ].map { Array($0.unicodeScalars) }
    /// What may stand before a yes that agrees with a claim: "**说得**没错", "**的确**是".
    private static let agreementOpeners: [[Unicode.Scalar]] = ["说得", "说的", "讲得", "讲的", "的确", "真的是", "确实是", "就是"]
        .map { Array($0.unicodeScalars) }
    /// What may close it: "没错**啊**", "对**的**", "係**呀**".
    static let closingParticles: Set<Unicode.Scalar> = ["啊", "呀", "的", "了", "啦", "嘅", "喇", "!", "."]

    /// Whether a folded line asks, even without a "?": it ends like a question, or holds a question word
    /// ("他们再打来我该怎么说", "what do I say to them"). Used only after the advice, to point a question to who can
    /// answer it, so it is worked out there and not on every line.
    static func asks(_ scalars: [Unicode.Scalar]) -> Bool {
        if let last = scalars.last(where: { !".!, ".unicodeScalars.contains($0) }),
           last == "?" || last == "吗" || last == "嘛" || last == "么" || last == "呢" { return true }
        // One pass over the line: only a scalar that opens a question word is compared further.
        for start in scalars.indices where chineseQuestionWordStarts.contains(scalars[start].value) {
            for word in chineseQuestionWords where word[0] == scalars[start] && start + word.count <= scalars.count {
                if scalars[start..<(start + word.count)].elementsEqual(word) { return true }
            }
        }
        let first = asciiWord(scalars, from: scalars.firstIndex { $0 != " " } ?? 0)
        return englishQuestionStarts.contains(first)
    }

    static let chineseQuestionWords: [[Unicode.Scalar]] = ["怎么", "怎样", "哪里", "哪儿", "什么", "为什么", "能不能", "可不可以", "要不要",
                                       "该不该", "是不是", "多少", "点算", "点解", "边度", "咩", "几时"].map { Array($0.unicodeScalars) }
    private static let chineseQuestionWordStarts: Set<UInt32> = Set(chineseQuestionWords.map { $0[0].value })
    static let englishQuestionStarts: Set<String> = ["what", "how", "where", "why", "when", "who", "can", "could", "should",
                                                      "do", "does", "is", "are", "will", "would", "may", "shall"]

    /// The line ends by asking rather than answering: its last clause ends in "?" or in 吗 / 嘛 / 么, or asks with a
    /// choice of yes and no ("係咪真㗎", "系唔系真嘅", "有冇搞错", "是不是真的": Cantonese puts no 吗 after it, and a
    /// person typing on a phone no "?"). A question repeated and then answered ("court? no", "法院的？没有") answers.
    var isQuestion: Bool {
        guard let lastIndex = scalars.lastIndex(where: { !Self.trailingMarks.contains($0) }) else { return false }
        let last = scalars[lastIndex]
        if last == "?" || last == "吗" || last == "嘛" || last == "么" { return true }
        var start = lastIndex
        while start > 0, !Self.clauseMarks.contains(scalars[start - 1]) { start -= 1 }
        return asksYesOrNo(start..<(lastIndex + 1))
    }

    /// The marks a line may end with after its last word, and those that end a clause: arrays of scalars, where a
    /// `String`'s scalars were decoded again at every position of the line (~150 instructions each).
    private static let trailingMarks: [Unicode.Scalar] = Array(".!, ".unicodeScalars)
    private static let clauseMarks: [Unicode.Scalar] = Array(",.!;?\n".unicodeScalars)

    /// English: an auxiliary and then its subject open the stretch ("is it real", "are they allowed", "can they do
    /// this"): a question without its "?".
    private static let auxiliaries: Set<String> = ["is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would",
                                                   "should", "may"]
    private static let subjects: Set<String> = ["it", "this", "that", "they", "i", "he", "she", "we", "you", "there", "these", "those"]

    /// Yes-or-no questions of the A-not-A form, and Cantonese 咪 ("係咪" = "is it or not").
    private static let alternatives: [[Unicode.Scalar]] = ["系咪", "系唔系", "是不是", "是唔是", "真唔真", "真定假", "有冇", "有没有", "会唔会",
                                                           "会不会", "使唔使", "要唔要", "得唔得", "可唔可以", "能不能"].map { Array($0.unicodeScalars) }
    private static let denials: Set<Unicode.Scalar> = ["没", "不", "唔", "冇"]
    /// Words that make the question an indirect one, said of what the person does not know ("我唔知係咪真", "不知道是不是我借的").
    private static let notKnowing: [[Unicode.Scalar]] = ["唔知", "不知道", "不知", "唔清楚", "不清楚", "唔肯定", "不确定"].map { Array($0.unicodeScalars) }

    /// Whether the stretch asks yes or no by itself (an A-not-A word, not after "I don't know").
    func asksYesOrNo(_ stretch: Range<Int>) -> Bool {
        var first = stretch.lowerBound
        while first < stretch.upperBound, scalars[first] == " " { first += 1 }
        if first < stretch.upperBound, scalars[first].isASCIILetter {
            let auxiliary = Self.asciiWord(scalars, from: first)
            let next = first + auxiliary.unicodeScalars.count + 1
            return Self.auxiliaries.contains(auxiliary) && next < stretch.upperBound && scalars[next - 1] == " "
                && Self.subjects.contains(Self.asciiWord(scalars, from: next))
        }
        func has(_ word: [Unicode.Scalar], at index: Int) -> Bool {
            index + word.count <= stretch.upperBound && scalars[index..<(index + word.count)].elementsEqual(word)
        }
        var index = stretch.lowerBound
        while index < stretch.upperBound {
            // Only a position whose scalar may open one of the words is compared with them.
            guard Self.questionWordFirsts.mayStart(scalars[index]) else {
                index += 1
                continue
            }
            if Self.notKnowing.contains(where: { $0[0] == scalars[index] && has($0, at: index) }) { return false }
            // Not inside a repeated denial: the "有没有" of "没有没有" is "no, no".
            if Self.alternatives.contains(where: { $0[0] == scalars[index] && has($0, at: index) }),
               index == 0 || !Self.denials.contains(scalars[index - 1]) { return true }
            index += 1
        }
        return false
    }

    /// The first scalars of `notKnowing` and `alternatives`.
    private static let questionWordFirsts = ScalarWords((notKnowing + alternatives).map { String(String.UnicodeScalarView($0)) })

    /// The clause holding `range` asks: after the range it ends in "?", or in 吗 / 嘛 / 么, before any "," "." "!"
    /// or ";". A person's own question is theirs even after reported speech ("我表哥借的，会影响我的征信吗").
    func asks(at range: Range<Int>) -> Bool {
        var last: Unicode.Scalar? = range.isEmpty ? nil : scalars[range.upperBound - 1]
        var end = range.upperBound
        for scalar in scalars[range.upperBound...] {
            if scalar == "?" { return true }
            if ",.!;\n".unicodeScalars.contains(scalar) { break }
            if scalar != " " { last = scalar }
            end += 1
        }
        if last == "吗" || last == "嘛" || last == "么" { return true }
        // "佢哋話我欠錢，係咪真㗎": a yes-or-no question in the clause, from its start.
        var start = range.lowerBound
        while start > 0, !Self.clauseMarks.contains(scalars[start - 1]) { start -= 1 }
        return asksYesOrNo(start..<end)
    }
}
