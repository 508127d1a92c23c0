import Testing

@testable import Transcript

/// The fast path of `Redactor` (the byte pre-check, the skipped tests, the text returned uncopied) against the plain
/// reference: every test of the scanner at every position of every text, and the output rebuilt from the scalars.
@Suite struct RedactionPrecheckTests {
    let redactor = Redactor()

    /// The scanner's matches found the plain way: every test at every position, a digit run skipped whole.
    static func referenceMatches(_ folded: FoldedScalars) -> [RedactionScanner.Match] {
        let scanner = RedactionScanner(folded.scalars)
        var found: [RedactionScanner.Match] = []
        var index = 0
        while index < folded.scalars.count {
            if let match = scanner.match(at: index) {
                found.append(match)
                index = match.range.upperBound
            } else if scanner.isDigitRunStart(index) {
                index = scanner.endOfDigitRun(from: index)
            } else {
                index += 1
            }
        }
        return found
    }

    /// What `redact(_:)` did before the pre-check existed, minus its own quick test: the scanner tries everything.
    static func referenceRedact(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let folded = FoldedScalars(text)
        var output = String.UnicodeScalarView()
        var copied = 0
        for match in referenceMatches(folded) {
            let range = folded.originalRange(of: match.range)
            output.append(contentsOf: scalars[copied..<range.lowerBound])
            output.append(contentsOf: match.masked.unicodeScalars)
            copied = range.upperBound
        }
        output.append(contentsOf: scalars[copied...])
        return String(output)
    }

    static func referenceFindings(_ text: String) -> [Redactor.Finding] {
        let scalars = Array(text.unicodeScalars)
        let folded = FoldedScalars(text)
        return referenceMatches(folded).map { match in
            var original = String.UnicodeScalarView()
            original.append(contentsOf: scalars[folded.originalRange(of: match.range)])
            return Redactor.Finding(kind: match.kind, original: String(original), masked: match.masked)
        }
    }

    @Test func agreesWithTheReferenceOnGeneratedTexts() {
        var generator = TextGenerator(seed: 0x5EED_2026)
        var masked = 0
        for _ in 0..<30_000 {
            let text = generator.text()
            let expected = Self.referenceRedact(text)
            let actual = redactor.redact(text)
            #expect(actual == expected, "\(text.debugDescription)")
            #expect(redactor.findings(in: text) == Self.referenceFindings(text), "\(text.debugDescription)")
            if expected != text { masked += 1 }
        }
        // The generator must produce plenty of texts with something to mask, or the comparison proves little.
        #expect(masked > 3_000)
    }

    /// Long texts with cue words and no number or address: redaction reads only around the cue words
    /// (`SecretCueWindows`), and must find exactly what the whole text gives.
    @Test func readsAroundCueWordsAsTheWholeTextWould() {
        var generator = TextGenerator(seed: 0xC0DE_2026)
        var windowed = 0, masked = 0
        for _ in 0..<10_000 {
            let text = generator.longText()
            if SecretCueWindows.matches(in: text, precheck: RedactionPrecheck(text)) != nil { windowed += 1 }
            let expected = Self.referenceRedact(text)
            #expect(redactor.redact(text) == expected, "\(text.debugDescription)")
            #expect(redactor.findings(in: text) == Self.referenceFindings(text), "\(text.debugDescription)")
            if expected != text { masked += 1 }
        }
        // Many of them must take the windowed path, and many hold a secret, or the comparison proves little. (About a
        // third more would, but the generator puts "give" and "告诉" beside code-like digits such as 483920: a code told
        // with no code word, which the whole scan must read.)
        #expect(windowed > 3_000)
        #expect(masked > 1_500)
    }

    @Test func agreesWithTheReferenceOnTheAssistantsOwnKindOfText() {
        let texts = [
            "Call the hotline 12378 before 22:00, or write to the bank. Keep the code of conduct in mind.",
            "Never give anyone your PIN or the verification code from the text message; the bank never asks for it.",
            "If someone asks for your password: hang up. Report it at 96110 (24 hours).",
            "請勿向任何人透露密碼：銀行不會索取。",
            "密碼：abcdefg",
            "ＰＡＳＳＷＯＲＤ: hunter",
            "pass\u{200B}word: hunter",
            "Open the app, choose Settings › Security, then call 010-62751234 or 138 1234 5678.",
        ]
        for text in texts {
            #expect(redactor.redact(text) == Self.referenceRedact(text), "\(text.debugDescription)")
        }
    }

    @Test func letsTheAssistantsAdviceThroughWithoutScanning() {
        let advice = "Call the hotline 12378 before 22:00; the fee is 1,200 yuan, due 2026-11-24. Stop payments now."
        #expect(!RedactionPrecheck(advice).mightContainPersonalData)
        #expect(redactor.redact(advice) == advice)
    }

    @Test func seesEachKindOfCue() {
        #expect(RedactionPrecheck("1381234 5678").mayHaveNumber)
        #expect(RedactionPrecheck("（0755）2688 1234").mayHaveNumber)
        #expect(RedactionPrecheck("１３８１２３４５６７８").mayHaveNumber)
        #expect(!RedactionPrecheck("138 1234 x     5678").mayHaveNumber)
        #expect(RedactionPrecheck("138\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}1234567").mayHaveNumber)
        #expect(RedactionPrecheck("a＠b.cn").mayHaveEmail)
        for cue in ["Pass", "pwd", "ｃｏｄｅ", "pa\u{00AD}ss", "验证码", "驗證碼", "口令"] {
            #expect(RedactionPrecheck("the \(cue) is").mayHaveSecret, "\(cue)")
        }
        // A code is masked only when it holds a digit: without one anywhere, its cue word rules nothing in.
        for cue in ["CODE", "Otp", "pIn"] {
            #expect(!RedactionPrecheck("never tell anyone the \(cue)").mayHaveSecret, "\(cue)")
            #expect(RedactionPrecheck("the \(cue) is 4839").mayHaveSecret, "\(cue)")
            #expect(RedactionPrecheck("the \(cue) is ４８３９").mayHaveSecret, "\(cue)")
        }
        #expect(!RedactionPrecheck("open the copy of the policy").mightContainPersonalData)
        // A code told with no code word: a run of digits beside a word of telling or giving.
        // Read out in groups: the groups are one run ("483 920", "4 8 3 9 2 0", a full-width dash or space between).
        for text in ["我把482913告诉他了", "我把４８２９１３告訴他了", "I gave them 482913", "i TOLD him 4829", "我告诉他的是483-920",
                     "他让我念了4 8 3 9 2 0", "I read him 483－920", "我讀咗483\u{3000}920俾佢"] {
            #expect(RedactionPrecheck(text).mayHaveSecret, "\(text)")
            #expect(RedactionPrecheck(text).secretCueSites == nil, "\(text)")
        }
        for text in ["我把12378告诉他了", "I told them in 2026", "I gave them 12", "我已经还了48", "482913"] {
            #expect(!RedactionPrecheck(text).mightContainPersonalData, "\(text)")
        }
    }
}

/// Texts made of the pieces personal data and its near-misses are made of, in random order: digits in both widths,
/// separators, invisible characters, cue words in three languages and in full width, e-mail parts, fillers and noise.
struct TextGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64: small, and the same sequence on every platform.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let separators = [" ", "-", ".", "/", "_", "(", ")", "（", "）", "\u{3000}", "\u{A0}", "—", "·", "\t", "  ", "－", "．"]
    static let invisibles = ["\u{200B}", "\u{200D}", "\u{2060}", "\u{00AD}", "\u{FEFF}", "\u{034F}", "\u{180E}"]
    static let cues = [
        "code", "CODE", "Code", "otp", "OTP", "pin", "PIN", "password", "Passcode", "passwd", "pwd", "ｃｏｄｅ", "ＰＡＳＳＷＯＲＤ",
        "Ｐｉｎ", "验证码", "驗證碼", "校验码", "动态码", "密码", "密碼", "口令", "安全碼", "卡号", "卡", "账号", "account", "手机", "电话",
        "電話", "号码", "身份证", "身份證", "card", "phone", "tel", "call", "number", "id card", "ID number", "identity",
    ]
    static let fillers = ["是", "为", "為", "係", ":", "：", "=", " is ", " was ", "\"", "'", "“", "「", " "]
    static let emailParts = ["zhang.san", "li_si+loan", "@", "＠", "example", ".", "．", "com", "cn", "163", "mail", "a"]
    static let noise = [
        "hello", "the", "spinning", "coder", "opt", "pinned", "compass", "你好", "元", "X", "x", "Ｘ", "👨‍👩‍👧", "\u{202E}", "é",
        "İ", "K", "abc123", "hunter2", "abcdefg", "483920", "ab", "。", "，", ",", ";", "\n", "\\", "\"", "+86", "0086",
        "2026-11-24", "1,200", "12378", "22:00",
    ]

    mutating func digits(_ count: Int) -> String {
        let fullWidth = below(4) == 0
        var text = ""
        for _ in 0..<count {
            let digit = UInt32(below(10))
            let mixed = fullWidth || below(20) == 0
            text.unicodeScalars.append(Unicode.Scalar((mixed ? 0xFF10 : 0x30) + digit)!)
            if below(40) == 0 { text += pick(Self.invisibles) }
        }
        return text
    }

    /// A number shaped like personal data: a mobile number, a landline, an ID or a card number, grouped at random.
    mutating func shapedNumber() -> String {
        let shapes: [[Int]] = [[11], [3, 4, 4], [3, 8], [4, 7], [4, 8], [18], [6, 8, 4], [17], [15], [16], [4, 4, 4, 4],
                               [19], [10], [12], [2, 11], [4, 11], [5], [8], [4], [6], [3, 3]]
        var text = ""
        for (index, count) in pick(shapes).enumerated() {
            if index > 0 {
                for _ in 0..<(1 + below(4)) { text += pick(Self.separators) }
            }
            var group = digits(count)
            // Give phone-shaped and landline-shaped groups a plausible start now and then.
            if index == 0, below(2) == 0 {
                group = pick(["13", "15", "19", "010", "021", "0755", "8613", "11", "31"]) + group
            }
            text += group
        }
        if below(6) == 0 { text += pick(["X", "x", "Ｘ"]) }
        return text
    }

    static let words = [
        "never", "give", "anyone", "your", "the", "a", "verification", "or", "and", "to", "bank", "asks", "for", "it", "is",
        "was", "pass", "passing", "compass", "spinning", "coder", "opted", "pinned", "encode", "pwds", "Code:", "PIN=",
        "你好", "请", "不要", "把", "告诉", "任何人", "银行", "不会", "索取", "的", "安全", "短信",
    ]
    static let tokens = [
        "abc123", "hunter2", "483920", "48 39 20", "48-39-20", "4839 2", "12 34 56", "1 2 3 4 5 6 7 8 9", "a.b,c;d", "x1",
        "(123)", "ab", "\"q1w2e3\"", "４８３９２０", "1234.", "99,", "12_34", "1·2·3·4",
    ]
    static let gaps = [" ", " ", " ", "  ", "\t", "\n", "，", "。", ": ", "：", " = ", "\u{3000}", "\u{A0}", ", ", "; ", " - "]

    /// A longer text (20-80 pieces) of words, cue words and secret-like tokens, without invisible characters or
    /// full-width letters, and mostly without ten digits together: the kind of text redaction reads around its cue words.
    mutating func longText() -> String {
        let asciiAndChineseCues = Self.cues.filter { cue in
            !cue.unicodeScalars.contains { (0xFF21...0xFF5A).contains($0.value) }
        }
        var text = ""
        for _ in 0..<(20 + below(61)) {
            switch below(12) {
            case 0, 1: text += pick(asciiAndChineseCues)
            case 2: text += pick(Self.fillers)
            case 3, 4: text += pick(Self.tokens)
            case 5, 6: text += pick(Self.gaps)
            default: text += pick(Self.words)
            }
            text += below(3) == 0 ? "" : pick(Self.gaps)
        }
        return text
    }

    mutating func text() -> String {
        var text = ""
        for _ in 0..<(1 + below(12)) {
            switch below(10) {
            case 0, 1: text += shapedNumber()
            case 2: text += digits(1 + below(20))
            case 3: text += pick(Self.separators)
            case 4: text += pick(Self.cues)
            case 5: text += pick(Self.fillers)
            case 6: text += pick(Self.emailParts)
            case 7: text += pick(Self.invisibles)
            default: text += pick(Self.noise)
            }
        }
        return text
    }
}
