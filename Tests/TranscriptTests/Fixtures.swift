import Foundation

@testable import Transcript

/// A short session as the CLI would record it, with personal data the caller forgot to redact.
enum Fixtures {
    /// 2026-11-24T21:30:05Z.
    static let startTime = Date(timeIntervalSince1970: 1_795_555_805)

    static func time(plus milliseconds: Int) -> Date {
        Date(timeIntervalSince1970: (1_795_555_805_000 + Double(milliseconds)) / 1000)
    }

    static let start = TranscriptRecord.start(
        .init(
            time: startTime, programVersion: "0.1.0", dialogID: "notice-help", dialogVersion: "1.0.0",
            dialogContentHash: "sha256:9f86d081884c7d659a2feaa0c55ad015", language: "zh-Hans", mode: .interactive,
            sessionID: "3f9a1c"))

    static let greeting = TranscriptRecord.turn(
        .init(
            time: time(plus: 10), number: 0, stateBefore: "start", stateAfter: "ask_channel", userLine: nil,
            assistantMessages: ["您好，我可以帮您看看收到的还款通知。\n您是怎么收到通知的？"]))

    static let firstAnswer = TranscriptRecord.turn(
        .init(
            time: time(plus: 12_345), number: 1, stateBefore: "ask_channel", stateAfter: "ask_overdue",
            userLine: "我收到优品商城的短信说逾期十五天了，我电话13812345678",
            assistantMessages: ["好的，短信来自优品商城。", "逾期多少天了？"],
            slotsChanged: [
                .init(slot: "channel", old: nil, new: "短信"),
                .init(slot: "platform", old: nil, new: "优品商城"),
                .init(slot: "phone", old: nil, new: "13812345678"),
            ]))

    static let help = TranscriptRecord.turn(
        .init(
            time: time(plus: 20_000), number: 2, stateBefore: "ask_overdue", stateAfter: "ask_overdue", userLine: "帮助",
            assistantMessages: ["我问逾期天数，是为了判断催收是否合规。"], intent: "help"))

    static let recommendation = TranscriptRecord.recommendation(
        .init(
            time: time(plus: 30_000), situations: ["overdue_short", "harassment"],
            remedies: [
                .init(
                    id: "verify_in_app", title: "在官方App核实欠款",
                    reasons: ["通知来自短信，可能是冒充", "平台：优品商城"]),
                .init(id: "complain_12378", title: "向12378投诉催收", reasons: ["催收方打了13812345678以外的电话"]),
            ]))

    static let end = TranscriptRecord.end(
        .init(
            time: time(plus: 31_000), reason: .completed,
            finalSlots: ["channel": "短信", "platform": "优品商城", "overdue_days": "15天", "phone": "13812345678"]))

    static let session = [start, greeting, firstAnswer, help, recommendation, end]

    /// A fresh directory under the system's temporary directory, removed when `body` returns.
    static func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("transcript-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }
}
