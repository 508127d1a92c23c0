/// Makes stored text safe to show to a person, in a terminal or a ticket.
///
/// Transcripts hold exactly what users typed, which may include terminal escape sequences or bidirectional overrides
/// that would recolour a terminal or make a line read backwards. Shown to staff, such characters become visible marks
/// like `⟨U+001B⟩` instead of acting.
enum DisplayText {
    /// `text` with every control, bidirectional-formatting and invisible character replaced by `⟨U+XXXX⟩`. Tabs stay;
    /// line breaks are left to the caller, which splits on them.
    static func neutralized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHazard) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHazard(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "⟨U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)⟩".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The lines of a message, each neutralized; `\r\n` counts as one break.
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { neutralized(String($0)) }
    }

    /// Text for Markdown: neutralized, with the characters Markdown would act on escaped, so `138****5678` stays as
    /// typed instead of turning bold. Line breaks become spaces; use `lines(_:)` first to keep them.
    static func markdown(_ text: String) -> String {
        var result = ""
        for (index, character) in neutralized(text).enumerated() {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "!":
                result += "\\\(character)"
            case "-" where index == 0, "+" where index == 0, "=" where index == 0:
                result += "\\\(character)"
            case "\n", "\r":
                result += " "
            default:
                result.append(character)
            }
        }
        // "1. " at the start of a line would become a numbered list.
        if let dot = result.firstIndex(where: { !$0.isNumber }), dot != result.startIndex, result[dot] == "." {
            result.replaceSubrange(dot...dot, with: "\\.")
        }
        return result
    }

    /// How many terminal columns `text` takes: East Asian wide and full-width characters take two. Enough to line up
    /// continuation lines under labels like `助手/Assistant:`; not a full implementation of UAX #11.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                width + 2
            default:
                width + 1
            }
        }
    }

    private static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }
}
