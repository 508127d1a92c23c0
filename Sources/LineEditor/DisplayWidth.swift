/// How many terminal columns text takes: two for East Asian Wide and Fullwidth characters (Chinese,
/// Japanese, Korean, full-width punctuation such as ，。「」, emoji shown as pictures), none for
/// combining marks, joiners, variation selectors and control characters, one for everything else.
///
/// It follows Unicode's East Asian Width property as terminals do (tmux, xterm, glibc's `wcwidth`),
/// and counts ambiguous characters (“ ” … ·) as narrow, as they do outside CJK locales. It is a table,
/// not the C library's `wcwidth`, so that it does not depend on the process's locale.
enum DisplayWidth {
    /// The columns `text` takes on one row.
    static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The columns one character (a grapheme cluster: a base with its marks, an emoji sequence) takes.
    static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F, width == 1 { return 2 }  // an emoji presentation selector
            if width == 0 { width = of(scalar) }
        }
        return width
    }

    /// The columns one scalar takes on its own.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Whether `value` is East Asian Wide or Fullwidth (the ranges of EastAsianWidth.txt that text uses;
    /// emoji are found by their emoji presentation instead).
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,  // Hangul Jamo initials
             0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
             0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK
             0x3400...0x4DBF,  // CJK extension A
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xA000...0xA4CF,  // Yi
             0xA960...0xA97F,  // Hangul Jamo extended A
             0xAC00...0xD7A3,  // Hangul syllables
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0xFE10...0xFE19,  // vertical forms
             0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
             0xFF00...0xFF60,  // full-width ASCII and brackets
             0xFFE0...0xFFE6,  // full-width signs (￥ ￡)
             0x20000...0x2FFFD,  // CJK extensions B–F, compatibility supplement
             0x30000...0x3FFFD:  // CJK extension G and later
            return true
        default:
            return false
        }
    }
}
