/// Where the line editor keeps the lines it lets the user recall with the arrow keys.
///
/// In memory, history lives as long as the editor and holds lines exactly as typed (after cleaning).
/// In a file, the lines of earlier sessions are loaded at start, and each new line is appended to
/// the file after passing through `redact`, so personal data typed at the prompt (phone numbers,
/// ID-card numbers) never reaches the disk. The file is created with mode 0600 and its parent
/// directory with mode 0700. The current session still recalls its own lines as typed.
///
/// ```swift
/// let history = HistoryStore.file(at: "\(stateDirectory)/history", redact: { Redactor().redact($0) })
/// ```
public struct HistoryStore: Sendable {
    enum Location: Sendable {
        case memory
        case file(path: String, redact: @Sendable (String) -> String)
    }

    let location: Location
    /// The most lines kept, in memory and in the file.
    public let limit: Int

    /// History kept only while the editor lives.
    public static func inMemory(limit: Int = 500) -> HistoryStore {
        HistoryStore(location: .memory, limit: max(1, limit))
    }

    /// History persisted to `path`; every line passes through `redact` before it is written.
    public static func file(
        at path: String, limit: Int = 500, redact: @escaping @Sendable (String) -> String
    ) -> HistoryStore {
        HistoryStore(location: .file(path: path, redact: redact), limit: max(1, limit))
    }
}
