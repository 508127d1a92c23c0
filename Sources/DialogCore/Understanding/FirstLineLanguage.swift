/// Which of the dialog's languages a person's first message is written in, so that someone who writes in traditional
/// characters or in English is answered that way without knowing about `--lang`.
///
/// Chinese is told by its characters: a line whose characters are mostly ones only traditional script uses (簡訊,
/// 錢, 說) is in the dialog's `Hant` language, any other line with Chinese characters in its `Hans` (or plain `zh`)
/// language. A line with no Chinese characters is told by the lexicon's `language_words`, the commonest words of each
/// language ("i", "my", "the"): the language with the most of them in the line, if any. Pinyin ("wo yuqi le") and a
/// bare number say nothing, and the session keeps its language.
enum FirstLineLanguage {
    static func guess(_ line: String, in dialog: Dialog) -> String? {
        var traditional = 0, simplified = 0, han = 0
        // Only a line without Chinese characters is read for words: collected as they come, compared once at the end.
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            let v = scalar.value
            if v >= 0x3400, TextNormalizer.isHan(scalar) {
                han += 1
                switch TextNormalizer.script(of: scalar) {
                case .traditional: traditional += 1
                case .simplified: simplified += 1
                case .both: break
                }
            } else if han == 0, appendLetter(scalar, to: &word) {
                continue
            }
            end(&word, in: &words)
        }
        end(&word, in: &words)

        if han > 0 {
            let hant = dialog.languages.first { names($0, "Hant") }
            let hans = dialog.languages.first { names($0, "Hans") } ?? dialog.languages.first { $0 == "zh" || $0.hasPrefix("zh-") && !names($0, "Hant") }
            if traditional > 0, traditional >= simplified, let hant { return hant }
            return hans ?? hant
        }
        return mostWords(words, in: dialog, atLeast: 1) { _ in true }
    }

    /// A later line that is a whole sentence in a language written without Chinese characters, in a session answered in
    /// Chinese: "they called my mom again today" after "我收到花呗的短信". At least `sentenceWords` of that language's
    /// `language_words` and no Chinese character; "ok", "yes", a brand ("Huabei") or pinyin say nothing. Not the other
    /// way: a Chinese text pasted into an English session is the notice, not the person's language.
    static func sentence(_ line: String, in dialog: Dialog, answeredIn current: String) -> String? {
        guard isChinese(current) else { return nil }
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            let v = scalar.value
            if v >= 0x3400, TextNormalizer.isHan(scalar) { return nil }
            if appendLetter(scalar, to: &word) { continue }
            end(&word, in: &words)
        }
        end(&word, in: &words)
        guard words.count >= sentenceWords else { return nil }
        return mostWords(words, in: dialog, atLeast: sentenceWords) { !isChinese($0) }
    }

    /// Appends a Latin letter (or an apostrophe) to the word being read, lower-cased; false for anything else.
    private static func appendLetter(_ scalar: Unicode.Scalar, to word: inout String.UnicodeScalarView) -> Bool {
        let v = scalar.value
        guard (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x27 || v == 0x2019 else { return false }
        word.append(v == 0x2019 ? "'" : (0x41...0x5A).contains(v) ? Unicode.Scalar(v + 0x20)! : scalar)
        return true
    }

    /// Ends the word being read, if any.
    private static func end(_ word: inout String.UnicodeScalarView, in words: inout [String]) {
        guard !word.isEmpty else { return }
        words.append(String(word))
        word = String.UnicodeScalarView()
    }

    /// The language of `languages` (those `including` keeps) with the most of its `language_words` among `words`, at
    /// least `minimum` of them.
    private static func mostWords(_ words: [String], in dialog: Dialog, atLeast minimum: Int,
                                  including: (String) -> Bool) -> String? {
        var best: (language: String, count: Int)?
        for language in dialog.languages where including(language) {
            guard let list = dialog.lexicon.languageWords[language], !list.isEmpty else { continue }
            let count = words.reduce(0) { $0 + (list.contains($1) ? 1 : 0) }  // a Set: one hash per word
            if count >= minimum, count > (best?.count ?? 0) { best = (language, count) }
        }
        return best?.language
    }

    /// How many of a language's commonest words make a line a sentence in it.
    static let sentenceWords = 3

    /// Whether a language code names Chinese: zh, zh-Hans, zh-Hant, zh-…
    private static func isChinese(_ code: String) -> Bool {
        var code = code
        return code.withUTF8 { $0.count >= 2 && $0[0] == UInt8(ascii: "z") && $0[1] == UInt8(ascii: "h") && ($0.count == 2 || $0[2] == UInt8(ascii: "-")) }
    }

    /// Whether the language code holds `script` (ASCII letters). A code of ASCII is searched byte by byte, where every
    /// scalar is a character of its own, so the answer is `String.contains`'s; that generic search cost ~18,000
    /// instructions a call, a tenth of a first line. Any other code still goes through it.
    private static func names(_ code: String, _ script: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: script.utf8Start, count: script.utf8CodeUnitCount)
        var code = code
        let found = code.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard bytes.count >= pattern.count else { return false }
            for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
                if (1..<pattern.count).allSatisfy({ bytes[start + $0] == pattern[$0] }) { return true }
            }
            return false
        }
        return found ?? code.contains(script.description)
    }
}
