/// How a verification code came is not how the notice came: "a collector called and asked for **the code they texted
/// me**", "the code they sent me by text", "让我报**短信里的**验证码", "**短信收到的**验证码". The words that say how the code
/// was delivered modify the code: in English a clause after the code word that opens with its subject or a verb ("they
/// texted me", "that was sent to my phone", "sent by sms"); in Chinese the words before the code word that end in 的 or
/// touch it ("短信里的验证码", "短信验证码"). A phrase inside such a stretch (a text message as the channel) tells nothing of
/// the notice. Compared as scalars, and only in a line that holds a code word at all.
enum CodeDelivery {
    private static let englishCodes: [[Unicode.Scalar]] = ["code", "codes", "otp", "pin"].map { Array($0.unicodeScalars) }
    private static let chineseCodes: [[Unicode.Scalar]] = ["验证码", "动态码", "校验码", "短信码"].map { Array($0.unicodeScalars) }
    /// Words that open a clause about the code right after it ("the code **they** texted me", "the code **sent** by sms").
    private static let englishOpeners: Set<String> = ["they", "that", "which", "he", "she", "you", "i", "we", "someone", "sent",
                                                      "texted", "messaged", "from", "in", "by", "via", "on", "the", "it", "was",
                                                      "were", "i'd", "i've", "just"]
    /// The verbs that ask for the code, where the words about it begin after them: 把, 要, 报, 问, 让, 叫, 念, 读, 说, 提, 讲.
    private static let asking: Set<Unicode.Scalar> = ["把", "要", "报", "问", "让", "叫", "念", "读", "说", "提", "讲"]
    /// How far a stretch reaches (scalars).
    private static let englishReach = 40
    private static let chineseReach = 8

    /// The words without one of which no code is delivered (`LineRule`): the code words.
    static var triggers: [[Unicode.Scalar]] { englishCodes + chineseCodes }

    /// The stretches of the line that say how a code was delivered.
    static func stretches(_ scalars: [Unicode.Scalar], clauses: Clauses) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            let scalar = scalars[index]
            if scalar == "c" || scalar == "o" || scalar == "p" {
                guard index == 0 || !scalars[index - 1].isASCIILetter,
                      let code = englishCodes.first(where: { starts($0, at: index, in: scalars) }) else { continue }
                let end = index + code.count
                guard end + 1 < scalars.count, scalars[end] == " " else { continue }
                let opener = LineAnalysis.asciiWord(scalars, from: end + 1)
                guard englishOpeners.contains(opener) else { continue }
                let clause = clauses.of(end)
                var stop = end + 1
                // To the end of the clause, or a word that starts another one ("and", "but"), at most `englishReach`.
                while stop < scalars.count, stop - end < englishReach, clauses.of(stop) == clause {
                    if scalars[stop] == " ", ["and", "but", "so", "then"].contains(LineAnalysis.asciiWord(scalars, from: stop + 1)) { break }
                    stop += 1
                }
                found.append(end..<stop)
            } else if chineseCodes.contains(where: { $0[0] == scalar && starts($0, at: index, in: scalars) }) {
                // The words before it that modify it: "短信验证码" (two characters touching it), or a stretch ending in 的
                // ("短信里的", "发到我手机上的"), back to the verb that asks for it ("让我**把**短信里的验证码…").
                let clause = clauses.of(index)
                guard index >= 2, clauses.of(index - 1) == clause else { continue }
                if scalars[index - 1] != "的", scalars[index - 1] != "嘅" {
                    if TextNormalizer.isHan(scalars[index - 2]), clauses.of(index - 2) == clause { found.append((index - 2)..<index) }
                    continue
                }
                var start = index - 1
                while start > 0, index - start < chineseReach, clauses.of(start - 1) == clause, TextNormalizer.isHan(scalars[start - 1]),
                      !asking.contains(scalars[start - 1]) {
                    start -= 1
                }
                if start < index - 1 { found.append(start..<index) }
            }
        }
        return found
    }

    private static func starts(_ word: [Unicode.Scalar], at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
    }
}
