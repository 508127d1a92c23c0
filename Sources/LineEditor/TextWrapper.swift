/// Folds what the assistant says to a terminal's width, so that a person reads whole words on every row.
///
/// Each line of the text is folded on its own; a line that fits is left exactly as it is. It promises:
/// - no row is wider than `width` columns, counting Chinese and full-width characters as two (see
///   ``DisplayWidth``), unless a single word is wider than the room a row has: such a word (a long URL)
///   gets a row of its own, whole, and the terminal folds it;
/// - English words and numbers (12,000, 12378, 2400元's digits, a URL) are never broken: rows break at
///   spaces, and between two Chinese (wide) characters;
/// - a row never starts with closing punctuation (，。、；：？！）」』 …) nor ends with opening
///   punctuation (（「『【《), because those stay glued to their neighbour;
/// - list items hang: the rows after `1. foo` start under `foo`, those after `   - bar` under `bar`,
///   those after an indented line under its first character;
/// - nothing is lost or reordered: only the spaces where a row breaks are replaced by a line break and
///   the hanging indent (a tab counts as a space).
///
/// It is pure: the caller gives the width (see ``TerminalWidth``).
///
/// ```swift
/// TextWrapper(width: 20).wrap("1. Check the bill through official channels only")
/// // "1. Check the bill\n   through official\n   channels only"
/// ```
public struct TextWrapper: Sendable {
    /// The columns a row may take; 0 or less leaves text as it is.
    public var width: Int

    /// A hanging indent that would leave less room than this on a row is not used.
    static let leastRoomForText = 12

    public init(width: Int) {
        self.width = width
    }

    /// `text` with every line folded to ``width``.
    public func wrap(_ text: String) -> String {
        guard width > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { fold($0).joined(separator: "\n") }
            .joined(separator: "\n")
    }

    /// The rows one line is shown in.
    func fold(_ line: Substring) -> [String] {
        guard DisplayWidth.of(line) > width else { return [String(line)] }
        let (prefix, body) = Self.splitListPrefix(line)
        let prefixWidth = DisplayWidth.of(prefix)
        let hang = width - prefixWidth >= Self.leastRoomForText ? prefixWidth : 0
        let continuation = String(repeating: " ", count: hang)

        var rows: [String] = []
        var row = String(prefix)
        var rowWidth = prefixWidth
        var rowIsEmpty = true
        var isFirstRow = true
        for piece in Self.pieces(of: body) {
            let gap = isFirstRow || !rowIsEmpty ? piece.gap : 0
            if rowIsEmpty || rowWidth + gap + piece.width <= width {
                row += String(repeating: " ", count: gap) + piece.text
                rowWidth += gap + piece.width
                rowIsEmpty = false
            } else {
                rows.append(row)
                row = continuation + piece.text
                rowWidth = hang + piece.width
                isFirstRow = false
            }
        }
        rows.append(row)
        return rows
    }

    /// A piece of a line that is never broken, with the spaces before it.
    struct Piece: Equatable {
        var gap: Int
        var text: String
        var width: Int
    }

    /// The line cut where a row may break: at spaces (which become the gaps) and between two wide
    /// characters that punctuation does not hold together.
    static func pieces(of body: Substring) -> [Piece] {
        var pieces: [Piece] = []
        var gap = 0
        var text = ""
        var width = 0
        var previous: Character?
        let characters = Array(body)
        let held = heldTogether(characters)
        var index = -1
        func finish() {
            if !text.isEmpty { pieces.append(Piece(gap: gap, text: text, width: width)) }
            gap = 0
            text = ""
            width = 0
        }
        for character in characters {
            index += 1
            if character == " " || character == "\t" {
                finish()
                gap += 1
                previous = nil
                continue
            }
            let characterWidth = DisplayWidth.of(character)
            if let previous, !held[index], mayBreak(between: previous, and: character, secondWidth: characterWidth) {
                finish()
            } else if text.isEmpty, closing.contains(character), let last = pieces.popLast() {
                // Closing punctuation after a space ("… .cn/ 。") still may not start a row.
                text = last.text + String(repeating: " ", count: gap)
                width = last.width + gap
                gap = last.gap
            }
            text.append(character)
            width += characterWidth
            previous = character
        }
        finish()
        return pieces
    }

    /// Which characters may not be parted from the one before: inside a short run of Chinese characters written onto
    /// Latin letters with no space ("微粒贷's", "花呗App"), which reads as one word in English text.
    static func heldTogether(_ characters: [Character]) -> [Bool] {
        var held = [Bool](repeating: false, count: characters.count)
        func isLatin(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c == "'") }
        func isWideLetter(_ c: Character) -> Bool { DisplayWidth.of(c) == 2 && c.isLetter }
        var start = 0
        while start < characters.count {
            guard isWideLetter(characters[start]) else { start += 1; continue }
            var end = start
            while end < characters.count, isWideLetter(characters[end]) { end += 1 }
            let attached = (start > 0 && isLatin(characters[start - 1])) || (end < characters.count && isLatin(characters[end]))
            if attached, end - start <= maximumHeldRun {
                for k in (start + 1)..<end { held[k] = true }
            }
            start = end
        }
        return held
    }

    /// The longest run of wide characters kept whole when it is written onto a Latin word (a lender's name).
    static let maximumHeldRun = 6

    /// Punctuation that may not start a row.
    static let closing: Set<Character> = Set("，。、；：？！）」』】》〉〕］｝％．～ー・…")
    /// Punctuation (and currency signs) that may not end a row.
    static let opening: Set<Character> = Set("（「『【《〈〔［｛￥＄")

    static func mayBreak(between first: Character, and second: Character, secondWidth: Int) -> Bool {
        secondWidth == 2 && DisplayWidth.of(first) == 2 && !closing.contains(second) && !opening.contains(first)
    }

    /// The indent and list marker a line starts with ("   - ", "12. ", "• "), and the rest.
    static func splitListPrefix(_ line: Substring) -> (prefix: Substring, body: Substring) {
        var index = line.startIndex
        while index < line.endIndex, line[index] == " " { index = line.index(after: index) }
        let afterIndent = index
        var marker = index
        while marker < line.endIndex, line[marker].isASCII, line[marker].isNumber { marker = line.index(after: marker) }
        if marker > afterIndent, marker < line.endIndex, ".)、".contains(line[marker]) {
            marker = line.index(after: marker)
        } else if marker == afterIndent, marker < line.endIndex, "-•*·".contains(line[marker]) {
            marker = line.index(after: marker)
        } else {
            return (line[..<afterIndent], line[afterIndent...])
        }
        guard marker < line.endIndex, line[marker] == " " else {
            return (line[..<afterIndent], line[afterIndent...])
        }
        let bodyStart = line.index(after: marker)
        return (line[..<bodyStart], line[bodyStart...])
    }
}
