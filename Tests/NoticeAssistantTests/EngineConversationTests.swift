import Foundation
import NoticeAssistant
import Testing

// The engine's behaviour, through the embedding API, on the small dialog at Tests/DialogFilesTests/Fixtures/mini
// (not Dialogs/notice-help, which changes as the advice is written).

private let miniFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("DialogFilesTests/Fixtures/mini")

private let loadedMini = Result<Assistant, any Error> { try Assistant(folder: miniFolder) }

private func mini() throws -> Assistant { try loadedMini.get() }

/// One line per event, so a whole turn's output compares as one value and a failure shows what was said.
private func lines(_ events: [DialogEvent]) -> [String] {
    events.map { event in
        switch event {
        case .message(let id, let text): return "message(\(id)): \(text)"
        case .ask(let question): return "ask(\(question.state)#\(question.attempt)): \(question.text)"
        case .corrected(let change, let text): return "corrected(\(change.slot)): \(text)"
        case .markedUnknown(let slot, let text): return "unknown(\(slot)): \(text)"
        case .summary(let summary): return "summary: \(summary.text)"
        case .recommendation(let recommendation): return "recommendation: \(recommendation.remedies.map(\.id).joined(separator: ","))"
        case .draft(let id, _, let text): return "draft(\(id)): \(text)"
        case .languageChanged(let language, let text): return "language(\(language)): \(text)"
        case .ended(let reason, let text): return "ended(\(reason.rawValue)): \(text)"
        }
    }
}

/// A conversation: the session so far and the last reply.
private struct Chat {
    let assistant: Assistant
    var session: Session
    var reply: [String]

    init(_ assistant: Assistant, language: String? = nil) {
        self.assistant = assistant
        let (session, events) = assistant.start(language: language)
        self.session = session
        self.reply = lines(events)
    }

    @discardableResult
    mutating func say(_ line: String) -> [DialogEvent] {
        let (session, events) = assistant.respond(to: line, in: self.session)
        self.session = session
        reply = lines(events)
        return events
    }
}

// MARK: - Starting and mixed initiative

@Test func startSaysWelcomeAndAsksTheOpenQuestion() throws {
    let assistant = try mini()
    #expect(Chat(assistant).reply == ["message(welcome): 欢迎", "ask(describe#0): 请说说发生了什么。"])
    #expect(Chat(assistant, language: "zh-Hant").reply == ["message(welcome): 歡迎", "ask(describe#0): 請說說發生了什麼。"])
    #expect(Chat(assistant, language: "en").reply == ["message(welcome): Welcome", "ask(describe#0): What happened?"])
    // An undeclared language falls back to the default.
    let chat = Chat(assistant, language: "fr")
    #expect(chat.session.language == "zh-Hans")
    #expect(chat.session.current == "describe")
}

struct StoryCase: Sendable, CustomTestStringConvertible {
    var language: String
    var story: String
    var values: [String: SlotValue]
    var reply: [String]
    var testDescription: String { story }
}

private let stories: [StoryCase] = [
    StoryCase(language: "zh-Hans", story: "我收到优品商城的短信，说我逾期十五天了，但是我从来没注册过",
              values: ["channel": .choices(["sms"]), "platform": .text("优品商城"), "overdue_days": .number(15), "has_account": .no],
              reply: ["ask(ask_contacts#0): 他们联系了谁？"]),
    StoryCase(language: "zh-Hant", story: "我收到花唄的簡訊，說我逾期十五天，可是我從來沒註冊過",
              values: ["channel": .choices(["sms"]), "platform": .text("花呗"), "overdue_days": .number(15), "has_account": .no],
              reply: ["ask(ask_contacts#0): 他們聯繫了誰？"]),
    StoryCase(language: "en", story: "I got a text message from Huabei saying I am 15 days overdue, but I never registered",
              values: ["channel": .choices(["sms"]), "platform": .text("花呗"), "overdue_days": .number(15), "has_account": .no],
              reply: ["ask(ask_contacts#0): Whom did they contact?"]),
    // Only part of the story: the walk stops at the first question still open.
    StoryCase(language: "zh-Hans", story: "他们打电话给我了", values: ["channel": .choices(["call"])],
              reply: ["ask(ask_platform#0): 是哪个平台？"]),
    StoryCase(language: "en", story: "Nothing much", values: [:], reply: ["ask(ask_channel#0): How did the notice come?"]),
]

@Test(arguments: stories)
func mixedInitiativeSkipsFilledStates(_ c: StoryCase) throws {
    var chat = Chat(try mini(), language: c.language)
    chat.say(c.story)
    #expect(chat.session.values == c.values)
    #expect(chat.reply == c.reply)
    #expect(chat.session.heard == ["describe"])
    #expect(chat.session.said == ["welcome"])
}

// MARK: - Corrections and back

@Test func correctionReplacesTheValueAndRevisitsTheChangedBranch() throws {
    var chat = Chat(try mini())
    chat.say("你好")
    chat.say("短信")
    chat.say("花呗")
    chat.say("注册过")
    #expect(chat.reply == ["ask(ask_overdue#0): 逾期多少天了？"])
    let events = chat.say("其实我没注册过")
    #expect(chat.reply == ["corrected(has_account): 已把是否注册从是改为否", "ask(ask_contacts#0): 他们联系了谁？"])
    guard case .corrected(let change, _) = events.first else { Issue.record("no correction event"); return }
    #expect(change == SlotChange(slot: "has_account", old: .yes, new: .no))
    #expect(chat.session.values == ["channel": .choices(["sms"]), "platform": .text("花呗"), "has_account": .no])
    #expect(chat.session.current == "ask_contacts")
}

@Test func correctionOfAnEarlierAnswerKeepsThePendingQuestion() throws {
    var chat = Chat(try mini(), language: "en")
    chat.say("hello")
    chat.say("sms")
    chat.say("huabei")
    #expect(chat.reply == ["ask(ask_account#0): Did you register with huabei (花呗)?"])
    chat.say("it was a call actually")
    #expect(chat.reply == ["corrected(channel): Changed channel from text message to phone call", "ask(ask_account#0): Did you register with huabei (花呗)?"])
    #expect(chat.session.values == ["channel": .choices(["call"]), "platform": .text("花呗")])
}

/// The mini dialog loaded from a copy in which `file` is changed by `edit`.
private func miniEdited(_ name: String, _ file: String, _ edit: (String) -> String) throws -> Assistant {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mini-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.copyItem(at: miniFolder, to: folder)
    let url = folder.appendingPathComponent(file)
    try edit(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try Assistant(folder: folder, cache: nil)
}

/// The mini dialog with a lexicon `corrections` list: then an aside no longer changes an earlier answer.
private let loadedMiniWithCorrections = Result<Assistant, any Error> {
    try miniEdited("corrections", "lexicon.yaml") {
        $0.replacingOccurrences(of: "  commands:", with: "  corrections:\n    zh-Hans: [其实, 不对]\n    en: [actually]\n  commands:")
    }
}

@Test func anAsideKeepsTheEarlierAnswerWhenTheDialogListsCorrections() throws {
    var chat = Chat(try loadedMiniWithCorrections.get())
    chat.say("你好")
    chat.say("短信")
    chat.say("花呗")
    // Answering the account question, the person mentions a call in passing: the channel stays a text message.
    chat.say("注册过，他们也打过电话")
    #expect(chat.reply == ["ask(ask_overdue#0): 逾期多少天了？"])
    #expect(chat.session.values == ["channel": .choices(["sms"]), "platform": .text("花呗"), "has_account": .yes])
    // A correction word changes it, and says so.
    chat.say("其实是电话")
    #expect(chat.reply == ["corrected(channel): 已把通知方式从短信改为电话", "ask(ask_overdue#0): 逾期多少天了？"])
    #expect(chat.session.values["channel"] == .choices(["call"]))
}

@Test func denyingTheHeldValueCorrectsIt() throws {
    var chat = Chat(try loadedMiniWithCorrections.get(), language: "en")
    chat.say("hello")
    chat.say("sms")
    chat.say("huabei")
    chat.say("not a text message, they phoned")
    #expect(chat.reply == ["corrected(channel): Changed channel from text message to phone call", "ask(ask_account#0): Did you register with huabei (花呗)?"])
}

@Test func anAsideAddsToAMultipleChoiceQuietly() throws {
    var chat = Chat(try loadedMiniWithCorrections.get())
    chat.say("短信说我逾期十天，他们找了我家人")
    chat.say("花呗")
    chat.say("没注册过")
    #expect(chat.session.current == "advice")
    #expect(chat.session.values["contacts"] == .choices(["family"]))
    // After the advice, "they also called my colleagues" adds to who was contacted, without a "changed" line.
    chat.say("他们还打给了同事")
    #expect(chat.session.values["contacts"] == .choices(["colleagues", "family"]))
    #expect(!chat.reply.contains { $0.hasPrefix("corrected") })
    #expect(chat.session.values["channel"] == .choices(["sms"]))
}

@Test func withoutCorrectionsEveryMentionCorrects() throws {
    var chat = Chat(try mini())
    chat.say("你好")
    chat.say("短信")
    chat.say("花呗")
    chat.say("注册过，他们也打过电话")
    #expect(chat.reply == ["corrected(channel): 已把通知方式从短信改为电话", "ask(ask_overdue#0): 逾期多少天了？"])
}

/// The mini dialog with the messages that say several changes of one line in one sentence.
private let loadedMiniSayingChangesTogether = Result<Assistant, any Error> {
    try miniEdited("together", "messages.yaml") { $0 + """
      corrected_several: {zh-Hans: "已把{changes}", zh-Hant: "已把{changes}", en: "Changed {changes}"}
      corrected_change: {zh-Hans: "{slot}改为{new}", zh-Hant: "{slot}改為{new}", en: "{slot} to {new}"}
      corrected_separator: {zh-Hans: "，", zh-Hant: "，", en: ", "}

    """ }
}

@Test func aLineThatChangesTwoAnswersIsSaidBackInOneSentence() throws {
    var chat = Chat(try loadedMiniSayingChangesTogether.get())
    chat.say("你好")
    chat.say("短信")
    chat.say("花呗")
    chat.say("注册过")
    let events = chat.say("其实是电话，也没注册过")
    // One sentence for the person; each change still a typed record, with no text of its own.
    #expect(chat.reply == ["corrected(channel): ", "corrected(has_account): ", "message(corrected_several): 已把通知方式改为电话，是否注册改为否",
                           "ask(ask_contacts#0): 他们联系了谁？"])
    let changes = events.compactMap { if case .corrected(let change, _) = $0 { change } else { nil } }
    #expect(changes == [SlotChange(slot: "channel", old: .choices(["sms"]), new: .choices(["call"])),
                        SlotChange(slot: "has_account", old: .yes, new: .no)])
    // The protocol still sends one `corrected` per change, with its ids, and `text` "" (nothing to show).
    let first = ProtocolResponse(session: "t", event: .dialog(events[0])).json
    #expect(first["type"] as? String == "corrected")
    #expect(first["slot"] as? String == "channel" && first["old"] as? String == "sms" && first["new"] as? String == "call")
    #expect(first["text"] as? String == "")
    // One change is said as before, by `corrected`, its text on its own event.
    chat.say("其实是短信")
    #expect(chat.reply.first == "corrected(channel): 已把通知方式从电话改为短信")
}

@Test func aDialogWithoutTheJoinedSentenceSaysEachChange() throws {
    var chat = Chat(try mini())
    chat.say("你好")
    chat.say("短信")
    chat.say("花呗")
    chat.say("注册过")
    chat.say("其实是电话，也没注册过")
    #expect(chat.reply == ["corrected(channel): 已把通知方式从短信改为电话", "corrected(has_account): 已把是否注册从是改为否",
                           "ask(ask_contacts#0): 他们联系了谁？"])
}

@Test func backUndoesExactlyOneAnswer() throws {
    var chat = Chat(try mini())
    chat.say("你好")
    chat.say("短信")
    chat.say("花呗")
    #expect(chat.session.current == "ask_account")
    chat.say("返回")
    #expect(chat.reply == ["message(back_done): 已撤销：平台：花呗", "ask(ask_platform#0): 是哪个平台？"])
    #expect(chat.session.values == ["channel": .choices(["sms"])])
    chat.say("上一步")
    #expect(chat.reply == ["message(back_done): 已撤销：通知方式：短信", "ask(ask_channel#0): 您是怎么收到通知的？"])
    #expect(chat.session.values == [:])
    // The open question's answer, which filled no slot, is undone by its label.
    chat.say("back")
    #expect(chat.reply == ["message(back_done): 已撤销：经过", "ask(describe#0): 请说说发生了什么。"])
    #expect(chat.session.heard == [])
    chat.say("返回")
    #expect(chat.reply == ["message(back_nothing): 没有可撤销的回答", "ask(describe#0): 请说说发生了什么。"])
}

@Test func backAfterAStoryUndoesTheWholeLineButNotLaterAnswers() throws {
    var chat = Chat(try mini())
    chat.say("收到短信说我逾期十天")
    chat.say("花呗")
    chat.say("注册过")
    #expect(chat.session.values == ["channel": .choices(["sms"]), "overdue_days": .number(10), "platform": .text("花呗"), "has_account": .yes])
    #expect(chat.reply == ["message(advice): 以下是建议。", "recommendation: negotiate,check_source", "message(after_brief): 还可以输入总结"])
    chat.say("返回")
    #expect(chat.reply == ["message(back_done): 已撤销：是否注册：是", "ask(ask_account#0): 您在花呗注册过吗？"])
    #expect(chat.session.values == ["channel": .choices(["sms"]), "overdue_days": .number(10), "platform": .text("花呗")])
    #expect(!chat.session.advised)
}

// MARK: - Lines that answer nothing

@Test func noMatchRepromptsEscalateThenMarkUnknown() throws {
    var chat = Chat(try mini())
    chat.say("你好")
    chat.say("随便")
    #expect(chat.reply == ["ask(ask_channel#1): 是短信还是电话？"])
    #expect(chat.session.noMatchCount == 1)
    chat.say("哈哈")
    #expect(chat.reply == ["ask(ask_channel#2): 请回答短信或电话。"])
    chat.say("不告诉你")
    #expect(chat.reply == ["unknown(channel): 通知方式记为不清楚", "ask(ask_platform#0): 是哪个平台？"])
    #expect(chat.session.values == ["channel": .unknown])
    #expect(chat.session.noMatchCount == 0)
    // Unknown is an answer that `back` can undo.
    chat.say("返回")
    #expect(chat.reply == ["message(back_done): 已撤销：通知方式：不清楚", "ask(ask_channel#0): 您是怎么收到通知的？"])
    #expect(chat.session.values == [:])
}

@Test func stateWithoutRepromptsUsesTheNoMatchMessage() throws {
    var chat = Chat(try mini(), language: "en")
    chat.say("a text message")
    // A plain yes is no platform name.
    chat.say("yes")
    #expect(chat.reply == ["ask(ask_platform#1): I did not understand\nWhich platform?"])
    #expect(chat.session.values == ["channel": .choices(["sms"])])
}

@Test func hedgeMarksTheAskedSlotUnknown() throws {
    var chat = Chat(try mini())
    chat.say("收到短信")
    chat.say("不知道")
    #expect(chat.reply == ["unknown(platform): 平台记为不清楚", "ask(ask_account#0): 您在[平台]注册过吗？"])
    #expect(chat.session.values == ["channel": .choices(["sms"]), "platform": .unknown])
}

@Test func hedgeToAYesNoQuestionIsNotANo() throws {
    var chat = Chat(try mini())
    chat.say("收到花呗的短信")
    #expect(chat.session.current == "ask_account")
    chat.say("不清楚")
    #expect(chat.session.values["has_account"] == .unknown)
    #expect(chat.reply.first == "unknown(has_account): 是否注册记为不清楚")
}

@Test func questionIsNotAYes() throws {
    var chat = Chat(try mini())
    chat.say("收到花呗的短信")
    chat.say("是不是诈骗？")
    #expect(chat.session.values["has_account"] == nil)
    #expect(chat.reply == ["ask(ask_account#1): 没听懂\n您在花呗注册过吗？"])
}

// MARK: - Global commands

struct CommandCase: Sendable, CustomTestStringConvertible {
    var language: String
    var line: String
    /// The reply before the pending question is asked again.
    var reply: [String]
    var testDescription: String { "\(language): \(line)" }
}

private let prompts = ["zh-Hans": "ask(ask_platform#0): 是哪个平台？", "zh-Hant": "ask(ask_platform#0): 是哪個平台？",
                       "en": "ask(ask_platform#0): Which platform?"]
private let openers = ["zh-Hans": "收到短信", "zh-Hant": "收到簡訊", "en": "I got an SMS"]

/// Commands that leave the answers alone and ask the pending question again.
private let commandCases: [CommandCase] = [
    CommandCase(language: "zh-Hans", line: "帮助", reply: ["message(help): 帮助说明"]),
    CommandCase(language: "zh-Hans", line: "为什么", reply: ["message(why): 这有助于判断情况"]),
    CommandCase(language: "zh-Hans", line: "再说一遍", reply: []),
    CommandCase(language: "zh-Hans", line: "总结", reply: ["summary: 目前了解到\n- 通知方式：短信"]),
    CommandCase(language: "zh-Hans", line: "草稿", reply: ["message(drafts_header): not yet"]),
    CommandCase(language: "zh-Hant", line: "幫助", reply: ["message(help): 幫助說明"]),
    CommandCase(language: "zh-Hant", line: "為什麼", reply: ["message(why): 這有助於判斷情況"]),
    CommandCase(language: "zh-Hant", line: "再說一遍", reply: []),
    CommandCase(language: "zh-Hant", line: "總結", reply: ["summary: 目前了解到\n- 通知方式：簡訊"]),
    CommandCase(language: "zh-Hant", line: "範本", reply: ["message(drafts_header): not yet"]),
    CommandCase(language: "en", line: "help", reply: ["message(help): Help text"]),
    CommandCase(language: "en", line: "why", reply: ["message(why): It helps me tell your situation"]),
    CommandCase(language: "en", line: "repeat", reply: []),
    CommandCase(language: "en", line: "summary", reply: ["summary: So far\n- channel: text message"]),
    CommandCase(language: "en", line: "drafts", reply: ["message(drafts_header): not yet"]),
    // A command is the whole line, whatever its case, width, script, leading `:` or final punctuation.
    CommandCase(language: "en", line: ":HELP", reply: ["message(help): Help text"]),
    CommandCase(language: "en", line: "/help!", reply: ["message(help): Help text"]),
    CommandCase(language: "zh-Hans", line: "帮助。", reply: ["message(help): 帮助说明"]),
    CommandCase(language: "zh-Hans", line: "幫助", reply: ["message(help): 帮助说明"]),
    CommandCase(language: "zh-Hans", line: "ｈｅｌｐ", reply: ["message(help): 帮助说明"]),
    CommandCase(language: "zh-Hant", line: "summary", reply: ["summary: 目前了解到\n- 通知方式：簡訊"]),
]

@Test(arguments: commandCases)
func commandAsksThePendingQuestionAgain(_ c: CommandCase) throws {
    var chat = Chat(try mini(), language: c.language)
    chat.say(openers[c.language]!)
    chat.say(c.language == "en" ? "yes" : "嗯")  // answers nothing: one no-match
    let before = chat.session
    #expect(before.noMatchCount == 1)
    chat.say(c.line)
    #expect(chat.reply == c.reply + [prompts[c.language]!])
    // Neither the answers nor the no-match counter change.
    #expect(chat.session.values == before.values)
    #expect(chat.session.answers == before.answers)
    #expect(chat.session.noMatchCount == 1)
    #expect(chat.session.current == "ask_platform")
    #expect(chat.session.language == c.language)
}

@Test func whyGivesTheStatesOwnReason() throws {
    // The state's own reason, then which advice the answer decides.
    for (language, why, prompt) in [("zh-Hans", "为什么", "渠道决定核实办法。|decides “核实来源”|您是怎么收到通知的？"),
                                    ("zh-Hant", "為什麼", "管道決定核實辦法。|decides 「核實來源」|您是怎麼收到通知的？"),
                                    ("en", "why", "The channel decides how to check.|decides “Check the source”|How did the notice come?")] {
        var chat = Chat(try mini(), language: language)
        chat.say("…")
        chat.say(why)
        let parts = prompt.split(separator: "|").map(String.init)
        #expect(chat.reply == ["message(why): \(parts[0])\n\(parts[1])", "ask(ask_channel#0): \(parts[2])"], "\(language)")
    }
}

struct LanguageCase: Sendable, CustomTestStringConvertible {
    var from: String
    var line: String
    var to: String
    var testDescription: String { "\(from) → \(line)" }
}

private let languageCases: [LanguageCase] = [
    LanguageCase(from: "zh-Hans", line: "english", to: "en"),
    LanguageCase(from: "zh-Hans", line: "繁體", to: "zh-Hant"),
    LanguageCase(from: "zh-Hant", line: "简体", to: "zh-Hans"),
    LanguageCase(from: "zh-Hant", line: "English", to: "en"),
    LanguageCase(from: "en", line: "繁體中文", to: "zh-Hant"),
    LanguageCase(from: "en", line: "简体中文", to: "zh-Hans"),
    LanguageCase(from: "en", line: "zh-Hans", to: "zh-Hans"),
]

private let switched = ["zh-Hans": "已切换到简体中文", "zh-Hant": "已切換到繁體中文", "en": "Switched to English"]

@Test(arguments: languageCases)
func languageSwitchRenamesEverything(_ c: LanguageCase) throws {
    var chat = Chat(try mini(), language: c.from)
    chat.say(openers[c.from]!)
    chat.say(c.line)
    #expect(chat.reply == ["language(\(c.to)): \(switched[c.to]!)", prompts[c.to]!])
    #expect(chat.session.language == c.to)
    #expect(chat.session.values == ["channel": .choices(["sms"])])
}

private let confirmations = [
    "zh-Hans": "message(restart_confirm): 要重新开始吗？会清空1个回答。",
    "zh-Hant": "message(restart_confirm): 要重新開始嗎？會清除1個回答。",
    "en": "message(restart_confirm): Start over? 1 answers would be cleared.",
]

@Test(arguments: [("zh-Hans", "重新开始", "是", "重新开始了", "欢迎", "请说说发生了什么。"),
                  ("zh-Hant", "重新開始", "對", "重新開始了", "歡迎", "請說說發生了什麼。"),
                  ("en", "start over", "yes", "Started again", "Welcome", "What happened?")])
func restartAsksFirstThenClearsEverythingButTheLanguage(_ language: String, _ line: String, _ yes: String, _ restarted: String,
                                                       _ welcome: String, _ prompt: String) throws {
    var chat = Chat(try mini(), language: language)
    chat.say(openers[language]!)
    let before = chat.session
    chat.say(line)
    #expect(chat.reply == [confirmations[language]!], "answers would be lost: it asks, and asks nothing else")
    #expect(chat.session.values == before.values)
    #expect(chat.session.restartPending == true)
    chat.say(yes)
    #expect(chat.reply == ["message(restarted): \(restarted)", "message(welcome): \(welcome)", "ask(describe#0): \(prompt)"])
    #expect(chat.session.values == [:])
    #expect(chat.session.answers == [])
    #expect(chat.session.heard == [])
    #expect(chat.session.language == language)
    #expect(chat.session.current == "describe")
    #expect(chat.session.restartPending == nil)
}

@Test func restartWithNothingToLoseDoesNotAsk() throws {
    var chat = Chat(try mini(), language: "en")
    chat.say("start over")
    #expect(chat.reply == ["message(restarted): Started again", "message(welcome): Welcome", "ask(describe#0): What happened?"])
    #expect(chat.session.beforeRestart == nil, "nothing to bring back")
}

@Test func restartTwiceConfirms() throws {
    var chat = Chat(try mini(), language: "en")
    chat.say(openers["en"]!)
    chat.say("start over")
    chat.say("start over")
    #expect(chat.reply.first == "message(restarted): Started again")
    #expect(chat.session.values == [:])
}

@Test func aPlainNoKeepsTheAnswersAndAsksAgain() throws {
    var chat = Chat(try mini(), language: "en")
    chat.say(openers["en"]!)
    let before = chat.session
    chat.say("start over")
    chat.say("no")
    #expect(chat.reply.first == "message(restart_cancelled): OK, not starting over.")
    #expect(chat.reply.count == 2 && chat.reply[1].hasPrefix("ask(\(before.current!)#0)"), "\(chat.reply)")
    #expect(chat.session.values == before.values, "the no declined the restart; it did not answer the question")
    #expect(chat.session.restartPending == nil)
}

@Test func anotherLineDeclinesAndIsReadAsUsual() throws {
    var chat = Chat(try mini(), language: "en")
    chat.say(openers["en"]!)
    chat.say("start over")
    chat.say("summary")
    #expect(chat.reply.first == "message(restart_cancelled): OK, not starting over.")
    #expect(chat.reply.contains { $0.hasPrefix("summary:") }, "\(chat.reply)")
}

@Test(arguments: [("en", "start over", "yes", "back"), ("zh-Hans", "重新开始", "是的", "返回")])
func backUndoesARestart(_ language: String, _ restart: String, _ yes: String, _ back: String) throws {
    var chat = Chat(try mini(), language: language)
    chat.say(openers[language]!)
    let before = chat.session
    chat.say(restart)
    chat.say(yes)
    chat.say(back)
    #expect(chat.reply.first?.hasPrefix("message(restart_undone):") == true, "\(chat.reply)")
    #expect(chat.reply.last?.hasPrefix("ask(\(before.current!)#0)") == true, "the question that was open is asked again: \(chat.reply)")
    #expect(chat.session.values == before.values)
    #expect(chat.session.answers == before.answers)
    #expect(chat.session.beforeRestart == nil)
    chat.say(back)
    #expect(chat.session.values == [:], "a second back undoes the answer from before the restart")
}

@Test func backUndoesTheAnswersAfterARestartBeforeTheRestartItself() throws {
    var chat = Chat(try mini(), language: "en")
    chat.say(openers["en"]!)
    let before = chat.session
    chat.say("start over")
    chat.say("yes")
    chat.say("I got a call")
    chat.say("back")
    #expect(chat.reply.first?.hasPrefix("message(back_done)") == true, "\(chat.reply)")
    chat.say("back")
    #expect(chat.reply.first?.hasPrefix("message(restart_undone)") == true)
    #expect(chat.session.values == before.values)
}

@Test func aSnapshotWithoutTheRestartFieldsStillReads() throws {
    let assistant = try mini()
    var chat = Chat(assistant, language: "en")
    chat.say(openers["en"]!)
    let data = assistant.snapshot(chat.session)
    #expect(!String(decoding: data, as: UTF8.self).contains("restart"), "no restart, no new fields in the snapshot")
    #expect(try assistant.resume(from: data).session == chat.session)
}

@Test(arguments: [("zh-Hans", "退出", "再见"), ("zh-Hant", "結束", "再見"), ("en", "bye", "Goodbye")])
func quitEndsTheSession(_ language: String, _ line: String, _ goodbye: String) throws {
    var chat = Chat(try mini(), language: language)
    chat.say(openers[language]!)
    chat.say(line)
    #expect(chat.reply == ["ended(quit): \(goodbye)"])
    #expect(chat.session.ended)
    let after = chat.session
    chat.say("短信")
    #expect(chat.reply == [])
    #expect(chat.session == after)
}

/// The opener answered the open question and filled the channel: `back` undoes both, so the open question is asked again.
@Test(arguments: [("zh-Hans", "上一步", "已撤销：通知方式：短信", "请说说发生了什么。"),
                  ("zh-Hant", "上一步", "已撤銷：通知方式：簡訊", "請說說發生了什麼。"),
                  ("en", "undo", "Undone: channel: text message", "What happened?")])
func backInEveryLanguage(_ language: String, _ line: String, _ undone: String, _ prompt: String) throws {
    var chat = Chat(try mini(), language: language)
    chat.say(openers[language]!)
    chat.say(line)
    #expect(chat.reply == ["message(back_done): \(undone)", "ask(describe#0): \(prompt)"])
    #expect(chat.session.values == [:])
    #expect(chat.session.heard == [])
}

/// A thank-you and a goodbye in one short line is the goodbye (probe16 R24); a longer line, or no clause of its own, is not.
@Test(arguments: [("zh-Hans", "谢谢，退出", true), ("zh-Hans", "好的谢谢！退出！", true), ("zh-Hant", "多謝，結束", true),
                  ("en", "ok thanks, bye!", true), ("en", "Thanks! Bye", true), ("en", "thanks bye", false),
                  ("zh-Hans", "我今天收到一条短信说我在优品商城逾期了十五天，要我马上还款，可我从来没注册过，退出", false)])
func aGoodbyeClosingAShortLineEndsTheSession(_ language: String, _ line: String, _ ends: Bool) throws {
    var chat = Chat(try mini(), language: language)
    chat.say(openers[language]!)
    chat.say(line)
    #expect(chat.session.ended == ends)
}

@Test func commandInsideASentenceIsNotACommand() throws {
    var chat = Chat(try mini())
    chat.say("收到短信")
    chat.say("我想退出这个平台")
    #expect(!chat.session.ended)
    // Not taken as the name of the platform either: a line about the person ("我想…") is no name (probe16 R13).
    #expect(chat.session.values["platform"] == nil)
    #expect(chat.reply.last?.hasPrefix("ask(") == true)
}

// MARK: - Advice

@Test func remediesFollowTheirOrderWithReasons() throws {
    var chat = Chat(try mini())
    chat.say("我收到优品商城的短信，说我逾期十五天了，但是我从来没注册过")
    let events = chat.say("没有打给家人，打给了同事")
    #expect(chat.session.values["contacts"] == .choices(["colleagues"]))
    #expect(chat.reply == ["message(advice): 以下是建议。", "recommendation: complain,dispute,check_source",
                           "message(after_brief): 还可以输入总结"])
    guard let recommendation = events.compactMap({ event -> Recommendation? in
        if case .recommendation(let r) = event { return r }
        return nil
    }).first else { Issue.record("no recommendation"); return }
    #expect(recommendation.situations.map(\.id) == ["not_my_debt", "harassed"])
    #expect(recommendation.remedies.map(\.reasons) == [["联系了谁：同事"], ["是否注册：否"], ["通知方式：短信"]])
    #expect(recommendation.remedies.map(\.steps) == [["拨打12378"], ["向优品商城申诉"], ["打官方电话核实"]])
    // First what to do now (the situation and "first" on one line, at most three steps, each its title and its
    // short sentence or first step, the safety lines of the steps once, and how to open one: they are all the steps
    // there are)…
    #expect(recommendation.text == """
        found 可能被冒用；联系了第三方first
        1. 投诉骚扰：打12378投诉
        2. 提出申诉：向优品商城申诉
        3. 核实来源：打官方电话核实
        记住：不付钱
        step 1
        """)
    // …and on `all` (or `more`, which has nothing left to add), every step in full, the reasons once at the foot.
    #expect(recommendation.details == """
        found 可能被冒用；联系了第三方

        建议

        1. 投诉骚扰
           - 拨打12378
           渠道：12378

        2. 提出申诉
           - 向优品商城申诉
           准备：短信截图

        3. 核实来源
           - 打官方电话核实

        因为：联系了谁：同事；是否注册：否；通知方式：短信
        """)
    #expect(chat.session.advised)

    // After the advice: a line that is not a command, the summary, a draft by its trigger, repeat.
    chat.say("谢谢")
    #expect(chat.reply == ["message(after_end): 对话已结束"])
    chat.say("总结")
    #expect(chat.reply == ["""
        summary: 目前了解到
        - 通知方式：短信
        - 平台：优品商城
        - 是否注册：否
        - 逾期天数：15
        - 联系了谁：同事
        情况
        - 可能被冒用
        - 联系了第三方
        建议
        1. 投诉骚扰
        2. 提出申诉
        3. 核实来源
        """])
    chat.say("申诉稿")
    #expect(chat.reply == ["draft(dispute_letter): 致优品商城：我从未注册。"])
    chat.say("再说一遍")
    #expect(chat.reply == ["recommendation: complain,dispute,check_source"])
}

/// The advice in depths: a number opens one step in full with the answers behind it, `why` says once which answer led
/// to which step, and `more` with nothing left off the first screen gives the whole list.
@Test func aStepOpensByItsNumberAndWhySaysTheReasonsOnce() throws {
    var chat = Chat(try mini())
    chat.say("我收到优品商城的短信，说我逾期十五天了，但是我从来没注册过")
    chat.say("没有打给家人，打给了同事")
    chat.say("第二步")
    #expect(chat.reply == ["message(step_header): step 2: 提出申诉\n- 向优品商城申诉\n准备：短信截图\n因为：是否注册：否\n3 steps"])
    chat.say("3")
    #expect(chat.reply == ["message(step_header): step 3: 核实来源\n- 打官方电话核实\n因为：通知方式：短信\n3 steps"])
    chat.say("第9步")
    #expect(chat.reply == ["message(step_header): only 3 steps"])
    chat.say("为什么")
    #expect(chat.reply == ["message(why_advice): because\n- 联系了谁：同事 → step 1\n- 是否注册：否 → step 2\n- 通知方式：短信 → step 3"])
    chat.say("more")
    #expect(chat.reply.count == 1 && chat.reply[0].hasPrefix("message(all): found 可能被冒用"), "\(chat.reply)")
    // Once the whole list has been shown, a further `more` says in a line that that was all, not the list again.
    #expect(chat.session.listedSteps == 4)
    chat.say("more")
    #expect(chat.reply == ["message(more_done): all 3 shown"])
    chat.say("more")
    #expect(chat.reply == ["message(more_done): all 3 shown"])
}

@Test func yesBranchGivesOtherRemedies() throws {
    var chat = Chat(try mini(), language: "en")
    chat.say("Huabei phoned me")
    chat.say("yes")
    #expect(chat.reply == ["ask(ask_overdue#0): How many days overdue?"])
    let events = chat.say("20")
    #expect(chat.session.values == ["channel": .choices(["call"]), "platform": .text("花呗"), "has_account": .yes, "overdue_days": .number(20)])
    let recommendation = events.compactMap { event -> Recommendation? in
        if case .recommendation(let r) = event { return r }
        return nil
    }.first
    #expect(recommendation?.remedies.map(\.id) == ["negotiate", "check_source"])
    #expect(recommendation?.remedies.first?.reasons == ["registered: yes", "days overdue: 20"])
    #expect(recommendation?.remedies.first?.steps == ["Call huabei (花呗)"])
    #expect(recommendation?.situations == [])
}

// MARK: - Sessions are values

@Test func sessionRoundTripsThroughJSON() throws {
    let assistant = try mini()
    var chat = Chat(assistant)
    chat.say("收到优品商城的短信，说我逾期十五天")
    chat.say("哈哈")
    let session = chat.session
    #expect(session.values["has_account"] == nil)
    #expect(session.noMatchCount == 1)

    let data = try JSONEncoder().encode(session)
    let decoded = try JSONDecoder().decode(Session.self, from: data)
    #expect(decoded == session)

    let original = assistant.respond(to: "没注册过", in: session)
    let restored = assistant.respond(to: "没注册过", in: decoded)
    #expect(restored.session == original.session)
    #expect(restored.events == original.events)
    #expect(lines(restored.events) == ["ask(ask_contacts#0): 他们联系了谁？"])
}

@Test func stepIsPure() throws {
    let assistant = try mini()
    let chat = Chat(assistant)
    let first = assistant.respond(to: "收到短信", in: chat.session)
    let second = assistant.respond(to: "收到短信", in: chat.session)
    #expect(first.session == second.session)
    #expect(first.events == second.events)
    #expect(chat.session.values == [:])
}

// MARK: - Lines that answer something else

@Test func textQuestionDoesNotTakeALineThatAnsweredAnotherSlot() throws {
    var chat = Chat(try mini())
    chat.say("收到短信")
    chat.say("他们还打给了我同事")
    #expect(chat.session.values == ["channel": .choices(["sms"]), "contacts": .choices(["colleagues"])])
    #expect(chat.reply == ["message(noted): noted 联系了谁：同事", "ask(ask_platform#0): 是哪个平台？"])
}

@Test func valueAfterUnknownIsNotACorrection() throws {
    var chat = Chat(try mini())
    chat.say("你好")
    for line in ["随便", "哈哈", "不告诉你"] { chat.say(line) }
    #expect(chat.session.values == ["channel": .unknown])
    chat.say("其实是短信")
    // Not announced as a correction; taken, and said as taken before the platform question comes again.
    #expect(chat.reply == ["message(noted): noted 通知方式：短信", "ask(ask_platform#0): 是哪个平台？"])
    #expect(chat.session.values == ["channel": .choices(["sms"])])
    #expect(chat.session.answers.last?.changes == [SlotChange(slot: "channel", old: .unknown, new: .choices(["sms"]))])
}

@Test func copulaIsNotAYes() throws {
    var chat = Chat(try mini())
    chat.say("收到短信")
    chat.say("花呗")
    #expect(chat.session.current == "ask_account")
    chat.say("是花呗发的短信")
    #expect(chat.session.values["has_account"] == nil)
    #expect(chat.session.values["platform"] == .text("花呗"))
}

@Test(arguments: ["", "   ", "\u{200B}\u{FEFF}"])
func emptyLineAsksAgainWithoutCounting(_ line: String) throws {
    var chat = Chat(try mini())
    chat.say("收到短信")
    chat.say("嗯")
    let before = chat.session
    chat.say(line)
    #expect(chat.reply == ["ask(ask_platform#0): 是哪个平台？"])
    #expect(chat.session == before)
}
