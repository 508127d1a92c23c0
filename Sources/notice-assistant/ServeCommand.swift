import ArgumentParser
import Dispatch
import Foundation
import LineEditor
import NoticeAssistant

/// `notice-assistant serve --stdio`: the JSON-lines protocol (docs/protocol.md) on stdin and stdout, for hosts that
/// embed the assistant as a child process. The protocol itself is ``ProtocolServer``; this command only reads
/// bounded lines, writes each answer at once, and ends every session when the input ends or a signal comes.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve many sessions over a JSON-lines protocol on stdin and stdout.",
        discussion: """
            One JSON request per line in, one or more JSON responses per line out, each written at once. Sessions are \
            named by id and may be interleaved. A bad request gets an `error` response and everything else goes on; the \
            end of input ends every session with its `end`. See docs/protocol.md.
            """)

    @OptionGroup var dialogOptions: DialogOptions

    @ArgumentParser.Flag(name: .long, help: "Speak the protocol on stdin and stdout (the only transport).")
    var stdio = false

    @Option(name: .long, help: "Write one transcript per session in this directory (default: $XDG_STATE_HOME/notice-assistant/transcripts).",
            completion: .directory)
    var transcriptDir: String?

    @ArgumentParser.Flag(name: .long, help: "Do not write transcripts.")
    var noTranscript = false

    func validate() throws {
        guard stdio else { throw ValidationError("serve needs --stdio: the protocol runs on stdin and stdout") }
        if noTranscript, transcriptDir != nil { throw ValidationError("--no-transcript and --transcript-dir contradict each other; give one") }
    }

    func run() throws {
        // A host reads stdout: a server that cannot start says why there too, as one `error` line, then exits 1.
        let assistant = try dialogOptions.loadAssistant(failed: Self.announce)
        let cleaner = InputCleaner()
        let configuration = ProtocolServer.Configuration(
            transcripts: try transcripts(), defaultLanguage: dialogOptions.lang, programVersion: ProgramInfo.version,
            cleanLine: { cleaner.clean($0).text })
        // A host that stops reading must not kill the server before the transcripts are closed.
        signal(SIGPIPE, SIG_IGN)
        let loop = ServeLoop(server: ProtocolServer(assistant: assistant, configuration: configuration))
        let watchers = loop.watchSignals()
        let code = loop.run()
        withExtendedLifetime(watchers) {}
        if code != 0 { throw ExitCode(code) }
    }

    /// Where transcripts go, checked before the first request so a host learns at once that none can be written.
    private func transcripts() throws -> TranscriptDestination {
        if noTranscript { return .none }
        do {
            let directory = try transcriptDir.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? TranscriptLocation.defaultDirectory(environment: ProcessInfo.processInfo.environment)
            try FileTranscriptSink.preflight(directory: directory)
            return .directory(directory)
        } catch {
            Console.error("notice-assistant: the transcripts cannot be written: \(error)")
            Console.error("notice-assistant: not serving, so nothing anyone says is lost. Pass --transcript-dir DIR to write them elsewhere, or --no-transcript to serve without them.")
            Self.announce(ProtocolError(.transcriptFailed, "not serving, so nothing anyone says is lost: the transcripts cannot be written: \(error)"))
            throw ExitCode(1)
        }
    }

    /// Why the server is not serving, as the one protocol line it writes before it exits.
    static func announce(_ error: ProtocolError) {
        let line = ProtocolResponse(session: nil, event: .error(error.code, message: error.message), last: true).jsonLine()
        Console.write(1, String(decoding: line, as: UTF8.self))
    }
}

/// Reads stdin in chunks, hands whole lines to the server, and writes its responses. The server is shared with the
/// signal handler's queue, so every use holds `lock`.
final class ServeLoop: @unchecked Sendable {
    // @unchecked: `server`, `splitter` and `stopped` are guarded by `lock`.
    private let lock = NSLock()
    private var server: ProtocolServer
    private var splitter = ProtocolLineSplitter()
    private var stopped = false

    init(server: ProtocolServer) {
        self.server = server
    }

    /// Serves until the end of input (0) or until the output is gone (1).
    func run() -> Int32 {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            let pieces = split { $0.feed(chunk[..<count]) }
            // Each line's answer is written as soon as it is made, never held back for the rest of the chunk: one
            // session's trouble cannot cost another session's answers.
            for piece in pieces where !serve(piece) {
                _ = stop(.outputFailed("the output was closed"))
                return 1
            }
        }
        for piece in split({ $0.finish() }) where !serve(piece) {
            _ = stop(.outputFailed("the output was closed"))
            return 1
        }
        return stop(.endOfInput) ? 0 : 1
    }

    private func split(_ body: (inout ProtocolLineSplitter) -> [ProtocolLineSplitter.Piece]) -> [ProtocolLineSplitter.Piece] {
        lock.lock()
        defer { lock.unlock() }
        return body(&splitter)
    }

    /// Serves one line (or a line too long to read) and writes its answer; false when the output failed.
    private func serve(_ piece: ProtocolLineSplitter.Piece) -> Bool {
        serve { server, _ in
            switch piece {
            case .line(let line): return server.handle(line: line)
            case .tooLong: return server.lineTooLong()
            }
        }
    }

    /// Runs `body` on the server and writes what it returns; false when the output failed.
    private func serve(_ body: (inout ProtocolServer, inout ProtocolLineSplitter) -> [ProtocolResponse]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return true }
        let responses = body(&server, &splitter)
        return Self.write(responses)
    }

    /// Ends every session once, from whichever path comes first; false when the closing responses could not be written.
    /// A signal does not wait more than two seconds for a write the host is not reading: the transcripts then lack
    /// their `end` records, which readers report as a session cut short.
    private func stop(_ reason: ProtocolServer.FinishReason) -> Bool {
        if case .signal = reason {
            guard lock.lock(before: Date(timeIntervalSinceNow: 2)) else { return false }
        } else {
            lock.lock()
        }
        defer { lock.unlock() }
        guard !stopped else { return true }
        stopped = true
        return Self.write(server.finish(reason))
    }

    /// SIGINT, SIGTERM and SIGHUP end every session (transcripts get their `end` records), then the process exits as
    /// the signal asked.
    func watchSignals() -> [DispatchSourceSignal] {
        TerminationSignals.watch { [self] signo in _ = stop(.signal(Messages.signalName(signo))) }
    }

    /// All the responses to one line in one `write(2)` where possible, so the host sees them at once.
    private static func write(_ responses: [ProtocolResponse]) -> Bool {
        guard !responses.isEmpty else { return true }
        var bytes = responses.reduce(into: Data()) { $0.append($1.jsonLine()) }[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(1, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}
