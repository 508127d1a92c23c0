/// A history file could not be read or written.
///
/// History is a convenience, so the editor never fails because of it: it keeps working with
/// in-memory history and reports the first problem through ``LineEditor/historyError`` so the caller
/// can mention it once.
public struct HistoryFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The history file.
    public let path: String
    /// What was being done: "read", "create the directory for", "write".
    public let operation: String
    /// The system's explanation.
    public let reason: String

    public var description: String {
        "could not \(operation) the history file \(path): \(reason)"
    }
}
