/// A cheap pass over a text's UTF-8 bytes that tells which kinds of personal data the text could hold at all, so the
/// redaction scanner runs only when something could match, and only the tests that could.
///
/// It promises never to rule out what ``RedactionScanner`` would find in the folded text:
/// - a number needs ``minimumNumberDigits`` digits (ASCII or full-width) joined by gaps of at most
///   ``DigitGroups/maximumSeparatorLength`` characters, invisible characters not counted (the scanner reads past them);
/// - an e-mail address needs `@` or `＠`;
/// - a code or a password needs its cue word: an English one (`code`, `otp`, `pin`, `cvv`, `pass…`, `pwd`, compared without
///   case; a code cue only with a digit in the text, since an English code is masked only when it holds one), or a
///   Chinese one, which always holds `码`, `碼` or `令`. A full-width letter or an invisible character could
///   hide an English cue word from a byte comparison, so either one counts as a possible cue;
/// - a code told with no code word (`我把482913告诉他了`) needs a run of four to eight digits with a word of telling or
///   giving in the bytes around it (`RedactionScanner.bareCode(at:)`), which then sends the text to the whole scan.
///
/// No Foundation and no scalar decoding: this runs on every text a transcript stores, most of which hold none of these.
struct RedactionPrecheck {
    /// Whether digits enough for a phone, landline, ID-card or bank-card number stand close enough together.
    private(set) var mayHaveNumber = false
    /// Whether an at sign is present.
    private(set) var mayHaveEmail = false
    /// Whether a word that announces a code or a password may be present.
    private(set) var mayHaveSecret = false
    /// Where every word that may announce a secret stands, when the bytes tell them all (no full-width letter or
    /// invisible character could hide one) and there are few; nil otherwise. ``SecretCueWindows`` reads only around them.
    private(set) var secretCueSites: [SecretCueSite]?

    /// A place where a cue word may stand: an English one starts at `byte`; a Chinese one ends with the character at
    /// `byte` (码, 碼 or 令), so it starts up to `scalarsBefore` characters earlier.
    struct SecretCueSite: Equatable {
        var byte: Int
        var scalarsBefore: Int
    }

    /// Past this many cue words, the whole text is scanned (and no more sites are kept: one past it says so).
    static let maximumCueSites = 16

    /// No number the scanner recognises has fewer digits: a landline is a 3-digit area code and 7 digits, a mobile number
    /// near a phone word 10; ID-card and bank-card numbers have 15 or more.
    static let minimumNumberDigits = 10

    var mightContainPersonalData: Bool { mayHaveNumber || mayHaveEmail || mayHaveSecret }

    init(_ text: String) {
        if let found = text.utf8.withContiguousStorageIfAvailable({ Self(bytes: $0) }) {
            self = found
        } else {
            self = Array(text.utf8).withUnsafeBufferPointer { Self(bytes: $0) }
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        var number = false, email = false, secret = false
        // An English code cue counts only with a digit somewhere: the scanner masks a code only when it holds one.
        var codeCue = false, digit = false
        var sites: [SecretCueSite] = [], sitesComplete = true
        // The digit run being read (its first byte and how many digits), for a code told with no code word.
        var runStart = 0, runDigits = 0
        // Positions count folded characters: one per scalar, invisible characters left out, as the scanner reads them.
        var digits = DigitsTogether()
        var position = 0
        var index = 0
        let count = bytes.count
        Self.asciiMayMatter.withUnsafeBufferPointer { asciiMayMatter in
            // A run of four to eight digits just ended at `end`: a told code is possible if a cue word stands near. Not
            // five (a hotline: 12378) nor a year (2026) in ASCII digits, which the scanner never takes for a code.
            func endRun(at end: Int) {
                if (4...8).contains(runDigits), runDigits != 5, !(secret && !sitesComplete),
                   !(runDigits == 4 && end - runStart == 4 && (bytes[runStart] == 0x31 && bytes[runStart + 1] == 0x39
                       || bytes[runStart] == 0x32 && bytes[runStart + 1] == 0x30)),
                   Self.bareCodeCueNear(bytes, runStart, end) {
                    secret = true
                    sitesComplete = false
                }
                runDigits = 0
            }
            // Digits read out in groups ("483 920", "4 8 3 9 2 0", "483－920") are one run for a told code, as the scanner
            // reads them (`RedactionScanner.groupedCode`): after a digit, the separators the scanner joins groups with
            // (a space or a dash, folded: ASCII, U+3000 or U+FF0D), at most two, with a digit after them. Returns the
            // byte and the folded position where that digit is.
            func groupContinues(at start: Int) -> (index: Int, position: Int)? {
                var at = start, passed = 0
                while at < count, passed < 2 {
                    let byte = bytes[at]
                    if byte == 0x20 || byte == 0x2D {
                        at += 1
                    } else if byte == 0xE3, at + 2 < count, bytes[at + 1] == 0x80, bytes[at + 2] == 0x80 {
                        at += 3  // ideographic space
                    } else if byte == 0xEF, at + 2 < count, bytes[at + 1] == 0xBC, bytes[at + 2] == 0x8D {
                        at += 3  // full-width hyphen-minus
                    } else {
                        break
                    }
                    passed += 1
                }
                guard passed > 0, at < count else { return nil }
                let isDigit = bytes[at] &- 0x30 < 10
                    || (bytes[at] == 0xEF && at + 2 < count && bytes[at + 1] == 0xBC && (0x90...0x99).contains(bytes[at + 2]))
                return isDigit ? (at, position + passed) : nil
            }
            while index < count {
                if runDigits == 0 {
                    // Most bytes are ASCII that starts nothing (a space, punctuation, a letter that begins no cue word,
                    // or a c, o or p the next letter takes elsewhere: "could", "not", "pay"), in runs: passed in a
                    // loop of their own, which keeps none of the state above in memory (~35 instructions a byte
                    // through the whole body, a quarter of that here).
                    let from = index
                    while index < count {
                        let byte = bytes[index]
                        guard byte < 0x80 else { break }
                        if asciiMayMatter[Int(byte)] {
                            // A digit or @ (below 0x41) stops here; so do c, o and p where a cue word may begin.
                            guard byte > 0x40, index + 1 < count, !Self.mayContinueCue(byte, bytes[index + 1]) else { break }
                        }
                        index += 1
                    }
                    position += index - from
                    guard index < count else { break }
                }
                let byte = bytes[index]
                if runDigits > 0, byte == 0x20 || byte == 0x2D || byte == 0xE3 || byte == 0xEF,
                   !(byte == 0xEF && index + 2 < count && bytes[index + 1] == 0xBC && (0x90...0x99).contains(bytes[index + 2])),
                   let next = groupContinues(at: index) {
                    // The separators are read as the scanner reads them for numbers too (`digits.note` counts positions).
                    index = next.index
                    position = next.position
                    continue
                }
                if byte < 0x80 {
                    // Most bytes: an ASCII letter that starts no cue word, a space, punctuation.
                    if !asciiMayMatter[Int(byte)] {
                        if runDigits > 0 { endRun(at: index) }
                        position += 1
                        index += 1
                        continue
                    }
                    if byte &- 0x30 < 10 {
                        digit = true
                        number = digits.note(at: position) || number
                        if runDigits == 0 { runStart = index }
                        runDigits += 1
                        position += 1
                        index += 1
                        continue
                    }
                    if runDigits > 0 { endRun(at: index) }
                    if byte == 0x40 {
                        email = true
                    } else {
                        let lowercase = byte | 0x20
                        if lowercase == 0x63 || lowercase == 0x6F || lowercase == 0x70 {
                            switch Self.englishCue(bytes, at: index) {
                            case .code:
                                codeCue = true
                                if sites.count <= Self.maximumCueSites { sites.append(SecretCueSite(byte: index, scalarsBefore: 0)) }
                            case .password:
                                secret = true
                                if sites.count <= Self.maximumCueSites { sites.append(SecretCueSite(byte: index, scalarsBefore: 0)) }
                            case nil: break
                            }
                        }
                    }
                    position += 1
                    index += 1
                    continue
                }
                // Valid UTF-8 (a Swift string): the lead byte gives the length.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let second = index + 1 < count ? bytes[index + 1] : 0
                let third = length >= 3 && index + 2 < count ? bytes[index + 2] : 0
                let isWideDigit = byte == 0xEF && second == 0xBC && (0x90...0x99).contains(third)
                if isWideDigit {
                    if runDigits == 0 { runStart = index }
                    runDigits += 1
                } else if runDigits > 0 {
                    endRun(at: index)
                }
                var isInvisible = false
                switch (byte, second) {
                case (0xC2, 0xAD), (0xCD, 0x8F): isInvisible = true  // soft hyphen, combining grapheme joiner
                case (0xE2, 0x80): isInvisible = (0x8B...0x8F).contains(third)  // U+200B...U+200F
                case (0xE2, 0x81): isInvisible = (0xA0...0xA4).contains(third)  // U+2060...U+2064
                case (0xE1, 0xA0): isInvisible = third == 0x8E  // U+180E
                case (0xEF, 0xBB): isInvisible = third == 0xBF  // U+FEFF
                case (0xEF, 0xBC):
                    switch third {
                    case 0x90...0x99:  // ０-９
                        digit = true
                        number = digits.note(at: position) || number
                    case 0xA0: email = true  // ＠
                    case 0xA1...0xBA:  // Ａ-Ｚ
                        secret = true
                        sitesComplete = false
                    default: break
                    }
                case (0xEF, 0xBD):
                    if (0x81...0x9A).contains(third) {  // ａ-ｚ
                        secret = true
                        sitesComplete = false
                    }
                case (0xE7, 0xA0), (0xE7, 0xA2), (0xE4, 0xBB):
                    if (second, third) == (0xA0, 0x81) || (second, third) == (0xA2, 0xBC) || (second, third) == (0xBB, 0xA4) {
                        // 码, 碼, 令: the last character of every Chinese cue word, the longest of which has three.
                        secret = true
                        if sites.count <= Self.maximumCueSites { sites.append(SecretCueSite(byte: index, scalarsBefore: 2)) }
                    }
                default: break
                }
                if isInvisible {
                    // It may split a cue word, which the scanner would read whole.
                    secret = true
                    sitesComplete = false
                } else {
                    position += 1
                }
                index += length
            }
            if runDigits > 0 { endRun(at: count) }
        }
        mayHaveNumber = number
        mayHaveEmail = email
        mayHaveSecret = secret || (codeCue && digit)
        if mayHaveSecret, sitesComplete, sites.count <= Self.maximumCueSites { secretCueSites = sites }
    }

    /// The words of telling or giving that make a bare run of digits a code, as UTF-8 (ASCII letters in lower case).
    private static let bareCodeCues: [[UInt8]] = (RedactionScanner.bareCodeTellWords + RedactionScanner.bareCodeGiveWords).map { word in
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: word)
        return Array(String(scalars).utf8)
    }
    /// Per byte: whether a cue word of `bareCodeCues` starts with it (either case for letters).
    private static let bareCodeCueFirstBytes: [Bool] = (0..<256).map { byte in
        bareCodeCues.contains { $0[0] == UInt8(byte) || $0[0] == UInt8(byte) | 0x20 && (0x41...0x5A).contains(byte) }
    }

    /// Whether a word of `bareCodeCues` is written in the bytes around the digit run `start..<end`: the scanner's
    /// reach (``RedactionScanner/bareCodeCueBefore`` characters before, ``RedactionScanner/bareCodeCueAfter`` after,
    /// and the longest word) counted at four bytes a character, so nothing it would find is ruled out here.
    private static func bareCodeCueNear(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let from = max(0, start - 4 * RedactionScanner.bareCodeCueBefore)
        let to = min(bytes.count, end + 4 * (RedactionScanner.bareCodeCueAfter + 8))
        var index = from
        while index < to {
            if bareCodeCueFirstBytes[Int(bytes[index])] {
                for word in bareCodeCues where index + word.count <= bytes.count {
                    var offset = 0
                    while offset < word.count {
                        let byte = bytes[index + offset]
                        let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                        if lower != word[offset] { break }
                        offset += 1
                    }
                    if offset == word.count { return true }
                }
            }
            index += 1
        }
        return false
    }

    /// Per ASCII byte: a digit, `@`, or the first letter of an English cue word (c, o, p in either case).
    private static let asciiMayMatter: [Bool] = (0..<128).map { byte in
        (0x30...0x39).contains(byte) || byte == 0x40 || [0x63, 0x6F, 0x70].contains(byte | 0x20)
    }

    /// Whether `letter` (c, o or p, either case) followed by `next` can begin an English cue word: "co" (code), "cv"
    /// (cvv, cvc, cvn), "ot" (otp), "pi" (pin), "pa" (pass…), "pw" (pwd). Anything else after it, and ``englishCue(_:at:)``
    /// finds nothing there.
    private static func mayContinueCue(_ letter: UInt8, _ next: UInt8) -> Bool {
        switch (letter | 0x20, next | 0x20) {
        case (0x63, 0x6F), (0x63, 0x76), (0x6F, 0x74), (0x70, 0x69), (0x70, 0x61), (0x70, 0x77): true
        default: false
        }
    }

    /// The digits standing close together at the latest digit seen.
    private struct DigitsTogether {
        var lastPosition = Int.min / 2
        var count = 0

        /// Counts a digit at `position`; true once enough stand together for a number.
        mutating func note(at position: Int) -> Bool {
            if position - lastPosition - 1 > DigitGroups.maximumSeparatorLength { count = 0 }
            count += 1
            lastPosition = position
            return count >= RedactionPrecheck.minimumNumberDigits
        }
    }

    /// The two kinds of English cue word: a code (`code`, `otp`, `pin`, `cvv`, `cvc`, `cvn`) is masked only when it holds a digit; a password
    /// (`pass…`, `pwd`) may be all letters.
    private enum EnglishCue {
        case code, password
    }

    /// The English cue word starting at `index`, ASCII letters compared without case.
    private static func englishCue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> EnglishCue? {
        func letters(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard index + length <= bytes.count else { return false }
            let letters = word.utf8Start
            for offset in 0..<length where bytes[index + offset] | 0x20 != letters[offset] { return false }
            return true
        }
        switch bytes[index] | 0x20 {
        case 0x63: return letters("code") || letters("cvv") || letters("cvc") || letters("cvn") ? .code : nil
        case 0x6F: return letters("otp") ? .code : nil
        default: return letters("pin") ? .code : letters("pass") || letters("pwd") ? .password : nil
        }
    }
}
