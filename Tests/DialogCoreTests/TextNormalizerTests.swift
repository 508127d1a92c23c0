import Testing

@testable import DialogCore

struct FoldCase: Sendable, CustomTestStringConvertible {
    var input: String
    var folded: String
    var note: String
    var testDescription: String { "\(note): \(input.debugDescription)" }
}

private let foldCases: [FoldCase] = [
    // Traditional → simplified.
    FoldCase(input: "聯繫", folded: "联系", note: "traditional"),
    FoldCase(input: "還款", folded: "还款", note: "traditional"),
    FoldCase(input: "簡訊", folded: "简讯", note: "traditional"),
    FoldCase(input: "帳戶", folded: "帐户", note: "traditional"),
    FoldCase(input: "我從來沒有註冊過這個平臺", folded: "我从来没有注册过这个平台", note: "traditional"),
    FoldCase(input: "已经还款", folded: "已经还款", note: "simplified stays"),
    // Full-width → half-width, lower case.
    FoldCase(input: "ＳＭＳ３０天", folded: "sms30天", note: "full-width"),
    FoldCase(input: "ＡＢＣ＠ｘ．ｃｏｍ", folded: "abc@x.com", note: "full-width"),
    FoldCase(input: "HuaBei", folded: "huabei", note: "lower case"),
    FoldCase(input: "欠款\u{3000}800", folded: "欠款 800", note: "ideographic space"),
    FoldCase(input: "a\u{00A0}b\u{2009}c", folded: "a b c", note: "other spaces"),
    // Pinyin annotations after Chinese characters are dropped; parentheses after ASCII are kept.
    FoldCase(input: "優(yōu)品商城", folded: "优品商城", note: "pinyin"),
    FoldCase(input: "优（yōu）品（pǐn）商城", folded: "优品商城", note: "pinyin, full-width parentheses"),
    FoldCase(input: "花呗(HUA)", folded: "花呗", note: "pinyin letters without tones"),
    FoldCase(input: "abc(abc)", folded: "abc(abc)", note: "after ASCII"),
    FoldCase(input: "花呗(2024)", folded: "花呗(2024)", note: "digits are not pinyin"),
    FoldCase(input: "花呗()", folded: "花呗()", note: "empty parentheses"),
    FoldCase(input: "花呗(yōu", folded: "花呗(yōu", note: "unclosed"),
    // Invisible characters are removed.
    FoldCase(input: "还\u{200B}款", folded: "还款", note: "zero-width space"),
    FoldCase(input: "\u{FEFF}短信\u{200D}说", folded: "短信说", note: "BOM and ZWJ"),
    FoldCase(input: "\u{202E}abc\u{202C}", folded: "abc", note: "bidi override"),
    FoldCase(input: "\u{2066}x\u{2069}y\u{200F}", folded: "xy", note: "bidi isolates and marks"),
    FoldCase(input: "注\u{00AD}册", folded: "注册", note: "soft hyphen"),
    // Punctuation folds to ASCII.
    FoldCase(input: "你好，世界。真的？！", folded: "你好,世界.真的?!", note: "punctuation"),
    FoldCase(input: "一、二；三：四", folded: "一,二;三:四", note: "punctuation"),
    FoldCase(input: "【优品商城】", folded: "[优品商城]", note: "brackets"),
    FoldCase(input: "〔甲〕［乙］", folded: "[甲][乙]", note: "brackets"),
    FoldCase(input: "“引号”「书名」《书》", folded: "\"引号\"\"书名\"\"书\"", note: "quotes"),
    FoldCase(input: "‘a’", folded: "'a'", note: "single quotes"),
    FoldCase(input: "等等——好〜", folded: "等等--好-", note: "dashes"),
    FoldCase(input: "好～", folded: "好~", note: "full-width tilde"),
    FoldCase(input: "嗯…", folded: "嗯.", note: "ellipsis"),
    FoldCase(input: "￥800", folded: "¥800", note: "yuan sign"),
    FoldCase(input: "张·三", folded: "张 三", note: "middle dot"),
    // White space and control characters collapse to one space; ends are trimmed.
    FoldCase(input: "  a \t\n b  ", folded: "a b", note: "white space"),
    FoldCase(input: "a\u{0}b\u{7F}c\u{2028}d", folded: "a b c d", note: "control characters"),
    // Contractions typed without their apostrophe get it back (understand12); other words stay.
    FoldCase(input: "i dont know", folded: "i don't know", note: "contraction"),
    FoldCase(input: "Im overdue, its not my loan", folded: "i'm overdue, it's not my loan", note: "contraction"),
    FoldCase(input: "I didnt borrow", folded: "i didn't borrow", note: "contraction"),
    FoldCase(input: "don't well ill were id", folded: "don't well ill were id", note: "no contraction"),
    FoldCase(input: "dont' im2", folded: "dont' im2", note: "not a word alone"),
    FoldCase(input: "", folded: "", note: "empty"),
    FoldCase(input: " \u{3000}\u{200B} ", folded: "", note: "only spaces"),
]

@Test(arguments: foldCases)
func folds(_ c: FoldCase) {
    #expect(TextNormalizer.fold(c.input) == c.folded)
    // Folding is idempotent, so a phrase folded once matches input folded once.
    #expect(TextNormalizer.fold(c.folded) == c.folded)
}

@Test func originHasOneEntryPerFoldedScalar() {
    let text = TextNormalizer.normalize("  【優(yōu)品\u{200B}商城】說 ")
    #expect(text.string == "[优品商城]说")
    #expect(text.scalars.count == text.origin.count)
    // Positions in `original`, which keeps the typed characters but not invisible ones.
    #expect(text.origin == [2, 3, 9, 10, 11, 12, 13])
    #expect(String(String.UnicodeScalarView(text.original)) == "  【優(yōu)品商城】說 ")
}

struct OriginalTextCase: Sendable, CustomTestStringConvertible {
    var input: String
    var range: Range<Int>
    var folded: String
    var original: String
    var testDescription: String { "\(input.debugDescription) \(range)" }
}

private let originalCases: [OriginalTextCase] = [
    // A name inside brackets, with its pinyin annotation, as the person typed it.
    OriginalTextCase(input: "【優(yōu)品商城】您好", range: 1..<5, folded: "优品商城", original: "優(yōu)品商城"),
    OriginalTextCase(input: "ＳＭＳ３０天", range: 0..<3, folded: "sms", original: "ＳＭＳ"),
    OriginalTextCase(input: "還\u{200B}款", range: 0..<2, folded: "还款", original: "還款"),
    OriginalTextCase(input: "a   b", range: 0..<3, folded: "a b", original: "a   b"),
    OriginalTextCase(input: "我在HuaBei借的", range: 2..<8, folded: "huabei", original: "HuaBei"),
    OriginalTextCase(input: "abc", range: 1..<1, folded: "", original: ""),
    OriginalTextCase(input: "I dont know", range: 2..<7, folded: "don't", original: "dont"),
    OriginalTextCase(input: "abc", range: 1..<9, folded: "", original: ""),
]

@Test(arguments: originalCases)
func mapsBackToTheOriginal(_ c: OriginalTextCase) {
    let text = TextNormalizer.normalize(c.input)
    if c.range.upperBound <= text.scalars.count {
        #expect(String(String.UnicodeScalarView(text.scalars[c.range])) == c.folded)
    }
    #expect(text.originalText(c.range) == c.original)
}

@Test func emptyLineIsEmpty() {
    #expect(TextNormalizer.normalize("").isEmpty)
    #expect(TextNormalizer.normalize(" \t ").isEmpty)
    #expect(!TextNormalizer.normalize("a").isEmpty)
}
