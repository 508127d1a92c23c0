/// The syllables of Mandarin written in pinyin without tones ("li", "wei", "zhang", "xiao", "lv"): an initial (or
/// none) and a final, as the syllable table has them. Loose by design (a few combinations the language never uses
/// pass too); a name typed in lower case is read as a name only when each of its words is one (`UnknownPerson`).
enum Pinyin {
    private static let initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
                                   "z", "c", "s", "y", "w"]
    private static let finals: Set<String> = ["a", "o", "e", "i", "u", "v", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ue", "ve",
                                              "er", "an", "en", "in", "un", "vn", "ang", "eng", "ing", "ong", "ia", "iao", "ian",
                                              "iang", "iong", "ua", "uo", "uai", "uan", "uang", "van"]

    static func isSyllable(_ word: String) -> Bool {
        guard word.utf8.count <= 6 else { return false }
        if finals.contains(word) { return true }
        for initial in initials where word.hasPrefix(initial) {
            if finals.contains(String(word.dropFirst(initial.count))) { return true }
        }
        return false
    }
}

extension Pinyin {
    /// Finals that English words rarely end a short word with, which make a run of syllables look like pinyin rather
    /// than English ("he", "me", "a", "to", "no" are syllables too).
    private static let telling: Set<String> = ["ao", "ou", "ui", "iu", "ie", "ian", "iao", "ang", "eng", "ing", "ong", "uo",
                                               "uai", "uan", "uang", "iang", "iong", "ve", "vn", "ei", "ai", "en", "in", "un"]

    /// A line written in pinyin ("wo shou dao duan xin shuo wo yu qi le"): at least five words, all of them Latin
    /// letters, four in five of them syllables, and at least two with a final that English short words seldom have
    /// (`shou`, `dao`, `xin`). Such a line is Chinese the person could not type, not English (probe13 L2).
    static func isMostlyPinyin(_ scalars: [Unicode.Scalar]) -> Bool {
        // First, without making any string (every English line of a conversation comes here): a syllable has at most
        // six letters, so a longer word ("collector", "overdue"), a Chinese character, or fewer than five words says no.
        var count = 0
        var length = 0
        for scalar in scalars {
            if scalar.isASCII, scalar.properties.isAlphabetic {
                length += 1
                if length > 6 { return false }
                if length == 1 { count += 1 }
            } else {
                length = 0
                if !scalar.isASCII, scalar.properties.isAlphabetic { return false }
            }
        }
        guard count >= 5 else { return false }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.isASCII, scalar.properties.isAlphabetic {
                current.append((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar)
            } else {
                if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
                // Chinese characters or digits: not a line the person could only type in pinyin.
                if !scalar.isASCII, scalar.properties.isAlphabetic { return false }
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        guard words.count >= 5 else { return false }
        var syllables = 0
        var tellingOnes = 0
        for word in words where isSyllable(word) {
            syllables += 1
            if telling.contains(where: { word.hasSuffix($0) }) { tellingOnes += 1 }
        }
        return syllables * 5 >= words.count * 4 && tellingOnes >= 2
    }
}

extension Pinyin {
    /// Every word of the line is a syllable ("mei you", "bu zhi dao"): after a line in pinyin, such a short reply is
    /// pinyin too, not an English sentence to switch the conversation's language for.
    static func isAllSyllables(_ scalars: [Unicode.Scalar]) -> Bool {
        var word = ""
        var words = 0
        for scalar in scalars + [" "] {
            if scalar.isASCII, scalar.properties.isAlphabetic {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                guard isSyllable(word.lowercased()) else { return false }
                words += 1
                word = ""
            } else if !scalar.isASCII, scalar.properties.isAlphabetic {
                return false
            }
        }
        return words > 0
    }
}
