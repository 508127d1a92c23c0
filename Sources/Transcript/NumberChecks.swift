/// The arithmetic that tells a real identifying number from a look-alike: check digits, birth dates, area codes.
///
/// These checks are what keep order numbers, amounts and dates out of the masks, so each one follows the published rule.
enum NumberChecks {
    /// A mainland mobile number: 11 digits, `1` then `3`–`9`.
    static func isMobileNumber(_ digits: some Collection<UInt8>) -> Bool {
        guard digits.count == 11 else { return false }
        let second = digits[digits.index(after: digits.startIndex)]
        return digits.first == 1 && (3...9).contains(second)
    }

    /// The length of the area code a landline starts with: `010` and `02x` have three digits, `03xx`–`09xx` four.
    static func areaCodeLength(_ digits: [UInt8]) -> Int? {
        guard digits.count >= 3, digits[0] == 0 else { return nil }
        switch digits[1] {
        case 1: return digits[2] == 0 ? 3 : nil
        case 2: return 3
        case 3...9: return 4
        default: return nil
        }
    }

    /// A local landline number after an area code of `areaLength` digits: 8 digits after a 3-digit code, 7 or 8 after a
    /// 4-digit one, never starting with 0 or 1 (those are trunk and service prefixes, e.g. `010-12321`).
    static func isSubscriberNumber(_ digits: [UInt8], areaLength: Int) -> Bool {
        let allowed = areaLength == 3 ? 8...8 : 7...8
        guard allowed.contains(digits.count), let first = digits.first else { return false }
        return first >= 2
    }

    /// An 18-character resident ID number (GB 11643): a region, a plausible birth date, and the ISO 7064 MOD 11-2
    /// check character, where 10 stands for X.
    static func isIDCardNumber(body: [UInt8], check: UInt8) -> Bool {
        guard body.count == 17, (1...8).contains(body[0]) else { return false }
        guard isPlausibleBirthDate(Array(body[6..<14])) else { return false }
        return idCardCheck(body) == check
    }

    /// The first 17 digits of an 18-character ID number, whatever its check character: a region digit 1-8 and a
    /// plausible birth date. A number like this with a wrong check character is a mistyped ID, still masked.
    static func isIDCardShaped(body: [UInt8]) -> Bool {
        body.count == 17 && (1...8).contains(body[0]) && isPlausibleBirthDate(Array(body[6..<14]))
    }

    /// A first-generation, 15-digit ID number: a region digit 1-8, then `YYMMDD` from position 7, then three digits.
    static func isOldIDCardNumber(_ digits: [UInt8]) -> Bool {
        guard digits.count == 15, (1...8).contains(digits[0]) else { return false }
        let month = Int(digits[8]) * 10 + Int(digits[9]), day = Int(digits[10]) * 10 + Int(digits[11])
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// The MOD 11-2 check value of the first 17 digits (10 is written X).
    static func idCardCheck(_ body: [UInt8]) -> UInt8 {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int($1.0) * $1.1 }
        return UInt8((12 - sum % 11) % 11)
    }

    /// `YYYYMMDD` with a year from 1900 to 2099, a month and a day that exists in some month; enough to keep most
    /// 18-digit order numbers that pass the check digit by chance (one in eleven) from looking like ID numbers.
    private static func isPlausibleBirthDate(_ digits: [UInt8]) -> Bool {
        let value = { (range: Range<Int>) in range.reduce(0) { $0 * 10 + Int(digits[$1]) } }
        let year = value(0..<4), month = value(4..<6), day = value(6..<8)
        return (1900...2099).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    /// Whether a card number passes the Luhn check that every bank card number carries.
    static func passesLuhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let value = Int(digit)
            if offset % 2 == 1 {
                sum += value * 2 > 9 ? value * 2 - 9 : value * 2
            } else {
                sum += value
            }
        }
        return sum % 10 == 0
    }
}
