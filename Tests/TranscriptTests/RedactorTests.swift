import Testing

@testable import Transcript

/// The phrasings people actually type, each with what a help-desk reader should see.
@Suite struct RedactorTests {
    let redactor = Redactor()

    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var expected: String
        var testDescription: String { input }
    }

    static let masked: [Case] = [
        // Mobile numbers
        .init(input: "我的手机号是13812345678，订单号2024112412345678", expected: "我的手机号是138****5678，订单号2024112412345678"),
        .init(input: "电话19912345678。", expected: "电话199****5678。"),
        .init(input: "打我电话 138 1234 5678 就行", expected: "打我电话 138****5678 就行"),
        .init(input: "号码138-1234-5678", expected: "号码138****5678"),
        .init(input: "+86 138 1234 5678", expected: "+86 138****5678"),
        .init(input: "+8613812345678", expected: "+86138****5678"),
        .init(input: "0086-13812345678", expected: "0086-138****5678"),
        .init(input: "008613812345678", expected: "0086138****5678"),
        .init(input: "手机１３８１２３４５６７８", expected: "手机138****5678"),
        .init(input: "call me at 15012345678.", expected: "call me at 150****5678."),
        .init(input: "13812345678和13987654321", expected: "138****5678和139****4321"),
        // Landlines
        .init(input: "单位电话010-62751234", expected: "单位电话010-****1234"),
        .init(input: "0755-26881234转8001", expected: "0755-****1234转8001"),
        .init(input: "010-62751234-8001", expected: "010-****1234-8001"),
        .init(input: "座机0571 8765432", expected: "座机0571-****432"),
        .init(input: "座机01062751234", expected: "座机010-****1234"),
        .init(input: "座机075526881234", expected: "座机0755-****1234"),
        .init(input: "(021)58881234", expected: "021-****1234"),
        .init(input: "（0755）2688 1234", expected: "0755-****1234"),
        .init(input: "0755-2688-1234", expected: "0755-****1234"),
        // ID-card numbers
        .init(input: "身份证号11010519491231002X。", expected: "身份证号110105********002X。"),
        .init(input: "身份证号11010519491231002x", expected: "身份证号110105********002X"),
        .init(input: "身份证310115198511204523", expected: "身份证310115********4523"),
        .init(input: "110105 19491231 002X", expected: "110105********002X"),
        .init(input: "ID：１１０１０５２００００１０１１２３８", expected: "ID：110105********1238"),
        // Bank cards
        .init(input: "卡号6222021234567894", expected: "卡号6222********7894"),
        .init(input: "卡号 6222 0212 3456 7894 扣款失败", expected: "卡号 6222********7894 扣款失败"),
        .init(input: "6217001234567890122", expected: "6217***********0122"),
        .init(input: "6217 0012 3456 7890 122", expected: "6217***********0122"),
        // E-mail addresses
        .init(input: "邮箱zhang.san@example.com", expected: "邮箱z***@example.com"),
        .init(input: "邮箱：13812345678@163.com。", expected: "邮箱：1***@163.com。"),
        .init(input: "mail li_si+loan@mail.example.com.cn.", expected: "mail l***@mail.example.com.cn."),
    ]

    /// Numbers written the ways pasted texts and hurried people write them (issue 17).
    static let maskedInEveryForm: [Case] = [
        // Phones: other separators, irregular groups, a parenthesised prefix, invisible characters between digits
        .init(input: "电话138.1234.5678", expected: "电话138****5678"),
        .init(input: "号码138/1234/5678", expected: "号码138****5678"),
        .init(input: "138_1234_5678", expected: "138****5678"),
        .init(input: "手机138—1234—5678", expected: "手机138****5678"),
        .init(input: "手机138–1234–5678", expected: "手机138****5678"),
        .init(input: "打 138  1234   5678 找我", expected: "打 138****5678 找我"),
        .init(input: "1381 234 5678", expected: "138****5678"),
        .init(input: "1 38 12 34 56 78", expected: "138****5678"),
        .init(input: "(+86)138 1234 5678", expected: "(+86)138****5678"),
        .init(input: "（0086）13812345678", expected: "（0086）138****5678"),
        .init(input: "+86138 1234 5678", expected: "+86138****5678"),
        .init(input: "138\u{200B}1234\u{200B}5678", expected: "138****5678"),
        .init(input: "1\u{200D}3\u{200D}8\u{200D}12345678", expected: "138****5678"),
        .init(input: "138\u{200C}1234\u{2060}5678", expected: "138****5678"),
        .init(input: "138\u{00AD}1234\u{00AD}5678。", expected: "138****5678。"),
        .init(input: "１３８．１２３４．５６７８", expected: "138****5678"),
        // Near-misses by a phone word: a digit too many, too few, an unused prefix
        .init(input: "我的电话12345678901", expected: "我的电话123******01"),
        .init(input: "手机1381234567", expected: "手机138*****67"),
        // ID cards: a wrong check character, groups of four, the old 15-digit form
        .init(input: "身份证440304199003071234", expected: "身份证440304********1234"),
        .init(input: "1101 0519 4912 3100 2X", expected: "110105********002X"),
        .init(input: "11010519491231002\u{200B}X", expected: "110105********002X"),
        .init(input: "老身份证110105491231002", expected: "老身份证110105******002"),
        .init(input: "身份证号码11010519491231002", expected: "身份证号码110105********002"),
        // Bank cards: other groupings, and failing Luhn next to a card word
        .init(input: "6222 021 2345 67894", expected: "6222********7894"),
        .init(input: "6222-0212-3456-7894", expected: "6222********7894"),
        .init(input: "卡号6222021234567895", expected: "卡号6222********7895"),
        .init(input: "card number: 6222 0212 3456 7895", expected: "card number: 6222********7895"),
        // E-mail with full-width @ and dot
        .init(input: "邮箱zhang.san＠example．com", expected: "邮箱z***@example.com"),
        .init(input: "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", expected: "z***@example.com"),
        // Verification codes and passwords, when the line says so
        .init(input: "验证码是483920", expected: "验证码是******"),
        .init(input: "验证码：483920，别告诉别人", expected: "验证码：******，别告诉别人"),
        .init(input: "他让我把验证码 4839 发给他", expected: "他让我把验证码 ****** 发给他"),
        .init(input: "验证码是４８３９２０", expected: "验证码是******"),
        .init(input: "验证码是 483 920，别说", expected: "验证码是 ******，别说"),
        .init(input: "code: 48-39-20", expected: "code: ******"),
        .init(input: "密码abc123", expected: "密码******"),
        .init(input: "我的支付密码是 Qq!2024x", expected: "我的支付密码是 ******"),
        .init(input: "my code is 4839.", expected: "my code is ******."),
        .init(input: "The OTP: 112233", expected: "The OTP: ******"),
        .init(input: "password: hunter", expected: "password: ******"),
        .init(input: "my password is hunter2", expected: "my password is ******"),
        // A cue word that begins a compound is no cue: the assistant's own advice is quoted as it was said.
        .init(input: "switch off password-free payment in the app", expected: "switch off password-free payment in the app"),
        .init(input: "a PIN-protected card", expected: "a PIN-protected card"),
        .init(input: "my password-hunter2", expected: "my password******"),
        // Cue words the old quick test missed without a digit nearby: 碼, full-width letters, an invisible character
        .init(input: "密碼：abcdefg", expected: "密碼：******"),
        // The card's security code, in English words or with 码 after them; a whole card number after 尾号
        .init(input: "CVV: 123", expected: "CVV: ******"),
        .init(input: "cvv码是123", expected: "cvv码是******"),
        .init(input: "my cvc is 789", expected: "my cvc is ******"),
        .init(input: "卡尾号6222021234567890123", expected: "卡尾号6222***********0123"),
        .init(input: "尾号6222021234567890123的卡", expected: "尾号6222***********0123的卡"),
        .init(input: "ＰＡＳＳＷＯＲＤ: hunter", expected: "ＰＡＳＳＷＯＲＤ: ******"),
        .init(input: "pass\u{200B}word: hunter", expected: "pass\u{200B}word: ******"),
    ]

    @Test(arguments: maskedInEveryForm)
    func masksPersonalDataInEveryForm(_ example: Case) {
        #expect(redactor.redact(example.input) == example.expected)
        #expect(redactor.redact(example.expected) == example.expected)
    }

    @Test(arguments: masked)
    func masksPersonalData(_ example: Case) {
        #expect(redactor.redact(example.input) == example.expected)
    }

    /// Every separator, and every invisible character, between the digit groups of a phone, an ID and a card number.
    static let betweenDigits: [String] = [
        " ", "  ", "   ", "\t", "-", "--", " - ", "—", "–", "―", "−", ".", "/", "_", "·", "\u{3000}", "\u{A0}", "－", "．", "／",
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{00AD}", "\u{FEFF}",
    ]

    @Test(arguments: betweenDigits)
    func masksWhateverStandsBetweenTheDigitGroups(_ separator: String) {
        let numbers = [
            (["138", "1234", "5678"], "13812345678"), (["1381", "234", "5678"], "13812345678"),
            (["1101", "0519", "4912", "3100", "2X"], "11010519491231002X"), (["6222", "0212", "3456", "7894"], "6222021234567894"),
        ]
        for (groups, digits) in numbers {
            let text = "号码" + groups.joined(separator: separator) + "。"
            let redacted = redactor.redact(text)
            let kept = String(redacted.unicodeScalars.filter { ("0"..."9").contains($0) || $0 == "X" }.map(Character.init))
            #expect(!kept.contains(digits), "\(text.debugDescription) → \(redacted)")
            #expect(redacted.hasPrefix("号码") && redacted.hasSuffix("。"))
        }
    }

    static let keptAsIs: [String] = [
        "订单号2024112412345678",  // 16 digits, fails Luhn
        "借款编号2025010198765432，请核对",
        "订单6222021234567895",  // a bank-card look-alike one digit off, no card word: fails Luhn
        "不要把验证码告诉任何人，也不要说密码。",
        "Never give anyone your code or password.",
        "the password is wrong, scan the QR code",
        "a PIN or a passcode, never share them",
        "spinning 123456",
        "尾号1234的卡",  // the last four digits are what 尾号 is for: no card number
        "I ordered 3 cvv items",
        "流水号202411241234567890",  // 18 digits, neither ID nor Luhn
        "欠款1,200元，逾期费￥800，共¥12,345.67",
        "还款日2026-11-24，账单日20261124，2026年11月24日 21:30:05",
        "2026/11/24 到期",
        "请拨打12315或12378，紧急情况打110，反诈专线96110",
        "12321的咨询电话是010-12321",
        "客服400-820-8820，银行95588",
        "12345678901",  // 11 digits but not a mobile prefix
        "编号202411241381234567899",  // a phone-shaped slice inside a longer number
        "逾期15天，利率0.05%，版本1.2.3",
        "管理员@平台 说的",
        "user@localhost",
        "", "没有任何数字的一句话。",
    ]

    @Test(arguments: keptAsIs)
    func keepsLookAlikes(_ text: String) {
        #expect(redactor.redact(text) == text)
        #expect(redactor.findings(in: text).isEmpty)
    }

    /// A code told with no code word: digits beside a word of telling or giving ("我把482913告诉他了", "I gave them
    /// 482913"), in the three languages the assistant speaks.
    static let toldCodes: [Case] = [
        .init(input: "我把482913告诉他了", expected: "我把******告诉他了"),
        .init(input: "我把482913告訴他了", expected: "我把******告訴他了"),
        .init(input: "我已经把短信里的 482913 念给他听了", expected: "我已经把短信里的 ****** 念给他听了"),
        .init(input: "我讀咗４８２９１３俾佢", expected: "我讀咗******俾佢"),
        .init(input: "我俾咗佢482913", expected: "我俾咗佢******"),
        .init(input: "我给了他482913", expected: "我给了他******"),
        .init(input: "I gave them 482913", expected: "I gave them ******"),
        .init(input: "i told him 4829 on the phone", expected: "i told him ****** on the phone"),
        .init(input: "I read 482913 to the caller, was that wrong?", expected: "I read ****** to the caller, was that wrong?"),
        .init(input: "I sent 48291375 back to them", expected: "I sent ****** back to them"),
        // With a phone number in the same line: the whole scan finds both.
        .init(input: "他用13812345678打来，我把482913告诉他了", expected: "他用138****5678打来，我把******告诉他了"),
        // Read out in groups, with no code word before the digits: one code.
        .init(input: "我告诉他的是483-920", expected: "我告诉他的是******"),
        .init(input: "他让我念了4 8 3 9 2 0", expected: "他让我念了******"),
        .init(input: "验证码告诉他了，是483 920", expected: "验证码告诉他了，是******"),
        .init(input: "我把4 8 3 9告诉他了", expected: "我把******告诉他了"),
        .init(input: "我讀咗483　920俾佢", expected: "我讀咗******俾佢"),
        .init(input: "I read him 483-920", expected: "I read him ******"),
        .init(input: "I told them 48 39 20 before I hung up", expected: "I told them ****** before I hung up"),
    ]

    @Test(arguments: toldCodes)
    func masksACodeToldWithNoCodeWord(_ example: Case) {
        #expect(redactor.redact(example.input) == example.expected)
        #expect(redactor.redact(example.expected) == example.expected)
        #expect(redactor.findings(in: example.input).last?.kind == .verificationCode)
    }

    /// The same shapes that are money, dates, times, hotlines or a number in groups, or digits with no word of telling
    /// near them: kept as they are.
    static let notToldCodes: [String] = [
        "我已经还了482913",
        "还了482913元给他",
        "我转了5000给他",
        "我给了他5000",  // giving, and only four digits: more often money
        "我给了他482913元",
        "给了他482913块",
        "我告诉他20261124那天还",
        "我告诉他2026年会还",
        "I told them I paid 4829 yuan",
        "I gave them 482913 dollars",
        "I told him 2026-11-24",
        "I told her 12:30 tomorrow",
        "I paid 482913 and told them",
        "他告诉我拨打12378投诉",
        "我把订单号 1234 5678 发给他",
        "逾期482913天",  // no word of telling
        "482913",
        "I told them about the 4829.13 balance",
        // In groups, but not a code: an order number, an amount, a time, a date, a decimal, a phone number's word.
        "我把订单号 483 920 发给他",
        "我告诉他欠了3 000元",
        "I told her 12 30 tomorrow",
        "我告诉他11-24还",
        "I sent 4829.13 to the app",
        "我告诉他电话是 6275 1234",
        "I told them my number 483 920",
    ]

    @Test(arguments: notToldCodes)
    func keepsAmountsAndDatesBesideWordsOfTelling(_ text: String) {
        #expect(redactor.redact(text) == text)
    }

    @Test func namesWhatItFound() {
        let text = "手机13812345678，座机010-62751234，身份证11010519491231002X，卡6222021234567894，邮箱a.b@example.com"
        #expect(redactor.findings(in: text).map(\.kind) == [.mobilePhone, .landline, .idCard, .bankCard, .email])
        #expect(redactor.findings(in: "＋86 138-1234-5678").first?.original == "138-1234-5678")
    }

    @Test(arguments: masked.map(\.input))
    func redactingTwiceChangesNothingMore(_ text: String) {
        let once = redactor.redact(text)
        #expect(redactor.redact(once) == once)
    }

    @Test func keepsTwoNumbersApart() {
        #expect(redactor.redact("13812345678") != redactor.redact("13912345679"))
        #expect(redactor.redact("6222021234567894") != redactor.redact("6217001234567890122"))
    }

    @Test func leavesTextAroundUntouched() {
        let text = "\u{1B}[31m警告\u{1B}[0m：13812345678 👨‍👩‍👧 \u{202E}abc"
        #expect(redactor.redact(text) == "\u{1B}[31m警告\u{1B}[0m：138****5678 👨‍👩‍👧 \u{202E}abc")
    }

    @Test func theQuickTestKnowsEveryCueWord() {
        let words = RedactionScanner.secretWordsChinese + RedactionScanner.codeWordsEnglish + RedactionScanner.passwordWordsEnglish
        for word in words {
            #expect(RedactionScanner.mayStartCue(word[0]))
            #expect(RedactionScanner.mayStartCue(Unicode.Scalar(word[0].value & ~0x20)!) || !word[0].isASCII)
        }
    }

    @Test func checksTheIDCardCheckCharacter() {
        #expect(NumberChecks.idCardCheck([1, 1, 0, 1, 0, 5, 1, 9, 4, 9, 1, 2, 3, 1, 0, 0, 2]) == 10)
        #expect(NumberChecks.passesLuhn([4, 5, 3, 9, 1, 4, 8, 8, 0, 3, 4, 3, 6, 4, 6, 7]))
    }

    @Test func staysLinearOnLongInput() {
        let long = String(repeating: "1380013800 ab@ 0755- ", count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = redactor.redact(long) }
        #expect(elapsed < .seconds(5))
    }
}

/// The host's own sentences, known by their storage: redacted exactly as any text, whether looked up or not.
@Suite struct KnownTextsTests {
    static let sentences = [
        "Did you yourself ever register, open a credit line or sign up for installments with this platform?",
        "Turn off password-free payment: password: hunter2, and call 13812345678 only if the app lists it.",
        "收到短信说我逾期了，客服电话 0755 2688 1234，验证码是483920",
        "short text",
    ]

    @Test func redactsTheKnownSentencesAsAnyText() {
        let sentences = Self.sentences.map { $0 + " " }  // made at run time, as a dialog's are
        let known = Redactor(knownTexts: KnownTexts { sentences })
        for _ in 0..<2 {  // the first time worked out, the second looked up
            for sentence in sentences {
                #expect(known.redact(sentence) == Redactor().redact(sentence))
            }
        }
        #expect(known.redact(sentences[1]) != sentences[1])
    }

    /// The same words in another string (a person typing a prompt back, a prompt rebuilt) are read, not looked up.
    @Test func readsACopyWithTheSameWords() {
        let sentences = Self.sentences.map { $0 + " " }
        let known = Redactor(knownTexts: KnownTexts { sentences })
        _ = sentences.map(known.redact)
        for sentence in sentences {
            let copy = String(decoding: Array(sentence.utf8), as: UTF8.self)
            #expect(known.redact(copy) == Redactor().redact(copy))
            let typed = copy + "，我的手机号是13912345678"
            #expect(known.redact(typed) == Redactor().redact(typed))
            #expect(known.redact(typed).contains("139****5678"))
        }
    }

    @Test func aRecordRedactedWithKnownSentencesIsTheSame() {
        let sentences = Self.sentences.map { $0 + " " }
        let known = Redactor(knownTexts: KnownTexts { sentences })
        let record = TranscriptRecord.turn(.init(time: Fixtures.startTime, number: 1, stateBefore: "a", stateAfter: "b",
                                                 userLine: "我的手机号是13812345678", assistantMessages: sentences,
                                                 slotsChanged: [.init(slot: "phone", old: sentences[2], new: "13812345678")]))
        #expect(record.redacted(by: known) == record.redacted(by: Redactor()))
        #expect(record.redacted(by: known) == record.redacted(by: Redactor()))
    }
}
