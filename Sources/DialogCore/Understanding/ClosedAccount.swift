/// The person's account on a named platform, closed: "花呗早就关了", "我的借呗早就注销了", "注销了借呗", "I closed my
/// Huabei years ago", "my Jiebei account was closed". It says there was an account and that nothing should be owed on
/// it now (a platform closes an account only when it is settled): a notice on it is an error or a scam, to be checked
/// in the official app. The stretch reads as the words "账户已注销" / "closed my account", which a dialog lists where
/// it wants them (notice-help: an account, and a bill that is wrong). Only with the name: a bare "关闭了" is as often a
/// setting switched off ("关闭了自动续费").
/// After a negation the account is still open ("花呗没注销", "我的借呗没关", "冇閂", "I never closed my Huabei", "my Huabei
/// isn't closed"): there is an account, and nothing says the bill is wrong. Such a stretch reads as "有账户" / "i have an
/// account", never as a closed account (nor, at the account question, as a plain "no").
enum ClosedAccount {
    static let chineseReading: [Unicode.Scalar] = Array("账户已注销".unicodeScalars)
    static let englishReading: [Unicode.Scalar] = Array("closed my account".unicodeScalars)
    static let chineseOpenReading: [Unicode.Scalar] = Array("有账户".unicodeScalars)
    static let englishOpenReading: [Unicode.Scalar] = Array("i have an account".unicodeScalars)
    /// The negations that keep the account open when they stand right before the verb: "没注销", "还没关", "冇闩".
    private static let chineseNegations: [[Unicode.Scalar]] = ["还没有", "还没", "没有", "并没", "从没", "没", "冇", "未", "唔"].map { Array($0.unicodeScalars) }

    /// After the name: what may stand before the verb ("的账户", "账号"), the words between (早就, 已经), and the verbs.
    private static let accountWords: [[Unicode.Scalar]] = ["的账户", "的账号", "的额度", "账户", "账号", "额度", "嘅户口", "户口"].map { Array($0.unicodeScalars) }
    private static let between: Set<Unicode.Scalar> = ["早", "就", "已", "经", "都", "也", "我", "被", "给", "好", "几", "年", "前"]
    private static let chineseVerbs: [[Unicode.Scalar]] = ["关了", "关掉", "关闭", "注销", "销户", "闩咗", "闩了", "取消了"].map { Array($0.unicodeScalars) }
    /// The bare verbs after a negation: "没关", "没注销", "冇闩" (no 了: a thing that did not happen).
    private static let openVerbs: [[Unicode.Scalar]] = ["关", "闩", "注销", "销户", "取消"].map { Array($0.unicodeScalars) }
    /// Before the name: "注销了借呗", "关了花呗".
    private static let chineseVerbsBefore: [[Unicode.Scalar]] = ["注销了", "关掉了", "关闭了", "关了", "注销咗", "闩咗", "闩咗个"].map { Array($0.unicodeScalars) }
    private static let englishBefore: [[Unicode.Scalar]] = ["closed my ", "closed out my ", "cancelled my ", "canceled my ", "deactivated my ",
                                                            "shut down my ", "closed the ", "closed "].map { Array($0.unicodeScalars) }
    private static let englishAfter: [[Unicode.Scalar]] = [" account is closed", " account was closed", " account has been closed",
                                                           " is closed", " was closed", " has been closed", " is cancelled", " was cancelled",
                                                           " account is cancelled", " account was cancelled"].map { Array($0.unicodeScalars) }
    /// After the name, the account said to be still open.
    private static let englishAfterOpen: [[Unicode.Scalar]] = [" account isn't closed", " account is not closed", " account wasn't closed",
                                                               " account was never closed", " isn't closed", " is not closed", " wasn't closed",
                                                               " was not closed", " was never closed", " is still open", " account is still open",
                                                               " is still active", " account is still active", " isn't cancelled",
                                                               " is not cancelled"].map { Array($0.unicodeScalars) }
    private static let englishNegations: Set<String> = ["never", "not", "didn't", "didnt", "haven't", "havent", "hasn't", "hasnt", "don't", "dont"]

    /// The first scalars of what may stand right after a name (the verbs, the account words, the words between) and
    /// the last of what may stand right before it ("注销了", "关掉了", "闩咗个", "closed my "): a name with neither
    /// beside it is passed over without comparing the lists.
    private static let chineseAfterStarts: Set<Unicode.Scalar> = Set((chineseVerbs + accountWords).compactMap(\.first)).union(between).union(chineseNegations.compactMap(\.first))
    private static let chineseBeforeEnds: Set<Unicode.Scalar> = Set(chineseVerbsBefore.compactMap(\.last))

    /// A stretch of the line that tells of an account: closed, or (`open`) said not to be.
    struct Stretch {
        let range: Range<Int>
        let english: Bool
        var open = false
    }

    /// Where the line tells of an account closed or still open, and whether in English.
    static func stretches(_ scalars: [Unicode.Scalar], content: [PhraseHit]) -> [Stretch] {
        var stretches: [Stretch] = []
        func starts(_ word: [Unicode.Scalar], at index: Int) -> Bool {
            index >= 0 && index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
        }
        for name in content {
            guard case .known = name.cue else { continue }
            let range = name.range
            if scalars[range.lowerBound].isASCII {
                // Only beside a space: " is closed" after, "closed my " before.
                let spaceAfter = range.upperBound < scalars.count && scalars[range.upperBound] == " "
                let spaceBefore = range.lowerBound > 0 && scalars[range.lowerBound - 1] == " "
                guard spaceAfter || spaceBefore else { continue }
                if spaceAfter, let after = englishAfterOpen.first(where: { starts($0, at: range.upperBound) }) {
                    stretches.append(Stretch(range: range.lowerBound..<(range.upperBound + after.count), english: true, open: true))
                } else if spaceAfter, let after = englishAfter.first(where: { starts($0, at: range.upperBound) }) {
                    stretches.append(Stretch(range: range.lowerBound..<(range.upperBound + after.count), english: true))
                } else if spaceBefore, let before = englishBefore.first(where: { starts($0, at: range.lowerBound - $0.count) }) {
                    let start = range.lowerBound - before.count
                    var wordEnd = start
                    while wordEnd > 0, scalars[wordEnd - 1] == " " { wordEnd -= 1 }
                    var wordStart = wordEnd
                    while wordStart > 0, scalars[wordStart - 1].isASCIILetter || scalars[wordStart - 1] == "'" { wordStart -= 1 }
                    // "I never closed my Huabei": the account is still open.
                    if englishNegations.contains(LineAnalysis.asciiWord(scalars, from: wordStart)), wordStart < wordEnd {
                        stretches.append(Stretch(range: wordStart..<range.upperBound, english: true, open: true))
                        continue
                    }
                    stretches.append(Stretch(range: start..<range.upperBound, english: true))
                }
                continue
            }
            let before = range.lowerBound > 0 && chineseBeforeEnds.contains(scalars[range.lowerBound - 1])
            let after = range.upperBound < scalars.count && chineseAfterStarts.contains(scalars[range.upperBound])
            guard before || after else { continue }
            // "注销了借呗", but not "关闭了花呗的自动续费" (a setting of the account, switched off).
            if before, let before = chineseVerbsBefore.first(where: { starts($0, at: range.lowerBound - $0.count) }),
               range.upperBound >= scalars.count || !TextNormalizer.isHan(scalars[range.upperBound])
                || accountWords.contains(where: { starts($0, at: range.upperBound) && $0.first != "的" })
                || scalars[range.upperBound] == "了" {
                stretches.append(Stretch(range: (range.lowerBound - before.count)..<range.upperBound, english: false))
                continue
            }
            var at = range.upperBound
            if let account = accountWords.first(where: { starts($0, at: at) }) { at += account.count }
            var skipped = 0
            while at < scalars.count, skipped < 4, between.contains(scalars[at]) { at += 1; skipped += 1 }
            // "花呗没注销", "借呗还没关": a negation right before the verb keeps the account open.
            var open = false
            if let negation = chineseNegations.first(where: { starts($0, at: at) }) {
                at += negation.count
                open = true
            }
            if let verb = chineseVerbs.first(where: { starts($0, at: at) }) ?? (open ? openVerbs.first(where: { starts($0, at: at) }) : nil) {
                stretches.append(Stretch(range: range.lowerBound..<(at + verb.count), english: false, open: open))
            }
        }
        return stretches
    }

    /// The dialog's phrases for "账户已注销" / "closed my account", over each stretch (`stretches`).
    static func hits(_ stretches: [Stretch], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        func cues(_ reading: [Unicode.Scalar]) -> [CompiledDialog.Cue] {
            matcher.matches(in: reading).filter { $0.range == 0..<reading.count }.flatMap(\.payloads)
        }
        let chinese = cues(chineseReading), english = cues(englishReading)
        let chineseOpen = cues(chineseOpenReading), englishOpen = cues(englishOpenReading)
        return stretches.flatMap { stretch in
            let reading = stretch.open ? (stretch.english ? englishOpen : chineseOpen) : (stretch.english ? english : chinese)
            return reading.map { PhraseHit(range: stretch.range, cue: $0) }
        }
    }
}
