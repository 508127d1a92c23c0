import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `notice-assistant serve --stdio`, the demo script and the embedding example, run as real processes through pipes.
@Suite(.serialized) struct ServeProcessTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dialog = ServeFixture.folder.path

    /// A built product: beside the running tests first (the same build), else the newest in any `.build*` folder.
    static func product(_ name: String) throws -> URL {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name))
        }
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.path)) ?? []
        for folder in folders where folder.hasPrefix(".build") {
            candidates.append(packageRoot.appendingPathComponent("\(folder)/debug/\(name)"))
        }
        let built = candidates.filter { FileManager.default.isExecutableFile(atPath: $0.path) }
        let newest = built.max { modified($0) < modified($1) }
        return try #require(built.first ?? newest, "build \(name) first: swift build --scratch-path .build-serve")
    }

    private static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// Runs a program with `input` on stdin (written from another thread, so a big input cannot deadlock against the
    /// output) and returns its exit status and output.
    static func run(_ executable: URL, _ arguments: [String], input: Data, environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = stdin.fileHandleForWriting
        let errors = TestLocked(Data())
        let errorReader = stderr.fileHandleForReading
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            try? writer.write(contentsOf: input)
            try? writer.close()
        }
        DispatchQueue.global().async(group: done) {
            let data = errorReader.readDataToEndOfFile()
            errors.withLock { $0 = data }
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors.withLock { $0 }, as: UTF8.self))
    }

    static func serve(_ input: Data, _ extra: [String] = ["--no-transcript"]) throws -> (status: Int32, responses: [[String: Any]], stderr: String) {
        let result = try run(try product("notice-assistant"), ["serve", "--stdio", "--dialog", dialog] + extra, input: input)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let responses = lines.map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? ["unparsed": String($0)] }
        return (result.status, responses, result.stderr)
    }

    static func lines(_ requests: [String]) -> Data { Data((requests.joined(separator: "\n") + "\n").utf8) }

    @Test func interleavedSessionsOverAPipe() throws {
        var requests: [String] = []
        let scripts = ServeFixture.scripts
        for (index, _) in scripts.enumerated() {
            requests.append(#"{"type":"start","session":"p\#(index)","language":"\#(ServeFixture.languages[index % 3])"}"#)
        }
        for turn in 0..<4 {
            for (index, script) in scripts.enumerated() where turn < script.lines.count {
                let text = String(decoding: try JSONSerialization.data(withJSONObject: script.lines[turn], options: .fragmentsAllowed), as: UTF8.self)
                requests.append(#"{"type":"line","session":"p\#(index)","text":\#(text)}"#)
            }
        }
        let (status, responses, _) = try Self.serve(Self.lines(requests))
        #expect(status == 0)
        #expect(responses.allSatisfy { $0["v"] as? Int == 1 && $0["text"] is String })
        for (index, script) in scripts.enumerated() {
            let mine = responses.filter { $0["session"] as? String == "p\(index)" }
            let advice = mine.last { $0["type"] as? String == "recommendation" }
            let remedies = (advice?["remedies"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(remedies == script.remedies, "session p\(index)")
            #expect(mine.first?["type"] as? String == "started")
            #expect(mine.last?["type"] as? String == "end")
            #expect(mine.last?["reason"] as? String == "end_of_input")
        }
        // One `last` per input line, and the end of input's own.
        #expect(responses.filter { $0["last"] as? Bool == true }.count == requests.count + 1)
    }

    @Test func everyBadRequestGetsItsErrorAndServingGoesOn() throws {
        var input = Data()
        func line(_ text: String) { input.append(Data((text + "\n").utf8)) }
        line(#"{"type":"start","session":"ok","language":"en"}"#)
        line("this is not json")
        line(#"{"type":"teleport","session":"ok"}"#)
        line(#"{"type":"line","session":"nobody","text":"hello"}"#)
        input.append(Data(#"{"type":"line","session":"ok","text":""#.utf8))
        input.append(Data(repeating: 0x61, count: 10 * 1024 * 1024))
        input.append(Data(#""}"#.utf8) + Data([0x0A]))
        input.append(Data(#"{"type":"line","session":"ok","text":"#.utf8) + Data([0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D, 0x0A]))
        line(#"{"type":"line","session":"ok","text":"sms"}"#)
        line(#"{"type":"line","session":"ok","text":"never registered"}"#)

        let (status, responses, _) = try Self.serve(input)
        #expect(status == 0)
        let errors = responses.filter { $0["type"] as? String == "error" }
        #expect(errors.compactMap { $0["code"] as? String } == ["not_json", "unknown_type", "unknown_session", "line_too_long", "invalid_utf8"])
        #expect(errors.allSatisfy { !($0["message"] as? String ?? "").isEmpty && $0["last"] as? Bool == true })
        #expect(errors[2]["session"] as? String == "nobody")
        let advice = responses.first { $0["type"] as? String == "recommendation" }
        #expect((advice?["remedies"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["verify_sms", "dispute"])
        #expect(responses.last?["type"] as? String == "end")
    }

    @Test func eachAnswerIsWrittenBeforeTheNextRequestIsRead() throws {
        let process = Process()
        process.executableURL = try Self.product("notice-assistant")
        process.arguments = ["serve", "--stdio", "--dialog", Self.dialog, "--no-transcript"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        defer {
            try? stdin.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        var reader = LineReader(fd: stdout.fileHandleForReading.fileDescriptor)
        try stdin.fileHandleForWriting.write(contentsOf: Data(#"{"type":"start","session":"f","language":"en"}"#.utf8 + [0x0A]))
        let opening = try reader.linesUntilLast(timeout: 20)
        #expect(opening.last?.contains(#""type":"ask""#) == true)
        try stdin.fileHandleForWriting.write(contentsOf: Data(#"{"type":"line","session":"f","text":"sms"}"#.utf8 + [0x0A]))
        let next = try reader.linesUntilLast(timeout: 20)
        #expect(next.count == 1)
        #expect(next.first?.contains("Have you registered there?") == true)
    }

    @Test func transcriptsGoOneFilePerSessionIntoTheDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-transcripts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = Self.lines([
            #"{"type":"start","session":"alpha","language":"en"}"#,
            #"{"type":"start","session":"beta","language":"zh-Hans"}"#,
            #"{"type":"line","session":"alpha","text":"sms"}"#,
            #"{"type":"line","session":"beta","text":"退出"}"#,
            #"{"type":"line","session":"alpha","text":"my number is 13812345678"}"#,
        ])
        let (status, responses, _) = try Self.serve(input, ["--transcript-dir", directory.path])
        #expect(status == 0)
        #expect(responses.first?["transcript"] as? String != nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        #expect(files.count == 2)
        var ends: [String: String] = [:]
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("13812345678"))
            let records = text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(records.first?["type"] as? String == "start")
            #expect(records.first?["mode"] as? String == "embedded")
            #expect(records.last?["type"] as? String == "end")
            if let id = records.first?["sessionId"] as? String { ends[id] = records.last?["reason"] as? String }
        }
        #expect(ends == ["alpha": "endOfInput", "beta": "quit"])
    }

    @Test func serveRefusesToStartWhenTranscriptsCannotBeWritten() throws {
        let (status, responses, stderr) = try Self.serve(Self.lines([#"{"type":"start"}"#]), ["--transcript-dir", "/proc/no-such-place"])
        #expect(status == 1)
        // The host hears why on stdout, as the one line before the exit; a person reading stderr hears it there.
        #expect(responses.count == 1)
        #expect(responses.first?["code"] as? String == "transcript_failed")
        #expect(responses.first?["last"] as? Bool == true)
        #expect(stderr.contains("--no-transcript"))
    }

    @Test func serveNeedsStdio() throws {
        let result = try Self.run(try Self.product("notice-assistant"), ["serve", "--dialog", Self.dialog], input: Data())
        #expect(result.status != 0)
        #expect(result.stderr.contains("--stdio"))
    }

    @Test func theHelpDeskDemoRunsFromAPipe() throws {
        let script = Self.packageRoot.appendingPathComponent("Scripts/helpdesk-demo")
        let input = Data("""
            /new en a1
            sms
            /new zh-Hans b2
            电话
            /use a1
            I never registered
            /summary
            /save
            /restore a1
            /use b2
            退出
            /end
            say "hi" \\ there

            """.utf8)
        let result = try Self.run(URL(fileURLWithPath: "/bin/bash"), [script.path, "--dialog", Self.dialog, "--no-transcript"], input: input,
                                  environment: ["NOTICE_ASSISTANT": try Self.product("notice-assistant").path])
        let output = result.stdout
        #expect(result.status == 0, "\(result.stderr)")
        #expect(output.contains("── session a1 started (en)"))
        #expect(output.contains("assistant[a1]: Did it come as a text or a call?"))
        #expect(output.contains("[text message / phone call]"))
        #expect(output.contains("assistant[b2]: 您在那里注册过吗？"))
        #expect(output.contains("2. Dispute it"))
        #expect(output.contains("── saved a snapshot of a1"))
        #expect(output.contains(", resumed"))
        #expect(output.contains("assistant[b2]: 再见。"))
        #expect(output.contains("── session b2 ended (quit)"))
        #expect(output.contains("no current session"))
        #expect(output.contains(#"agent> say "hi" \ there"#))
        #expect(output.contains("── session a1 ended (end_of_input)"))
    }

    @Test func theEmbeddingExampleBuildsAndRuns() throws {
        let result = try Self.run(try Self.product("EmbeddingExample"), [Self.dialog, "sms", "never registered"], input: Data())
        #expect(result.status == 0)
        for language in ServeFixture.languages {
            #expect(result.stdout.contains("[\(language)] advice: verify_sms, dispute; 5 transcript records"))
        }
        #expect(result.stdout.contains("asks channel: sms / call"))
        #expect(result.stdout.contains("resumed (dialog changed: false) advice: verify_sms, dispute"))
    }

    @Test func theGuideShowsTheExampleAsItIs() throws {
        let example = try String(contentsOf: Self.packageRoot.appendingPathComponent("Examples/EmbeddingExample/EmbeddingExample.swift"), encoding: .utf8)
        let guide = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/embedding.md"), encoding: .utf8)
        #expect(guide.contains("```swift\n" + example + "```"), "copy Examples/EmbeddingExample/EmbeddingExample.swift into docs/embedding.md again")
    }

    @Test func theEmbeddingExampleShowsDiagnosticsWithPositions() throws {
        let result = try Self.run(try Self.product("EmbeddingExample"), ["/no/such/dialog"], input: Data())
        #expect(result.status == 1)
        #expect(result.stdout.contains("/no/such/dialog:1:1: error:"))
    }
}

/// Reads lines from a pipe with a deadline, so a server that forgets to flush fails the test instead of hanging it.
struct LineReader {
    let fd: Int32
    var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
    }

    struct Timeout: Error {}

    mutating func linesUntilLast(timeout seconds: Int32) throws -> [String] {
        var lines: [String] = []
        while true {
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                lines.append(line)
                if line.contains(#""last":true"#) { return lines }
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, seconds * 1000) > 0 else { throw Timeout() }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(fd, &chunk, chunk.count)
            guard count > 0 else { throw Timeout() }
            buffer += chunk[..<count]
        }
    }
}
