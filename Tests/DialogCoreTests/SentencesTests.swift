@testable import DialogCore
import Testing

/// A long answer said by its first sentence (three or more of the person's questions in one line): the first sentence
/// with its mark, the next one along when the first is too short to stand alone, and nothing cut in a text of one.
@Suite struct SentencesTests {
    @Test func theFirstChineseSentenceWithItsMark() {
        #expect(Sentences.first(of: "催收员和平台自己都不能冻结您的银行卡、微信，也不能把您列为失信被执行人。只有法院能这样做。")
            == "催收员和平台自己都不能冻结您的银行卡、微信，也不能把您列为失信被执行人。")
    }

    @Test func aQuoteDoesNotEndIt() {
        #expect(Sentences.first(of: "但“要起诉您。”这种话，催收电话和短信里很常见，大多只是施压。真的被起诉，会有法院的材料。")
            == "但“要起诉您。”这种话，催收电话和短信里很常见，大多只是施压。")
    }

    @Test func aShortFirstSentenceTakesTheNextAlong() {
        #expect(Sentences.first(of: "不会。别人的逾期不会记到您的征信上，您不用担心。您只是紧急联系人。")
            == "不会。别人的逾期不会记到您的征信上，您不用担心。")
        #expect(Sentences.first(of: "Not yet. As a rule the spouse who borrowed repays, and only a court can decide otherwise. Until then, pay nothing.")
            == "Not yet. As a rule the spouse who borrowed repays, and only a court can decide otherwise.")
    }

    @Test func anAbbreviationDoesNotEndIt() {
        #expect(Sentences.first(of: "Ask Mr. Wang at the official service line about every bill you were sent. Then decide.")
            == "Ask Mr. Wang at the official service line about every bill you were sent.")
    }

    @Test func oneSentenceIsNotCut() {
        #expect(Sentences.first(of: "不用，也不该给。") == nil)
        #expect(Sentences.first(of: "No. You owe nothing for someone else's loan, and they cannot make you pay it.") == nil)
    }
}
