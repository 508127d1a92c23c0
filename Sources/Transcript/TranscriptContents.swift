/// What ``TranscriptReader`` found in a transcript: the records it could read, and what it skipped and why.
public struct TranscriptContents: Sendable, Hashable {
    /// In file order.
    public var records: [TranscriptRecord]
    /// In file order; empty for a transcript that was closed normally by this version.
    public var warnings: [TranscriptReadWarning]

    public init(records: [TranscriptRecord], warnings: [TranscriptReadWarning]) {
        self.records = records
        self.warnings = warnings
    }
}
