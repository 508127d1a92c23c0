import Foundation
import Testing

/// The package's folders, found from this file's path so tests run from any working directory.
enum PackagePaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `notice-assistant` next to the test bundle (any scratch path), or in .build/debug.
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [beside, beside.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
            let candidate = folder.appendingPathComponent("notice-assistant")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/notice-assistant")
    }
}

/// A folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("notice-assistant-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs the real executable through pipes, as a help-desk script or CI would.
enum Executable {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:],
                    executable: URL = PackagePaths.executable, directory: URL? = nil) throws -> Result {
        let running = try start(arguments, environment: environment, executable: executable, directory: directory)
        try running.send(input)
        try running.input.fileHandleForWriting.close()
        // A child that hangs must fail the test, not hang the suite: kill it after 30 s.
        let pid = running.process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        let output = running.output.fileHandleForReading.readDataToEndOfFile()
        let error = running.error.fileHandleForReading.readDataToEndOfFile()
        running.process.waitUntilExit()
        watchdog.cancel()
        return Result(status: running.process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                      error: String(decoding: error, as: UTF8.self))
    }

    static func start(_ arguments: [String], environment: [String: String] = [:],
                      executable: URL = PackagePaths.executable, directory: URL? = nil) throws -> Running {
        let process = Process()
        process.executableURL = executable
        if let directory { process.currentDirectoryURL = directory }
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("notice-assistant-state").path
        // The compiled-dialog cache is on, as for a person, but kept out of the home folder.
        env["NOTICE_ASSISTANT_CACHE"] = FileManager.default.temporaryDirectory.appendingPathComponent("notice-assistant-test-cache").path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let running = Running(process: process)
        process.standardInput = running.input
        process.standardOutput = running.output
        process.standardError = running.error
        try process.run()
        return running
    }

    final class Running {
        let process: Process
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()

        init(process: Process) {
            self.process = process
        }

        func send(_ text: String) throws {
            try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        }

        /// Waits up to 10 s for the process to end; a process that does not is killed and the test fails.
        func waitForExit() throws {
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                Issue.record("the process did not end within 10 s")
            }
            process.waitUntilExit()
        }

        /// Waits (up to 10 s) until the transcript holds `count` complete lines.
        func waitForRecords(in path: String, count: Int) throws {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if let text = try? String(contentsOfFile: path, encoding: .utf8), text.filter({ $0 == "\n" }).count >= count { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("the transcript \(path) did not reach \(count) records in time")
        }
    }
}
