import Foundation

/// Why a transcript could not be set up or written, phrased so the person at the terminal knows what to do.
///
/// Every message names the path involved and, where the user can act, ends with the way out: choose another place
/// with `--transcript PATH` or run without one with `--no-transcript`.
public enum TranscriptError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// Neither `XDG_STATE_HOME` nor `HOME` is set, so there is no default place for transcripts.
    case noStateDirectory
    /// A directory on the way to the transcript could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// The transcript directory exists but no file can be created in it.
    case directoryNotWritable(path: String, reason: String)
    /// The device holding the directory is full or nearly so.
    case diskFull(path: String)
    /// A transcript file of that name already exists; transcripts are never appended to or overwritten.
    case fileExists(path: String)
    /// The transcript file could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// A record could not be stored; the file holds every record before it.
    case writeFailed(path: String, reason: String)
    /// The transcript could not be flushed to disk or closed.
    case closeFailed(path: String, reason: String)
    /// A record was written after the sink was closed; `path` is `nil` for a sink without a file.
    case writeAfterClose(path: String?)

    private static let wayOut = "pass --transcript PATH to write it elsewhere, or --no-transcript to run without one"

    public var description: String {
        switch self {
        case .noStateDirectory:
            "cannot find a place for the transcript: neither XDG_STATE_HOME nor HOME is set; \(Self.wayOut)"
        case .cannotCreateDirectory(let path, let reason):
            "cannot create the transcript directory \(path): \(reason); \(Self.wayOut)"
        case .directoryNotWritable(let path, let reason):
            "cannot write transcripts in \(path): \(reason); \(Self.wayOut)"
        case .diskFull(let path):
            "the disk holding \(path) is full, so the transcript would be lost; free some space, or \(Self.wayOut)"
        case .fileExists(let path):
            "the transcript file \(path) already exists and will not be overwritten; \(Self.wayOut)"
        case .cannotOpen(let path, let reason):
            "cannot create the transcript file \(path): \(reason); \(Self.wayOut)"
        case .writeFailed(let path, let reason):
            "cannot write to the transcript \(path): \(reason); the records before this one are safe"
        case .closeFailed(let path, let reason):
            "cannot save the transcript \(path) to disk: \(reason); its last records may be missing"
        case .writeAfterClose(let path):
            "a record was written after the transcript\(path.map { " \($0)" } ?? "") was closed; this is a bug in the caller"
        }
    }

    public var errorDescription: String? { description }
}
