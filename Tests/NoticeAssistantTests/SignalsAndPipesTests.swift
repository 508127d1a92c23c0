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
