/// Where a session's records go: a file, memory, or a host's own storage.
///
/// The session writes records in order and closes the sink once at the end. A sink promises:
/// - it masks personal data itself (``TranscriptRecord/redacted(by:)``) before storing anything, so a caller that
///   forgets cannot leak a phone number;
/// - a record `write` returned from is stored as a whole, or `write` threw;
/// - after `close()`, `write` throws and `close()` does nothing.
///
/// Implementations are `Sendable`, so a signal handler or another thread may close a sink the session still holds.
public protocol TranscriptSink: Sendable {
    /// Stores one record, after redacting it.
    func write(_ record: TranscriptRecord) throws
    /// Makes everything written durable and releases the sink; calling it again does nothing.
    func close() throws
}
