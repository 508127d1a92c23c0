import Testing

@testable import DialogCore

/// The byte scans that replaced Character-by-Character reading must answer exactly as the plain reading does.
struct TextScanTests {
    /// A brace found eight bytes at a time is the first brace a byte-by-byte search finds, wherever it stands.
    @Test func nextBraceFindsTheFirstBrace() {
        let alphabet = Array("ab {}yz\u{7F}|~}{短信".utf8)
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<50 {
                let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
                bytes.withUnsafeBufferPointer { buffer in
                    for start in 0...length {
                        let expected = (start..<length).first { buffer[$0] == UInt8(ascii: "{") || buffer[$0] == UInt8(ascii: "}") } ?? length
                        #expect(MessageRenderer.nextBrace(buffer, from: start) == expected)
                    }
                }
            }
        }
    }

    /// Holes read from bytes are the holes read Character by Character, for texts of plain scalars and for texts
    /// with scalars that join a brace or a space into one character (those are read by Character).
    @Test(arguments: [
        "", "{", "}", "{{", "}}", "{a}", "{ a }", "{{a}}", "x {platform} y {days}", "{ }", "{  }", "{a", "a}", "{a}{b}",
        "逾期{notice_overdue_days}天，{ platform }的“通知”…", "{{literal}} and {real}", "{\u{301}a}", "{a\u{301}}",
        "{ \u{301}a}", "\u{600}{a}", "{a \u{600}}", "{🙂}", "{a}\u{FE0F}", "{ﾊﾟ}", "{\r\n}",
    ])
    func holesReadFromBytesAreTheCharacterHoles(_ text: String) {
        #expect(TemplateHoles.names(in: text) == TemplateHoles.namesByCharacter(in: text))
    }
}
