// The words that make a number personal by context: a number right after 卡号 is a card number even when it fails
// Luhn, and ten digits after 手机 are a phone number typed with a digit missing. Near-misses are masked when one of
// these words comes shortly before them.
extension RedactionScanner {
    /// How far before a number (in folded characters) a cue word may start: `卡号是：` and `my card number is ` fit.
    static let cueDistance = 20

    /// A list of cue words, with the characters they start with for a quick test.
    struct CueWords {
        let words: [[Unicode.Scalar]]
        let firstScalars: Set<Unicode.Scalar>

        init(_ words: [String]) {
            self.words = words.map { Array($0.unicodeScalars) }
            self.firstScalars = Set(self.words.compactMap(\.first))
        }
    }

    /// 尾号 ("the last digits of"): a whole card number typed after it is still a card number.
    static let cardWords = CueWords(["卡", "card", "账号", "帐号", "账户", "帐户", "account", "acct", "尾号", "尾號"])
    static let phoneWords = CueWords([
        "电话", "手机", "号码", "来电", "致电", "打给", "联系", "電話", "手機", "號碼", "phone", "mobile", "tel", "call", "cell",
        "number",
    ])
    static let idCardWords = CueWords(["身份证", "身份證", "证件", "證件", "身份号", "id card", "id no", "id number", "identity"])

    static func cueWords(_ words: [String]) -> [[Unicode.Scalar]] {
        words.map { Array($0.unicodeScalars) }
    }

    /// Whether one of `cues` (ASCII letters compared without case) is written within ``cueDistance`` characters before
    /// the first group.
    func isNear(_ cues: CueWords, _ groups: DigitGroups) -> Bool {
        let end = groups.first.range.lowerBound
        let start = max(0, end - Self.cueDistance)
        guard start < end else { return false }
        for position in start..<end where cues.firstScalars.contains(scalars[position].asciiLowercased) {
            for word in cues.words where position + word.count <= end && matches(word, at: position) {
                return true
            }
        }
        return false
    }

    /// Whether `word` is written at `position` (ASCII letters compared without case).
    func matches(_ word: [Unicode.Scalar], at position: Int) -> Bool {
        guard position + word.count <= scalars.count else { return false }
        for (offset, letter) in word.enumerated() where scalars[position + offset].asciiLowercased != letter {
            return false
        }
        return true
    }
}
