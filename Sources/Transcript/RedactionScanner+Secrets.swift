// Verification codes and passwords: they have no shape of their own, so they are recognised when the line says what
// they are — 验证码是 483920, 密码：abc123, "the code is 4839", "password: hunter2". The word stays; what follows is
// masked as `******`, whatever its length.
extension RedactionScanner {
    /// Words that announce a secret in Chinese; what follows them in ASCII is the secret.
    static let secretWordsChinese = cueWords([
        "验证码", "驗證碼", "校验码", "校驗碼", "动态码", "動態碼", "短信码", "确认码", "確認碼", "授权码", "授權碼", "安全码", "安全碼",
        "密码", "密碼", "口令",
    ])
    /// Words that announce a code in English (a code holds a digit), the card security code among them.
    static let codeWordsEnglish = cueWords(["code", "otp", "pin", "cvv", "cvc", "cvn"])
    /// Words that announce a password in English.
    static let passwordWordsEnglish = cueWords(["password", "passcode", "passwd", "pwd"])

    /// Whether a cue word can start with this character: a quick test run at every position.
    static func mayStartCue(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let lowercase = scalar.value | 0x20  // c, o, p in either case
            return lowercase == 0x63 || lowercase == 0x6F || lowercase == 0x70
        }
        switch scalar {
        case "验", "驗", "校", "动", "動", "短", "确", "確", "授", "安", "密", "口": return true
        default: return false
        }
    }

    /// What replaces a secret: the same whatever its length, so not even the length is told.
    static let secretMask = "******"

    private enum SecretCue {
        case chinese, englishCode, englishPassword
    }

    /// A secret announced by a cue word starting at `index`: the range of the secret after it.
    func secret(at index: Int) -> Match? {
        guard Self.mayStartCue(scalars[index]), let (cue, length) = secretCue(at: index) else { return nil }
        var position = index + length
        var colon = false
        // What may stand between the word and the secret: 是, 为, a colon, an equals sign, "is", quotes, spaces.
        var fillers = 0
        while position < scalars.count, fillers < 8 {
            let scalar = scalars[position]
            if scalar == " " || scalar == "\t" || scalar == "\"" || scalar == "'" || scalar == "“" || scalar == "「"
                || scalar == "『" || scalar == "【"
            {
                position += 1
            } else if scalar == ":" || scalar == "=" {
                colon = true
                position += 1
            } else if scalar == "是" || scalar == "为" || scalar == "為" || scalar == "係" || scalar == "码" || scalar == "碼" {
                // 码 after an English cue word: "cvv码是123", "pin码：4821".
                position += 1
            } else if let word = [Self.isWord, Self.wasWord].first(where: { isWholeWord($0, at: position) }) {
                position += word.count
            } else {
                break
            }
            fillers += 1
        }
        let isPassword = cue == .englishPassword || (cue == .chinese && isPasswordWord(at: index))
        // A code read out in groups (验证码是 483 920, "code: 48-39-20"): the groups together.
        if position < scalars.count, scalars[position].redactionDigit != nil {
            let groups = DigitGroups(scalars, from: position)
            let total = groups.groups.reduce(0) { $0 + $1.count }
            if groups.groups.count > 1, (4...12).contains(total) {
                return Match(kind: isPassword ? .password : .verificationCode, range: groups.range(ofFirst: groups.groups.count),
                             masked: Self.secretMask)
            }
        }
        var end = position
        while end < scalars.count, (0x21...0x7E).contains(scalars[end].value), !Self.endsSecret(scalars[end]) { end += 1 }
        while end > position, scalars[end - 1] == "." || scalars[end - 1] == "," { end -= 1 }
        let token = scalars[position..<end]
        guard token.count >= 3, token.contains(where: \.isASCIIAlphanumeric) else { return nil }
        switch cue {
        case .chinese: break
        case .englishCode: guard token.contains(where: \.isASCIIDigit) else { return nil }
        case .englishPassword: guard colon || token.contains(where: { !$0.isASCIILetter }) else { return nil }
        }
        return Match(kind: isPassword ? .password : .verificationCode, range: position..<end, masked: Self.secretMask)
    }

    private static let isWord = Array("is".unicodeScalars)
    private static let wasWord = Array("was".unicodeScalars)

    /// Quotes and brackets end a secret; so does anything outside printable ASCII.
    private static func endsSecret(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "'" || scalar == "," || scalar == ";" || scalar == ")" || scalar == "]" || scalar == "}"
    }

    private func secretCue(at index: Int) -> (SecretCue, Int)? {
        // Chinese cue words start with a Chinese character and English ones with an ASCII letter, which must not follow
        // another letter: most positions are ruled out before any word is compared.
        guard scalars[index].isASCII else {
            if let word = Self.secretWordsChinese.first(where: { matches($0, at: index) }) { return (.chinese, word.count) }
            return nil
        }
        if index > 0, scalars[index - 1].isASCIILetter { return nil }
        if let word = Self.passwordWordsEnglish.first(where: { isWholeWord($0, at: index) }) { return (.englishPassword, word.count) }
        if let word = Self.codeWordsEnglish.first(where: { isWholeWord($0, at: index) }) { return (.englishCode, word.count) }
        return nil
    }

    private func isPasswordWord(at index: Int) -> Bool {
        matches(Array("密码".unicodeScalars), at: index) || matches(Array("密碼".unicodeScalars), at: index)
            || matches(Array("口令".unicodeScalars), at: index)
    }

    /// `word` at `position`, not inside a longer word of ASCII letters ("pin" is not in "spinning").
    private func isWholeWord(_ word: [Unicode.Scalar], at position: Int) -> Bool {
        guard matches(word, at: position) else { return false }
        if position > 0, scalars[position - 1].isASCIILetter { return false }
        let after = position + word.count
        return after >= scalars.count || !scalars[after].isASCIILetter
    }
}
