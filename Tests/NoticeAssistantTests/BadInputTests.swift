@testable import DialogCore
import Foundation
import NoticeAssistant
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Bad input at every door: what a person pipes or types into the command line, and what a volunteer (or an
/// attacker) puts in a dialog folder. Each case gets a clear message, a non-zero exit where it is fatal, no crash,
/// no raw control sequence echoed back, and nothing already written is lost.
///
/// The command-line cases drive the built `notice-assistant` binary (next to the test bundle) through pipes.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct BadInputTests {
    // MARK: - Lines through the pipe

    @Test func invalidUTF8IsRepairedNotFatal() throws {
        var input = Data("短信\n".utf8)
        input += Data([0xFF, 0xFE, 0x0A])                       // bytes that are never UTF-8
        input += Data([0xE7, 0x9F, 0x0A])                       // a truncated three-byte sequence
        input += Data([0xC0, 0xAF, 0xED, 0xA0, 0x80, 0x0A])     // an overlong '/' and an encoded surrogate
        input += Data([0xE4, 0xB8]) + Data("没有\n".utf8)        // a broken character glued to a real answer
        input += Data("quit\n".utf8)
        let result = try BadInputCLI.chat(input)
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(String(data: result.stdout, encoding: .utf8) != nil, "the output must be valid UTF-8")
        #expect(result.stdoutText.contains(BadInputCLI.goodbye), "the conversation went on to the quit")
    }

    @Test func nulBytesInALine() throws {
        let result = try BadInputCLI.chat(Data("短\u{0}信\n\u{0}\u{0}\u{0}\n没有\u{0}\nquit\n".utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(!result.stdout.contains(0), "a NUL byte reached the output")
        #expect(result.stdoutText.contains(BadInputCLI.goodbye))
    }

    @Test func aTenMegabyteLine() throws {
        var input = Data("我收到优品商城的短信".utf8)
        input += Data(repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024)
        input += Data("\n短信\nquit\n".utf8)
        let result = try BadInputCLI.chat(input)
        #expect(result.status == 0, "\(result.stderrText.prefix(500))")
        #expect(result.stderrText.contains("太长") || result.stderrText.contains("too long"), "the cut line is announced: \(result.stderrText.prefix(300))")
        #expect(result.stdout.count < 256 * 1024, "the reply echoed megabytes (\(result.stdout.count) bytes)")
        #expect(result.stdoutText.contains(BadInputCLI.goodbye))
    }

    /// A message longer than the engine reads (but far shorter than the reader's cut) is announced too: its end, where
    /// a long pasted story may say "I already sent the money", would otherwise be lost without a word.
    @Test func aLineLongerThanTheEngineReadsIsAnnounced() throws {
        let long = "我在分期乐逾期了。" + String(repeating: "很长的话", count: 1_250) + "我已经把5000转到他个人账户了"
        let result = try BadInputCLI.chat(Data((long + "\nquit\n").utf8))
        #expect(result.status == 0, "\(result.stderrText.prefix(500))")
        #expect(result.stderrText.contains("太长") || result.stderrText.contains("too long"), "the unread end is announced: \(result.stderrText.prefix(300))")
        let short = try BadInputCLI.chat(Data("我在分期乐逾期了\nquit\n".utf8))
        #expect(!short.stderrText.contains("太长") && !short.stderrText.contains("too long"))
    }

    @Test func escapeSequencesAndControlCodesAreNeverEchoed() throws {
        let lines = [
            "\u{1B}[2J\u{1B}[H我收到\u{1B}[31m【优品商城】\u{1B}[0m的短信",    // clear screen, colour, inside a captured name
            "\u{1B}]0;pwned\u{07}短信",                                          // OSC: retitle the window
            "\u{1B}P1;2q\u{1B}\\没有",                                           // DCS
            "\u{9B}31m\u{8}\u{8}\u{7}\u{7F}不知道",                              // C1 CSI, backspaces, bell, DEL
            "\u{1B}cpla\u{1B}[1mtform\u{1B}[0m 商城",                           // reset terminal; as a text answer
            "总结", "quit",
        ]
        let result = try BadInputCLI.chat(Data(lines.joined(separator: "\n").utf8) + Data("\n".utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(!result.stdout.contains(0x1B), "an ESC byte reached stdout")
        #expect(!result.stderr.contains(0x1B), "an ESC byte reached stderr")
        #expect(!result.stdout.contains(0x07) && !result.stdout.contains(0x08) && !result.stdout.contains(0x7F))
        #expect(!result.stdoutText.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "a C1 control reached stdout")
        #expect(result.stdoutText.contains(BadInputCLI.goodbye))
    }

    @Test func bidiOverridesAreDropped() throws {
        // U+202E reverses what follows; U+2066/2069 isolate. A name shown back must not carry them.
        let result = try BadInputCLI.chat(Data("我收到【优品\u{202E}城商\u{202C}】的短信\n\u{2066}短信\u{2069}\n没有\n总结\nquit\n".utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        let bidi = result.stdoutText.unicodeScalars.filter { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
        #expect(bidi.isEmpty, "bidi controls reached the output: \(bidi.map { String($0.value, radix: 16) })")
    }

    @Test func emojiAndCombiningMarks() throws {
        let zalgo = "e" + String(String.UnicodeScalarView((0..<200).map { Unicode.Scalar(0x300 + UInt32($0 % 0x70))! }))
        let lines = ["😭😭 收到👨‍👩‍👧‍👦短信 🇨🇳", zalgo, "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇ 商城", "👍🏽", "没有", "总结", "quit"]
        let result = try BadInputCLI.chat(Data(lines.joined(separator: "\n").utf8) + Data("\n".utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(String(data: result.stdout, encoding: .utf8) != nil)
        #expect(result.stdoutText.contains(BadInputCLI.goodbye))
    }

    // MARK: - Dialog folders

    @Test func anEmptyDialogFolder() throws {
        let folder = try BadInputFolder()
        try expectRefused(folder.url, mentioning: "dialog.yaml")
    }

    @Test func aDialogFileThatIsAFolder() throws {
        let folder = try BadInputFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("dialog.yaml"), withIntermediateDirectories: true)
        try expectRefused(folder.url, mentioning: "folder")

        // An included file that is a folder.
        let other = try BadInputFolder(copying: BadInputCLI.fixture)
        try FileManager.default.removeItem(at: other.url.appendingPathComponent("body.yaml"))
        try FileManager.default.createDirectory(at: other.url.appendingPathComponent("body.yaml"), withIntermediateDirectories: true)
        try expectRefused(other.url, mentioning: "folder")
    }

    @Test(.enabled(if: getuid() != 0, "root reads every file, so permissions cannot make one unreadable"))
    func anUnreadableDialogFile() throws {
        let folder = try BadInputFolder(copying: BadInputCLI.fixture)
        let body = folder.url.appendingPathComponent("body.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: body.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: body.path) }
        try expectRefused(folder.url, mentioning: "permission")
    }

    @Test func aFiftyMegabyteDialogFile() throws {
        let folder = try BadInputFolder(copying: BadInputCLI.fixture)
        let body = folder.url.appendingPathComponent("body.yaml")
        let handle = try FileHandle(forWritingTo: body)
        try handle.seekToEnd()
        let chunk = Data(String(repeating: "# padding padding padding padding padding padding padding padding\n", count: 16_384).utf8)
        for _ in 0..<(50 * 1024 * 1024 / chunk.count + 1) { try handle.write(contentsOf: chunk) }
        try handle.close()
        let started = Date()
        try expectRefused(folder.url, mentioning: "MB")
        #expect(Date().timeIntervalSince(started) < 30, "a huge file must be refused before it is read")
    }

    @Test func billionLaughs() throws {
        let folder = try BadInputFolder(copying: BadInputCLI.fixture)
        var yaml = "messages:\n  lol0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...12 {
            yaml += "  lol\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        try yaml.write(to: folder.url.appendingPathComponent("laughs.yaml"), atomically: true, encoding: .utf8)
        try folder.include("laughs.yaml")
        try expectRefused(folder.url, mentioning: "anchors")
    }

    @Test func deeplyNestedYAML() throws {
        // Nesting that a recursive parser would follow until the stack runs out.
        let folder = try BadInputFolder(copying: BadInputCLI.fixture)
        let depth = 200_000
        let yaml = "messages:\n  deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        try yaml.write(to: folder.url.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)
        try folder.include("deep.yaml")
        try expectRefused(folder.url, mentioning: "deep.yaml")
    }

    @Test func aDeeplyNestedCondition() throws {
        let folder = try BadInputFolder(copying: BadInputCLI.fixture)
        let depth = 20_000
        let condition = String(repeating: "(", count: depth) + "has_account == yes" + String(repeating: ")", count: depth)
        let notChain = String(repeating: "not ", count: depth) + "has_account"
        let andChain = Array(repeating: "has_account == yes", count: depth).joined(separator: " and ")
        let yaml = "flags:\n  deep_flag:\n    when: \"\(condition)\"\n  deep_not:\n    when: \"\(notChain)\"\n  long_and:\n    when: \"\(andChain)\"\n"
        try yaml.write(to: folder.url.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)
        try folder.include("deep.yaml")
        try expectRefused(folder.url, mentioning: "deep.yaml")
    }

    /// The regression the condition fuzzer and `aDeeplyNestedCondition` found: a recursive-descent parser followed
    /// tens of thousands of parentheses until the stack ran out (SIGSEGV). Conditions now have a length and a nesting limit.
    @Test func theConditionParserRefusesHugeConditions() {
        let cases = [
            String(repeating: "(", count: 20_000) + "a" + String(repeating: ")", count: 20_000),
            String(repeating: "not ", count: 20_000) + "a",
            Array(repeating: "a == yes", count: 20_000).joined(separator: " or "),
            "a in [" + Array(repeating: "x", count: 20_000).joined(separator: ", ") + "]",
            String(repeating: "(", count: 20_000),
        ]
        for source in cases {
            #expect(throws: ConditionError.self) { try ConditionParser.parse(source) }
        }
        // What people write still parses: 30 levels, and a list of 200 values.
        #expect((try? ConditionParser.parse(String(repeating: "(", count: 30) + "a" + String(repeating: ")", count: 30))) != nil)
        #expect((try? ConditionParser.parse("a in [" + (0..<200).map { "v\($0)" }.joined(separator: ", ") + "]")) != nil)
    }

    /// Found by Scripts/fuzz (Fuzz/regressions/condition/huge-number): a number in a condition too large for an Int
    /// (`overdue_days <= 1111…115`, or 400 nines: infinity) trapped when the checker or the advice wrote it out
    /// (`Condition.Literal.text` converted every whole Double to Int). Such a dialog now loads or is refused with a
    /// message; it never crashes.
    @Test func hugeNumbersInConditions() throws {
        let huge = "1" + String(repeating: "1", count: 80) + "5"
        let slots = try DialogLoader.load(folder: BadInputCLI.fixture).dialog.slots
        for literal in [huge, "-" + huge, String(repeating: "9", count: 400), "99999999999999999999", "0.5"] {
            // What the language does not take (a minus sign, perhaps) is refused with an error; what it takes is checked.
            guard let condition = try? ConditionParser.parse("overdue_days <= \(literal) or notice_amount == \(literal)") else { continue }
            _ = ConditionChecker(slots: slots, flags: []).check(condition)
        }
        #expect((try? ConditionParser.parse("overdue_days <= \(huge)")) != nil)
        #expect(Condition.Literal.number(1e300).text == "1e+300")
        #expect(Condition.Literal.number(-.infinity).text == "-inf")
        #expect(Condition.Literal.number(1_200).text == "1200")

        let folder = try BadInputFolder(copying: BadInputCLI.fixture)
        let yaml = "flags:\n  huge_flag:\n    when: overdue_days <= \(huge) and notice_amount > \(huge)\n"
        try yaml.write(to: folder.url.appendingPathComponent("huge.yaml"), atomically: true, encoding: .utf8)
        try folder.include("huge.yaml")
        let check = try BadInputCLI.run(["check", folder.url.path], input: Data())
        #expect(check.exitedNormally, "check crashed on a huge number: \(check.stderrText.suffix(400))")
        let chat = try BadInputCLI.run(["chat", "--plain", "--no-transcript", "--lang", "en", "--dialog", folder.url.path],
                                       input: Data("I owe 800 yuan, 45 days overdue\nsummary\nquit\n".utf8))
        #expect(chat.exitedNormally, "chat crashed on a huge number: \(chat.stderrText.suffix(400))")
    }

    /// Every input in Fuzz/regressions once crashed a fuzz target; each is replayed here through the public API the
    /// target drove, so `swift test` keeps them fixed even where libFuzzer is not available.
    @Test func fuzzRegressionsStayFixed() throws {
        let regressions = BadInputCLI.testsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/regressions")
        func inputs(_ target: String) -> [Data] {
            let folder = regressions.appendingPathComponent(target)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            return names.compactMap { FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) }
        }
        let slots = try DialogLoader.load(folder: BadInputCLI.fixture).dialog.slots
        let conditions = inputs("condition")
        #expect(!conditions.isEmpty)
        for data in conditions {
            let source = String(decoding: data, as: UTF8.self)
            if let condition = try? ConditionParser.parse(source) {
                _ = ConditionChecker(slots: slots, flags: []).check(condition)
                _ = condition.names
            }
        }
        let assistant = try Assistant(folder: BadInputCLI.fixture)
        for data in inputs("engine") {
            var session = assistant.start().session
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).prefix(64) {
                session = assistant.respond(to: String(line), in: session).session
            }
        }
        for data in inputs("loader") where !data.isEmpty {
            // As Fuzz/LoaderFuzz.swift: the first byte picks which file of the fixture the rest replaces.
            let folder = try BadInputFolder(copying: BadInputCLI.fixture)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".yaml") }.sorted()
            try data.dropFirst().write(to: folder.url.appendingPathComponent(files[Int(data[data.startIndex]) % files.count]))
            _ = try? DialogLoader.load(folder: folder.url)
        }
        // As Fuzz/SnapshotFuzz.swift: a snapshot that resumes gives a session whose own snapshot resumes again.
        let snapshots = inputs("snapshot")
        #expect(!snapshots.isEmpty)
        for data in snapshots {
            guard var session = try? assistant.resume(from: data).session else { continue }
            for line in ["没有", "是", "返回", "hmm"] { session = assistant.respond(to: line, in: session).session }
            #expect(session.ended || (try? assistant.resume(from: assistant.snapshot(session))) != nil)
        }
        // As Fuzz/CacheFuzz.swift: an even first byte gives the entry itself, an odd one edits the fixture's entry.
        let valid = CompiledDialog(try DialogLoader.load(folder: BadInputCLI.fixture).dialog).binary()
        let line = Array(TextNormalizer.normalize("我没有在花呗借过钱，短信说逾期15天了，not mine").scalars)
        let caches = inputs("cache")
        #expect(!caches.isEmpty)
        for data in caches where !data.isEmpty {
            let input = [UInt8](data.dropFirst())
            var bytes = valid
            if data[data.startIndex] & 1 == 0 {
                bytes = input
            } else {
                var i = 0
                while i + 2 < input.count {
                    bytes[(Int(input[i]) << 8 | Int(input[i + 1])) * 7 % bytes.count] ^= input[i + 2]
                    i += 3
                }
                if input.count % 3 == 1 { bytes.removeLast(Int(input[input.count - 1]) % 64) }
            }
            if let compiled = try? CompiledDialog(binary: bytes) { _ = compiled.matcher.matches(in: line) }
        }
    }

    @Test func flagsThatReferenceEachOtherInACycle() throws {
        let folder = try BadInputFolder(copying: BadInputCLI.fixture)
        let yaml = "flags:\n  cycle_a:\n    when: cycle_b or has_account == yes\n  cycle_b:\n    when: cycle_c\n  cycle_c:\n    when: not cycle_a\n"
        try yaml.write(to: folder.url.appendingPathComponent("cycle.yaml"), atomically: true, encoding: .utf8)
        try folder.include("cycle.yaml")
        try expectRefused(folder.url, mentioning: "cycle")
    }

    @Test func invalidUTF8AndNULInADialogFile() throws {
        let folder = try BadInputFolder(copying: BadInputCLI.fixture)
        let body = folder.url.appendingPathComponent("body.yaml")
        var data = try Data(contentsOf: body)
        data += Data([0x23, 0x20, 0xFF, 0xFE, 0x0A])
        try data.write(to: body)
        try expectRefused(folder.url, mentioning: "UTF-8")

        let other = try BadInputFolder(copying: BadInputCLI.fixture)
        let otherBody = other.url.appendingPathComponent("body.yaml")
        try (try Data(contentsOf: otherBody) + Data("# a NUL: \u{0}\n".utf8)).write(to: otherBody)
        try expectRefused(other.url, mentioning: "NUL")
    }

    /// The loader refuses the folder with a diagnostic that names the problem, and the command line exits 1 from both
    /// `check` and `chat`, saying so on stderr, without starting a conversation.
    private func expectRefused(_ folder: URL, mentioning text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        do {
            _ = try DialogLoader.load(folder: folder)
            Issue.record("the loader accepted \(folder.path)", sourceLocation: sourceLocation)
        } catch {
            let messages = error.diagnostics.map(\.description).joined(separator: "\n")
            #expect(error.diagnostics.contains { $0.severity == .error }, sourceLocation: sourceLocation)
            #expect(messages.localizedCaseInsensitiveContains(text), "expected a message about \(text): \(messages.prefix(600))", sourceLocation: sourceLocation)
        }
        let check = try BadInputCLI.run(["check", folder.path], input: Data())
        #expect(check.exitedNormally && check.status == 1, "check: status \(check.status)", sourceLocation: sourceLocation)
        #expect(check.stderrText.localizedCaseInsensitiveContains(text) || check.stdoutText.localizedCaseInsensitiveContains(text),
                "check says nothing about \(text): \(check.stderrText.prefix(400))", sourceLocation: sourceLocation)
        let chat = try BadInputCLI.run(["chat", "--plain", "--no-transcript", "--dialog", folder.path], input: Data("短信\nquit\n".utf8))
        #expect(chat.exitedNormally && chat.status == 1, "chat: status \(chat.status)", sourceLocation: sourceLocation)
        #expect(chat.stdout.isEmpty, "chat started a conversation on a broken dialog", sourceLocation: sourceLocation)
        #expect(!chat.stderrText.isEmpty, sourceLocation: sourceLocation)
    }

    // MARK: - Nothing written is lost

    @Test(arguments: [SIGTERM, SIGKILL])
    func aTranscriptSurvivesASignal(_ signal: Int32) throws {
        let folder = try BadInputFolder()
        let transcript = folder.url.appendingPathComponent("t.jsonl")
        BadInputCLI.ignoreBrokenPipes()
        let process = Process()
        process.executableURL = try BadInputCLI.binary()
        process.arguments = ["chat", "--plain", "--dialog", BadInputCLI.fixture.path, "--transcript", transcript.path]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        let drain = BadInputDrain(stdout.fileHandleForReading)
        stdin.fileHandleForWriting.write(Data("我收到优品商城的短信，说我逾期十五天，欠款3200元\n短信\n没有\n".utf8))
        // Wait until the three turns are on disk (start + 3 turns), as a person would see their replies.
        let deadline = Date().addingTimeInterval(30)
        var lines = 0
        while Date() < deadline {
            lines = ((try? String(contentsOf: transcript, encoding: .utf8)) ?? "").split(separator: "\n").count
            if lines >= 4 { break }
            usleep(20_000)
        }
        #expect(lines >= 4, "the turns were not written before the replies (\(lines) lines)")
        kill(process.processIdentifier, signal)
        // It must stop by itself within 15 s; if not, it is killed (SIGTERM, then SIGKILL) so the suite goes on, and that fails.
        if !BadInputCLI.reap(process, exited, after: 15) {
            Issue.record("notice-assistant did not exit within 15 s of signal \(signal); killed")
        }
        guard !process.isRunning else { throw BadInputError("notice-assistant survived SIGKILL") }
        try? stdin.fileHandleForWriting.close()
        drain.wait()
        #expect(process.terminationReason == .uncaughtSignal)

        let contents = try TranscriptReader().read(contentsOf: transcript)
        let turns = contents.records.filter { $0.type == "turn" }.count
        #expect(contents.records.first?.type == "start")
        #expect(turns == 3, "every turn written before the signal is still there: \(contents.records.map(\.type))")
        if signal == SIGTERM {
            #expect(contents.records.last?.type == "end", "SIGTERM is caught and the end record written")
        }
    }
}

// MARK: - Helpers

/// The deadline every child of these tests is waited for with: a child that ignores SIGTERM is killed with SIGKILL.
@Test func aStuckChildIsKilledAtTheDeadline() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "trap '' TERM; exec sleep 60"]  // exec: sleep itself ignores SIGTERM
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    let started = Date()
    try process.run()
    #expect(!BadInputCLI.reap(process, exited, after: 0.3))
    #expect(!process.isRunning)
    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
    #expect(Date().timeIntervalSince(started) < 15)
}

/// The built command line and a way to run it through pipes.
enum BadInputCLI {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixture = testsFolder.appendingPathComponent("Fixtures/bench-dialog")
    static let goodbye = "Goodbye."

    struct Result {
        var status: Int32
        var exitedNormally: Bool
        var stdout: Data
        var stderr: Data
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// `notice-assistant` in the folder the test bundle was built in.
    static func binary() throws -> URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("notice-assistant")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw BadInputError("notice-assistant is not built next to \(exe.path); run `swift build` (or `swift build --build-tests`) first")
    }

    static func chat(_ input: Data) throws -> Result {
        try run(["chat", "--plain", "--no-transcript", "--lang", "en", "--dialog", fixture.path], input: input)
    }

    /// Runs the binary with `input` on stdin (written from another thread, so a large input cannot dead-lock with a
    /// full stdout pipe) and collects stdout and stderr. Every child is waited for with a deadline: one still running
    /// after `timeout` seconds gets SIGTERM, then SIGKILL 3 s later, and the test fails — a stuck child can neither
    /// hang the suite nor outlive it.
    static func run(_ arguments: [String], input: Data, timeout: TimeInterval = 60,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Result {
        ignoreBrokenPipes()
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("bad-input-state").path
        environment.removeValue(forKey: "NOTICE_ASSISTANT_DIALOG")
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        let out = BadInputDrain(stdout.fileHandleForReading)
        let err = BadInputDrain(stderr.fileHandleForReading)
        let writer = stdin.fileHandleForWriting
        Thread {
            // A child that exits without reading (a refused dialog) closes the pipe: EPIPE, ignored.
            try? writer.write(contentsOf: input)
            try? writer.close()
        }.start()
        if !reap(process, exited, after: timeout) {
            Issue.record("`notice-assistant \(arguments.joined(separator: " "))` ran longer than \(Int(timeout)) s and was killed",
                         sourceLocation: sourceLocation)
        }
        guard !process.isRunning else { throw BadInputError("`notice-assistant` (pid \(process.processIdentifier)) survived SIGKILL") }
        return Result(status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
                      stdout: out.wait(seconds: 10), stderr: err.wait(seconds: 10))
    }

    /// Waits for `process` to exit (its `terminationHandler` signals `exited`); past the deadline, SIGTERM, then
    /// SIGKILL 3 s later. Returns whether it exited by itself in time. Every wait is bounded: if even SIGKILL is not
    /// seen within 10 s, it returns with the process still running (callers check `isRunning`).
    static func reap(_ process: Process, _ exited: DispatchSemaphore, after timeout: TimeInterval) -> Bool {
        if exited.wait(timeout: .now() + timeout) == .success {
            process.waitUntilExit()
            return true
        }
        kill(process.processIdentifier, SIGTERM)
        if exited.wait(timeout: .now() + 3) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            if exited.wait(timeout: .now() + 10) == .timedOut { return false }
        }
        process.waitUntilExit()
        return false
    }

    /// Writing to a child that has already exited must fail with EPIPE, not kill the test process with SIGPIPE.
    static func ignoreBrokenPipes() { _ = brokenPipesIgnored }
    private static let brokenPipesIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()
}

/// Reads a pipe to its end on another thread.
final class BadInputDrain: @unchecked Sendable {
    // @unchecked: `data` is written by the reading thread before `done` is signalled and read only after.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    /// What was read, once the writer closed the pipe; after `seconds` without that, what is known: nothing.
    @discardableResult
    func wait(seconds: TimeInterval = 10) -> Data {
        guard done.wait(timeout: .now() + seconds) == .success else {
            Issue.record("a pipe stayed open \(Int(seconds)) s after its process ended")
            return Data()
        }
        done.signal()
        return data
    }
}

/// A temporary folder, removed when the value is dropped; optionally a copy of a dialog folder.
final class BadInputFolder {
    let url: URL

    init(copying source: URL? = nil) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-input-\(UUID().uuidString)")
        if let source {
            try FileManager.default.copyItem(at: source, to: url)
        } else {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
    }

    /// Adds a file to the manifest's `include` list.
    func include(_ name: String) throws {
        let manifest = url.appendingPathComponent("dialog.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "include: [", with: "include: [\(name), ").write(to: manifest, atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

struct BadInputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
