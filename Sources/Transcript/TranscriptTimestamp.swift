import Foundation

/// The one time format of transcripts: ISO 8601 in UTC with milliseconds, `2026-11-24T21:30:05.123Z`.
///
/// Written by hand rather than with a formatter so the output is the same on every platform and Foundation version,
/// and so nothing here depends on the process's time zone or locale.
enum TranscriptTimestamp {
    /// The broken-down UTC time of a date, to the millisecond.
    struct Components: Equatable {
        var year: Int, month: Int, day: Int
        var hour: Int, minute: Int, second: Int, millisecond: Int
    }

    static func string(from date: Date) -> String {
        var bytes: [UInt8] = []
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends what `string(from:)` returns, as UTF-8, without making a string: a transcript writes one per record.
    static func append<Writer: ByteWriter>(_ date: Date, to bytes: inout Writer) {
        let c = components(of: date)
        // Each field with its width and the character after it: 2026-11-24T21:30:05.123Z. Written out field by field:
        // a table of the seven was an array allocated for every record.
        func field(_ value: Int, _ width: Int, _ then: Unicode.Scalar) {
            append(value, width: width, to: &bytes)
            bytes.write(UInt8(ascii: then))
        }
        field(c.year, 4, "-")
        field(c.month, 2, "-")
        field(c.day, 2, "T")
        field(c.hour, 2, ":")
        field(c.minute, 2, ":")
        field(c.second, 2, ".")
        field(c.millisecond, 3, "Z")
    }

    /// The decimal digits of `value`, with leading zeros up to `width` digits; a longer number is written whole.
    private static func append<Writer: ByteWriter>(_ value: Int, width: Int, to bytes: inout Writer) {
        guard value >= 0 else {
            // A year before 1 BC: as the padding has always written it, zeros before the minus sign.
            for byte in pad(value, width).utf8 { bytes.write(byte) }
            return
        }
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        guard value < divisor * 10 else {
            // More digits than the width (a year after 9999): no padding to add.
            for byte in String(value).utf8 { bytes.write(byte) }
            return
        }
        // Most significant digit first, straight into the buffer: no string, no reversal.
        var rest = value
        while divisor > 0 {
            bytes.write(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Parses what `string(from:)` writes; the fraction may have any number of digits or be left out.
    static func date(from string: String) -> Date? {
        let s = Array(string.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            var value = 0
            for byte in s[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ index: Int, is expected: Character) -> Bool {
            index < s.count && s[index] == expected.asciiValue
        }
        guard let year = number(0..<4), byte(4, is: "-"), let month = number(5..<7), byte(7, is: "-"),
            let day = number(8..<10), byte(10, is: "T"), let hour = number(11..<13), byte(13, is: ":"),
            let minute = number(14..<16), byte(16, is: ":"), let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if byte(index, is: ".") {
            var scale = 0.1
            index += 1
            let fractionStart = index
            while index < s.count, (0x30...0x39).contains(s[index]) {
                fraction += Double(s[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > fractionStart else { return nil }
        }
        guard byte(index, is: "Z"), index + 1 == s.count else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + second)
        let milliseconds = (seconds * 1000 + (fraction * 1000).rounded())
        return Date(timeIntervalSince1970: milliseconds / 1000)
    }

    static func components(of date: Date) -> Components {
        let totalMilliseconds = Int((date.timeIntervalSince1970 * 1000).rounded())
        let (days, millisecondOfDay) = floorDivision(totalMilliseconds, 86_400_000)
        let (year, month, day) = civil(fromDays: days)
        let secondOfDay = millisecondOfDay / 1000
        return Components(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60,
            millisecond: millisecondOfDay % 1000)
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func floorDivision(_ a: Int, _ b: Int) -> (quotient: Int, remainder: Int) {
        let remainder = ((a % b) + b) % b
        return ((a - remainder) / b, remainder)
    }

    // Howard Hinnant's days_from_civil / civil_from_days, proleptic Gregorian calendar.

    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
