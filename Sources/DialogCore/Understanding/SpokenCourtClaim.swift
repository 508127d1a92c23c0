/// A court step told in someone's spoken words: "他们说要起诉我，还说**下周就开庭**", "催收打电话说**法院**下个月开庭",
/// "佢哋話下個禮拜**開庭**", "they said the **court** hearing is next week". What a collector says of a court is their
/// threat, not a court message the person received: a phrase the dialog reads as a court paper ("开庭", "法院",
/// "court") that lies in the words of someone who spoke (说, 话, 讲, said, told me), and does not say who spoke ("说他是法院
/// 的", "said he is from the court": posing as a court), is read as the dialog's plain form of
/// a threat to sue ("说要起诉") instead. A paper that spoke keeps its reading: "收到法院的短信，说下周开庭", "a text from
/// the court saying the hearing is next week" (a written source, 短信 / 通知 / 信 / text / letter / court, stands
/// before the saying word, or before the one it goes on from: "他们说…，还说…" is the same speakers).
enum SpokenCourtClaim {
    /// The dialog's plain forms: a court paper, and someone's threat to sue.
    private static let paperForm: [Unicode.Scalar] = Array("传票".unicodeScalars)
    private static let threatForm: [Unicode.Scalar] = Array("说要起诉".unicodeScalars)

    /// The last characters of a Chinese saying word (folded: 說 is 说, 話 is 话, 講 is 讲).
    private static let sayingEnds: Set<Unicode.Scalar> = ["说", "话", "讲"]
    /// English saying words.
    private static let sayingWords: Set<String> = ["said", "says", "say", "saying", "told", "claims", "claimed", "claiming"]

    /// The words of a written source before a saying word: the message, not its sender, speaks.
    private static let writtenChinese: [[Unicode.Scalar]] = ["短信", "信息", "讯息", "简讯", "短讯", "通知", "信", "函", "文书", "传票",
                                                             "法院", "12368", "公告", "邮件", "页面", "网页", "app", "上面", "上写", "写"]
        .map { Array($0.unicodeScalars) }
    private static let writtenEnglish: Set<String> = ["text", "texts", "message", "messages", "sms", "letter", "notice", "email",
                                                     "court", "summons", "paper", "papers", "app", "document"]

    /// `content` with the paper phrases inside someone's spoken words read as the threat. `reported`: the line's
    /// reported speech; `sayings`: the lexicon's reported-speech words found in it.
    static func read(_ content: [PhraseHit], in scalars: [Unicode.Scalar], reported: ReportedSpeech, clauses: Clauses,
                     sayings: [PhraseHit], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        let spoken = sayings.filter { isSaying($0.range, in: scalars) }
        guard !spoken.isEmpty else { return content }
        let paperCues = wholeYes(paperForm, matcher: matcher)
        guard !paperCues.isEmpty, content.contains(where: { paperCues.contains($0.cue) }) else { return content }
        let threatCues = wholeYes(threatForm, matcher: matcher)
        guard let threat = threatCues.first else { return content }
        let ordered = spoken.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var result = content
        for (index, hit) in content.enumerated() where paperCues.contains(hit.cue) && !namesSpeaker(hit.range, in: scalars)
            && inClaim(hit.range, in: scalars, reported: reported, clauses: clauses) {
            // The saying word that opens the claim: the last one before the phrase.
            guard let opening = ordered.lastIndex(where: { $0.range.upperBound <= hit.range.lowerBound }),
                  spokenBySomeone(opening, ordered, in: scalars) else { continue }
            result[index].cue = threat
        }
        return result
    }

    /// Whether the phrase at `range` is someone's claim: in reported speech, or after a 就 that goes on with it
    /// ("还说下周**就**开庭": 就 is a break word, which would end the claim).
    private static func inClaim(_ range: Range<Int>, in scalars: [Unicode.Scalar], reported: ReportedSpeech, clauses: Clauses) -> Bool {
        if reported.covers(range) { return true }
        let start = range.lowerBound
        let c = clauses.of(start)
        var index = start - 1
        while index >= 0, clauses.of(index) == c { index -= 1 }
        guard index >= 0, scalars[index + 1] == "就" else { return false }
        return reported.covers(index..<(index + 1))
    }

    /// Whether the court word says who is speaking, not what they say will happen: "说他是**法院**的", "自称法院的人",
    /// "said he is from the **court**" (someone posing as the court: the scam signs' business, not a threat to sue).
    private static func namesSpeaker(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        let start = range.lowerBound
        if start >= 1, scalars[start - 1] == "是" || scalars[start - 1] == "称" { return true }
        guard scalars[start].isASCIILetter, start >= 2 else { return false }
        var wordStart = start - 1
        var previous: [String] = []
        while previous.count < 2, wordStart > 0, scalars[wordStart] == " " {
            var from = wordStart - 1
            while from > 0, scalars[from - 1].isASCIILetter { from -= 1 }
            previous.append(LineAnalysis.asciiWord(scalars, from: from))
            wordStart = from - 1
        }
        let being: Set<String> = ["is", "am", "are", "was", "he's", "she's", "they're", "i'm"]
        // The phrase may hold the "from" itself: "from the court" after "he is".
        if LineAnalysis.asciiWord(scalars, from: start) == "from", let first = previous.first, being.contains(first) { return true }
        return previous.first == "from" || (previous.first == "the" && (previous.last == "from" || being.contains(previous.last ?? "")))
    }

    /// The `.slotYes` cues of the dialog's phrase that is exactly `form`.
    private static func wholeYes(_ form: [Unicode.Scalar], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [CompiledDialog.Cue] {
        matcher.matches(in: form).filter { $0.range == 0..<form.count }.flatMap(\.payloads).filter {
            if case .slotYes = $0 { return true }
            return false
        }
    }

    /// Whether the reported-speech word at `range` is a word of saying: 说, 话, 讲, 称 at its end, or an English saying word in it.
    private static func isSaying(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        guard let last = range.last else { return false }
        if sayingEnds.contains(scalars[last]) { return true }
        guard scalars[range.lowerBound].isASCII else { return false }
        var index = range.lowerBound
        while index < range.upperBound {
            let word = LineAnalysis.asciiWord(scalars, from: index)
            if sayingWords.contains(word) { return true }
            index += max(word.unicodeScalars.count, 1)
        }
        return false
    }

    /// Whether the saying word `ordered[at]` has someone speaking: no written source in it ("短信说") or in the stretch
    /// before it (back to the sentence's end, at most 12 Chinese characters or 30 Latin ones), and, when another saying
    /// word comes first in that stretch, that one spoke too ("他们说…，还说…").
    private static func spokenBySomeone(_ at: Int, _ ordered: [PhraseHit], in scalars: [Unicode.Scalar]) -> Bool {
        let word = ordered[at].range
        let end = word.lowerBound
        let reach = scalars[word.lowerBound].isASCII ? 30 : 12
        var start = end
        while start > 0, end - start < reach, !["。", ".", "!", "?", "\n"].contains(scalars[start - 1]) { start -= 1 }
        if written(in: scalars, word) { return false }
        if at > 0, ordered[at - 1].range.upperBound > start {
            // (Two words may overlap: "called and said" holds "said".)
            return spokenBySomeone(at - 1, ordered, in: scalars) && !written(in: scalars, min(ordered[at - 1].range.upperBound, end)..<end)
        }
        return !written(in: scalars, start..<end)
    }

    /// Whether `stretch` names a written source.
    private static func written(in scalars: [Unicode.Scalar], _ stretch: Range<Int>) -> Bool {
        var index = stretch.lowerBound
        while index < stretch.upperBound {
            if scalars[index].isASCIILetter {
                let word = LineAnalysis.asciiWord(scalars, from: index)
                if writtenEnglish.contains(word.lowercased()) { return true }
                index += max(word.unicodeScalars.count, 1)
                continue
            }
            for source in writtenChinese where index + source.count <= stretch.upperBound
                && scalars[index..<(index + source.count)].elementsEqual(source) { return true }
            index += 1
        }
        return false
    }
}
