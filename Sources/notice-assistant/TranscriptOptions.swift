import ArgumentParser
import Foundation
import NoticeAssistant

/// Where the session's transcript goes.
struct TranscriptOptions: ParsableArguments {
    @Option(name: .long, help: "Write the transcript to this file (default: a new file under $XDG_STATE_HOME/notice-assistant/transcripts).",
            completion: .file(extensions: ["jsonl"]))
    var transcript: String?

    @ArgumentParser.Flag(name: .long, help: "Do not write a transcript.")
    var noTranscript = false

    /// Opens the sink, redacting with `redactor` (the assistant's, which knows the dialog's sentences), or explains on
    /// stderr why it cannot and returns nil. `required` refuses to go on without one.
    func openSink(sessionID: String, startedAt: Date, redactor: Redactor, askIfUnwritable: (() -> Bool)?) throws -> FileTranscriptSink? {
        if noTranscript { return nil }
        do {
            // One session per process: the sink keeps its file open, so a record costs one write(2), not an open,
            // an fstat, a write and a close.
            let sink: FileTranscriptSink
            if let transcript {
                sink = try FileTranscriptSink(file: URL(fileURLWithPath: transcript), redactor: redactor, keepsFileOpen: true)
            } else {
                let directory = try TranscriptLocation.defaultDirectory(environment: ProcessInfo.processInfo.environment)
                try FileTranscriptSink.preflight(directory: directory)
                sink = try FileTranscriptSink(
                    directory: directory, startedAt: startedAt, sessionID: sessionID, redactor: redactor, keepsFileOpen: true)
            }
            return sink
        } catch {
            Console.error("notice-assistant: warning: the transcript cannot be written: \(error)")
            if let ask = askIfUnwritable, ask() { return nil }
            Console.error("notice-assistant: not starting, so nothing you say is lost. Pass --transcript PATH to write it elsewhere, or --no-transcript to go on without one.")
            throw ExitCode(1)
        }
    }
}
