import Testing
@testable import LineEditor

@Suite struct InputCleanerTests {
    let cleaner = InputCleaner()

    @Test func plainChineseIsKept() {
        #expect(cleaner.clean("我收到优品商城的短信") == .init(text: "我收到优品商城的短信", wasTruncated: false))
    }
}
