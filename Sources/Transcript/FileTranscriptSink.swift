import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a session's records to a private JSON Lines file, one record per line, as they happen.
///
/// It promises:
/// - the file is new (never appended to or overwritten), mode 0600; directories it creates are mode 0700;
/// - every record is redacted with ``Redactor`` before it is encoded, whatever the caller did;
/// - each record is one line written with a single `write(2)`, so a crash or `kill -9` leaves a file that reads
///   back up to the last complete record (``TranscriptReader`` reports the torn line as a warning);
/// - after a failed write it refuses further records, so a torn line stays the last one;
/// - `close()` flushes the file to disk with `fsync`.
///
/// ```swift
/// let directory = try TranscriptLocation.defaultDirectory(environment: ProcessInfo.processInfo.environment)
/// let sink = try FileTranscriptSink(directory: directory, startedAt: Date(), sessionID: TranscriptLocation.makeSessionID())
/// try sink.write(.start(…))
/// try sink.close()
/// ```
public final class FileTranscriptSink: TranscriptSink {
    private struct State {
        /// `nil` once closed.
        var descriptor: FileDescriptor?
        /// Set after a failed write; later writes throw it rather than append after a torn line.
        var failure: TranscriptError?
    }

    /// The file being written.
    public let file: URL
    private let redactor: Redactor
    private let state: Locked<State>

    static let filePermissions: mode_t = 0o600

    /// Creates `file` (and its missing parent directories) and opens it for writing.
    ///
    /// - Throws: ``TranscriptError/cannotCreateDirectory(path:reason:)``, ``TranscriptError/fileExists(path:)`` or
    ///   ``TranscriptError/cannotOpen(path:reason:)``.
    public init(file: URL, redactor: Redactor = Redactor()) throws(TranscriptError) {
        let path = file.path
        try PrivateDirectory.create(atPath: file.deletingLastPathComponent().path)
        let descriptor: FileDescriptor
        do throws(FileDescriptor.SystemError) {
            descriptor = try FileDescriptor.createNew(atPath: path, permissions: Self.filePermissions)
        } catch {
            throw error.code == EEXIST ? .fileExists(path: path) : .cannotOpen(path: path, reason: error.reason)
        }
        self.file = file
        self.redactor = redactor
        self.state = Locked(State(descriptor: descriptor))
    }

    /// Creates a new transcript in `directory`, named by ``TranscriptLocation/fileName(startedAt:sessionID:)``.
    public convenience init(
        directory: URL, startedAt: Date, sessionID: String, redactor: Redactor = Redactor()
    ) throws(TranscriptError) {
        let name = TranscriptLocation.fileName(startedAt: startedAt, sessionID: sessionID)
        try self.init(file: directory.appendingPathComponent(name, isDirectory: false), redactor: redactor)
    }

    deinit {
        // A sink dropped without close() still gets its records to disk; there is nobody left to report errors to.
        if let descriptor = state.withLock({ $0.descriptor }) {
            try? descriptor.synchronize()
            try? descriptor.release()
        }
    }

    public func write(_ record: TranscriptRecord) throws {
        let line: Data
        do {
            line = try TranscriptLine.encode(record.redacted(by: redactor))
        } catch {
            throw TranscriptError.writeFailed(path: file.path, reason: "the record could not be encoded: \(error)")
        }
        try state.withLock { state in
            guard let descriptor = state.descriptor else { throw TranscriptError.writeAfterClose(path: file.path) }
            if let failure = state.failure { throw failure }
            do throws(FileDescriptor.SystemError) {
                try descriptor.writeAll(line)
            } catch {
                let failure = TranscriptError.writeFailed(path: file.path, reason: error.reason)
                state.failure = failure
                throw failure
            }
        }
    }

    public func close() throws {
        try state.withLock { state in
            guard let descriptor = state.descriptor else { return }
            state.descriptor = nil
            var problem: FileDescriptor.SystemError?
            do throws(FileDescriptor.SystemError) { try descriptor.synchronize() } catch { problem = error }
            do throws(FileDescriptor.SystemError) { try descriptor.release() } catch { problem = problem ?? error }
            if let problem { throw TranscriptError.closeFailed(path: file.path, reason: problem.reason) }
        }
    }
}
