import Testing
@testable import LineEditor

@Suite("Bracketed paste") struct BracketedPasteTests {
    static let end = "\u{1B}[201~"

    /// Feeds `sent` to a collector; returns the text, whether it was cut, and what followed the end marker.
    private func paste(_ sent: String, limit: Int = 1000) -> (text: String, cut: Bool, after: String) {
        var paste = BracketedPaste(limit: limit)
        var scalars = sent.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if paste.take(scalar) == .ended {
                var after = String.UnicodeScalarView()
                while let rest = scalars.next() { after.append(rest) }
                return (paste.text, paste.wasCut, String(after))
            }
        }
        return (paste.text, paste.wasCut, "")
    }

    @Test func aFiveLineTextMessageIsOneLineWithItsLinesApart() {
        let sms = "【微粒贷】尊敬的客户，\n您的借款3000元已逾期25天，\n请于今日内还款，\n否则将影响您的征信。\n退订回T\n"
        #expect(paste(sms + Self.end).text == "【微粒贷】尊敬的客户， 您的借款3000元已逾期25天， 请于今日内还款， 否则将影响您的征信。 退订回T")
    }

    @Test(arguments: [
        ("one\rtwo", "one two"),  // what tmux and most terminals send for a newline
        ("one\ntwo", "one two"),
        ("one\r\ntwo", "one two"),  // copied from Windows
        ("one\n\n\r\n\ntwo", "one two"),  // blank lines between paragraphs
        ("\n\rone\ntwo\r\n\r\n", "one two"),  // breaks at the start and the end are dropped
        ("a\tb", "a b"),  // a tab is a space, never completion
    ])
    func lineBreaksBecomeOneSpace(sent: String, expected: String) {
        #expect(paste(sent + Self.end).text == expected)
    }

    @Test func whatFollowsTheEndMarkerIsLeftForTheKeys() {
        let result = paste("pasted" + Self.end + "typed\r")
        #expect(result.text == "pasted")
        #expect(result.after == "typed\r")
    }

    @Test func somethingThatOnlyStartsLikeTheEndMarkerIsText() {
        #expect(paste("a\u{1B}[20x" + Self.end).text == "a\u{1B}[20x")
        #expect(paste("a\u{1B}[2\u{1B}[201~").text == "a\u{1B}[2")
        #expect(paste("\u{1B}\u{1B}[201~").text == "\u{1B}")
    }

    @Test func aPasteCutShortKeepsWhatArrived() {
        let result = paste("第一行\n第二行\u{1B}[20")
        #expect(result.text == "第一行 第二行")
    }

    @Test func aHugePasteIsCutAtTheLimitAndStillEndsAtItsMarker() {
        let huge = String(repeating: "它一直催我还款，\n", count: 20_000)
        let result = paste(huge + Self.end + "x", limit: 100)
        #expect(result.text.unicodeScalars.count == 100)
        #expect(result.cut)
        #expect(result.after == "x")
    }

    @Test func aValueThatIsNoUnicodeScalarBecomesAReplacementCharacter() {
        var paste = BracketedPaste(limit: 10)
        _ = paste.take(wide: 0xD800)
        _ = paste.take(wide: -1)
        #expect(paste.text == "\u{FFFD}\u{FFFD}")
    }
}
