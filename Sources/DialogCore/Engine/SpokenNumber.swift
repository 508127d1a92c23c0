/// A small number as people type it when they point at something in a list: 1…99 in digits, in Chinese numerals
/// (一 … 九十九), or one to twelve in English words. Read from a folded line (half-width digits, lower case).
enum SpokenNumber {
    static let englishWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    static let englishScalars: [[Unicode.Scalar]] = englishWords.map { Array($0.unicodeScalars) }
    private static let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    /// The number `text` is, spaces around it aside; nil for anything else ("02", "2个月", "第2期").
    static func value(_ text: Substring) -> Int? {
        var text = text
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        guard !text.isEmpty else { return nil }
        if text.allSatisfy(\.isASCII), let value = Int(text), (1...99).contains(value), text.first != "0" { return value }
        if let index = englishWords.firstIndex(of: String(text)) { return index + 1 }
        let characters = Array(text)
        switch characters.count {
        case 1:
            if characters[0] == "十" { return 10 }
            return digits[characters[0]]
        case 2:
            if characters[0] == "十" { return digits[characters[1]].map { 10 + $0 } }
            if characters[1] == "十" { return digits[characters[0]].map { $0 * 10 } }
            return nil
        case 3:
            guard characters[1] == "十", let tens = digits[characters[0]], let ones = digits[characters[2]] else { return nil }
            return tens * 10 + ones
        default:
            return nil
        }
    }
}
