import Foundation
import NoticeAssistant
import Testing

/// How the real program meets its process environment (issue 17): signals ignored by `nohup`, Ctrl-\ (SIGQUIT), and a
/// reader that goes away (EPIPE) — in chat, `run` and `serve`, each ending its session with an `end` record.
@Suite(.serialized) struct SignalsAndPipesTests {
    let dialog = ServeFixture.folder.path

    func endRecord(_ transcript: String) throws -> TranscriptRecord.End? {
        let records = try TranscriptReader().read(contentsOf: URL(fileURLWithPath: transcript)).records
        if case .end(let end) = records.last { return end }
        return nil
    }

    /// Starts the program through `sh`, which sets what the test needs first (then `exec`s, keeping the pid).
    func startThroughShell(_ setup: String, _ arguments: [String]) throws -> Executable.Running {
        let quoted = ([PackagePaths.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(setup); exec \(quoted)"]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTICE_ASSISTANT_CACHE"] = "off"
        process.environment = environment
        let running = Executable.Running(process: process)
        process.standardInput = running.input
        process.standardOutput = running.output
        process.standardError = running.error
        try process.run()
        return running
    }

    @Test(arguments: [("HUP", SIGHUP), ("INT", SIGINT)])
    func aSignalIgnoredAtStartStaysIgnored(_ name: String, _ signal: Int32) throws {
        let dir = try TemporaryFolder()
        let transcript = dir.url.appendingPathComponent("nohup.jsonl").path
        let running = try startThroughShell(#"trap "" \#(name)"#, ["chat", "--plain", "--dialog", dialog, "--transcript", transcript])
        try running.send("sms\n")
        try running.waitForRecords(in: transcript, count: 2)
        kill(running.process.processIdentifier, signal)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(running.process.isRunning, "SIG\(name) was ignored when the program started; it must stay ignored")
        kill(running.process.processIdentifier, SIGTERM)
        try running.waitForExit()
        #expect(try endRecord(transcript)?.detail == "SIGTERM")
    }

    @Test(arguments: [["chat", "--plain"], ["run", "--script", "-"]])
    func sigquitEndsTheSessionWithoutACrashReport(_ command: [String]) throws {
        let dir = try TemporaryFolder()
        let transcript = dir.url.appendingPathComponent("quit.jsonl").path
        let running = try startThroughShell("ulimit -c 0", command + ["--dialog", dialog, "--transcript", transcript])
        try running.send("sms\n")
        try running.waitForRecords(in: transcript, count: 2)
        kill(running.process.processIdentifier, SIGQUIT)
        try running.waitForExit()
        let stderr = String(decoding: running.error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!stderr.contains("crashed") && !stderr.contains("Backtrac"), "\(stderr)")
        let end = try endRecord(transcript)
        #expect(end?.reason == .signal)
        #expect(end?.detail == "SIGQUIT")
    }

    @Test(arguments: [["chat", "--plain"], ["run", "--script", "-"]])
    func aClosedOutputEndsTheSessionWithAnEndRecord(_ command: [String]) throws {
        let dir = try TemporaryFolder()
        let transcript = dir.url.appendingPathComponent("epipe.jsonl").path
        let running = try Executable.start(command + ["--dialog", dialog, "--transcript", transcript])
        try running.output.fileHandleForReading.close()
        try? running.send("sms\nnever registered\n")
        try? running.input.fileHandleForWriting.close()
        try running.waitForExit()
        #expect(running.process.terminationReason == .exit, "killed by SIGPIPE instead of ending the session")
        #expect(running.process.terminationStatus == 1)
        let end = try endRecord(transcript)
        #expect(end?.reason == .error)
        #expect(end?.detail == "the output was closed")
    }

    /// Replies to lines already waiting are written together, but a host that sends one line and waits gets its reply
    /// before the program waits for the next: nothing is held while the program reads.
    @Test(arguments: [["chat", "--plain"], ["run", "--script", "-"]])
    func aHostThatWaitsForEachReplyGetsIt(_ command: [String]) throws {
        let process = try Executable.start(command + ["--no-transcript", "--dialog", dialog, "--lang", "en"])
        defer { if process.process.isRunning { kill(process.process.processIdentifier, SIGKILL) } }
        var reader = OutputReader(fd: process.output.fileHandleForReading.fileDescriptor)
        try reader.waitFor("?")  // the opening question, shown before any line is sent
        let before = reader.text.count
        try process.send("a text\n")
        try reader.waitFor("registered", after: before)  // the next question, while the input stays open
        try process.input.fileHandleForWriting.close()
        try process.waitForExit()
    }

    @Test func aClosedOutputEndsEveryServeSessionWithAnEndRecord() throws {
        let dir = try TemporaryFolder()
        let running = try Executable.start(["serve", "--stdio", "--dialog", dialog, "--transcript-dir", dir.url.path])
        try running.output.fileHandleForReading.close()
        try? running.send(#"{"type":"start","session":"a","language":"en"}"# + "\n")
        try? running.input.fileHandleForWriting.close()
        try running.waitForExit()
        #expect(running.process.terminationReason == .exit)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 1)
        for file in files {
            #expect(try endRecord(dir.url.appendingPathComponent(file).path)?.reason == .error)
        }
    }
}

/// Reads standard output as it comes, with a deadline, so output held back makes the test fail instead of hang.
struct OutputReader {
    let fd: Int32
    private(set) var text = ""

    init(fd: Int32) {
        self.fd = fd
    }

    struct Timeout: Error {}

    /// Reads until `needle` appears in the output after its first `after` characters (10 s at most).
    mutating func waitFor(_ needle: String, after offset: Int = 0) throws {
        let deadline = Date().addingTimeInterval(10)
        while !String(text.dropFirst(offset)).contains(needle) {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard left > 0, poll(&poller, 1, left) > 0 else { throw Timeout() }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(fd, &chunk, chunk.count)
            guard count > 0 else { throw Timeout() }
            text += String(decoding: chunk[..<count], as: UTF8.self)
        }
    }
}
