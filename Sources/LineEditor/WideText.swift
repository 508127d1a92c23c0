import CEditLine

/// Conversions between Swift strings and libedit's wide-character (UTF-32 `wchar_t`) strings.
enum WideText {
    /// `text` as a NUL-terminated wide string.
    static func nulTerminated(_ text: String) -> [wchar_t] {
        text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
    }

    /// The string in `count` wide characters at `start`; values that are not Unicode scalars
    /// become U+FFFD rather than trapping.
    static func string(_ start: UnsafePointer<wchar_t>, count: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for character in UnsafeBufferPointer(start: start, count: max(0, count)) {
            scalars.append(Unicode.Scalar(UInt32(bitPattern: character)) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
