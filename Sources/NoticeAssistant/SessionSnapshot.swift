import DialogCore

/// A session saved for later: the session itself and the dialog it belongs to.
///
/// ``Assistant/snapshot(_:)`` encodes one as JSON `Data`; ``Assistant/resume(from:)`` reads it back, refuses a
/// snapshot of another dialog, and says whether the dialog's files changed since. Hosts should treat the data as
/// opaque: store it, hand it back unchanged.
///
/// ```swift
/// let saved = assistant.snapshot(session)          // store it anywhere
/// let resumed = try assistant.resume(from: saved)  // later, perhaps in another process
/// if resumed.dialogChanged { /* the dialog was edited since; answers of removed slots are dropped */ }
/// ```
public struct SessionSnapshot: Hashable, Codable, Sendable {
    /// The snapshot format this library writes; it reads this one only.
    public static let currentFormat = 1

    /// The format of this snapshot; a later library may write a newer one.
    public var format: Int
    /// The id of the dialog the session ran (`dialog.yaml`'s `id`).
    public var dialogID: String
    /// The dialog's version when the snapshot was taken.
    public var dialogVersion: String
    /// The hash of the dialog's files when the snapshot was taken, to tell whether they changed since.
    public var dialogContentHash: String
    /// The session as it was.
    public var session: Session

    /// A snapshot of `session`, taken while `dialog` runs it.
    public init(session: Session, dialog: Dialog) {
        self.format = Self.currentFormat
        self.dialogID = dialog.id
        self.dialogVersion = dialog.version
        self.dialogContentHash = dialog.contentHash
        self.session = session
    }
}
