/// One denial of both things a scammer asks for: "they didn't ask me for money or codes", "没要钱和验证码", "冇叫我俾錢或者
/// 驗證碼". Two separate denials already answer the question of scam signs ("没让我转钱，也没要验证码"); one negation over
/// a word for money and a word for a code, in its clause, says the same of both, so the stretch reads as the dialog's
/// words for "they did not ask me to send money" (notice-help: `scam_signs: none`), which the extractor takes like
/// any phrase, and a sign named as happening elsewhere in the line still counts over it.
enum MoneyAndCode {
    /// The words read in place of the stretch, by script: what notice-help lists as no scam sign.
    static let chineseReading: [Unicode.Scalar] = Array("没让我转钱".unicodeScalars)
    static let englishReading: [Unicode.Scalar] = Array("didn't ask me to send money".unicodeScalars)

    private static let money: [[Unicode.Scalar]] = ["钱", "转账", "汇款", "money", "payment", "transfer"].map { Array($0.unicodeScalars) }
    private static let codes: [[Unicode.Scalar]] = ["验证码", "密码", "code", "otp", "password", "pin"].map { Array($0.unicodeScalars) }
    /// How far after the negation both words may stand.
    private static let reach = 40

    /// The words without one of which no code is denied (`LineRule`): the code words, a Latin one also with an "s".
    static var triggers: [[Unicode.Scalar]] { codes + codes.filter { $0[0].isASCII }.map { $0 + ["s"] } }

    /// The stretches from a negation to the later of a money word and a code word after it in its clause.
    static func ranges(_ scalars: [Unicode.Scalar], negations: [PhraseHit], clauses: Clauses) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for negation in negations {
            let clause = clauses.of(negation.range.lowerBound)
            var moneyEnd: Int?
            var codeEnd: Int?
            var index = negation.range.upperBound
            while index < scalars.count, index - negation.range.upperBound <= reach, clauses.of(index) == clause {
                // "没钱" is having no money, not being asked for none: a verb stands between ("没要钱", "没让我转钱").
                if moneyEnd == nil, index > negation.range.upperBound,
                   let word = money.first(where: { startsWord($0, at: index, in: scalars) }) { moneyEnd = index + word.count }
                if codeEnd == nil, let word = codes.first(where: { startsWord($0, at: index, in: scalars) }) { codeEnd = index + word.count }
                if let moneyEnd, let codeEnd {
                    found.append(negation.range.lowerBound..<max(moneyEnd, codeEnd))
                    break
                }
                index += 1
            }
        }
        return found
    }

    /// Whether `word` starts at `index`; a Latin word as a whole word ("code" in "codes" too, not in "barcode").
    private static func startsWord(_ word: [Unicode.Scalar], at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard index + word.count <= scalars.count, scalars[index..<(index + word.count)].elementsEqual(word) else { return false }
        guard word[0].isASCII else { return true }
        if index > 0, scalars[index - 1].isASCIILetter { return false }
        let end = index + word.count
        return end == scalars.count || !scalars[end].isASCIILetter || (scalars[end] == "s" && (end + 1 == scalars.count || !scalars[end + 1].isASCIILetter))
    }

    /// The dialog's phrases for the reading, at each stretch.
    static func hits(_ places: [Range<Int>], in scalars: [Unicode.Scalar], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        var found: [PhraseHit] = []
        for range in places {
            let reading = scalars[range.lowerBound].isASCII ? englishReading : chineseReading
            let cues = matcher.matches(in: reading).filter { $0.range == 0..<reading.count }.flatMap(\.payloads)
            found += cues.map { PhraseHit(range: range, cue: $0) }
        }
        return found
    }
}
