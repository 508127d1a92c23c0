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

    /// A single character that people put between digit groups of one number: spaces and the many dashes.
    var isDigitGroupSeparator: Bool {
        switch value {
        case 0x20, 0xA0, 0x3000: true  // space, no-break space, ideographic space
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFF0D: true  // hyphen-minus and its look-alikes
        default: false
        }
    }

    /// The check character of an ID-card number: X standing for 10, in any width or case.
    var isIDCardCheckLetter: Bool {
        self == "X" || self == "x" || self == "\u{FF38}" || self == "\u{FF58}"
    }

    var isOpeningParenthesis: Bool { self == "(" || self == "\u{FF08}" }

    var isClosingParenthesis: Bool { self == ")" || self == "\u{FF09}" }

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
