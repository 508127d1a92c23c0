import Foundation
import Testing

@testable import Transcript

@Suite struct TranscriptRendererTests {
    let records = Fixtures.session.map { $0.redacted(by: Redactor()) }

    @Test(arguments: TranscriptRenderer.Format.allCases)
    func showsHeaderConversationSlotsAndReasons(_ format: TranscriptRenderer.Format) {
        let text = TranscriptRenderer(format: format).render(records)
        for expected in [
            "3f9a1c", "notice-help", "zh-Hans", "2026-11-24T21:30:05.000Z", "2026-11-24T21:30:36.000Z", "completed",
            "用户/User:", "我收到优品商城的短信说逾期十五天了", "助手/Assistant:", "逾期多少天了？",
            "您好，我可以帮您看看收到的还款通知。", "您是怎么收到通知的？", "Intent: help",
            "优品商城", "15天", "在官方App核实欠款", "通知来自短信，可能是冒充",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        #expect(!text.contains("13812345678"))
        #expect(!text.contains("no end record"))
    }

    /// A restart starts a new case: the recommendations shown as the advice are those since it, and the old case's
    /// are set apart as no longer in force. A line the assistant found nothing in is marked for the reader.
    @Test(arguments: TranscriptRenderer.Format.allCases)
    func restartSetsTheOldAdviceApartAndUnansweredTurnsAreMarked(_ format: TranscriptRenderer.Format) throws {
        let restart = TranscriptRecord.turn(
            .init(
                time: Fixtures.time(plus: 40_000), number: 0, stateBefore: "advice", stateAfter: "describe", userLine: "是",
                assistantMessages: ["好的，我们从头开始。"], restarted: true))
        let gibberish = TranscriptRecord.turn(
            .init(
                time: Fixtures.time(plus: 41_000), number: 1, stateBefore: "describe", stateAfter: "ask_scam", userLine: "啊啊啊",
                assistantMessages: ["对方有没有让您转账？"], understood: false))
        let newAdvice = TranscriptRecord.recommendation(
            .init(time: Fixtures.time(plus: 42_000), situations: ["wrong_number"],
                  remedies: [.init(id: "third_party_stop", title: "书面要求停止联系您", reasons: ["不认识借款人"])]))
        let records = [Fixtures.start, Fixtures.firstAnswer, Fixtures.recommendation, restart, gibberish, newAdvice, Fixtures.end]
        let text = TranscriptRenderer(format: format).render(records)
        let current = try #require(text.range(of: "Recommendations\n", options: .regularExpression))
        let old = try #require(text.range(of: "Recommendations before the restart at 21:30:45"))
        #expect(current.lowerBound < old.lowerBound)
        let now = String(text[current.upperBound..<old.lowerBound])
        #expect(now.contains("书面要求停止联系您"))
        #expect(!now.contains("在官方App核实欠款"))
        #expect(text[old.upperBound...].contains("在官方App核实欠款"))
        #expect(text.contains("Not understood: the assistant found no answer, fact, question or command in this line"))
        #expect(text.contains("Restarted: the advice before this turn no longer stands"))
        // `back` right after the restart: the old case's advice stands again.
        let undo = TranscriptRecord.turn(
            .init(
                time: Fixtures.time(plus: 40_500), number: 1, stateBefore: "describe", stateAfter: "advice", userLine: "返回",
                assistantMessages: ["已撤销重新开始。"], intent: "back", restarted: false))
        let undone = TranscriptRenderer(format: format).render([Fixtures.start, Fixtures.firstAnswer, Fixtures.recommendation, restart, undo, Fixtures.end])
        #expect(!undone.contains("Recommendations before the restart"))
        #expect(undone.contains("在官方App核实欠款"))
        #expect(undone.contains("Restart undone"))
        // Without a restart, everything stays under "Recommendations" and nothing is marked.
        let plain = TranscriptRenderer(format: format).render(Fixtures.session)
        #expect(!plain.contains("before the restart"))
        #expect(!plain.contains("Not understood"))
    }

    /// A turn with an alert (a topic's `alert`, such as thoughts of ending one's life) is marked where it happened and
    /// listed in the header, so the help desk finds the sessions that need a call back first.
    @Test(arguments: TranscriptRenderer.Format.allCases)
    func alertsAreMarkedAndListedInTheHeader(_ format: TranscriptRenderer.Format) throws {
        let crisis = TranscriptRecord.turn(
            .init(
                time: Fixtures.time(plus: 41_000), number: 2, stateBefore: "ask_scam", stateAfter: "ask_scam", userLine: "我不想活了",
                assistantMessages: ["先说最要紧的：您的安全比任何欠款都重要。"], alerts: ["提到了轻生的念头"]))
        let text = TranscriptRenderer(format: format).render([Fixtures.start, Fixtures.firstAnswer, crisis, Fixtures.end])
        let header = try #require(text.range(of: "turn 2: 提到了轻生的念头"))
        let mark = try #require(text.range(of: "Alert:"))
        #expect(header.lowerBound < mark.lowerBound, "the header lists it before the turn that marks it")
        #expect(!TranscriptRenderer(format: format).render(Fixtures.session).contains("Alert"))
    }

    @Test func plainTextIndentsContinuationLines() {
        let text = TranscriptRenderer(format: .plainText).render(records)
        #expect(text.contains("  用户/User: 我收到优品商城的短信说逾期十五天了，我电话138****5678\n"))
        #expect(text.contains("  助手/Assistant: 您好，我可以帮您看看收到的还款通知。\n                  您是怎么收到通知的？\n"))
        #expect(text.contains("  Slot platform: — → 优品商城\n"))
        #expect(text.contains("  1. 在官方App核实欠款 (verify_in_app)\n     - 通知来自短信，可能是冒充\n"))
        #expect(text.contains("Outcome:  completed\n"))
    }

    @Test func markdownEscapesWhatMarkdownWouldInterpret() {
        let text = TranscriptRenderer(format: .markdown).render(records)
        #expect(text.contains(#"**用户/User:** 我收到优品商城的短信说逾期十五天了，我电话138\*\*\*\*5678"#))
        #expect(text.contains("> 逾期多少天了？"))
        #expect(text.contains(#"| overdue\_days | 15天 |"#))
        #expect(text.contains(#"1. **在官方App核实欠款** (verify\_in\_app)"#))
        #expect(text.contains("## Recommendations"))
    }

    @Test(arguments: TranscriptRenderer.Format.allCases)
    func neutralizesTerminalAndBidiControls(_ format: TranscriptRenderer.Format) {
        let record = TranscriptRecord.turn(
            .init(
                time: Fixtures.startTime, number: 1, stateBefore: "a", stateAfter: "b",
                userLine: "\u{1B}[2J\u{1B}[31m红\u{202E}exe.txt\r覆盖", assistantMessages: ["<script>[x](http://e.com)"]))
        let text = TranscriptRenderer(format: format).render([Fixtures.start, record])
        #expect(!text.unicodeScalars.contains { [0x1B, 0x202E, 0x0D].contains($0.value) })
        #expect(text.contains("⟨U+001B⟩"))
        #expect(text.contains("⟨U+202E⟩"))
        if format == .markdown {
            #expect(text.contains(#"\<script\>\[x\](http://e.com)"#))
        }
    }

    @Test func saysWhenASessionWasCutOff() throws {
        var data = try Fixtures.session.prefix(3).reduce(into: Data()) { $0 += try TranscriptLine.encode($1) }
        data += Data(#"{"type":"turn","sch"#.utf8)
        let contents = try TranscriptReader().read(data)
        let text = TranscriptRenderer().render(contents)
        #expect(text.contains("Outcome:  unknown (no end record)"))
        #expect(text.contains("line 4: the last record was cut off while being written"))
        #expect(text.contains("there is no end record"))
    }

    @Test func describesEachWayOfEnding() {
        let endings: [(TranscriptRecord.End.Reason, String?, String)] = [
            (.quit, nil, "the user quit"), (.endOfInput, nil, "the input ended"),
            (.signal, "SIGTERM", "stopped by a signal: SIGTERM"), (.error, "disk full", "stopped by an error: disk full"),
        ]
        for (reason, detail, expected) in endings {
            let end = TranscriptRecord.end(.init(time: Fixtures.startTime, reason: reason, detail: detail, finalSlots: [:]))
            #expect(TranscriptRenderer().render([Fixtures.start, end]).contains(expected))
        }
    }
}
