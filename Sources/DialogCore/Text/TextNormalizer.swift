/// Folds a line (or a phrase of a dialog) so that the same words typed in different ways match:
/// traditional → simplified, full-width → half-width, ASCII lower case, Chinese punctuation → ASCII, pinyin
/// annotations after Chinese characters (`優(yōu)品`) removed, invisible and control characters dropped, runs of
/// white space made one space. Input and phrases go through the same fold, so matching is consistent.
public enum TextNormalizer {
    public static func normalize(_ line: String) -> NormalizedText {
        var original: [Unicode.Scalar] = []
        original.reserveCapacity(line.unicodeScalars.count)
        for scalar in line.unicodeScalars where !isInvisible(scalar) {
            original.append(isControl(scalar) ? " " : scalar)
        }
        var scalars: [Unicode.Scalar] = []
        var origin: [Int] = []
        scalars.reserveCapacity(original.count)
        origin.reserveCapacity(original.count)
        var i = 0
        while i < original.count {
            if let end = pinyinAnnotationEnd(original, at: i, previous: scalars.last) {
                i = end
                continue
            }
            let folded = fold(original[i])
            if folded == " " {
                if let last = scalars.last, last != " " {
                    scalars.append(" ")
                    origin.append(i)
                }
            } else {
                scalars.append(folded)
                origin.append(i)
            }
            i += 1
        }
        if scalars.last == " " {
            scalars.removeLast()
            origin.removeLast()
        }
        restoreApostrophes(&scalars, &origin)
        return NormalizedText(scalars: scalars, origin: origin, original: original)
    }

    /// English contractions typed without their apostrophe, which phone keyboards and hurried typing drop: "i dont
    /// know", "i didnt borrow", "its not my loan", "im overdue". Each gets its apostrophe back ("don't", "i'm"), in the
    /// line and in the dialog's phrases alike, so "dont" and "don't" are one word to every rule and list. Only words
    /// that are no other English word ("ill", "well", "were", "id" keep their meaning), at word boundaries.
    /// The apostrophe goes before the final `t` of a "n't" word, or at the position given.
    private static let contractions: [(word: [Unicode.Scalar], at: Int)] = {
        var list: [(String, Int)] = []
        for word in ["dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "havent", "hasnt", "hadnt", "cant", "couldnt",
                     "wouldnt", "shouldnt", "wont", "aint", "mustnt", "neednt"] {
            list.append((word, word.count - 1))
        }
        list += [("im", 1), ("ive", 1), ("youre", 3), ("theyre", 4), ("thats", 4), ("whats", 4), ("theres", 5), ("its", 2),
                 ("hes", 2), ("shes", 3), ("theyll", 4), ("youll", 3), ("theyve", 4), ("youve", 3)]
        return list.map { (Array($0.0.unicodeScalars), $0.1) }
    }()

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Puts the apostrophe back into the contractions of `contractions` (`scalars` folded, so lower case).
    private static func restoreApostrophes(_ scalars: inout [Unicode.Scalar], _ origin: inout [Int]) {
        var inserts: [Int] = []
        var index = 0
        while index < scalars.count {
            guard isASCIILetter(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isASCIILetter(scalars[end]) { end += 1 }
            // A word of letters alone (not "im2", not "don't" already, not inside "dont'").
            let length = end - index
            if length >= 2, length <= 8, (index == 0 || (scalars[index - 1] != "'" && !("0"..."9").contains(scalars[index - 1]))),
               end == scalars.count || (scalars[end] != "'" && !("0"..."9").contains(scalars[end])),
               let found = contractions.first(where: { $0.word.count == length && scalars[index..<end].elementsEqual($0.word) }) {
                inserts.append(index + found.at)
            }
            index = end
        }
        guard !inserts.isEmpty else { return }
        for at in inserts.reversed() {
            scalars.insert("'", at: at)
            origin.insert(origin[at - 1], at: at)
        }
    }

    /// The folded form of a phrase from a dialog file, as a string.
    public static func fold(_ phrase: String) -> String { normalize(phrase).string }

    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        switch v {
        case 0x41...0x5A: return Unicode.Scalar(v + 0x20)!
        case 0xFF01...0xFF5E: return fold(Unicode.Scalar(v - 0xFEE0)!)
        case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x205F: return " "
        case 0x09: return " "
        default: break
        }
        if v < 0x80 { return scalar }
        // Most characters of a Chinese line are in neither table: a bit says so, without two dictionary look-ups.
        if v < mappedLimit, mapped[Int(v >> 6)] & (1 << UInt64(v & 63)) == 0 { return scalar }
        if let mapped = punctuation[v] { return mapped }
        if v >= 0x3400, let simplified = hantToHans[v] { return simplified }
        return scalar
    }

    /// Below `mappedLimit`, one bit per scalar: whether `fold` finds it in `punctuation` or `hantToHans` (24 KiB). Two
    /// hashes for every Chinese character of every line were a third of what folding a line cost.
    private static let mappedLimit: UInt32 = 0x30000
    private static let mapped: [UInt64] = {
        var bits = [UInt64](repeatElement(0, count: Int(mappedLimit) / 64))
        for key in punctuation.keys where key < mappedLimit { bits[Int(key >> 6)] |= 1 << UInt64(key & 63) }
        for key in hantToHans.keys where key >= 0x3400 && key < mappedLimit { bits[Int(key >> 6)] |= 1 << UInt64(key & 63) }
        return bits
    }()

    /// Zero-width characters and bidirectional controls: they change nothing a person means, and could hide text.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x00AD: return true
        default: return false
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FA1F).contains(v)
            || (0xF900...0xFAFF).contains(v)
    }

    /// `(yōu)` right after a Chinese character: the end index of the annotation, or nil.
    private static func pinyinAnnotationEnd(_ text: [Unicode.Scalar], at i: Int, previous: Unicode.Scalar?) -> Int? {
        guard let previous, isHan(previous) else { return nil }
        let open = text[i].value
        guard open == 0x28 || open == 0xFF08 else { return nil }
        var j = i + 1
        while j < text.count, j - i <= 8, isPinyinLetter(text[j]) { j += 1 }
        guard j > i + 1, j < text.count, text[j].value == 0x29 || text[j].value == 0xFF09 else { return nil }
        return j + 1
    }

    private static func isPinyinLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) { return true }
        return "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ".unicodeScalars.contains(scalar)
    }

    private static let punctuation: [UInt32: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            ("，、", ","), ("。｡", "."), ("；", ";"), ("：", ":"), ("？", "?"), ("！", "!"),
            ("（", "("), ("）", ")"), ("【〔［", "["), ("】〕］", "]"),
            ("「」『』“”„‟《》〈〉", "\""), ("‘’‚‛", "'"), ("—–―～〜", "-"), ("…", "."), ("·・", " "),
            ("￥", "¥"),
        ]
        var table: [UInt32: Unicode.Scalar] = [:]
        for (from, to) in pairs {
            for s in from.unicodeScalars { table[s.value] = to.unicodeScalars.first! }
        }
        return table
    }()

    /// Which script writes a Chinese character: only traditional (說, 錢), only simplified (说, 钱), or both (我, 台).
    enum Script { case traditional, simplified, both }

    static func script(of scalar: Unicode.Scalar) -> Script {
        if let simplified = hantToHans[scalar.value], simplified != scalar { return .traditional }
        return simplifiedOnly.contains(scalar.value) ? .simplified : .both
    }

    /// The simplified forms of the table that are not themselves traditional characters.
    private static let simplifiedOnly: Set<UInt32> = {
        Set(hantToHans.values.map(\.value).filter { hantToHans[$0] == nil })
    }()

    private static let hantToHans: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        let scalars = Array(TraditionalToSimplified.pairs.unicodeScalars)
        table.reserveCapacity(scalars.count / 2)
        var i = 0
        while i + 1 < scalars.count {
            table[scalars[i].value] = scalars[i + 1]
            i += 2
        }
        return table
    }()
}
