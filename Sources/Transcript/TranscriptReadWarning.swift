/// Something odd but harmless found while reading a transcript; the records around it were read.
public struct TranscriptReadWarning: Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        /// The last line is incomplete, as left by a crash or `kill -9` while it was written; it was dropped.
        case truncatedLastLine
        /// A record of a type this version does not know, probably from a newer version; it was skipped.
        case unknownRecordType(String)
    }

    /// The file, when reading from one.
    public var path: String?
    /// 1-based.
    public var line: Int
    public var problem: Problem

    public init(path: String?, line: Int, problem: Problem) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    public var description: String {
        let location = (path.map { "\($0):" } ?? "") + "\(line)"
        let message =
            switch problem {
            case .truncatedLastLine:
                "the last line is incomplete (the session was cut off while writing it) and was skipped"
            case .unknownRecordType(let type):
                "skipped a record of unknown type \"\(type)\" (written by a newer version?)"
            }
        return "\(location): warning: \(message)"
    }
}
