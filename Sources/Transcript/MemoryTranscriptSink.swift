/// A sink that keeps records in memory: for tests, and for hosts that store transcripts their own way.
///
/// Records are redacted like in a file, so tests see exactly what a file would hold. Safe to use from several threads.
public final class MemoryTranscriptSink: TranscriptSink {
    private struct State {
        var records: [TranscriptRecord] = []
        var isClosed = false
    }

    private let redactor: Redactor
    private let state = Locked(State())

    public init(redactor: Redactor = Redactor()) {
        self.redactor = redactor
    }

    /// The records written so far, redacted, in order.
    public var records: [TranscriptRecord] {
        state.withLock { $0.records }
    }

    /// Whether `close()` was called.
    public var isClosed: Bool {
        state.withLock { $0.isClosed }
    }

    public func write(_ record: TranscriptRecord) throws {
        let redacted = record.redacted(by: redactor)
        try state.withLock { state in
            guard !state.isClosed else { throw TranscriptError.writeAfterClose(path: nil) }
            state.records.append(redacted)
        }
    }

    public func close() throws {
        state.withLock { $0.isClosed = true }
    }
}
