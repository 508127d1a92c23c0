import DialogCore

/// A session read back from a snapshot, with what changed since it was taken.
public struct ResumedSession: Hashable, Sendable {
    /// The session, ready for ``Assistant/respond(to:in:)``.
    public var session: Session
    /// True when the dialog's files changed since the snapshot (same id, another content hash). The session is
    /// then adapted: answers to slots that no longer exist, and states that no longer exist, are dropped, so the next
    /// line walks the new dialog from its start.
    public var dialogChanged: Bool
    /// The dialog version the snapshot was taken with.
    public var snapshotDialogVersion: String

    /// What ``Assistant/resume(from:)`` found.
    public init(session: Session, dialogChanged: Bool, snapshotDialogVersion: String) {
        self.session = session
        self.dialogChanged = dialogChanged
        self.snapshotDialogVersion = snapshotDialogVersion
    }
}
