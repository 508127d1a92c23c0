import Foundation

/// Reads a transcript file back into records, tolerating what a crash or a newer writer leaves behind.
///
/// - An incomplete last line (no final newline and not valid JSON: the process died while writing) is dropped with a
///   warning; every record before it is returned.
/// - A record of an unknown type is skipped with a warning, so old readers keep working when new types are added.
/// - Blank lines are ignored.
/// - A malformed line anywhere else, or a record from a newer schema, is an error naming the line: guessing past it
///   could show staff a conversation that did not happen.
///
/// ```swift
/// let contents = try TranscriptReader().read(contentsOf: url)
/// contents.warnings.forEach { print($0) }
/// ```
public struct TranscriptReader: Sendable {
    public init() {}

    /// Reads the file at `url`.
    public func read(contentsOf url: URL) throws(TranscriptReadError) -> TranscriptContents {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TranscriptReadError(path: url.path, line: nil, problem: .cannotRead(reason: Self.fileReason(error)))
        }
        return try read(data, path: url.path)
    }

    /// Reads transcript bytes; `path` only labels errors and warnings.
    public func read(_ data: Data, path: String? = nil) throws(TranscriptReadError) -> TranscriptContents {
        var contents = TranscriptContents(records: [], warnings: [])
        let bytes = [UInt8](data)
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            lineNumber += 1
            let newline = bytes[lineStart...].firstIndex(of: 0x0A)
            let lineEnd = newline ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                contents.records.append(try TranscriptLine.decode(Data(line)))
            } catch let error as TranscriptRecord.UnknownRecordTypeError {
                contents.warnings.append(
                    TranscriptReadWarning(path: path, line: lineNumber, problem: .unknownRecordType(error.type)))
            } catch let error as TranscriptRecord.UnsupportedSchemaError {
                throw TranscriptReadError(path: path, line: lineNumber, problem: .unsupportedSchema(error.schema))
            } catch {
                guard newline == nil else {
                    throw TranscriptReadError(
                        path: path, line: lineNumber, problem: .malformedRecord(reason: Self.reason(error)))
                }
                contents.warnings.append(TranscriptReadWarning(path: path, line: lineNumber, problem: .truncatedLastLine))
            }
        }
        return contents
    }

    /// A short human reason for a decoding or file error, without Swift's debug dump of the coding path.
    /// Why the file could not be read, in words a person can act on (not Foundation's error dump).
    private static func fileReason(_ error: any Error) -> String {
        switch (error as? CocoaError)?.code {
        case .fileReadNoSuchFile?, .fileNoSuchFile?:
            "there is no such file; check the path (transcripts are kept in $XDG_STATE_HOME/notice-assistant/transcripts, ~/.local/state/… by default)"
        case .fileReadNoPermission?:
            "permission denied; transcripts are private to the user who wrote them"
        case .fileReadCorruptFile?, .fileReadUnknown?:
            "the file could not be read (is it a folder?)"
        default:
            Self.reason(error)
        }
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return Self.describe(context, fallback: "the line is not valid JSON")
        case DecodingError.keyNotFound(let key, let context):
            return "missing field \"\(Self.path(context.codingPath + [key]))\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return Self.describe(context, fallback: "a field has the wrong type")
        default:
            return (error as? LocalizedError)?.errorDescription ?? String(describing: error)
        }
    }

    private static func describe(_ context: DecodingError.Context, fallback: String) -> String {
        let field = Self.path(context.codingPath)
        let detail = context.debugDescription.isEmpty ? fallback : context.debugDescription
        return field.isEmpty ? detail : "field \"\(field)\": \(detail)"
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
