@testable import DialogCore
import Testing

/// A greeting or a filler says too little to be a story; the shortest stories do not.
@Test(arguments: ["嗯", "你好", "在吗", "喂？", "hi", "hello there", "你好，请问"])
func aGreetingSaysLittle(_ line: String) {
    #expect(ShortLine.saysLittle(TextNormalizer.normalize(line).scalars))
}

@Test(arguments: ["借呗逾期了", "我收到一条短信", "I got a notice", "欠3000", "分期乐说我逾期", "they called my mom"])
func aShortStorySaysEnough(_ line: String) {
    #expect(!ShortLine.saysLittle(TextNormalizer.normalize(line).scalars))
}
