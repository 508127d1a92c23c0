import Testing
@testable import LineEditor

@Suite("Text wrapper") struct TextWrapperTests {
    private func rows(_ text: String, width: Int) -> [String] {
        TextWrapper(width: width).wrap(text).components(separatedBy: "\n")
    }

    // MARK: - Examples

    @Test func englishBreaksAtSpaces() {
        #expect(rows("Talk to the lender early about repayment", width: 20) == [
            "Talk to the lender",
            "early about",
            "repayment",
        ])
    }

    @Test func chineseBreaksBetweenCharactersAtTwoColumnsEach() {
        // 12 characters, 24 columns; 10 fit in 20.
        #expect(rows("先确认最要紧的一件事情吧", width: 20) == ["先确认最要紧的一件事", "情吧"])
    }

    @Test func closingPunctuationNeverStartsARow() {
        // The tenth character is "，": it goes down with the one before it.
        #expect(rows("对方有没有让您把钱转，到个人账户", width: 20) == ["对方有没有让您把钱", "转，到个人账户"])
        #expect(rows("请于今日内还款否则将。", width: 20) == ["请于今日内还款否则", "将。"])
        // Nor after a space.
        #expect(rows("see https://www.pbccrc.org.cn/ 。", width: 20) == ["see", "https://www.pbccrc.org.cn/ 。"])
    }

    @Test func openingPunctuationNeverEndsARow() {
        #expect(rows("请拨打官方客服电话（或在App内联系）", width: 20) == ["请拨打官方客服电话", "（或在App内联系）"])
    }

    @Test func aChineseNameWrittenOntoAnEnglishWordStaysWhole() {
        // "微粒贷's" is one word of English text; a long Chinese sentence still breaks between characters.
        #expect(rows("only: Find 微粒贷's official app", width: 15) == ["only: Find", "微粒贷's", "official app"])
        #expect(rows("自己在手机应用商店或官网找到花呗的官方App或客服电话", width: 20).count > 1)
    }

    @Test func numbersStayWhole() {
        #expect(rows("I owe Weilidai 3,000 yuan and 12,000 more", width: 20) == [
            "I owe Weilidai 3,000",
            "yuan and 12,000 more",
        ])
        // A number glued to Chinese stays with its neighbours: no break inside 12378 or 2400元.
        let folded = rows("可以拨打银保监会投诉热线12378反映，欠款2400元，逾期8天", width: 20)
        #expect(folded.contains { $0.contains("12378") })
        #expect(folded.contains { $0.contains("2400元") })
        #expect(folded.allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    @Test func aURLLongerThanARowGetsARowOfItsOwnWhole() {
        let url = "https://www.example.com/a/very/long/path/to/a/page"
        #expect(rows("See \(url) for more", width: 20) == ["See", url, "for more"])
    }

    @Test func mixedChineseAndEnglish() {
        #expect(rows("Find 微粒贷's official app yourself", width: 20) == ["Find 微粒贷's", "official app", "yourself"])
    }

    @Test func numberedItemsHangUnderTheirText() {
        #expect(rows("1. Check the bill through official channels only", width: 20) == [
            "1. Check the bill",
            "   through official",
            "   channels only",
        ])
        #expect(rows("12. Keep all the evidence together", width: 20) == [
            "12. Keep all the",
            "    evidence",
            "    together",
        ])
    }

    @Test func subItemsHangUnderTheirText() {
        #expect(rows("   - Keep your phone on so they can reach you", width: 24) == [
            "   - Keep your phone on",
            "     so they can reach",
            "     you",
        ])
        #expect(rows("   - 保持手机畅通，让他们能联系到您本人", width: 24) == [
            "   - 保持手机畅通，让他",
            "     们能联系到您本人",
        ])
    }

    @Test func indentedLinesHangUnderTheirFirstCharacter() {
        #expect(rows("   Have ready: screenshots of the notice", width: 20) == [
            "   Have ready:",
            "   screenshots of",
            "   the notice",
        ])
    }

    @Test func aLineThatFitsIsLeftAsItIs() {
        let text = "So far:\n- platform: 优品商城  \n\n1. Dispute it"
        #expect(TextWrapper(width: 60).wrap(text) == text)
    }

    @Test func aWidthOfZeroLeavesTextAlone() {
        let text = String(repeating: "逾期了 ", count: 50)
        #expect(TextWrapper(width: 0).wrap(text) == text)
    }

    @Test func aHangThatLeavesTooLittleRoomIsDropped() {
        #expect(rows("        - one two three four", width: 16) == ["        - one", "two three four"])
    }

    @Test func wideCharactersAndMarksHaveTheirWidths() {
        #expect(DisplayWidth.of("优品商城") == 8)
        #expect(DisplayWidth.of("，。、；：？！（）「」") == 22)
        #expect(DisplayWidth.of("abc 123") == 7)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e with a combining accent
        #expect(DisplayWidth.of("“…”") == 3)  // ambiguous: narrow, as terminals show them
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("\u{1B}") == 0)
    }

    // MARK: - Promises, over texts like the assistant's at three widths

    static let samples = [
        "Thank you, I have a picture of what happened. Below is what I think it is and what to do, in order. This is general information, not legal advice; if a lot of money or a lawsuit is involved, talk to a lawyer or call the 12348 public legal-service line.",
        "1. Talk to the lender early about repayment\n   - Confirm the amount, due date and penalties in the official app; do not rely on figures in a text or a link.\n   Have ready:screenshots of the bill, a statement of income and spending, proof of hardship (medical or job-loss papers)",
        "根据您说的情况，这看起来是：\n- 确实逾期，还没有联系其他人\n\n建议按这个顺序做：\n\n1. 只通过官方渠道核实账单\n   - 自己在应用商店或官网找到安逸花的官方App或客服电话，不要用短信或来电里的号码和链接。\n   - 登录后看看这笔订单或借款是否存在，金额、到期日和还款记录，截图保存。\n   需要准备：通知截图（带发送号码或来电号码）、官方App里的账单截图",
        "可以打12378（银保监会热线）或12363（人民银行征信投诉），欠款2,400元、逾期8天；见 https://www.pbccrc.org.cn/ 。Mixed 英文 words and 中文 together, 12,000 yuan.",
    ]

    @Test(arguments: [20, 60, 100])
    func rowsFitAndNothingIsLostOrSplit(width: Int) {
        let wrapper = TextWrapper(width: width)
        for sample in Self.samples {
            let wrapped = wrapper.wrap(sample)
            // Nothing lost, nothing reordered: only whitespace changed.
            #expect(wrapped.filter { !$0.isWhitespace } == sample.filter { !$0.isWhitespace })
            // Every space-separated word of the original is whole on some row.
            #expect(words(of: wrapped) == words(of: sample))
            for row in wrapped.components(separatedBy: "\n") {
                let tooWide = DisplayWidth.of(row) > width
                let unbreakable = TextWrapper.pieces(of: row.drop { $0 == " " }).count == 1
                #expect(!tooWide || unbreakable, "a row of \(DisplayWidth.of(row)) columns: \(row)")
                #expect(!row.hasSuffix(" "))
                if let first = row.first(where: { $0 != " " }) {
                    #expect(!TextWrapper.closing.contains(first), "a row starts with \(first): \(row)")
                }
            }
        }
    }

    /// The ASCII words (letters, digits and their punctuation) in order, wherever rows break.
    private func words(of text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || !$0.isASCII }).map(String.init)
    }
}
