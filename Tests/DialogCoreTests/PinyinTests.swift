import Testing

@testable import DialogCore

/// What counts as a line written in pinyin (Chinese the person could not type), and what stays English.
struct PinyinTests {
    @Test(arguments: [
        "wo shou dao duan xin shuo wo zai fen qi le yu qi le, dan shi wo mei you jie guo qian",
        "ni hao, wo bu zhi dao zen me ban, qing bang bang wo",
        "Wo De Hua Bei Yu Qi Le Zen Me Ban A",
    ])
    func aLineOfPinyin(_ line: String) {
        #expect(Pinyin.isMostlyPinyin(Array(line.unicodeScalars)))
    }

    @Test(arguments: [
        "the collector is so mean to me and he keeps calling my mom",
        "I got a text saying I owe money to Fenqile",
        "no no no no no",
        "wo shou dao 短信 shuo wo yu qi le",   // characters in the line: the person can type Chinese
        "mei you",                             // too short to say anything alone
    ])
    func notALineOfPinyin(_ line: String) {
        #expect(!Pinyin.isMostlyPinyin(Array(line.unicodeScalars)))
    }

    @Test func aShortReplyOfSyllables() {
        #expect(Pinyin.isAllSyllables(Array("mei you".unicodeScalars)))
        #expect(Pinyin.isAllSyllables(Array("bu zhi dao".unicodeScalars)))
        #expect(!Pinyin.isAllSyllables(Array("by text".unicodeScalars)))
        #expect(!Pinyin.isAllSyllables(Array("没有".unicodeScalars)))
    }
}
