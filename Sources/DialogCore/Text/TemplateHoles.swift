/// The names in a text's `{holes}` (`{platform}`), skipping `{{` literal braces: what a text shows of the answers.
public enum TemplateHoles {
    /// Read as characters: a brace is a hole's only when it is a character of its own. The compiled dialog asks this
    /// of every remedy text at every start, and breaking the long advice texts into characters cost a fifth of a cached
    /// start (~22M instructions). So the UTF-8 bytes are read instead (braces and spaces are ASCII, never inside another
    /// scalar's bytes) whenever that gives the same names: when every other scalar of the text is one that never joins
    /// an ASCII neighbour into one character (no combining mark, joiner, prepended or format character); any other
    /// text is read character by character, as before.
    public static func names(in text: String) -> [String] {
        guard text.unicodeScalars.allSatisfy(standsAlone) else { return namesByCharacter(in: text) }
        var text = text
        return text.withUTF8 { bytes in
            let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), space = UInt8(ascii: " ")
            var names: [String] = []
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                i += 1
                if byte == open, i < bytes.count, bytes[i] == open {
                    i += 1
                    continue
                }
                guard byte == open, let end = bytes[i...].firstIndex(of: close) else { continue }
                var start = i, stop = end
                while start < stop, bytes[start] == space { start += 1 }
                while stop > start, bytes[stop - 1] == space { stop -= 1 }
                names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self))
                i = end + 1
            }
            return names
        }
    }

    /// The same, Character by Character.
    static func namesByCharacter(in text: String) -> [String] {
        var names: [String] = []
        var chars = Array(text)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "{", chars.first == "{" { chars = chars.dropFirst(); continue }
            guard c == "{", let close = chars.firstIndex(of: "}") else { continue }
            var name = chars[chars.startIndex..<close]
            while name.first == " " { name = name.dropFirst() }
            while name.last == " " { name = name.dropLast() }
            names.append(String(name))
            chars = chars[chars.index(after: close)...]
        }
        return names
    }

    /// ASCII, and the blocks of letters, ideographs, punctuation and symbols whose scalars are characters of their own
    /// beside ASCII (Unicode's grapheme rules join a scalar to an ASCII neighbour only as a combining mark, a joiner, a
    /// spacing mark or a prepended character; none of these ranges holds one).
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0xA0...0x2FF,                     // ASCII, Latin-1, Latin Extended, IPA, spacing modifiers
             0x2010...0x2027, 0x2030...0x205E,              // general punctuation (not its invisible controls)
             0x2070...0x20CF, 0x2100...0x2BFF,              // super- and subscripts, currency, letterlike … symbols
             0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, // CJK punctuation, kana, CJK (not the combining marks)
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, // Hangul syllables, CJK compatibility
             0xFF01...0xFF9D, 0xFFE0...0xFFEE,              // full- and half-width forms (not the voicing marks)
             0x20000...0x3134F:                             // CJK extensions
            return true
        default:
            return false
        }
    }
}

extension Remedy {
    /// Every text of the remedy in every language: title, steps, what to prepare, where to go.
    var allTexts: [String] {
        var texts = steps.values.flatMap { $0 }
        for text in [title, prepare, channel].compactMap({ $0 }) { texts += text.byLanguage.values }
        return texts
    }
}
