import Foundation
import NoticeAssistant
import Testing

/// Files that are not what they seem (issue 17): an existing `-o` target, a device, a FIFO as a dialog file or a cache
/// entry, foreign and huge cache entries, a transcript whose fields hold YAML. Every test runs the real program, with
/// a watchdog: a program that waits on a FIFO fails the test instead of hanging the suite.
@Suite(.serialized) struct FilesUnderFaultsTests {
    /// A small transcript whose fields try to inject YAML keys.
    static func writeTranscript(in folder: URL, user: String = "hi", language: String = "en") throws -> URL {
        func json(_ text: String) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
        }
        let file = folder.appendingPathComponent("recorded.jsonl")
        let records = [
            #"{"dialogContentHash":"sha256:00","dialogId":"serve-fixture","dialogVersion":"1.0.0","language":\#(try json(language)),"mode":"embedded","programVersion":"0.1.0","schema":1,"sessionId":"c1","time":"2026-11-24T21:30:05.000Z","type":"start"}"#,
            #"{"assistant":["Hello."],"number":1,"schema":1,"slotsChanged":[],"stateAfter":"ask_channel","stateBefore":"ask_channel","time":"2026-11-24T21:30:17.345Z","type":"turn","user":\#(try json(user))}"#,
            #"{"reason":"endOfInput","schema":1,"slots":{},"time":"2026-11-24T21:30:36.000Z","type":"end","values":{"x\nended: true":["a\nb: c"],"overdue_days":["15"]}}"#,
        ]
        try (records.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func mode(_ path: String) throws -> (type: FileAttributeType?, permissions: Int?) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.type] as? FileAttributeType, attributes[.posixPermissions] as? Int)
    }

    @Test func toTestRefusesAnExistingFileUnlessForced() throws {
        let dir = try TemporaryFolder()
        let transcript = try Self.writeTranscript(in: dir.url)
        let target = dir.url.appendingPathComponent("existing.yaml").path
        try "keep me\n".write(toFile: target, atomically: true, encoding: .utf8)
        let refused = try Executable.run(["transcript", "to-test", transcript.path, "-o", target])
        #expect(refused.status == 1)
        #expect(refused.error.contains("--force"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
        let forced = try Executable.run(["transcript", "to-test", transcript.path, "-o", target, "--force"])
        #expect(forced.status == 0, "\(forced.error)")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("turns:"))
    }

    @Test func toTestWritesToADeviceAsAStreamAndLeavesItAlone() throws {
        let dir = try TemporaryFolder()
        let transcript = try Self.writeTranscript(in: dir.url)
        // A copy of /dev/null's device node, so the real one is never at risk (needs root, as the issue's case did).
        let device = dir.url.appendingPathComponent("null").path
        guard mknod(device, S_IFCHR | 0o644, dev_t(1 << 8 | 3)  /* makedev(1, 3) */) == 0 else { return }
        let result = try Executable.run(["transcript", "to-test", transcript.path, "-o", device])
        #expect(result.status == 0, "\(result.error)")
        let after = try Self.mode(device)
        #expect(after.type == .typeCharacterSpecial)
        #expect(after.permissions == 0o644)
    }

    @Test func toTestRefusesAFIFOThatNothingReads() throws {
        let dir = try TemporaryFolder()
        let transcript = try Self.writeTranscript(in: dir.url)
        let fifo = dir.url.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try Executable.run(["transcript", "to-test", transcript.path, "-o", fifo])
        #expect(result.status == 1)
        #expect(result.error.contains("FIFO"))
        #expect(try Self.mode(fifo).type != .typeRegular)
    }

    @Test func transcriptFieldsCannotAddKeysToTheGeneratedTest() throws {
        let dir = try TemporaryFolder()
        let injected = "sms\"\nend:\n  ended: true\n# "
        let transcript = try Self.writeTranscript(in: dir.url, user: injected, language: "en\nname: injected")
        let target = dir.url.appendingPathComponent("recorded.yaml")
        let result = try Executable.run(["transcript", "to-test", transcript.path, "-o", target.path])
        #expect(result.status == 0, "\(result.error)")
        let tests = try ConversationTestLoader.load(file: target)
        #expect(tests.count == 1)
        #expect(tests.first?.name == "recorded recorded")
        #expect(tests.first?.language == "en\nname: injected")
        #expect(tests.first?.turns.map(\.user) == [injected])
        #expect(tests.first?.end?.ended == nil)
        let slots = tests.first?.end?.slots.map(\.slot) ?? []
        #expect(slots.contains("x\nended: true"))
        #expect(tests.first?.end?.slots.first { $0.slot == "overdue_days" }?.value == .number(15))
    }

    @Test func aFIFOAsADialogFileIsRefusedWithAMessage() throws {
        let dir = try TemporaryFolder()
        let folder = dir.url.appendingPathComponent("dialog")
        try FileManager.default.copyItem(at: ServeFixture.folder, to: folder)
        let lexicon = folder.appendingPathComponent("lexicon.yaml").path
        try FileManager.default.removeItem(atPath: lexicon)
        #expect(mkfifo(lexicon, 0o600) == 0)
        let started = Date()
        let result = try Executable.run(["check", folder.path])
        #expect(Date().timeIntervalSince(started) < 20, "check waited on the FIFO")
        #expect(result.status == 1)
        #expect((result.output + result.error).contains("FIFO"))
    }

    @Test func cacheEntriesArePrivateAndOnlyOwnRegularSmallEntriesAreRead() throws {
        let dir = try TemporaryFolder()
        let cache = dir.url.appendingPathComponent("cache")
        let environment = ["NOTICE_ASSISTANT_CACHE": cache.path]
        let arguments = ["chat", "--plain", "--no-transcript", "--dialog", ServeFixture.folder.path]
        func runOnce() throws -> TimeInterval {
            let started = Date()
            let result = try Executable.run(arguments, input: "quit\n", environment: environment)
            #expect(result.status == 0, "\(result.error)")
            return Date().timeIntervalSince(started)
        }
        _ = try runOnce()
        #expect(try Self.mode(cache.path).permissions == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".dialog") }
        #expect(names.count == 1)
        let entry = cache.appendingPathComponent(try #require(names.first)).path
        #expect(try Self.mode(entry).permissions == 0o600)
        func inode() throws -> Int { try FileManager.default.attributesOfItem(atPath: entry)[.systemFileNumber] as? Int ?? 0 }

        // Writable by others: not read, and replaced by a private entry.
        #expect(chmod(entry, 0o666) == 0)
        let shared = try inode()
        _ = try runOnce()
        #expect(try inode() != shared)
        #expect(try Self.mode(entry).permissions == 0o600)

        // A FIFO: not waited on, not replaced.
        try FileManager.default.removeItem(atPath: entry)
        #expect(mkfifo(entry, 0o600) == 0)
        #expect(try runOnce() < 20)
        #expect(try Self.mode(entry).type != .typeRegular)

        // A 2 GB sparse entry: refused by its size, without reading it.
        try FileManager.default.removeItem(atPath: entry)
        #expect(FileManager.default.createFile(atPath: entry, contents: nil, attributes: [.posixPermissions: 0o600]))
        #expect(truncate(entry, 2 << 30) == 0)
        #expect(try runOnce() < 5)
        let size = try FileManager.default.attributesOfItem(atPath: entry)[.size] as? Int ?? 0
        #expect(size < 32 << 20)
    }
}
