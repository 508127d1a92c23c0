import Foundation
import NoticeAssistant
import Testing

/// Promises about everything notice-help can ever say. Every sentence the assistant shows comes from the dialog's
/// texts, so checking every text (in every language, with every slot filled in or not) covers every path.
struct DialogSafetyTests {
    static let assistant: Assistant = {
        do {
            return try Assistant(folder: PackagePaths.root.appendingPathComponent("Dialogs/notice-help"))
        } catch {
            fatalError("Dialogs/notice-help does not load: \(error)")
        }
    }()

    /// Every text of the dialog, labelled with where it is: the same list the validator checks (`Dialog.texts`).
    static var texts: [(where: String, text: String)] {
        assistant.dialog.texts.map { ("\($0.place) [\($0.language)]", $0.text) }
    }

    /// Phrasings that can only be an instruction to pay someone or to hand over a secret.
    static let forbidden = [
        "请转账", "转账到以下", "转到以下账户", "汇款到", "打款到", "请汇款", "向对方账户付款", "把钱转给",
        "請轉帳", "轉帳到以下", "匯款到",
        "告诉我验证码", "把验证码发给我", "请提供验证码", "请输入验证码", "请提供密码", "请输入密码", "告诉我密码",
        "告訴我驗證碼", "請提供驗證碼", "請輸入密碼",
        "transfer the money to", "pay into this account", "pay into the following", "wire the money",
        "tell me the code", "send me the code", "send me your code", "enter your password", "tell me your password",
        "give me your password", "what is your verification code",
    ]

    static let negations = ["不", "别", "別", "勿", "没", "沒", "never", "not", "don't", "no ", "nothing", "nobody"]

    /// True when `phrase` stands in `text` without a negation just before it ("不把钱转给任何个人" is a warning).
    static func saysUnnegated(_ text: String, _ phrase: String) -> Bool {
        let lower = text.lowercased()
        var searchFrom = lower.startIndex
        while let range = lower.range(of: phrase.lowercased(), range: searchFrom..<lower.endIndex) {
            let windowStart = lower.index(range.lowerBound, offsetBy: -12, limitedBy: lower.startIndex) ?? lower.startIndex
            let before = String(lower[windowStart..<range.lowerBound])
            if !negations.contains(where: { before.contains($0) }) { return true }
            searchFrom = range.upperBound
        }
        return false
    }

    /// Someone at the door now is told what keeps them safe before anything else the line asked ("要我替他还" brings
    /// "不用…" too): topics are answered in the file's order, and `at_the_door` stands right after `crisis`.
    @Test func dangerAtTheDoorIsAnsweredFirst() {
        let lines: [(String, String, String)] = [
            ("zh-Hans", "今天有两个人上门到我家，说我儿子在你我贷欠了三万，堵在门口不走，要我替他还", "钱是谁借的就由谁还"),
            ("en", "two collectors are at my door right now about my son's loan, do I have to pay for him?", "A debt is owed by the person who borrowed"),
        ]
        for (language, line, later) in lines {
            let start = Self.assistant.start(language: language).session
            let texts = Self.assistant.respond(to: line, in: start).events.compactMap { event -> String? in
                if case .message(_, let text) = event { return text }
                return nil
            }
            let door = texts.firstIndex { $0.contains("110") }
            let other = texts.firstIndex { $0.contains(later) }
            #expect(door != nil && other != nil, "\(language): \(texts)")
            if let door, let other { #expect(door < other, "\(language): \(texts)") }
        }
    }

    @Test func noTextTellsAnyoneToPayIntoAnAccountOrShareACode() {
        let hits = Self.texts.filter { entry in Self.forbidden.contains { Self.saysUnnegated(entry.text, $0) } }
        #expect(hits.isEmpty, "\(hits.map { "\($0.where): \($0.text)" }.joined(separator: "\n"))")
    }

    /// No text sends anyone to a regulator that no longer exists. A text may name one only to say it is gone (a caller
    /// "from 银保监会" is a scammer's tell): beside the word for abolished and the body that took its place.
    @Test func theOldRegulatorsAreNeverNamed() {
        let outdated = ["银保监会", "銀保監會", "工商管理部门", "工商局", "CBIRC"]
        let saysItIsGone = ["已经撤销", "已經撤銷", "was abolished"]
        let hits = Self.texts.filter { entry in
            outdated.contains { entry.text.contains($0) }
                && !(saysItIsGone.contains { entry.text.contains($0) } && (entry.text.contains("国家金融监督管理总局") || entry.text.contains("國家金融監督管理總局")
                    || entry.text.contains("National Financial Regulatory Administration")))
        }
        #expect(hits.isEmpty, "\(hits.map { "\($0.where): \($0.text)" }.joined(separator: "\n"))")
    }

    @Test(arguments: [("zh-Hans", "不是律师"), ("zh-Hant", "不是律師"), ("en", "not a lawyer")])
    func theOpeningSaysItIsNotALawyer(language: String, phrase: String) {
        let opening = Self.assistant.start(language: language).events.map(\.text).joined(separator: "\n")
        #expect(opening.contains(phrase))
    }
}
