import Foundation
import Transcript

/// Where a ``Conversation`` writes its transcript: the same records the command line writes, to a sink the host
/// chooses. A file in the default directory unless the host says otherwise.
///
/// ```swift
/// let memory = MemoryTranscriptSink()
/// let conversation = try Conversation(assistant: assistant, transcript: .sink(memory))
/// ```
public enum TranscriptDestination: Sendable {
    /// A new file per conversation in ``TranscriptLocation/defaultDirectory(environment:)`` (read from this
    /// process's environment), named by ``TranscriptLocation/fileName(startedAt:sessionID:)``.
    case defaultDirectory
    /// A new file per conversation in this directory (created, mode 0700, when missing).
    case directory(URL)
    /// A sink made for each conversation from its id and start time: the host's own storage.
    case sinks(@Sendable (_ sessionID: String, _ startedAt: Date) throws -> any TranscriptSink)
    /// No transcript.
    case none

    /// Writes to this one sink. The conversation closes it when it ends, so give each conversation its own.
    public static func sink(_ sink: any TranscriptSink) -> TranscriptDestination {
        .sinks { _, _ in sink }
    }

    /// The sink for one conversation, or nil for ``none``; a file redacts with `redactor` (a host's own sink with its
    /// own).
    ///
    /// - Throws: what the sink's creation threw, e.g. ``TranscriptError/noStateDirectory`` or
    ///   ``TranscriptError/fileExists(path:)``.
    public func makeSink(sessionID: String, startedAt: Date, redactor: Redactor = Redactor()) throws -> (any TranscriptSink)? {
        switch self {
        case .defaultDirectory:
            let directory = try TranscriptLocation.defaultDirectory(environment: ProcessInfo.processInfo.environment)
            return try FileTranscriptSink(directory: directory, startedAt: startedAt, sessionID: sessionID, redactor: redactor)
        case .directory(let directory):
            return try FileTranscriptSink(directory: directory, startedAt: startedAt, sessionID: sessionID, redactor: redactor)
        case .sinks(let make):
            return try make(sessionID, startedAt)
        case .none:
            return nil
        }
    }
}
