import Testing
@testable import DialogCore

/// The ways people name one letter of the drafts list, and lines that look like it but are not.
@Test(arguments: [
    ("草稿2", 2), ("草稿 2", 2), ("草稿二", 2), ("第2封", 2), ("第二封信", 2), ("第1个草稿", 1), ("看第3封", 3), ("打开草稿1", 1),
    ("第一份", 1), ("letter 2", 2), ("Letter two", 2), ("draft 1", 1), ("open letter 3", 3), ("草稿２。", 2),
] as [(String, Int)])
func aLetterIsNamedByItsNumber(_ line: String, _ number: Int) {
    #expect(LetterRequest.number(in: TextNormalizer.normalize(line)) == number)
}

@Test(arguments: [
    "草稿", "信用卡逾期了", "第2步", "2", "letter", "drafts", "第2期", "没有", "draft 0", "letter 100", "第十二封邮件",
    "I got a letter from the court",
])
func aLineThatOnlyLooksLikeALetterIsNone(_ line: String) {
    #expect(LetterRequest.number(in: TextNormalizer.normalize(line)) == nil)
}
