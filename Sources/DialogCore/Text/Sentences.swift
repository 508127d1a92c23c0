/// Where a text's sentences end, in Chinese and in English, for saying a long answer by its first sentence.
enum Sentences {
    /// The first sentence of `text`, with its closing mark: up to 。！？ (or a full stop, "!" or "?" followed by a space
    /// and a capital or by the end); nil when the text is one sentence (nothing would be cut). Quotes do not end it:
    /// "“要起诉您”“已移交法务”这种话…" runs on to its 。. A first sentence too short to stand alone ("不会。", "Not yet.") takes the next one along.
    static func first(of text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var cut = 0
        while let next = sentenceEnd(from: cut, in: scalars) {
            cut = next
            let letters = scalars[..<cut].filter { $0.properties.isAlphabetic }
            let han = letters.filter { !$0.isASCII }.count
            if han >= 14 || letters.count - han >= 40 { break }
        }
        guard cut > 0, cut < scalars.count else { return nil }
        return String(String.UnicodeScalarView(scalars[..<cut]))
    }

    /// Where the sentence that starts at `start` ends (just past its mark); nil when it runs to the end of the text.
    private static func sentenceEnd(from start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var depth = 0
        var index = start
        while index < scalars.count {
            defer { index += 1 }
            let scalar = scalars[index]
            switch scalar {
            case "“", "「", "『", "(", "（": depth += 1
            case "”", "」", "』", ")", "）": depth = max(0, depth - 1)
            case "。", "！", "？":
                guard depth == 0 else { continue }
                return index + 1 < scalars.count ? index + 1 : nil
            case ".", "!", "?":
                guard depth == 0, index + 2 < scalars.count, scalars[index + 1] == " ",
                      scalars[index + 2].properties.isUppercase else { continue }
                // Not "e.g. The" nor "Mr. Wang": a word of at least three letters before the mark.
                let word = scalars[..<index].reversed().prefix { $0.isASCIILetter }
                guard word.count >= 3 else { continue }
                return index + 1
            default: continue
            }
        }
        return nil
    }
}
