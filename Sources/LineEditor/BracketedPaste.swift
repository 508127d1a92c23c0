/// The text of one bracketed paste, collected character by character as the terminal sends it.
///
/// In bracketed-paste mode a terminal sends a paste as `ESC [ 2 0 0 ~`, the text, `ESC [ 2 0 1 ~`.
/// The editor's binding for the start marker feeds every following character to ``take(_:)`` until
/// it reports ``Progress/ended``. The collector promises:
/// - the pasted text becomes one line: each run of line breaks (CR, LF, CRLF, blank lines) is one
///   space, and line breaks at the very start or end are dropped, so a five-line text message is one
///   turn with its words still apart;
/// - a tab is a space, so a paste never triggers completion;
/// - at most `limit` characters are kept (``wasCut`` says when more came); the rest is still read,
///   so the end marker is found and nothing of the paste is later taken for typed keys;
/// - anything else, escape sequences included, is kept for ``InputCleaner`` to judge.
///
/// It is pure, so it can be tested without a terminal; reading with a time limit, for a paste whose
/// end marker never comes, is the caller's.
///
/// ```swift
/// var paste = BracketedPaste(limit: 1000)
/// for character in "第一行\r\n第二行\u{1B}[201~".unicodeScalars { _ = paste.take(character) }
/// // paste.text == "第一行 第二行"
/// ```
struct BracketedPaste {
    enum Progress: Equatable {
        case reading
        /// The end marker arrived; later characters are typed keys again.
        case ended
    }

    /// How long the editor waits for the next character of a paste before it takes the paste as
    /// ended without its marker: far longer than the gaps within a paste, short enough that a person
    /// whose terminal lost the marker is not left waiting.
    static let silenceLimitMilliseconds: Int32 = 1500

    private static let endMarker: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]

    /// The pasted text so far, on one line.
    private(set) var text = ""
    /// Whether characters beyond `limit` were dropped.
    private(set) var wasCut = false

    private let limit: Int
    private var kept = 0
    /// How many characters of the end marker have just arrived.
    private var markerMatched = 0
    /// A line break came after some text; it becomes a space if more text follows.
    private var breakPending = false

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// Adds one character the terminal sent; returns whether the paste has ended.
    mutating func take(_ character: Unicode.Scalar) -> Progress {
        if character == Self.endMarker[markerMatched] {
            markerMatched += 1
            if markerMatched == Self.endMarker.count {
                markerMatched = 0
                return .ended
            }
            return .reading
        }
        // Not the marker after all: what looked like its start was text.
        let heldBack = Self.endMarker[..<markerMatched]
        markerMatched = 0
        for scalar in heldBack { add(scalar) }
        if character == Self.endMarker[0] {
            markerMatched = 1
        } else {
            add(character)
        }
        return .reading
    }

    /// A wide character from libedit; a value that is no Unicode scalar becomes U+FFFD.
    mutating func take(wide character: Int32) -> Progress {
        take(Unicode.Scalar(UInt32(bitPattern: character)) ?? "\u{FFFD}")
    }

    private mutating func add(_ scalar: Unicode.Scalar) {
        if scalar == "\r" || scalar == "\n" {
            if kept > 0 { breakPending = true }
            return
        }
        if breakPending {
            breakPending = false
            append(" ")
        }
        append(scalar == "\t" ? " " : scalar)
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        guard kept < limit else {
            wasCut = true
            return
        }
        text.unicodeScalars.append(scalar)
        kept += 1
    }
}
