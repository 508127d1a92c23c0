/// Finds amounts, durations, installment counts and clock times in a normalised line (see `TextNormalizer`):
/// Arabic digits (1,200 / 1.5万 / 1w2 / 3k多), Chinese numerals (一千二 = 1200, 两万三, 十几, 三五天, 好几, 半年, 大半年),
/// financial forms (壹贰叁…), English ("fifteen days", "a month", "rmb 800"), ¥ amounts and night-call times.
///
/// It leaves out what only looks like a number: phone and card numbers (runs of 7+ digits not followed by 元),
/// dates (2026-11-24, 2026年11月24日, 5号, 上个月5号), ordinals (第一次), words like 一下/一直/千万别/十分/万一,
/// and a lone Chinese numeral character with no unit. One left-to-right pass; no Foundation.
public enum QuantityScanner {
    public static func scan(_ text: [Unicode.Scalar]) -> [Quantity] {
        if text.isEmpty { return [] }
        var run = QuantityScan(text)
        run.run()
        return run.out
    }

    /// Convenience for tests and tools: scans the scalars of `text` as given (normalise it first).
    public static func scan(_ text: String) -> [Quantity] { scan(Array(text.unicodeScalars)) }
}

// MARK: - Character classes

@inline(__always) private func asciiDigit(_ c: Unicode.Scalar) -> Double? {
    let v = c.value
    return v >= 0x30 && v <= 0x39 ? Double(v - 0x30) : nil
}

/// Whether `x` has no fractional part (without libm: the scanner links against the standard library only).
@inline(__always) private func isWhole(_ x: Double) -> Bool { x >= -1e15 && x <= 1e15 && Double(Int64(x)) == x }

@inline(__always) private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

@inline(__always) private func isLetter(_ c: Unicode.Scalar) -> Bool {
    let v = c.value | 0x20
    return v >= 0x61 && v <= 0x7A
}

/// Switches on code points (not scalar literals) so that the compiler makes a jump table: this runs on every character.
private func cjkDigit(_ c: Unicode.Scalar) -> Double? {
    switch c.value {
    case 0x96F6, 0x3007: return 0  // 零 〇
    case 0x4E00, 0x58F9: return 1  // 一 壹
    case 0x4E8C, 0x8D30, 0x8CB3, 0x4E24, 0x5169, 0x4FE9, 0x5006: return 2  // 二 贰 貳 两 兩 俩 倆
    case 0x4E09, 0x53C1, 0x4EE8: return 3  // 三 叁 仨
    case 0x56DB, 0x8086: return 4  // 四 肆
    case 0x4E94, 0x4F0D: return 5  // 五 伍
    case 0x516D, 0x9646, 0x9678: return 6  // 六 陆 陸
    case 0x4E03, 0x67D2: return 7  // 七 柒
    case 0x516B, 0x634C: return 8  // 八 捌
    case 0x4E5D, 0x7396: return 9  // 九 玖
    default: return nil
    }
}

/// 两 / 俩 / 仨: never used for a calendar month or a date, so "两月" is a length of time.
private func isColloquialDigit(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "两", "兩", "俩", "倆", "仨": return true
    default: return false
    }
}

private func cjkMultiplier(_ c: Unicode.Scalar) -> Double? {
    switch c.value {
    case 0x5341, 0x62FE: return 10  // 十 拾
    case 0x767E, 0x4F70: return 100  // 百 佰
    case 0x5343, 0x4EDF: return 1000  // 千 仟
    case 0x4E07, 0x842C: return 10_000  // 万 萬
    case 0x4EBF, 0x5104: return 100_000_000  // 亿 億
    default: return nil
    }
}

/// A parsed number, before its unit.
private struct Num {
    var value: Double = 0
    var end: Int
    var approx = false
    /// Chinese numeral characters in it (a lone one needs a unit to count).
    var cjkChars = 0
    var arabic = false
    /// Longest run of contiguous ASCII digits (phone and card numbers are long runs).
    var maxRun = 0
    /// One Arabic integer and nothing else ("2026", "15").
    var plainInt = false
    /// Chinese digits read one by one (二零二六).
    var cjkDigitString = false
    /// 千万 / 百 / 半 / 大半 / 万一: only a number when a unit follows.
    var needsUnit = false
    /// 两 / 俩 / 半 / 几 / a range: "N月" is then a length of time, not a calendar month.
    var colloquial = false
    /// A date, phone number or version string to step over whole.
    var skipTo: Int?
    /// "23:30" → 23.5.
    var clock: Double?

    init(end: Int) { self.end = end }
}

private struct ArabicToken {
    enum Kind { case number, skip, time(Double) }
    var kind: Kind = .number
    var value: Double = 0
    var end: Int
    var digits = 0
    var run = 0
    var fraction = false
    var plain = true
}

private struct UnitRead {
    enum Kind {
        case unit(QuantityUnit)
        /// No unit; `end` is the end of the number (and a trailing 多).
        case none
        /// A date part; `ctx` when a month or day number may follow.
        case date(ctx: Bool)
        /// A unit this scanner does not report (小时, 分钟, 岁, 周年): the number is not a quantity.
        case silent
        /// 点 (dot) or am/pm (meridiem 1 / 2).
        case clock(meridiem: Int, dot: Bool)
    }
    var kind: Kind
    var end: Int
    var approx = false
    var add = 0.0
}

private enum Period { case none, evening, lateNight, afternoon, noon, morning }

// MARK: - The scan

private struct QuantityScan {
    let t: [Unicode.Scalar]
    let n: Int
    var out: [Quantity] = []
    /// Index right after a date part (年 of a date, a calendar month): a number starting there is part of the date.
    var dateCtxEnd = -1

    init(_ text: [Unicode.Scalar]) {
        t = text
        n = text.count
    }

    @inline(__always) func c(_ i: Int) -> Unicode.Scalar { i >= 0 && i < n ? t[i] : "\u{0}" }

    /// End index when `w` is at `i`.
    func matches(_ w: String, at i: Int) -> Int? {
        var j = i
        for u in w.unicodeScalars {
            if c(j) != u { return nil }
            j += 1
        }
        return j
    }

    /// End of the ASCII word `w` at `i` (no letter may follow).
    func word(_ w: String, at i: Int) -> Int? {
        guard let e = matches(w, at: i), !isLetter(c(e)) else { return nil }
        return e
    }

    /// The lowercased ASCII word that ends just before `i`, past one space ("last" in "last 4").
    func englishWordBefore(_ i: Int) -> String {
        var end = i
        while end > 0, c(end - 1) == " " { end -= 1 }
        var start = end
        while start > 0, isLetter(c(start - 1)), c(start - 1).isASCII { start -= 1 }
        return String(String.UnicodeScalarView(t[start..<end])).lowercased()
    }

    func isUnitStart(_ ch: Unicode.Scalar) -> Bool {
        switch ch {
        case "天", "日", "周", "星", "礼", "月", "年", "期", "个", "号", "点", "元", "块", "小", "分", ".": return true
        default: return false
        }
    }

    func startsNumeral(_ i: Int) -> Bool {
        let ch = c(i)
        return isDigit(ch) || cjkDigit(ch) != nil || ch == "十" || ch == "拾"
    }

    mutating func emit(_ value: Double, _ unit: QuantityUnit, _ range: Range<Int>, _ approx: Bool) {
        out.append(Quantity(value: value, unit: unit, range: range, isApproximate: approx))
    }

    mutating func run() {
        var i = 0
        while i < n {
            let ch = t[i]
            if ch.value < 0x80 {
                if isDigit(ch) {
                    i = handleNumber(prefix: i, at: i, currency: false)
                } else if isLetter(ch) {
                    i = handleWord(i)
                } else {
                    i += 1
                }
                continue
            }
            if !QuantityScan.mayStart(ch) {
                i += 1
                continue
            }
            switch ch.value {  // code points, for a jump table
            case 0xA5, 0xFFE5:  // ¥ ￥
                var j = i + 1
                while c(j) == " " { j += 1 }
                i = startsNumeral(j) ? handleNumber(prefix: i, at: j, currency: true) : i + 1
            case 0x7B2C:  // 第
                var j = i + 1
                while c(j) == " " { j += 1 }
                if startsNumeral(j) || c(j) == "几", let num = parseNumber(j) {
                    i = num.skipTo ?? num.end
                } else {
                    i += 1
                }
            case 0x4EBA:  // 人
                if let e = matches("人民币", at: i) {
                    var j = e
                    while c(j) == " " { j += 1 }
                    i = startsNumeral(j) ? handleNumber(prefix: i, at: j, currency: true) : e
                } else {
                    i += 1
                }
            case 0x4E2A, 0x500B:  // 个 個
                // 个把月: about a month.
                if c(i + 1) == "把" {
                    var num = Num(end: i + 2)
                    num.value = 1
                    num.approx = true
                    num.colloquial = true
                    num.cjkChars = 2
                    num.needsUnit = true
                    let u = readUnit(num, start: i, inDate: false)
                    if case .unit(let unit) = u.kind, unit != .yuan {
                        emit(1, unit, i..<u.end, true)
                        i = u.end
                    } else {
                        i += 2
                    }
                } else {
                    i += 1
                }
            default:
                i = startsCJKNumber(i) ? handleNumber(prefix: i, at: i, currency: false) : i + 1
            }
        }
    }

    /// Set phrases with numerals in them: some mean a quantity, most do not (三天两头 = "all the time").
    static let idioms: [(Word, Quantity?)] = {
        let list: [(String, Quantity?)] = [
            ("一年半载", Quantity(value: 1, unit: .year, range: 0..<4, isApproximate: true)),
            ("三年五载", Quantity(value: 4, unit: .year, range: 0..<4, isApproximate: true)),
            ("十天半个月", Quantity(value: 12.5, unit: .day, range: 0..<5, isApproximate: true)),
            ("三天两头", nil), ("一天到晚", nil), ("一年到头", nil), ("十万火急", nil), ("乱七八糟", nil),
            ("八九不离十", nil), ("十有八九", nil), ("一五一十", nil), ("三长两短", nil), ("三言两语", nil),
            ("一时半会", nil), ("一年四季", nil), ("千万千万", nil), ("一天天", nil), ("一年年", nil),
        ]
        return list.map { (Array($0.0.unicodeScalars), $0.1) }
    }()

    /// When `i` is inside one of the idioms: emits its quantity, if it has one, and returns its end.
    mutating func idiom(at i: Int) -> Int? {
        let ch = t[i]
        for (w, quantity) in QuantityScan.idioms {
            for k in 0..<w.count where w[k] == ch {
                let start = i - k
                guard start >= 0, start + w.count <= n else { continue }
                var same = true
                for m in 0..<w.count where t[start + m] != w[m] {
                    same = false
                    break
                }
                guard same else { continue }
                if var quantity {
                    quantity.range = start..<(start + w.count)
                    out.append(quantity)
                }
                return start + w.count
            }
        }
        return nil
    }

    /// One bit per BMP code point: set for the characters a quantity can start with (numerals, 半 大 好 几, ¥, 第, 人, 个).
    /// Most Chinese characters are none of these; the bitmap turns them away with one load.
    static let starters: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        let chars = "零〇一壹二贰貳两兩俩倆三叁仨四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億半大好几¥￥第人个個"
        for scalar in chars.unicodeScalars where scalar.value < 0x10000 {
            bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
        }
        return bits
    }()

    @inline(__always) static func mayStart(_ ch: Unicode.Scalar) -> Bool {
        let v = ch.value
        guard v < 0x10000 else { return false }
        return starters.withUnsafeBufferPointer { ($0[Int(v >> 6)] >> UInt64(v & 63)) & 1 != 0 }
    }

    /// Whether a Chinese number may start at `i`, leaving out words such as 统一, 唯一, 收拾, 队伍, 大陆.
    func startsCJKNumber(_ i: Int) -> Bool {
        let ch = t[i]
        let prev = c(i - 1)
        if cjkDigit(ch) != nil {
            switch ch.value {
            case 0x4E00:  // 一
                switch prev {
                case "统", "唯", "之", "同", "某", "每", "专", "单", "划", "逐", "万", "这", "那", "哪", "任": return false
                default: return true
                }
            case 0x4F0D: return !(prev == "队" || prev == "落" || prev == "入")  // 伍
            case 0x9646: return !(prev == "大" || prev == "登" || prev == "着" || prev == "内" || prev == "水")  // 陆
            default: return true
            }
        }
        if let m = cjkMultiplier(ch) {
            if m == 10, prev == "收" { return false }
            return true
        }
        switch ch.value {
        case 0x534A: return true  // 半
        case 0x5927: return c(i + 1) == "半"  // 大
        case 0x597D: return c(i + 1) == "几"  // 好
        case 0x51E0: return cjkMultiplier(c(i + 1)) != nil  // 几
        default: return false
        }
    }

    // MARK: Numbers

    /// ASCII digits at `p`: thousands groups, a decimal part, H:MM, and what to skip whole
    /// (2026-11-24, 2026/11/24, 2026.11.24, 010-12345678, 138 1234 5678).
    func lexArabic(_ p: Int) -> ArabicToken {
        var tok = ArabicToken(end: p)
        var q = p
        var v = 0.0
        while let d = asciiDigit(c(q)) {
            v = v * 10 + d
            q += 1
        }
        tok.digits = q - p
        tok.run = tok.digits
        let sep = c(q)
        if (sep == "-" || sep == "/" || sep == ".") && isDigit(c(q + 1)) {
            var r = q
            var groups = 1
            var total = tok.digits
            while c(r) == sep && isDigit(c(r + 1)) {
                r += 1
                while isDigit(c(r)) {
                    r += 1
                    total += 1
                }
                groups += 1
            }
            if sep == "/" || groups >= 3 || (sep == "-" && total >= 7) {
                tok.kind = .skip
                tok.end = r
                return tok
            }
            if sep == "." {
                q = fraction(after: q, into: &v)
                tok.fraction = true
                tok.plain = false
            }
        } else if sep == ",", tok.digits <= 3, isDigit(c(q + 1)), isDigit(c(q + 2)), isDigit(c(q + 3)),
            !isDigit(c(q + 4))
        {
            while c(q) == ",", isDigit(c(q + 1)), isDigit(c(q + 2)), isDigit(c(q + 3)), !isDigit(c(q + 4)) {
                v = v * 1000 + asciiDigit(c(q + 1))! * 100 + asciiDigit(c(q + 2))! * 10 + asciiDigit(c(q + 3))!
                tok.digits += 3
                q += 4
            }
            tok.plain = false
            if c(q) == ".", isDigit(c(q + 1)) {
                q = fraction(after: q, into: &v)
                tok.fraction = true
            }
        } else if sep == ":", tok.digits <= 2, v <= 24, let m1 = asciiDigit(c(q + 1)), let m2 = asciiDigit(c(q + 2)),
            !isDigit(c(q + 3)), m1 * 10 + m2 < 60
        {
            tok.kind = .time(v + (m1 * 10 + m2) / 60)
            tok.value = v
            tok.end = q + 3
            return tok
        } else if sep == " ", isDigit(c(q + 1)) {
            if tok.digits >= 3, tok.digits <= 4 {
                // 138 1234 5678, 6222 0212 3456 7890
                var r = q
                var total = tok.digits
                var groups = 1
                while c(r) == " ", isDigit(c(r + 1)) {
                    var k = r + 1
                    while isDigit(c(k)) { k += 1 }
                    let g = k - r - 1
                    if g < 3 || g > 4 { break }
                    total += g
                    groups += 1
                    r = k
                }
                if groups >= 3 && total >= 10 {
                    tok.kind = .skip
                    tok.end = r
                    return tok
                }
            }
            // Thousands in groups of three with a space: "3 000元", "12 500", "1 200 000". A code told in groups
            // ("483 920") has three digits in its first group: a sum only beside a currency.
            if tok.digits <= 3 {
                var r = q
                var w = v
                var groups = 0
                while c(r) == " ", isDigit(c(r + 1)), isDigit(c(r + 2)), isDigit(c(r + 3)), !isDigit(c(r + 4)) {
                    w = w * 1000 + asciiDigit(c(r + 1))! * 100 + asciiDigit(c(r + 2))! * 10 + asciiDigit(c(r + 3))!
                    groups += 1
                    r += 4
                }
                // Not part of a longer run of groups ("+86 138 1234 5678": a phone number is stepped over whole).
                if groups > 0, !(c(r) == " " && isDigit(c(r + 1))), c(p - 1) != "+", tok.digits < 3 || moneyAround(p, r) {
                    v = w
                    tok.digits += 3 * groups
                    tok.plain = false
                    q = r
                }
            }
        }
        tok.value = v
        tok.end = q
        return tok
    }

    /// Whether a currency stands before `start` (¥, rmb) or after `end` (元, 块, yuan, rmb): "483 920" is a sum only so.
    func moneyAround(_ start: Int, _ end: Int) -> Bool {
        var b = start
        while c(b - 1) == " " { b -= 1 }
        if c(b - 1) == "¥" || c(b - 1) == "￥" || (b >= 3 && matches("rmb", at: b - 3) != nil) { return true }
        var e = end
        while c(e) == " " { e += 1 }
        return c(e) == "元" || c(e) == "块" || c(e) == "塊" || word("yuan", at: e) != nil || word("rmb", at: e) != nil
            || word("kuai", at: e) != nil || foreignCurrency(at: e) != nil
    }

    /// Currencies other than the yuan, as written after a sum (the folded text: 港幣 is 港币). Not 蚊: Cantonese money
    /// of any kind ("欠五千蚊" in Guangdong is yuan, as a mainland lender's notice is), which the tests keep.
    static let foreignCurrencies: [Word] = words(["日元", "日圆", "日币", "港币", "港元", "港纸", "美元", "美金", "新台币", "台币",
        "新币", "欧元", "英镑", "韩元", "韩币", "泰铢", "卢比", "印尼盾", "马币", "令吉", "比索", "越南盾", "澳元", "澳币", "澳门币", "加元",
        "加币", "葡币"])
    static let foreignCurrencyWords = ["dollars", "dollar", "usd", "hkd", "twd", "ntd", "sgd", "myr", "rupiah", "idr", "pesos",
        "peso", "php", "ringgit", "baht", "thb", "yen", "jpy", "won", "krw", "euros", "euro", "eur", "pounds", "gbp", "rupees",
        "inr", "dong", "vnd", "aud", "cad", "mop", "patacas"]

    /// Currencies other than the yuan as written before a sum ("USD 500", "IDR 3,000,000", "Rp 3.000.000"; "$500",
    /// "HK$20000" end in "$"), the folded text in lower case.
    static let foreignCurrencyPrefixes: [[Unicode.Scalar]] = ["usd", "hkd", "twd", "ntd", "sgd", "myr", "idr", "rp", "php", "thb",
        "jpy", "krw", "eur", "gbp", "inr", "vnd", "aud", "cad", "mop"].map { Array($0.unicodeScalars) }

    /// Whether a currency other than the yuan stands right before `start` (spaces between): "$500", "USD 500", "港币2万".
    /// The sum is then no amount in yuan, whatever cue stands beside it.
    func foreignCurrencyBefore(_ start: Int) -> Bool { foreignCurrencyStart(start) != nil }

    /// Where that currency begins, so that the sum is kept as written with it ("HK$3,000", "NT$ 20,000", "港币三千",
    /// "MOP 3000"); nil when there is none.
    func foreignCurrencyStart(_ start: Int) -> Int? {
        var b = start
        while c(b - 1) == " " { b -= 1 }
        if c(b - 1) == "$" {
            // "HK$", "NT$", "US$", "MOP$": the letters that name whose dollar.
            var a = b - 1
            while isLetter(c(a - 1)), b - 1 - (a - 1) <= 3 { a -= 1 }
            return a
        }
        if isLetter(c(b - 1)) {
            var a = b - 1
            while isLetter(c(a - 1)) { a -= 1 }
            guard b - a <= 3 else { return nil }
            return Self.foreignCurrencyPrefixes.contains { $0.count == b - a && t[a..<b].elementsEqual($0) } ? a : nil
        }
        return Self.foreignCurrencies.first { w in
            w.count <= b && (0..<w.count).allSatisfy { c(b - w.count + $0) == w[$0] }
        }.map { b - $0.count }
    }

    /// The end of a currency other than the yuan at `u` ("日元", "港币", "rupiah", "dollars"), or nil.
    func foreignCurrency(at u: Int) -> Int? {
        if isLetter(c(u)) {
            for w in Self.foreignCurrencyWords { if let e = word(w, at: u) { return e } }
            return nil
        }
        for w in Self.foreignCurrencies where c(u) == w[0] {
            var j = u
            var ok = true
            for x in w { if c(j) != x { ok = false; break }; j += 1 }
            if ok { return j }
        }
        return nil
    }

    /// Adds the digits after the point at `dot` to `v`; returns the end of the digits.
    func fraction(after dot: Int, into v: inout Double) -> Int {
        var k = dot + 1
        var digits = 0.0
        var scale = 1.0
        while let d = asciiDigit(c(k)), scale < 1e15 {
            digits = digits * 10 + d
            scale *= 10
            k += 1
        }
        while isDigit(c(k)) { k += 1 }
        v += digits / scale
        return k
    }

    /// The number starting at `s`, Chinese, Arabic or mixed (1.2万, 1w2, 3k, 两万三, 一千零五十, 十几, 三五).
    func parseNumber(_ s: Int) -> Num? {
        var num = Num(end: s)
        var p = s
        if c(p) == "大" && c(p + 1) == "半" {
            num.value = 0.75
            num.end = p + 2
            num.approx = true
            num.needsUnit = true
            num.colloquial = true
            num.cjkChars = 2
            return num
        }
        if c(p) == "半" {
            num.value = 0.5
            num.end = p + 1
            num.needsUnit = true
            num.colloquial = true
            num.cjkChars = 1
            return num
        }
        var total = 0.0, big = 0.0, section = 0.0
        var pending: Double? = nil
        var pendingElliptic = false
        var lastMult = 0.0
        var smallLast = 0.0
        var lastWasMult = false
        var lastWasZero = false
        var lastArabic = false
        var tokens = 0
        var cjk = 0
        if c(p) == "好" && c(p + 1) == "几" {
            pending = 3
            num.approx = true
            num.colloquial = true
            p += 2
            cjk = 2
            tokens = 1
        }
        loop: while true {
            let ch = c(p)
            if isDigit(ch) {
                if tokens > 0 && !lastWasMult && !lastWasZero { break }
                let a = lexArabic(p)
                switch a.kind {
                case .skip:
                    if tokens > 0 { break loop }
                    num.skipTo = a.end
                    num.end = a.end
                    return num
                case .time(let h):
                    if tokens > 0 { break loop }
                    num.clock = h
                    num.value = h
                    num.arabic = true
                    num.end = a.end
                    return num
                case .number: break
                }
                pending = a.value
                pendingElliptic = lastWasMult && a.digits == 1 && !a.fraction
                num.arabic = true
                num.maxRun = max(num.maxRun, a.run)
                num.plainInt = tokens == 0 && a.plain
                p = a.end
                tokens += 1
                lastWasMult = false
                lastWasZero = false
                lastArabic = true
                continue
            }
            if let d = cjkDigit(ch) {
                if tokens > 0 && !lastWasMult && !lastWasZero { break }
                num.plainInt = false
                if tokens == 0 {
                    var run = 0
                    while cjkDigit(c(p + run)) != nil { run += 1 }
                    if run >= 3 {
                        // Read digit by digit when it has a zero or is a year (二零二六, 一一零, 二〇二六年);
                        // other runs are idioms or counting (一五一十, 七七八八, 三三两两, 一二三): nothing.
                        var v = 0.0
                        var zero = false
                        for k in 0..<run {
                            let d = cjkDigit(c(p + k))!
                            if d == 0 { zero = true }
                            v = v * 10 + d
                        }
                        if !zero && c(p + run) != "年" {
                            num.skipTo = p + run
                            num.end = p + run
                            return num
                        }
                        num.value = v
                        num.end = p + run
                        num.cjkChars = run
                        num.cjkDigitString = true
                        return num
                    }
                }
                if d == 0 {
                    if tokens == 0 {
                        pending = 0
                        p += 1
                        cjk += 1
                        tokens = 1
                        break loop
                    }
                    lastWasZero = true
                    lastWasMult = false
                    p += 1
                    cjk += 1
                    continue
                }
                if isColloquialDigit(ch) { num.colloquial = true }
                let next = c(p + 1)
                if let d2 = cjkDigit(next), d2 != 0 {
                    if d2 == d + 1 || (d == 3 && d2 == 5) || (d == 3 && d2 == 2 && isColloquialDigit(next)) {
                        // 三五天, 七八天, 一两天, 十七八天, 三两天: a range, read as its midpoint.
                        pending = (d + d2) / 2
                        pendingElliptic = lastWasMult
                        num.approx = true
                        num.colloquial = true
                        p += 2
                        cjk += 2
                        tokens += 1
                        lastWasMult = false
                        lastWasZero = false
                        lastArabic = false
                        continue
                    }
                    // 五一, 一一: take the first digit alone.
                    pending = d
                    pendingElliptic = lastWasMult
                    p += 1
                    cjk += 1
                    tokens += 1
                    lastWasMult = false
                    break loop
                }
                pending = d
                pendingElliptic = lastWasMult
                p += 1
                cjk += 1
                tokens += 1
                lastWasMult = false
                lastWasZero = false
                lastArabic = false
                continue
            }
            if ch == "几" {
                if (tokens > 0 && lastWasMult && pending == nil) || (tokens == 0 && cjkMultiplier(c(p + 1)) != nil) {
                    pending = 5
                    pendingElliptic = lastWasMult
                    num.approx = true
                    num.colloquial = true
                    p += 1
                    cjk += 1
                    tokens += 1
                    lastWasMult = false
                    lastWasZero = false
                    lastArabic = false
                    continue
                }
                break
            }
            var m = cjkMultiplier(ch)
            var asciiMult = false
            var width = 1
            if m == nil, ch == "k" || ch == "w" || ch == "K" || ch == "W", lastArabic, pending != nil, !isLetter(c(p + 1)) {
                m = ch == "k" || ch == "K" ? 1000 : 10_000
                asciiMult = true
            }
            // "3 million", "1.5 million", "20 thousand", "2 billion": an English multiplier after digits.
            if m == nil, lastArabic, pending != nil, ch == " " || ch == "m" || ch == "t" || ch == "b" {
                let at = ch == " " ? p + 1 : p
                if let e = word("million", at: at) ?? word("mil", at: at) {
                    m = 1_000_000
                    width = e - p
                } else if let e = word("billion", at: at) {
                    m = 1_000_000_000
                    width = e - p
                } else if let e = word("thousand", at: at) {
                    m = 1000
                    width = e - p
                }
                if m != nil { asciiMult = true }
            }
            if let m {
                if m < 10_000 {
                    if pending == nil {
                        if tokens == 0 {
                            pending = 1
                            if m != 10 { num.needsUnit = true }
                        } else if m == 10 && (lastWasZero || lastMult >= 100) {
                            pending = 1
                        } else {
                            break
                        }
                    }
                    if smallLast != 0 && m >= smallLast { break }
                    section += pending! * m
                    smallLast = m
                } else if m == 10_000 {
                    if big != 0 { break }
                    if pending == nil && section == 0 {
                        if tokens > 0 { break }
                        pending = 1
                        num.needsUnit = true
                    }
                    section += pending ?? 0
                    big = section * 10_000
                    section = 0
                    smallLast = 0
                } else {
                    if total != 0 { break }
                    if pending == nil && section == 0 && big == 0 {
                        if tokens > 0 { break }
                        pending = 1
                        num.needsUnit = true
                    }
                    total = (big + section + (pending ?? 0)) * m
                    big = 0
                    section = 0
                    smallLast = 0
                }
                pending = nil
                pendingElliptic = false
                lastMult = m
                p += width
                if !asciiMult { cjk += 1 }
                tokens += 1
                lastWasMult = true
                lastWasZero = false
                lastArabic = false
                num.plainInt = false
                continue
            }
            // 二十多万, 3千多万: 多 / 余 before a larger multiplier.
            if ch == "多" || ch == "余" || ch == "来", tokens > 0, pending != nil || lastWasMult {
                let nx = c(p + 1)
                if nx == "万" || nx == "萬" || nx == "亿" || nx == "億" {
                    num.approx = true
                    p += 1
                    continue
                }
            }
            break
        }
        if tokens == 0 { return nil }
        if lastWasZero {
            p -= 1
            cjk -= 1
        }
        if var pd = pending {
            // 一千二 = 1200, 两万三 = 23000, 一百二 = 120; 十五 stays 15; 一千零五 stays 1005.
            if pendingElliptic && lastMult >= 100 { pd *= lastMult / 10 }
            section += pd
        }
        num.value = total + big + section
        num.end = p
        num.cjkChars = cjk
        return num
    }

    // MARK: Units

    /// What follows the number ending at `num.end` (which started at `s`).
    func readUnit(_ num: Num, start s: Int, inDate: Bool) -> UnitRead {
        let e0 = num.end
        var q = e0
        var approx = false
        var tentative = false
        var noneEnd = e0
        var add = 0.0
        if c(q) == "多" && c(q + 1) != "少" {
            approx = true
            q += 1
            noneEnd = q
        } else if c(q) == "余" || c(q) == "来" {
            tentative = true
            q += 1
        }
        var ge = false
        if c(q) == "个" || c(q) == "個" {
            ge = true
            q += 1
            if c(q) == "半" {
                add = 0.5
                q += 1
            }
            if c(q) == "多" {
                approx = true
                q += 1
            }
        }
        var u = q
        if u == e0 {
            while c(u) == " " { u += 1 }
            if c(u) == "-" && isLetter(c(u + 1)) { u += 1 }
        }
        let none = UnitRead(kind: .none, end: noneEnd, approx: approx && !tentative)
        // Another currency (5万日元, 2000港币, 3 million rupiah): money, never yuan. Before 日 (a day) and 元.
        if !ge, let e = foreignCurrency(at: u) { return UnitRead(kind: .unit(.foreign), end: e, approx: approx || tentative) }
        if c(u) == "元" || c(u) == "圆", let e = foreignCurrency(at: u + 1) {
            return UnitRead(kind: .unit(.foreign), end: e, approx: approx || tentative)  // "2000元港币"
        }
        var unit: QuantityUnit
        var ue = u + 1
        let ch = c(u)
        switch ch {
        case "天":
            unit = .day
        case "日":
            if inDate || c(s - 1) == "月" { return UnitRead(kind: .date(ctx: false), end: u + 1) }
            unit = .day
        case "周", "週":
            if c(u + 1) == "年" || c(u + 1) == "岁" { return UnitRead(kind: .silent, end: u + 2) }
            unit = .week
        case "星":
            guard c(u + 1) == "期" else { return none }
            unit = .week
            ue = u + 2
        case "礼", "禮":
            guard c(u + 1) == "拜" else { return none }
            unit = .week
            ue = u + 2
        case "月":
            if !ge {
                let plain = !num.colloquial && !approx && !tentative && add == 0 && num.value >= 1 && num.value <= 12
                    && isWhole(num.value) && c(u + 1) != "多"
                if inDate || plain {
                    // A calendar month; step over the day after it (11月5号, 11月24日, 3月15).
                    var e = u + 1
                    if startsNumeral(e), let day = parseNumber(e), day.skipTo == nil, day.clock == nil {
                        e = day.end
                        if c(e) == "号" || c(e) == "號" || c(e) == "日" { e += 1 }
                    }
                    return UnitRead(kind: .date(ctx: true), end: e)
                }
            }
            unit = .month
        case "年":
            let nx = c(u + 1)
            if nx == "级" || nx == "代" || nx == "纪" { return UnitRead(kind: .silent, end: u + 2) }
            var isDate = num.cjkDigitString || (num.plainInt && num.value >= 1900 && num.value <= 2199)
            if !isDate, !ge, num.plainInt, num.value >= 10, nx == "初" || nx == "底" || nx == "末" { isDate = true }
            if !isDate, !ge, !approx, startsNumeral(u + 1), let month = parseNumber(u + 1), c(month.end) == "月" {
                isDate = true
            }
            if isDate { return UnitRead(kind: .date(ctx: true), end: u + 1) }
            unit = .year
        case "期":
            unit = .installment
        case "元", "圆":
            unit = .yuan
            if c(ue) == "钱" {
                ue += 1
            } else if let e = matches("人民币", at: ue) {
                ue = e
            }
        case "块", "塊":
            if c(u + 1) == "儿" { return none }
            // 一块 alone is usually "together" (一块去); 一块钱 is money.
            if !num.arabic && num.cjkChars == 1 && num.value == 1 && c(u + 1) != "钱" { return none }
            unit = .yuan
            if c(ue) == "钱" {
                ue += 1
            } else if c(ue) == "半" {
                add += 0.5
                ue += 1
            } else if !ge, let d = asciiDigit(c(ue)) ?? cjkDigit(c(ue)), d > 0, !startsNumeral(ue + 1),
                cjkMultiplier(c(ue + 1)) == nil, !isUnitStart(c(ue + 1))
            {
                // 三块五 = 3.5
                add += d / 10
                ue += 1
                if c(ue) == "毛" || c(ue) == "角" { ue += 1 }
            }
        case "人":
            guard let e = matches("人民币", at: u) else { return none }
            unit = .yuan
            ue = e
        case "号", "號":
            return UnitRead(kind: .date(ctx: false), end: u + 1)
        case "点", "點":
            return UnitRead(kind: .clock(meridiem: 0, dot: true), end: u + 1)
        case "小":
            guard c(u + 1) == "时" else { return none }
            return UnitRead(kind: .silent, end: u + 2)
        case "钟":
            guard c(u + 1) == "头" else { return none }
            return UnitRead(kind: .silent, end: u + 2)
        case "分":
            guard c(u + 1) == "钟" else { return none }
            return UnitRead(kind: .silent, end: u + 2)
        case "秒", "岁":
            return UnitRead(kind: .silent, end: u + 1)
        case "工":
            guard let e = matches("工作日", at: u) else { return none }
            unit = .day
            ue = e
        case "自":
            guard let e = matches("自然日", at: u) else { return none }
            unit = .day
            ue = e
        default:
            guard isLetter(ch), !ge, let found = englishUnit(u) else { return none }
            let (english, e) = found
            switch english {
            case .hour: return UnitRead(kind: .silent, end: e)
            case .none:
                // am / pm
                return UnitRead(kind: .clock(meridiem: c(u) == "p" ? 2 : 1, dot: false), end: e)
            default: return UnitRead(kind: .unit(english), end: e, approx: approx || tentative, add: add)
            }
        }
        if ge && (unit == .yuan || unit == .installment) { return none }
        if tentative { approx = true }
        switch unit {
        case .day, .week, .month, .year:
            if (c(ue) == "多" || c(ue) == "余") && c(ue + 1) != "少" {
                approx = true
                ue += 1
            } else if c(ue) == "半" && add == 0 && !isUnitStart(c(ue + 1)) {
                add = 0.5
                ue += 1
            }
        default: break
        }
        if matches("左右", at: ue) != nil || matches("出头", at: ue) != nil { approx = true }
        return UnitRead(kind: .unit(unit), end: ue, approx: approx, add: add)
    }

    /// An English unit word at `u`: `.hour` for hours/minutes (not reported), `.none` for am/pm.
    func englishUnit(_ u: Int) -> (QuantityUnit, Int)? {
        switch c(u) {
        case "d":
            if let e = word("days", at: u) ?? word("day", at: u) { return (.day, e) }
        case "w":
            if let e = word("weeks", at: u) ?? word("week", at: u) ?? word("wks", at: u) ?? word("wk", at: u) {
                return (.week, e)
            }
        case "m":
            if let e = word("months", at: u) ?? word("month", at: u) ?? word("mos", at: u) { return (.month, e) }
            if let e = word("minutes", at: u) ?? word("minute", at: u) ?? word("mins", at: u) ?? word("min", at: u) {
                return (.hour, e)
            }
        case "y":
            if let e = word("years", at: u) ?? word("year", at: u) ?? word("yrs", at: u) ?? word("yr", at: u)
                ?? word("yuan", at: u)
            {
                return (c(u + 1) == "u" ? .yuan : .year, e)
            }
        case "r":
            if let e = word("rmb", at: u) { return (.yuan, e) }
        case "c":
            if let e = word("cny", at: u) { return (.yuan, e) }
        case "k":
            if let e = word("kuai", at: u) { return (.yuan, e) }
        case "i":
            if let e = word("installments", at: u) ?? word("installment", at: u) ?? word("instalments", at: u)
                ?? word("instalment", at: u)
            {
                return (.installment, e)
            }
        case "h":
            if let e = word("hours", at: u) ?? word("hour", at: u) ?? word("hrs", at: u) ?? word("hr", at: u) {
                return (.hour, e)
            }
        case "p":
            if let e = word("pm", at: u) ?? word("p.m.", at: u) { return (.none, e) }
        case "a":
            if let e = word("am", at: u) ?? word("a.m.", at: u) { return (.none, e) }
        default: break
        }
        return nil
    }

    // MARK: Handling a number

    mutating func handleNumber(prefix ps: Int, at s: Int, currency: Bool) -> Int {
        guard let num = parseNumber(s) else { return s + 1 }
        if let e = num.skipTo { return e }
        if !currency && c(s - 1) == "+" { return num.end }  // +86
        let inDate = s == dateCtxEnd
        if let h = num.clock {
            return handleClock(num, hour: h, start: s, end: num.end, meridiem: 0, dot: false)
        }
        if let e = tryRange(num, prefix: ps, currency: currency) { return e }
        let u = readUnit(num, start: s, inDate: inDate)
        // "$500", "USD 500", "港币2万": money in another currency, never yuan (as "500 dollars" is, `foreignCurrency`).
        if !currency, let written = foreignCurrencyStart(ps) {
            // The range takes the currency in: the sum is shown as written ("HK$3,000"), never as yuan.
            switch u.kind {
            case .unit(let unit) where unit == .yuan || unit == .foreign:
                emit(num.value + u.add, .foreign, written..<u.end, u.approx || approx(num, ps, s))
                return u.end
            case .none, .silent:
                emit(num.value, .foreign, written..<u.end, u.approx || approx(num, ps, s))
                return u.end
            default: break
            }
        }
        switch u.kind {
        case .date(let ctx):
            if ctx { dateCtxEnd = u.end }
            return u.end
        case .silent:
            return currency ? emitCurrency(num, ps, approx(num, ps, s)) : u.end
        case .clock(let meridiem, let dot):
            if currency { return emitCurrency(num, ps, approx(num, ps, s)) }
            return handleClock(num, hour: num.value, start: s, end: u.end, meridiem: meridiem, dot: dot)
        case .unit(let unit):
            if currency && unit != .yuan { return emitCurrency(num, ps, approx(num, ps, s)) }
            if num.maxRun >= 7 && unit != .yuan && unit != .foreign { return u.end }
            if !currency && !num.arabic, let e = idiom(at: s) { return e }
            emit(num.value + u.add, unit, ps..<u.end, u.approx || approx(num, ps, s))
            return u.end
        case .none:
            if !currency {
                if num.needsUnit { return num.end }
                if num.arabic {
                    if num.maxRun >= 7 { return num.end }
                    // "on the 5th", "the 2nd time": an English ordinal is a day or a count of times, not an amount.
                    if let e = word("st", at: num.end) ?? word("nd", at: num.end) ?? word("rd", at: num.end)
                        ?? word("th", at: num.end) { return e }
                    // "the last 4 digits of my ID": a few digits of something, not an amount.
                    if englishWordBefore(ps) == "last" || englishWordBefore(ps) == "first" { return num.end }
                } else if num.cjkChars < 2 {
                    return num.end
                }
            }
            if !currency && !num.arabic, let e = idiom(at: s) { return e }
            let around = matches("左右", at: u.end) != nil
            emit(num.value, currency ? .yuan : .none, ps..<u.end, u.approx || around || approx(num, ps, s))
            return u.end
        }
    }

    /// Approximate by its own words (十几, 三五) or by what comes before: 大概 / 约 / about; 上万 / 上千.
    func approx(_ num: Num, _ ps: Int, _ s: Int) -> Bool {
        num.approx || approxBefore(ps) || (num.needsUnit && c(s - 1) == "上" && cjkMultiplier(c(s)) != nil)
    }

    mutating func emitCurrency(_ num: Num, _ ps: Int, _ approx: Bool) -> Int {
        emit(num.value, .yuan, ps..<num.end, approx)
        return num.end
    }

    /// "3-5天", "三到五天", "3~5个工作日": one approximate quantity at the midpoint.
    mutating func tryRange(_ a: Num, prefix ps: Int, currency: Bool) -> Int? {
        var j = a.end
        let sep = c(j)
        guard sep == "-" || sep == "~" || sep == "到" || sep == "至" else { return nil }
        j += 1
        guard startsNumeral(j), let b = parseNumber(j) else { return nil }
        if b.skipTo != nil || b.clock != nil || b.needsUnit { return nil }
        let bothArabic = a.arabic && b.arabic
        guard b.value > a.value else { return sep == "-" && bothArabic ? b.end : nil }
        let u = readUnit(b, start: j, inDate: false)
        switch u.kind {
        case .unit(let unit):
            emit((a.value + b.value) / 2 + u.add, currency ? .yuan : unit, ps..<u.end, true)
            return u.end
        case .date:
            return u.end
        default:
            if currency {
                emit((a.value + b.value) / 2, .yuan, ps..<b.end, true)
                return b.end
            }
            return sep == "-" && bothArabic ? b.end : nil
        }
    }

    /// 晚上十一点 → 23, 凌晨两点 → 2, 十一点半 → 11.5, 3点 → 3, 11pm → 23, 23:30 → 23.5.
    /// A lone Chinese numeral before 点 (一点, 两点) counts only with a time of day, 钟, 半, 多 or minutes.
    mutating func handleClock(_ num: Num, hour h: Double, start s: Int, end e0: Int, meridiem: Int, dot: Bool) -> Int {
        guard h >= 0, h <= 24, !num.needsUnit, num.maxRun < 3 else { return e0 }
        let whole = Double(Int(h))
        if num.clock == nil && whole != h { return e0 }
        var e = e0
        var minutes = 0.0
        var strong = meridiem != 0 || num.clock != nil
        var approx = num.approx
        if dot {
            if c(e) == "半" {
                minutes = 30
                e += 1
                strong = true
            } else if startsNumeral(e), let m = parseNumber(e), m.skipTo == nil, m.clock == nil, !m.needsUnit,
                m.value < 60, isWhole(m.value)
            {
                if c(m.end) == "分" {
                    minutes = m.value
                    e = m.end + 1
                    strong = true
                } else if (m.arabic && m.maxRun == 2) || m.cjkChars >= 2 {
                    minutes = m.value
                    e = m.end
                    strong = true
                }
            }
            if c(e) == "钟" {
                e += 1
                strong = true
            }
            if c(e) == "多" && c(e + 1) != "少" {
                approx = true
                e += 1
                strong = true
            }
        }
        if matches("左右", at: e) != nil {
            approx = true
            strong = true
        }
        let period = periodBefore(s)
        if period != .none { strong = true }
        if !num.arabic && num.cjkChars < 2 && !strong { return e0 }
        var hour = whole
        switch period {
        case .evening:
            if hour == 12 { hour = 0 } else if hour >= 5 && hour < 12 { hour += 12 }
        case .lateNight:
            if hour == 12 { hour = 0 } else if hour >= 6 && hour < 12 { hour += 12 }
        case .afternoon:
            if hour < 12 { hour += 12 }
        case .noon:
            if hour >= 1 && hour <= 3 { hour += 12 }
        case .morning:
            if hour == 12 { hour = 0 }
        case .none: break
        }
        if meridiem == 2 && hour < 12 { hour += 12 }
        if meridiem == 1 && hour == 12 { hour = 0 }
        if hour == 24 { hour = 0 }
        let fraction = num.clock != nil ? h - whole : 0
        emit(hour + fraction + minutes / 60, .hour, s..<e, approx || approxBefore(s))
        return e
    }

    // MARK: Context before a number

    /// 大概 / 约 / 快 / 将近 / about … right before `ps` (allowing 有 / 是 between: 大概有三个月).
    func approxBefore(_ ps: Int) -> Bool {
        var j = ps
        while c(j - 1) == " " { j -= 1 }
        if approxMarker(endingAt: j) { return true }
        if c(j - 1) == "有" || c(j - 1) == "是" { return approxMarker(endingAt: j - 1) }
        return false
    }

    private func approxMarker(endingAt j: Int) -> Bool {
        let last = c(j - 1)
        if last.value >= 0x80 {
            for w in QuantityScan.cnApprox where endsWith(w, at: j) != nil {
                return true
            }
            switch last {
            case "快":
                switch c(j - 2) {
                case "赶", "尽", "很", "凉", "愉", "痛", "加", "飞", "爽": return false
                default: return true
                }
            case "近":
                switch c(j - 2) {
                case "最", "附", "亲", "靠", "邻", "远", "贴", "将", "接": return false
                default: return true
                }
            case "约":
                switch c(j - 2) {
                case "预", "签", "合", "违", "契", "邀", "相", "节", "公", "条", "制", "履", "婚", "解", "赴", "守", "爽":
                    return false
                default: return true
                }
            default: return false
            }
        }
        if last == "~" { return !isDigit(c(j - 2)) }
        guard isLetter(last) else { return false }
        for w in QuantityScan.enApprox {
            if let st = endsWith(w, at: j), !isLetter(c(st - 1)) { return true }
        }
        return false
    }

    typealias Word = [Unicode.Scalar]

    static func words(_ list: [String]) -> [Word] { list.map { Array($0.unicodeScalars) } }

    static let cnApprox = words(["大概", "大约", "约莫", "将近", "接近", "差不多", "大致", "估计", "快要", "几乎"])
    static let enApprox = words(["about", "around", "roughly", "approximately", "approx", "nearly", "almost", "over", "more than"])
    static let periods: [(Word, Period)] = {
        var list: [(String, Period)] = []
        for w in ["晚上", "夜里", "夜间", "夜晚", "今晚", "昨晚", "每晚", "当晚"] { list.append((w, .evening)) }
        for w in ["半夜", "深夜", "午夜"] { list.append((w, .lateNight)) }
        for w in ["下午", "傍晚"] { list.append((w, .afternoon)) }
        list.append(("中午", .noon))
        for w in ["凌晨", "早上", "早晨", "清晨", "上午", "一早"] { list.append((w, .morning)) }
        return list.map { (Array($0.0.unicodeScalars), $0.1) }
    }()

    /// Start index when `w` ends right before `end`.
    @inline(__always) func endsWith(_ w: Word, at end: Int) -> Int? {
        let start = end - w.count
        guard start >= 0, end <= n, t[end - 1] == w[w.count - 1] else { return nil }
        for k in 0..<w.count - 1 where t[start + k] != w[k] { return nil }
        return start
    }

    /// 晚上 / 凌晨 / 下午 … right before `s`.
    func periodBefore(_ s: Int) -> Period {
        var j = s
        while c(j - 1) == " " { j -= 1 }
        guard c(j - 1).value >= 0x80 else { return .none }
        for (w, period) in QuantityScan.periods where endsWith(w, at: j) != nil { return period }
        return .none
    }

    // MARK: English

    /// An ASCII word at `i`: "rmb 800", "fifteen days", "a month", "a few weeks"; other words are stepped over.
    mutating func handleWord(_ i: Int) -> Int {
        var wEnd = i
        while isLetter(c(wEnd)) { wEnd += 1 }
        if isLetter(c(i - 1)) || isDigit(c(i - 1)) { return skipWord(wEnd) }
        // Most words start with a letter no currency or number word starts with ("i", "got", "debt"): passed over.
        guard QuantityScan.mayStartEnglishQuantity(c(i)) else { return skipWord(wEnd) }
        if let e = word("rmb", at: i) ?? word("yuan", at: i) ?? word("cny", at: i) {
            var j = e
            while c(j) == " " { j += 1 }
            if isDigit(c(j)) { return handleNumber(prefix: i, at: j, currency: true) }
        }
        if let (value, end, approxWord) = parseEnglishNumber(i) {
            var num = Num(end: end)
            num.value = value
            num.needsUnit = true
            let u = readUnit(num, start: i, inDate: false)
            if case .unit(let unit) = u.kind {
                emit(value + u.add, unit, i..<u.end, approxWord || u.approx || approxBefore(i))
                return u.end
            }
        }
        return skipWord(wEnd)
    }

    /// The first letters of the words `handleWord` reads: rmb, yuan, cny; zero … ninety (z o t f s e n); a, an; few,
    /// several, couple; half.
    static let englishQuantityStarts: UInt32 = "rycztfsenoah".unicodeScalars.reduce(0) { $0 | 1 << ($1.value - 97) }

    static func mayStartEnglishQuantity(_ letter: Unicode.Scalar) -> Bool {
        let v = letter.value | 0x20  // ASCII lower case
        return v >= 97 && v <= 122 && englishQuantityStarts & (1 << (v - 97)) != 0
    }

    /// Steps over a word with the digits and dotted parts stuck to it (iphone15, m2, v1.2.3).
    func skipWord(_ e: Int) -> Int {
        var k = e
        while isLetter(c(k)) || isDigit(c(k)) || (c(k) == "." && isDigit(c(k + 1))) { k += 1 }
        return k
    }

    /// English number words at `i` (one … twenty, thirty … ninety, hundred, thousand; a / an; a few; half a).
    func parseEnglishNumber(_ i: Int) -> (Double, Int, Bool)? {
        var p = i
        var total = 0.0, current = 0.0
        var any = false, approx = false, article = false, afterScale = false
        var lastEnd = i
        while isLetter(c(p)) {
            var e = p
            while isLetter(c(e)) { e += 1 }
            let len = e - p
            var consumed = true
            if let v = englishSmall(p, e) {
                let whole = Int(current)
                if !any || article || (afterScale && whole % 100 == 0) {
                    current += article ? v - current : v
                } else if whole % 100 >= 20, whole % 10 == 0, v < 10 {
                    current += v  // twenty five
                } else {
                    consumed = false
                }
                any = true
                article = false
                afterScale = false
            } else if !any && ((len == 1 && c(p) == "a") || (len == 2 && c(p) == "a" && c(p + 1) == "n")) {
                current = 1
                any = true
                article = true
            } else if any, len == 7, matches("hundred", at: p) != nil {
                current = max(current, 1) * 100
                article = false
                afterScale = true
            } else if any, len == 8, matches("thousand", at: p) != nil {
                total += max(current, 1) * 1000
                current = 0
                article = false
                afterScale = true
            } else if !any || article, let v = englishFew(p, e) {
                current = v
                any = true
                approx = true
                article = false
                if v == 2, c(e) == " ", let oe = word("of", at: e + 1) { e = oe }
            } else if !any, len == 4, matches("half", at: p) != nil {
                current = 0.5
                any = true
                if c(e) == " ", let ae = word("a", at: e + 1) ?? word("an", at: e + 1) { e = ae }
            } else if any, !article, len == 3, matches("and", at: p) != nil, c(e) == " ", englishSmallWord(e + 1) {
                // one hundred and twenty
            } else {
                consumed = false
            }
            if !consumed { break }
            lastEnd = e
            if (c(e) == " " || c(e) == "-") && isLetter(c(e + 1)) {
                p = e + 1
            } else {
                break
            }
        }
        guard any else { return nil }
        return (total + current, lastEnd, approx)
    }

    private func englishSmallWord(_ p: Int) -> Bool {
        var e = p
        while isLetter(c(e)) { e += 1 }
        return englishSmall(p, e) != nil
    }

    private func englishSmall(_ p: Int, _ e: Int) -> Double? {
        let len = e - p
        guard len >= 3, len <= 9 else { return nil }
        for (w, v) in QuantityScan.englishWords where w.count == len && w[0] == t[p] && endsWith(w, at: e) != nil {
            return v
        }
        return nil
    }

    static let englishWords: [(Word, Double)] = [(String, Double)]([
            ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
            ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
            ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18),
            ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60),
            ("seventy", 70), ("eighty", 80), ("ninety", 90),
        ]).map { (Array($0.0.unicodeScalars), $0.1) }

    private func englishFew(_ p: Int, _ e: Int) -> Double? {
        let len = e - p
        if len == 3, matches("few", at: p) != nil { return 3 }
        if len == 7, matches("several", at: p) != nil { return 3 }
        if len == 6, matches("couple", at: p) != nil { return 2 }
        return nil
    }
}
