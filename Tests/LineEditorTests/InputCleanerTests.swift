import Testing
@testable import LineEditor

@Suite("InputCleaner") struct InputCleanerTests {
    let cleaner = InputCleaner()

    private func text(_ raw: String) -> String { cleaner.clean(raw).text }

    @Test func plainChineseIsKeptAsItIs() {
        #expect(cleaner.clean("我收到优品商城的短信说逾期十五天了") == .init(text: "我收到优品商城的短信说逾期十五天了", wasTruncated: false))
    }

    @Test(arguments: [
        ("\u{1B}[31m优品商城\u{1B}[0m", "优品商城"),  // colour (CSI … m)
        ("\u{1B}[2J\u{1B}[H逾期", "逾期"),  // clear screen, cursor home
        ("\u{1B}[38;5;196m红\u{1B}[m", "红"),  // 256-colour parameters
        ("\u{1B}[?1049h全屏", "全屏"),  // private-mode CSI
        ("\u{1B}]0;窗口标题\u{07}正文", "正文"),  // OSC ended by BEL
        ("\u{1B}]8;;https://example.com\u{1B}\\链接\u{1B}]8;;\u{1B}\\", "链接"),  // OSC 8 hyperlink, ST-ended
        ("\u{1B}P1$r0m\u{1B}\\回复", "回复"),  // DCS
        ("\u{1B}_应用\u{1B}\\文字", "文字"),  // APC
        ("\u{1B}c重置", "重置"),  // two-character sequence
        ("\u{1B}(B字符集", "字符集"),  // ESC with an intermediate byte
        ("\u{9B}31m八位\u{9B}0m", "八位"),  // 8-bit CSI
        ("\u{9D}0;标题\u{9C}正文", "正文"),  // 8-bit OSC and ST
        ("末尾\u{1B}", "末尾"),  // a lone ESC at the end
        ("\u{1B}[31优品", "优品"),  // a CSI broken by a non-ASCII character ends there
    ])
    func escapeSequencesAreRemoved(raw: String, expected: String) {
        #expect(text(raw) == expected)
    }

    @Test func c0ControlsAreRemovedAndTabBecomesASpace() {
        let allC0 = (0x00...0x1F).filter { $0 != 0x09 && $0 != 0x1B }
            .map { String(Unicode.Scalar(UInt8($0))) }.joined()
        #expect(text("a\(allC0)b") == "ab")
        #expect(text("优品\t商城") == "优品 商城")
        #expect(text("行一\r\n行二") == "行一行二")
        #expect(text("删\u{7F}除") == "删除")
        #expect(text("退格\u{8}\u{8}") == "退格")
    }

    @Test func c1ControlsAreRemoved() {
        let c1 = (0x80...0x9F).filter { ![0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F].contains($0) }
            .map { String(Unicode.Scalar(UInt8($0))) }.joined()
        #expect(text("a\(c1)b") == "ab")
        #expect(text("下一行\u{85}") == "下一行")
    }

    @Test func bidiOverridesAndIsolatesAreRemoved() {
        let bidi = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]
        #expect(text("账号\u{202E}4321\u{202C}") == "账号4321")
        #expect(text(bidi.joined(separator: "x")) == "xxxxxxxx")
    }

    @Test func emojiJoinersAndCombiningMarksAreKept() {
        for kept in ["👨‍👩‍👧", "👍🏽", "❤️", "🇨🇳", "e\u{301}", "Å", "ก\u{E34}", "\u{200D}", "\u{FE0F}", "\u{FFFD}"] {
            #expect(text("前\(kept)后") == "前\(kept)后")
        }
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let bytes: [UInt8] = Array("优品".utf8) + [0xFF, 0xC3] + Array("商城".utf8) + [0xE4, 0xBC]
        let cleaned = cleaner.clean(bytes: bytes)
        #expect(cleaned.text == "优品\u{FFFD}\u{FFFD}商城\u{FFFD}")
        #expect(!cleaned.wasTruncated)
    }

    @Test func invalidUTF8InsideAnEscapeSequenceDoesNotHideTheRest() {
        let bytes: [UInt8] = [0x1B, 0x5B, 0x33, 0xFF] + Array("优品".utf8)
        #expect(cleaner.clean(bytes: bytes).text == "\u{FFFD}优品")
    }

    @Test func aLineAtTheLimitIsNotTruncated() {
        let line = String(repeating: "a", count: InputCleaner.defaultMaximumUTF8Length)
        #expect(cleaner.clean(line) == .init(text: line, wasTruncated: false))
    }

    @Test func aTenMegabyteLineIsTruncatedToTheLimit() {
        let line = String(repeating: "逾期十五天", count: 10 * 1024 * 1024 / 15)
        let cleaned = cleaner.clean(line)
        #expect(cleaned.wasTruncated)
        #expect(cleaned.text.utf8.count <= InputCleaner.defaultMaximumUTF8Length)
        #expect(cleaned.text.utf8.count > InputCleaner.defaultMaximumUTF8Length - 4)
        #expect(line.hasPrefix(cleaned.text))
    }

    @Test func aTenMegabyteLineOfEscapesCleansToNothing() {
        let line = String(repeating: "\u{1B}[31m", count: 2 * 1024 * 1024)
        #expect(cleaner.clean(line) == .init(text: "", wasTruncated: false))
    }

    @Test func truncationNeverSplitsACharacter() {
        let family = "👨‍👩‍👧"  // 18 bytes of UTF-8, one character
        let cleaned = InputCleaner(maximumUTF8Length: 20).clean("ab" + family + "c")
        #expect(cleaned == .init(text: "ab" + family, wasTruncated: true))
        let cut = InputCleaner(maximumUTF8Length: 10).clean("ab" + family)
        #expect(cut == .init(text: "ab", wasTruncated: true))
        let accent = InputCleaner(maximumUTF8Length: 3).clean("abe\u{301}")
        #expect(accent == .init(text: "ab", wasTruncated: true))
    }

    @Test func truncationCountsOnlyWhatIsKept() {
        let cleaned = InputCleaner(maximumUTF8Length: 6).clean("\u{1B}[31m优品\u{1B}[0m")
        #expect(cleaned == .init(text: "优品", wasTruncated: false))
    }

    /// The quick test that lets clean lines through untouched must see every scalar the filter drops or changes, and
    /// only those: checked for every scalar of the Basic Multilingual Plane and a few beyond, alone and between text.
    @Test func theQuickTestSeesExactlyWhatTheFilterChanges() {
        let values = Array(0...0xD7FF) + Array(0xE000...0xFFFF) + [0x1F600, 0x20000, 0x10FFFF]
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var between = "优品"
            between.unicodeScalars.append(scalar)
            between += "a"
            let changes = cleaner.filtered(between) != .init(text: between, wasTruncated: false)
            #expect(InputCleaner.mayNeedCleaning(between.utf8) == changes, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }
}
