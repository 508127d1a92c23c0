/// Makes a line someone typed or pasted safe to process, store and echo.
///
/// Every line that reaches the assistant goes through one cleaner, whether it came from the line
/// editor or from a pipe, so the two paths cannot disagree about what a line is. The cleaner
/// promises that its result:
/// - contains no terminal escape sequences (CSI, OSC, DCS, SOS, PM, APC, and two- or three-character
///   ESC sequences, in their 7-bit and 8-bit forms), so echoing it cannot move the cursor, retitle
///   the window or hide text;
/// - contains no C0 or C1 control characters and no DEL; a tab becomes a space, because it separates
///   words as a space does;
/// - contains no bidirectional embedding, override or isolate characters (U+202A–U+202E,
///   U+2066–U+2069), which can make a line display in a different order than it reads;
/// - keeps everything else, including emoji, zero-width joiners, variation selectors and combining
///   marks;
/// - is at most `maximumUTF8Length` bytes of UTF-8, cut at a character boundary, with
///   ``Cleaned/wasTruncated`` set when something was cut.
///
/// The cleaner is pure (no terminal, no libedit) and runs in time linear in the length of its input.
/// Invalid UTF-8 never traps: each invalid byte sequence becomes U+FFFD.
///
/// ```swift
/// let cleaned = InputCleaner().clean("\u{1B}[31m优品商城\u{1B}[0m\t逾期")
/// // cleaned.text == "优品商城 逾期", cleaned.wasTruncated == false
/// ```
public struct InputCleaner: Sendable {
    /// The result of cleaning one line.
    public struct Cleaned: Sendable, Equatable {
        /// The line, safe to process and echo.
        public var text: String
        /// Whether the line was longer than the limit and its end was dropped.
        public var wasTruncated: Bool

        public init(text: String, wasTruncated: Bool) {
            self.text = text
            self.wasTruncated = wasTruncated
        }
    }

    /// The default limit: 64 KiB of UTF-8, far beyond anything a person types into a prompt.
    public static let defaultMaximumUTF8Length = 64 * 1024

    /// The most bytes of UTF-8 a cleaned line may have.
    public var maximumUTF8Length: Int

    public init(maximumUTF8Length: Int = InputCleaner.defaultMaximumUTF8Length) {
        self.maximumUTF8Length = max(0, maximumUTF8Length)
    }

    /// Cleans raw bytes; invalid UTF-8 is decoded as U+FFFD.
    public func clean<Bytes: Collection>(bytes: Bytes) -> Cleaned where Bytes.Element == UInt8 {
        clean(String(decoding: bytes, as: UTF8.self))
    }

    /// Cleans a line.
    public func clean(_ raw: String) -> Cleaned {
        // Nearly every line is clean already: then it is returned as it is, after one look at its bytes.
        if raw.utf8.count <= maximumUTF8Length, !Self.mayNeedCleaning(raw.utf8) {
            return Cleaned(text: raw, wasTruncated: false)
        }
        return filtered(raw)
    }

    /// The cleaning itself, scalar by scalar.
    func filtered(_ raw: String) -> Cleaned {
        var output = String.UnicodeScalarView()
        var outputLength = 0
        var filter = EscapeSequenceFilter()
        var scalars = raw.unicodeScalars.makeIterator()

        while let scalar = scalars.next() {
            guard let kept = filter.pass(scalar) else { continue }
            let length = UTF8.width(kept)
            if outputLength + length > maximumUTF8Length {
                return Cleaned(text: Self.cutAtCharacterBoundary(output, before: kept), wasTruncated: true)
            }
            output.append(kept)
            outputLength += length
        }
        return Cleaned(text: String(output), wasTruncated: false)
    }

    /// Whether the UTF-8 holds anything the filter would drop or change: a C0 control, DEL, a C1 control
    /// (`C2 80`–`C2 9F`), or a bidirectional embedding, override or isolate (`E2 80 AA`–`AE`, `E2 81 A6`–`A9`).
    /// Escape sequences start with ESC or a C1 control, so a line without these has none.
    static func mayNeedCleaning(_ utf8: String.UTF8View) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous == 0xC2, byte <= 0x9F, byte >= 0x80 { return true }
            if beforePrevious == 0xE2, previous == 0x80, (0xAA...0xAE).contains(byte) { return true }
            if beforePrevious == 0xE2, previous == 0x81, (0xA6...0xA9).contains(byte) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Drops the last character of `text` if `next` would have extended it: a truncated line must
    /// not end in half an emoji or a letter without its accent.
    private static func cutAtCharacterBoundary(_ text: String.UnicodeScalarView, before next: Unicode.Scalar) -> String {
        var result = String(text)
        guard let last = result.last else { return result }
        var extended = String(last)
        extended.unicodeScalars.append(next)
        if extended.count == 1 {
            result.removeLast()
        }
        return result
    }
}

/// A scalar-by-scalar state machine that drops terminal escape sequences and unsafe characters.
private struct EscapeSequenceFilter {
    private enum State {
        case text
        /// After ESC: the next scalar decides what kind of sequence this is.
        case escape
        /// In the intermediate bytes of an ESC sequence (e.g. `ESC ( B`): ends at a final byte.
        case escapeIntermediate
        /// In a control sequence (CSI): ends at a final byte 0x40–0x7E.
        case controlSequence
        /// In a string (OSC, DCS, SOS, PM, APC): ends at BEL (OSC) or the string terminator.
        case controlString
        /// After ESC inside a control string: `\` ends it.
        case controlStringEscape
    }

    private var state = State.text

    /// Returns the scalar to keep, if any.
    mutating func pass(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch state {
        case .text:
            return text(scalar)
        case .escape:
            switch value {
            case 0x5B: state = .controlSequence  // [
            case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .controlString  // ] P X ^ _
            case 0x20...0x2F: state = .escapeIntermediate
            case 0x30...0x7E: state = .text  // a two-character sequence such as ESC c
            default: return abandon(scalar)
            }
            return nil
        case .escapeIntermediate:
            switch value {
            case 0x20...0x2F: break
            case 0x30...0x7E: state = .text
            default: return abandon(scalar)
            }
            return nil
        case .controlSequence:
            switch value {
            case 0x20...0x3F: break  // parameters and intermediates
            case 0x40...0x7E: state = .text
            default: return abandon(scalar)
            }
            return nil
        case .controlString:
            switch value {
            case 0x07, 0x9C: state = .text
            case 0x1B: state = .controlStringEscape
            default: break
            }
            return nil
        case .controlStringEscape:
            switch value {
            case 0x5C: state = .text
            case 0x1B: break
            default: state = .controlString
            }
            return nil
        }
    }

    /// Ends a malformed sequence where a terminal would: the scalar that broke it is ordinary input.
    private mutating func abandon(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        state = .text
        return text(scalar)
    }

    private mutating func text(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x09:
            return " "
        case 0x1B:
            state = .escape
            return nil
        case 0x9B:
            state = .controlSequence
            return nil
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
            state = .controlString
            return nil
        case 0x00...0x1F, 0x7F...0x9F:
            return nil
        case 0x202A...0x202E, 0x2066...0x2069:
            return nil
        default:
            return scalar
        }
    }
}
