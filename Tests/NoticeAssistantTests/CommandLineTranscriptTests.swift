import Foundation
import NoticeAssistant
import Testing

/// Transcripts as help-desk staff meet them: written by the real program, through pipes, interrupted by signals.
@Suite(.serialized)
struct CommandLineTranscriptTests {
    let dialog = PackagePaths.root.appendingPathComponent("Dialogs/notice-help").path

    @Test func aScriptedSessionWritesEveryRecordInOrder() throws {
        let dir = try TemporaryFolder()
        let transcript = dir.url.appendingPathComponent("session.jsonl").path
        let result = try Executable.run(
            ["chat", "--plain", "--dialog", dialog, "--transcript", transcript],
            input: "我收到优品商城的短信，说我逾期十五天，可我从来没注册过，手机号13812345678\n没有\n是我的名字\n没有\n")
        #expect(result.status == 0)
        let records = try TranscriptReader().read(contentsOf: URL(fileURLWithPath: transcript)).records
        #expect(records.first?.type == "start")
        #expect(records.last?.type == "end")
        guard case .start(let start) = records[0] else { Issue.record("no start record"); return }
        #expect(start.dialogID == "notice-help")
        #expect(start.mode == .interactive)
        let turns = records.compactMap { record -> TranscriptRecord.Turn? in
            if case .turn(let turn) = record { return turn }
            return nil
        }
        #expect(turns.map(\.number) == [1, 2, 3, 4])
        #expect(turns[0].stateBefore == "describe")
        #expect(turns[0].userLine?.contains("138****5678") == true)
        #expect(turns[0].userLine?.contains("13812345678") == false)
        #expect(turns[0].slotsChanged.contains { $0.slot == "platform" && $0.new == "优品商城" })
        let raw = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(!raw.contains("13812345678"), "the unmasked number must never reach the file")
        guard case .end(let end) = records.last! else { Issue.record("no end record"); return }
        #expect(end.reason == .endOfInput)
        #expect(end.finalSlots["platform"] == "优品商城")
        let mode = try FileManager.default.attributesOfItem(atPath: transcript)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func aSignalEndsTheSessionWithAnEndRecord(signal: Int32) throws {
        let dir = try TemporaryFolder()
        let transcript = dir.url.appendingPathComponent("signal.jsonl").path
        let process = try Executable.start(["chat", "--plain", "--dialog", dialog, "--transcript", transcript])
        try process.send("我收到花呗的短信说我逾期了\n")
        try process.waitForRecords(in: transcript, count: 2)
        kill(process.process.processIdentifier, signal)
        try process.waitForExit()
        let records = try TranscriptReader().read(contentsOf: URL(fileURLWithPath: transcript)).records
        guard case .end(let end) = records.last else { Issue.record("no end record after signal \(signal)"); return }
        #expect(end.reason == .signal)
        #expect(records.contains { $0.type == "turn" })
    }

    @Test func killDashNineLeavesAFileThatParsesToTheLastTurn() throws {
        let dir = try TemporaryFolder()
        let transcript = dir.url.appendingPathComponent("killed.jsonl").path
        let process = try Executable.start(["chat", "--plain", "--dialog", dialog, "--transcript", transcript])
        try process.send("我收到花呗的短信说我逾期了\n")
        try process.waitForRecords(in: transcript, count: 2)
        try process.send("没有\n")
        try process.waitForRecords(in: transcript, count: 3)
        kill(process.process.processIdentifier, SIGKILL)
        try process.waitForExit()
        let contents = try TranscriptReader().read(contentsOf: URL(fileURLWithPath: transcript))
        #expect(contents.warnings.isEmpty)
        #expect(contents.records.map(\.type) == ["start", "turn", "turn"])
    }

    @Test func aTranscriptBecomesATestThatPassesAndThenCatchesAChange() throws {
        let dir = try TemporaryFolder()
        let transcript = dir.url.appendingPathComponent("recorded.jsonl").path
        let lines = "I got a text from Huabei saying I'm 15 days overdue\nno\nyes, it's my name\nyes\nyes\nno\nyes\nno\nno\nno\nno\n"
        _ = try Executable.run(["chat", "--plain", "--lang", "en", "--dialog", dialog, "--transcript", transcript], input: lines)
        let testFile = dir.url.appendingPathComponent("recorded.yaml").path
        let made = try Executable.run(["transcript", "to-test", transcript, "--output", testFile])
        #expect(made.status == 0)
        let passing = try Executable.run(["test", dialog, "--file", testFile])
        #expect(passing.status == 0, "\(passing.output)")
        #expect(passing.output.contains("1 passed, 0 failed"))

        // The same conversation against an edited dialog: the test now fails and says where.
        let edited = dir.url.appendingPathComponent("edited")
        try FileManager.default.copyItem(atPath: dialog, toPath: edited.path)
        let states = edited.appendingPathComponent("states.yaml")
        var text = try String(contentsOf: states, encoding: .utf8)
        text = text.replacingOccurrences(of: "limit: 3", with: "limit: 1")
        try text.write(to: states, atomically: true, encoding: .utf8)
        var yaml = try String(contentsOfFile: testFile, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "state: \"ask_scam\"", with: "state: \"ask_channel\"")
        try yaml.write(toFile: testFile, atomically: true, encoding: .utf8)
        let failing = try Executable.run(["test", edited.path, "--file", testFile])
        #expect(failing.status != 0)
        #expect(failing.output.contains("expected state"))
    }

    @Test func aResumedSessionKeepsItsAnswersAndSaysWhenTheDialogChanged() throws {
        let dir = try TemporaryFolder()
        let copy = dir.url.appendingPathComponent("dialog")
        try FileManager.default.copyItem(atPath: dialog, toPath: copy.path)
        let transcript = dir.url.appendingPathComponent("first.jsonl").path
        _ = try Executable.run(["chat", "--plain", "--dialog", copy.path, "--transcript", transcript],
                                input: "我收到优品商城的短信，说我逾期十五天了\n没有\n")
        // Edit the dialog: its content hash changes.
        let messages = copy.appendingPathComponent("messages.yaml")
        try (try String(contentsOf: messages, encoding: .utf8) + "\n# edited\n").write(to: messages, atomically: true, encoding: .utf8)
        let resumed = try Executable.run(["chat", "--plain", "--dialog", copy.path, "--no-transcript", "--resume", transcript],
                                          input: "summary\n")
        #expect(resumed.status == 0)
        #expect(resumed.output.contains("已从对话记录恢复"))
        #expect(resumed.output.contains("对话规则在这之后改过"))
        #expect(resumed.output.contains("优品商城"))
        #expect(!resumed.output.contains("请用自己的话"), "the opening question was already answered")
    }

    @Test func anUnwritableTranscriptRefusesToStartInAPipe() throws {
        let result = try Executable.run(["chat", "--plain", "--dialog", dialog, "--transcript", "/proc/no-such-dir/t.jsonl"], input: "你好\n")
        #expect(result.status == 1)
        #expect(result.error.contains("--no-transcript"))
    }
}
