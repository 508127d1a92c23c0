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
