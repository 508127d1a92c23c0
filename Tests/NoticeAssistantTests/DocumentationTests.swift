import Foundation
import Testing

/// Every command README.md and docs/*.md show is run, and what they show it printing is what it prints
/// (``DocumentationExample`` says how a block is read). A block that cannot be run says why not.
@Suite struct DocumentationTests {
    static let examples: [DocumentationExample] = (try? DocumentationExample.all(root: PackagePaths.root)) ?? []

    @Test func theDocumentsHaveExamples() {
        #expect(Self.examples.filter { $0.kind == .console }.count >= 4, "the documentation's examples were not found")
    }

    @Test func everyExampleIsRunOrSaysWhyNot() {
        for example in Self.examples {
            if case .unmarked(let info) = example.kind {
                Issue.record("\(example): a ```\(info) block is neither `console` nor code; make it one, or put `<!-- doc-test: run -->` (a `sh` block) or `<!-- doc-test: illustrative, why -->` before it")
            }
        }
    }

    @Test func everyConsoleExampleShowsWhatItPrints() throws {
        for example in Self.examples where example.kind == .console {
            let runs = example.runs
            if runs.isEmpty { Issue.record("\(example): a console block without a `$ command`") }
            for run in runs {
                let result = try Self.shell(run.command, input: run.input)
                #expect(result.status == run.status, "\(example): `\(run.command)` exited \(result.status), not \(run.status):\n\(result.output.suffix(1_500))")
                if let missing = DocumentationExample.firstMissing(run.shown, in: result.output) {
                    Issue.record("\(example): `\(run.command)` did not print\n  \(missing)\nin its turn; it printed:\n\(result.output.prefix(6_000))")
                }
            }
        }
    }

    @Test func everyCommandRuns() throws {
        for example in Self.examples where example.kind == .commands {
            for command in example.commands {
                let result = try Self.shell(command, input: [])
                #expect(result.status == 0, "\(example): `\(command)` exited \(result.status):\n\(result.output.suffix(1_500))")
            }
        }
    }

    @Test func theMatcherReadsEllipsesAndComments() {
        #expect(DocumentationExample.matches("1. 只通过官方渠道核实这笔账：……", "1. 只通过官方渠道核实这笔账：自己在手机应用商店"))
        #expect(DocumentationExample.matches(#"{"v":1,…"text":"…"}"#, #"{"v":1,"type":"say","text":"Hello."}"#))
        #expect(!DocumentationExample.matches("asks channel: sms", "asks channel: sms / call"))
        #expect(DocumentationExample.firstMissing(["a", "…（anything）", "c"], in: "a\nb\nc\n") == nil)
        #expect(DocumentationExample.firstMissing(["c", "a"], in: "a\nb\nc\n") == "a")
    }

    // MARK: - Running a command as the documentation shows it

    struct Result {
        var status: Int32
        var output: String
    }

    /// `notice-assistant` is the built program; `Scripts/run ARGS` is that program with ARGS; `swift run PRODUCT` is the
    /// built product. Runs in the package's root with a private state and cache folder; stdout and stderr together.
    static func shell(_ command: String, input: [String]) throws -> Result {
        let products = PackagePaths.executable.deletingLastPathComponent()
        var command = command
        if command.hasPrefix("Scripts/run") { command = "notice-assistant" + command.dropFirst("Scripts/run".count) }
        command = command.replacingOccurrences(of: #"^swift run (\S+)"#, with: products.path + "/$1", options: .regularExpression)

        let scratch = try TemporaryFolder()
        let bin = scratch.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("notice-assistant"), withDestinationURL: PackagePaths.executable)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = PackagePaths.root
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["XDG_STATE_HOME"] = scratch.url.appendingPathComponent("state").path
        environment["NOTICE_ASSISTANT_CACHE"] = scratch.url.appendingPathComponent("cache").path
        environment["NOTICE_ASSISTANT"] = PackagePaths.executable.path
        environment.removeValue(forKey: "NOTICE_ASSISTANT_DIALOG")
        process.environment = environment
        let stdin = Pipe(), output = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: Data(input.map { $0 + "\n" }.joined().utf8))
        try stdin.fileHandleForWriting.close()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
