/// Why a transcript file could not be read, with the line at fault.
///
/// Its description reads `path:line: error: …` so editors and terminals can jump to the line.
public struct TranscriptReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        /// The file could not be opened or read at all.
        case cannotRead(reason: String)
        /// A complete line that is not a valid record (a torn *last* line is only a warning).
        case malformedRecord(reason: String)
        /// The record was written in a newer format; upgrade notice-assistant to read it.
        case unsupportedSchema(Int)
    }

    /// The file, when reading from one.
    public var path: String?
    /// 1-based; `nil` when the whole file is at fault.
    public var line: Int?
    public var problem: Problem

    public init(path: String?, line: Int?, problem: Problem) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    public var description: String {
        let location = [path, line.map(String.init)].compactMap { $0 }.joined(separator: ":")
        let message =
            switch problem {
            case .cannotRead(let reason): "cannot read the transcript: \(reason)"
            case .malformedRecord(let reason): "not a valid transcript record: \(reason)"
            case .unsupportedSchema(let schema):
                "this record uses transcript schema \(schema), but this version reads up to schema "
                    + "\(TranscriptRecord.schemaVersion); use a newer notice-assistant"
            }
        return location.isEmpty ? "error: \(message)" : "\(location): error: \(message)"
    }
}
