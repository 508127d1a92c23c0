import Foundation
import NoticeAssistant
import Testing

/// What the prompt names (`Assistant.promptLabel`): where the session waits now. After the advice, a terminal showed
/// the label of the last question answered ("法院文书> "); it names the advice instead, the question again after a
/// restart, and nothing while "restart?" waits for its yes.
struct PromptLabelTests {
    static let assistant: Assistant = {
        do {
            return try Assistant(folder: PackagePaths.root.appendingPathComponent("Dialogs/notice-help"))
        } catch {
            fatalError("Dialogs/notice-help does not load: \(error)")
        }
    }()

    static func play(_ lines: [String], language: String) -> Session {
        var session = assistant.start(language: language).session
        for line in lines { session = assistant.respond(to: line, in: session).session }
        return session
    }

    @Test(arguments: [
        ("zh-Hans", ["有人打电话来催款", "没有", "分期乐", "没有账号", "不是我的名字，他们找一个叫李明的人", "就打了一次"], "建议", "经过"),
        ("zh-Hant", ["有人打電話來催款", "沒有", "分期樂", "沒有帳號", "不是我的名字，他們找一個叫李明的人", "只打了一次"], "建議", "經過"),
        ("en", ["Someone keeps texting me about a loan", "no", "Paipaidai", "no account", "no, it's someone else's name", "a stranger", "just once"], "advice", "what happened"),
    ])
    func afterTheAdviceTheLabelIsTheAdvicesAndAfterRestartTheQuestions(_ language: String, _ lines: [String], _ advice: String, _ story: String) throws {
        let assistant = Self.assistant
        let asking = Self.play(Array(lines.dropLast()), language: language)
        let question = try #require(assistant.promptLabel(for: asking))
        #expect(question != advice)
        var session = Self.play(lines, language: language)
        #expect(assistant.dialog.states.first { $0.id == session.current }?.isEnd == true)
        #expect(assistant.promptLabel(for: session) == advice)
        // "restart?" waits for its yes: the question on screen is that one, not the advice's.
        session = assistant.respond(to: language == "en" ? "restart" : (language == "zh-Hant" ? "重新開始" : "重新开始"), in: session).session
        #expect(assistant.promptLabel(for: session) == nil)
        session = assistant.respond(to: language == "en" ? "yes" : "是", in: session).session
        #expect(assistant.promptLabel(for: session) == story)
    }
}
