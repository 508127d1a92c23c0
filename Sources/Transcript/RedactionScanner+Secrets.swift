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
        if let word = Self.passwordWordsEnglish.first(where: { isWholeWord($0, at: index) }), !startsCompound(after: index + word.count) {
            return (.englishPassword, word.count)
        }
        if let word = Self.codeWordsEnglish.first(where: { isWholeWord($0, at: index) }), !startsCompound(after: index + word.count) {
            return (.englishCode, word.count)
        }
        return nil
    }

    /// Whether the cue word is the first half of a compound ("password-free payment", "PIN-protected", "code-based"): a
    /// hyphen and a word of letters only right after it. The assistant's own advice says "switch off password-free
    /// payment", which the transcript misquoted as "password******" (host15). "password-hunter2" stays a secret.
    private func startsCompound(after end: Int) -> Bool {
        guard end + 1 < scalars.count, scalars[end] == "-", scalars[end + 1].isASCIILetter else { return false }
        var next = end + 1
        while next < scalars.count, scalars[next].isASCIILetter { next += 1 }
        return next == scalars.count || !scalars[next].isASCII || !(scalars[next].isASCIIAlphanumeric || "-_@#$%&*".unicodeScalars.contains(scalars[next]))
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

// A code told with no code word: "我把482913告诉他了", "I gave them 482913". Four to eight digits (not five: a hotline),
// standing alone, with a
// word of telling or giving just before or right after them, are a code: what a scammer asks for is read out or sent,
// and the line says so. Not when they are an amount or a date: a unit after them (元, 块, 天, yuan, days), a money
// word before them (还了, 转了, 付了, paid, owe), a currency sign, a decimal point, or a date's shape (20261124, 2026).
// Giving alone ("给了他5000") needs six digits or more: four or five after 给 are more often money.
// A code read out in groups ("我告诉他的是483-920", "他让我念了4 8 3 9 2 0", "I read him 483 920"): the groups joined only
// by spaces or dashes, six digits in all (or four in three groups or more: "4 8 3 9"), are one code. Not a number with
// a word for one before it (订单号, 电话, "number"): "我把订单号 1234 5678 发给他" stays, and a phone number in groups
// is found as one before this is asked.
extension RedactionScanner {
    /// How far before the digits a cue word may start, and how soon after them one may follow.
    static let bareCodeCueBefore = 16
    static let bareCodeCueAfter = 6

    /// Words of telling, reading out or sending: a code when they stand by the digits.
    static let bareCodeTellWords = cueWords([
        "告诉", "告訴", "念给", "念給", "唸給", "读给", "讀給", "报给", "報給", "发给", "發給", "发了", "發了", "输了", "輸了", "填了",
        "念了", "唸了", "读了", "讀了",
        "话俾", "話俾", "话畀", "話畀", "讲俾", "講俾", "讲畀", "講畀", "讲给", "講給", "说给", "說給",
        "told", "tell", "read", "sent", "send", "texted", "typed", "entered", "shared",
    ])
    /// Words of giving: a code only with six digits or more.
    static let bareCodeGiveWords = cueWords([
        "给了", "給了", "给他", "給他", "给她", "給她", "给对方", "給對方", "俾咗", "畀咗", "俾佢", "畀佢", "gave", "give",
    ])
    /// Words that make the digits money: a veto.
    static let bareCodeMoneyWords = cueWords([
        "还了", "還了", "还款", "還款", "转了", "轉了", "转账", "轉帳", "转帐", "付了", "付款", "汇了", "匯了", "充了", "交了", "缴了", "繳了",
        "借了", "欠了", "欠款", "借款", "赔了", "賠了", "扣了", "金额", "金額", "余额", "餘額", "本金", "利息", "罚息", "罰息", "过数", "過數",
        "pay", "paid", "transfer", "transferred", "owe", "owed", "borrow", "borrowed", "repaid", "repay", "loan", "fee", "amount",
        "balance",
    ])
    /// Words before digits in groups that make them a number of some other kind (an order, a phone, an account).
    static let groupedNumberWords = cueWords([
        "订单", "訂單", "单号", "單號", "编号", "編號", "号码", "號碼", "电话", "電話", "手机", "手機", "座机", "座機", "热线", "熱線", "拨打",
        "撥打", "卡号", "卡號", "账号", "賬號", "帳號", "尾号", "尾號", "order", "number", "phone", "call", "tracking", "account",
    ])
    /// Characters right after the digits that make them a quantity or a date.
    private static let bareCodeUnits: Set<Unicode.Scalar> = [
        "元", "块", "塊", "圆", "圓", "蚊", "年", "月", "日", "号", "號", "天", "个", "個", "次", "期", "岁", "歲", "点", "點", "分", "秒",
        "万", "萬", "千", "百", "笔", "筆", "张", "張", "条", "條", "%", "多", "余", "餘", "人", "米", "斤", "w", "W", "k", "K",
    ]
    /// English words after the digits (and a space) that make them a quantity or a time.
    private static let bareCodeUnitWords = cueWords([
        "yuan", "rmb", "kuai", "dollars", "dollar", "usd", "cny", "days", "day", "years", "year", "months", "month", "weeks",
        "week", "times", "pm", "am", "hours", "hour", "minutes", "percent",
    ])

    /// The code of four to eight digits starting at `index` (a digit run's start), when a cue word stands by it.
    func bareCode(at index: Int) -> Match? {
        var end = index
        while end < scalars.count, scalars[end].isASCIIDigit { end += 1 }
        var length = end - index
        // One group of a longer number written in groups ("1234 5678"): not a code of its own.
        if index >= 2, scalars[index - 1].isDigitGroupSeparator, scalars[index - 2].redactionDigit != nil { return nil }
        var grouped = false
        if end + 1 < scalars.count, scalars[end].isDigitGroupSeparator, scalars[end + 1].redactionDigit != nil {
            // A code read out in groups ("483 920", "4 8 3 9 2 0"), or a number of another kind in groups: only the first.
            guard let code = groupedCode(from: index) else { return nil }
            end = code.end
            length = code.digits
            grouped = true
        } else {
            // Five digits are a hotline far more often than a code (12378, 96110, 95588): "他告诉我拨打12378".
            guard (4...8).contains(length), length != 5 else { return nil }
        }
        if index > 0 {
            let before = scalars[index - 1]
            if before.isASCIILetter || before.redactionDigit != nil || "¥￥$.-/:+".unicodeScalars.contains(before) { return nil }
        }
        if end < scalars.count {
            let after = scalars[end]
            if after.isASCIILetter || Self.bareCodeUnits.contains(after) { return nil }
            // 4829.13, 2026-11, 12:30, 11/24: a decimal, a date or a time.
            if "./-:".unicodeScalars.contains(after), end + 1 < scalars.count, scalars[end + 1].redactionDigit != nil { return nil }
            var next = end
            while next < scalars.count, scalars[next] == " " { next += 1 }
            if next > end, Self.bareCodeUnitWords.contains(where: { isWholeWord($0, at: next) }) { return nil }
        }
        let digits = scalars[index..<end].filter(\.isASCIIDigit).map { Int($0.value) - 0x30 }
        if isDateShaped(digits) { return nil }
        let before = max(0, index - Self.bareCodeCueBefore)..<index
        let after = end..<min(scalars.count, end + Self.bareCodeCueAfter)
        if hasCue(Self.bareCodeMoneyWords, before) { return nil }
        if grouped, hasCue(Self.groupedNumberWords, before) { return nil }
        let told = hasCue(Self.bareCodeTellWords, before) || hasCue(Self.bareCodeTellWords, after, startingIn: true)
        let given = length >= 6 && (hasCue(Self.bareCodeGiveWords, before) || hasCue(Self.bareCodeGiveWords, after, startingIn: true))
        guard told || given else { return nil }
        return Match(kind: .verificationCode, range: index..<end, masked: Self.secretMask)
    }

    /// The end of a code read out in groups from `index`, and its digits: groups of ASCII digits joined by one or two
    /// spaces or dashes, six digits in all, or four in three groups or more ("4 8 3 9"); nil for any other number in
    /// groups (a decimal, a date with slashes, "1234 5678", "12 30").
    private func groupedCode(from index: Int) -> (end: Int, digits: Int)? {
        var position = index, digits = 0, groups = 0
        while groups < DigitGroups.maximumGroups {
            let start = position
            while position < scalars.count, scalars[position].isASCIIDigit { position += 1 }
            guard position > start else { return nil }
            digits += position - start
            groups += 1
            var next = position
            while next < scalars.count, next - position < 2, scalars[next] == " " || scalars[next] == "-" { next += 1 }
            if next < scalars.count, next > position, scalars[next].redactionDigit != nil {
                guard scalars[next].isASCIIDigit else { return nil }
                position = next
                continue
            }
            // Groups joined by another separator (4829.13, 11/24), or digits after three or more separators: not a code.
            var other = position
            while other < scalars.count, other - position < DigitGroups.maximumSeparatorLength, scalars[other].isDigitGroupSeparator {
                other += 1
            }
            if other > position, other < scalars.count, scalars[other].redactionDigit != nil { return nil }
            break
        }
        guard groups < DigitGroups.maximumGroups || position >= scalars.count || scalars[position].redactionDigit == nil else { return nil }
        guard digits == 6 || (digits == 4 && groups >= 3) else { return nil }
        return (position, digits)
    }

    /// A year (1900–2099) or a date written in eight digits (20261124).
    private func isDateShaped(_ digits: [Int]) -> Bool {
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        let century = number(0..<2)
        guard century == 19 || century == 20 else { return false }
        if digits.count == 4 { return true }
        guard digits.count == 8 else { return false }
        return (1...12).contains(number(4..<6)) && (1...31).contains(number(6..<8))
    }

    /// Whether one of `words` is written in `range`: ending inside it (the words before the digits), or, with
    /// `startingIn`, starting inside it (the words after). English words are whole words.
    private func hasCue(_ words: [[Unicode.Scalar]], _ range: Range<Int>, startingIn: Bool = false) -> Bool {
        guard !range.isEmpty else { return false }
        for position in range {
            for word in words {
                if !startingIn, position + word.count > range.upperBound { continue }
                let matched = word[0].isASCII ? isWholeWord(word, at: position) : matches(word, at: position)
                if matched { return true }
            }
        }
        return false
    }
}
