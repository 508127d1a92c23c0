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
/// - it never writes into another file put at its path: before writing it opens the path (appending, never following
///   a link) and checks that it is still the regular file it created, else it refuses the record;
/// - by default it holds no open file between records: each record opens the file, checks it, writes and closes it. A
///   server with thousands of sessions open needs no descriptor per session, and a file replaced behind its back is
///   refused at every record;
/// - with `keepsFileOpen`, for a host with one session (the command line), the first record opens and checks the file
///   as above and the sink keeps that descriptor until `close()`: later records cost one `write(2)` each. A file moved
///   or replaced after the first record is not noticed; the records keep going to the file this sink created, wherever
///   it is now, never to the file put in its place;
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
        /// Set by `close()`.
        var closed = false
        /// Set after a failed write; later writes throw it rather than append after a torn line.
        var failure: TranscriptError?
        /// The file, opened and checked by the first record, when the sink keeps it open.
        var heldFile: FileDescriptor?
        /// Encodes each record into the same buffer, so a record costs no allocation for its line.
        var encoder = TranscriptLineEncoder()
    }

    /// The file being written.
    public let file: URL
    /// Whether the file stays open from the first record to `close()`.
    public let keepsFileOpen: Bool
    private let redactor: Redactor
    private let state: Locked<State>
    /// The file created, so a record is never appended to another file put at the same path.
    private let identity: FileDescriptor.Identity

    static let filePermissions: mode_t = 0o600

    /// Creates `file` (and its missing parent directories) for writing.
    ///
    /// - Parameter keepsFileOpen: hold the file open from the first record to `close()` (one session per process);
    ///   by default each record opens and closes it (many sessions per process).
    /// - Throws: ``TranscriptError/cannotCreateDirectory(path:reason:)``, ``TranscriptError/fileExists(path:)`` or
    ///   ``TranscriptError/cannotOpen(path:reason:)``.
    public init(file: URL, redactor: Redactor = Redactor(), keepsFileOpen: Bool = false) throws(TranscriptError) {
        let path = file.path
        try PrivateDirectory.create(atPath: file.deletingLastPathComponent().path)
        let identity: FileDescriptor.Identity?
        do throws(FileDescriptor.SystemError) {
            let descriptor = try FileDescriptor.createNew(atPath: path, permissions: Self.filePermissions)
            identity = try? descriptor.regularFileIdentity()
            try descriptor.release()
        } catch {
            throw error.code == EEXIST ? .fileExists(path: path) : .cannotOpen(path: path, reason: error.reason)
        }
        guard let identity else { throw .cannotOpen(path: path, reason: "it is not a regular file") }
        self.file = file
        self.keepsFileOpen = keepsFileOpen
        self.redactor = redactor
        self.identity = identity
        self.state = Locked(State())
    }

    /// Creates a new transcript in `directory`, named by ``TranscriptLocation/fileName(startedAt:sessionID:suffix:)``
    /// with a random suffix, so the same session id twice (or two processes sharing the directory) never collide.
    public convenience init(
        directory: URL, startedAt: Date, sessionID: String, redactor: Redactor = Redactor(), keepsFileOpen: Bool = false
    ) throws(TranscriptError) {
        let name = TranscriptLocation.fileName(
            startedAt: startedAt, sessionID: sessionID, suffix: TranscriptLocation.makeUniqueSuffix())
        try self.init(
            file: directory.appendingPathComponent(name, isDirectory: false), redactor: redactor, keepsFileOpen: keepsFileOpen)
    }

    /// Opens the file this sink created, for one record or for the final `fsync`; refuses anything else at its path.
    private func openOwnFile() throws(TranscriptError) -> FileDescriptor {
        let descriptor: FileDescriptor
        do throws(FileDescriptor.SystemError) {
            descriptor = try FileDescriptor.openForAppending(atPath: file.path)
        } catch {
            throw .writeFailed(path: file.path, reason: "it cannot be opened again (\(error.reason)); was it moved or removed?")
        }
        guard (try? descriptor.regularFileIdentity()) == identity else {
            try? descriptor.release()
            throw .writeFailed(path: file.path, reason: "another file was put in its place; the transcript stops here")
        }
        return descriptor
    }

    public func write(_ record: TranscriptRecord) throws {
        let redacted = record.redacted(by: redactor)
        try state.withLock { state in
            guard !state.closed else { throw TranscriptError.writeAfterClose(path: file.path) }
            if let failure = state.failure { throw failure }
            state.encoder.encode(redacted)
            do throws(TranscriptError) {
                let descriptor: FileDescriptor
                if let held = state.heldFile { descriptor = held } else { descriptor = try openOwnFile() }
                defer {
                    if keepsFileOpen { state.heldFile = descriptor } else { try? descriptor.release() }
                }
                if let error = state.encoder.withLine({ descriptor.writeAll(UnsafeRawBufferPointer($0)) }) {
                    throw TranscriptError.writeFailed(path: file.path, reason: error.reason)
                }
            } catch {
                state.failure = error
                throw error
            }
        }
    }

    public func close() throws {
        try state.withLock { state in
            guard !state.closed else { return }
            state.closed = true
            let descriptor: FileDescriptor
            if let held = state.heldFile {
                descriptor = held
                state.heldFile = nil
            } else {
                do throws(TranscriptError) {
                    descriptor = try openOwnFile()
                } catch {
                    throw TranscriptError.closeFailed(path: file.path, reason: error.description)
                }
            }
            var problem: FileDescriptor.SystemError?
            do throws(FileDescriptor.SystemError) { try descriptor.synchronize() } catch { problem = error }
            do throws(FileDescriptor.SystemError) { try descriptor.release() } catch { problem = problem ?? error }
            if let problem { throw TranscriptError.closeFailed(path: file.path, reason: problem.reason) }
        }
    }

    deinit {
        // A sink dropped without `close()` still gives its descriptor back (without the fsync `close()` promises).
        state.withLock { state in
            try? state.heldFile?.release()
            state.heldFile = nil
        }
    }
}
