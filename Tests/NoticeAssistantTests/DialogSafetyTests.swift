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

    /// Every text of the dialog, labelled with where it is.
    static var texts: [(where: String, text: String)] {
        let dialog = assistant.dialog
        var all: [(String, String)] = []
        func add(_ text: LocalizedText?, _ place: String) {
            for (language, value) in text?.byLanguage ?? [:] { all.append(("\(place) [\(language)]", value)) }
        }
        for (id, message) in dialog.messages { add(message, "message \(id)") }
        for state in dialog.states {
            switch state.kind {
            case .say(let t), .advise(let t), .listen(let t), .ask(_, let t), .end(let t, _): add(t, "state \(state.id)")
            case .branch: break
            }
            for (n, reprompt) in state.reprompts.enumerated() { add(reprompt, "state \(state.id) reprompt \(n + 1)") }
            add(state.why, "state \(state.id) why")
        }
        for remedy in dialog.remedies {
            add(remedy.title, "remedy \(remedy.id) title")
            add(remedy.prepare, "remedy \(remedy.id) prepare")
            add(remedy.channel, "remedy \(remedy.id) channel")
            for (language, steps) in remedy.steps {
                for step in steps { all.append(("remedy \(remedy.id) step [\(language)]", step)) }
            }
        }
        for draft in dialog.drafts { add(draft.text, "draft \(draft.id)"); add(draft.title, "draft \(draft.id) title") }
        return all
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

    @Test func noTextTellsAnyoneToPayIntoAnAccountOrShareACode() {
        let hits = Self.texts.filter { entry in Self.forbidden.contains { Self.saysUnnegated(entry.text, $0) } }
        #expect(hits.isEmpty, "\(hits.map { "\($0.where): \($0.text)" }.joined(separator: "\n"))")
    }

    @Test func theOldRegulatorsAreNeverNamed() {
        let outdated = ["银保监会", "銀保監會", "工商管理部门", "工商局", "CBIRC"]
        let hits = Self.texts.filter { entry in outdated.contains { entry.text.contains($0) } }
        #expect(hits.isEmpty, "\(hits.map { "\($0.where): \($0.text)" }.joined(separator: "\n"))")
    }

    @Test(arguments: [("zh-Hans", "不是律师"), ("zh-Hant", "不是律師"), ("en", "not a lawyer")])
    func theOpeningSaysItIsNotALawyer(language: String, phrase: String) {
        let opening = Self.assistant.start(language: language).events.map(\.text).joined(separator: "\n")
        #expect(opening.contains(phrase))
    }
}
