// How the redaction scanner classifies single characters. Kept apart from the scanner so the rules for "what is a digit"
// and "what may sit between digit groups" are written down once.
extension Unicode.Scalar {
    /// The value of an ASCII or full-width decimal digit; people typing on Chinese input methods often produce `１３８`.
    var redactionDigit: UInt8? {
        switch value {
        case 0x30...0x39: UInt8(value - 0x30)
        case 0xFF10...0xFF19: UInt8(value - 0xFF10)
        default: nil
        }
    }

    /// A character that people put between digit groups of one number: spaces, the many dashes, dots, slashes,
    /// underscores and the parentheses around a prefix. Up to ``DigitGroups/maximumSeparatorLength`` of them in a row
    /// join two groups (`138 - 1234`, `138  1234`). Full-width forms are folded before this is asked.
    var isDigitGroupSeparator: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x3000: true  // space, tab, no-break space, ideographic space
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0x2E3A, 0x2E3B: true  // hyphen-minus, dashes, minus
        case 0x2E, 0x2F, 0x5F, 0xB7, 0x30FB, 0x2022: true  // . / _ and middle dots
        case 0x28, 0x29: true  // ( ) around an operator or area prefix
        default: false
        }
    }

    /// Characters that show nothing and that a pasted text may carry between the digits of one number: zero-width
    /// space, joiners, word joiner, invisible operators, soft hyphen, the byte-order mark, the Mongolian vowel separator.
    /// The scanner reads past them, and a mask covers them.
    var isInvisibleFormatCharacter: Bool {
        switch value {
        case 0x200B...0x200F, 0x2060...0x2064, 0x00AD, 0xFEFF, 0x180E, 0x034F: true
        default: false
        }
    }

    /// The ASCII form of a full-width character (`１`, `＠`, `．`, `Ａ`) and of the ideographic space; other characters
    /// as they are.
    var foldedToASCII: Unicode.Scalar {
        switch value {
        case 0xFF01...0xFF5E: Unicode.Scalar(value - 0xFEE0)!
        case 0x3000: " "
        default: self
        }
    }

    /// The check character of an ID-card number: X standing for 10, in any width or case.
    var isIDCardCheckLetter: Bool {
        self == "X" || self == "x" || self == "\u{FF38}" || self == "\u{FF58}"
    }

    var isOpeningParenthesis: Bool { self == "(" || self == "\u{FF08}" }

    var isClosingParenthesis: Bool { self == ")" || self == "\u{FF09}" }

    /// The lowercase form of an ASCII letter; other characters as they are.
    var asciiLowercased: Unicode.Scalar {
        ("A"..."Z").contains(self) ? Unicode.Scalar(value + 0x20)! : self
    }

    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }

    var isASCIIDigit: Bool { ("0"..."9").contains(self) }

    var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }

    /// A character allowed in the part of an e-mail address before `@` (the common subset, not all of RFC 5322).
    var isEmailLocalPart: Bool {
        isASCIIAlphanumeric || self == "." || self == "_" || self == "%" || self == "+" || self == "-"
    }

    /// A character allowed inside one label of a domain name.
    var isDomainLabel: Bool { isASCIIAlphanumeric || self == "-" }
}
