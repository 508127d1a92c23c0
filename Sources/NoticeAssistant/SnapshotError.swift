/// Why a snapshot could not be resumed. Each case says what to do about it.
public enum SnapshotError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The data is not a snapshot: not JSON, cut short, or missing fields. `reason` says what the decoder found.
    case unreadable(reason: String)
    /// The snapshot was written in a format this library does not read.
    case unsupportedFormat(found: Int, supported: Int)
    /// The snapshot belongs to another dialog.
    case otherDialog(expected: String, found: String)
    /// The snapshot reads, but holds what the dialog could not have produced: a counter out of range, a state or a
    /// choice the dialog does not have, a value of the wrong kind. It was changed after it was taken.
    case invalid(reason: String)
    /// The snapshot is of a session that had ended (the person quit); there is nothing to go on with.
    case ended

    /// What went wrong and what to do, in a sentence.
    public var description: String {
        switch self {
        case .unreadable(let reason):
            return "this is not a session snapshot (\(reason)); pass the data `snapshot(_:)` returned, unchanged"
        case .unsupportedFormat(let found, let supported):
            return "the snapshot is in format \(found), but this version reads format \(supported); resume it with the version that wrote it"
        case .otherDialog(let expected, let found):
            return "the snapshot is of dialog `\(found)`, but this assistant runs `\(expected)`; resume it with an assistant loaded from that dialog"
        case .invalid(let reason):
            return "the snapshot was changed after it was taken (\(reason)); pass the data `snapshot(_:)` returned, unchanged, or start a new session"
        case .ended:
            return "the snapshot is of a session that had ended; start a new session instead"
        }
    }
}
