import Foundation

/// One line of a transcript: what happened at one moment of a session.
///
/// Encoded as a single JSON object with `"type"` (`start`, `turn`, `recommendation`, `end`), `"schema"` (the format
/// version, ``schemaVersion``) and `"time"` (ISO 8601, UTC, milliseconds), plus the fields of its kind. The format is
/// documented in `docs/transcript.md`; the promise is that new optional fields and new record types may appear without
/// a schema change, and anything that would make an old reader misread a record bumps ``schemaVersion``.
///
/// Text fields are stored as given: redaction is the sink's job (``FileTranscriptSink`` and ``MemoryTranscriptSink``
/// apply ``redacted(by:)`` before storing), so a host cannot forget it.
public enum TranscriptRecord: Sendable, Hashable, Codable {
    /// The session began.
    case start(Start)
    /// The user said something and the assistant answered.
    case turn(Turn)
    /// The assistant told the user which remedies fit and why.
    case recommendation(Recommendation)
    /// The session ended.
    case end(End)

    /// The format version written in every record's `"schema"` field.
    public static let schemaVersion = 1

    /// When the record was made.
    public var time: Date {
        switch self {
        case .start(let start): start.time
        case .turn(let turn): turn.time
        case .recommendation(let recommendation): recommendation.time
        case .end(let end): end.time
        }
    }

    /// The record's `"type"` as written in the file.
    public var type: String {
        switch self {
        case .start: Start.type
        case .turn: Turn.type
        case .recommendation: Recommendation.type
        case .end: End.type
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .start(let start): try start.encode(to: encoder)
        case .turn(let turn): try turn.encode(to: encoder)
        case .recommendation(let recommendation): try recommendation.encode(to: encoder)
        case .end(let end): try end.encode(to: encoder)
        }
    }

    /// Reads any record; throws ``UnknownRecordTypeError`` for a type this version does not know and
    /// ``UnsupportedSchemaError`` for a record written in a newer, incompatible format, so a reader can tell those
    /// apart from a damaged line.
    public init(from decoder: any Decoder) throws {
        let header = try decoder.container(keyedBy: HeaderKey.self)
        let schema = try header.decode(Int.self, forKey: .schema)
        guard schema <= Self.schemaVersion else { throw UnsupportedSchemaError(schema: schema) }
        let type = try header.decode(String.self, forKey: .type)
        switch type {
        case Start.type: self = .start(try Start(from: decoder))
        case Turn.type: self = .turn(try Turn(from: decoder))
        case Recommendation.type: self = .recommendation(try Recommendation(from: decoder))
        case End.type: self = .end(try End(from: decoder))
        default: throw UnknownRecordTypeError(type: type)
        }
    }

    private enum HeaderKey: String, CodingKey {
        case type, schema
    }

    /// A record whose `"type"` this version does not know, probably written by a newer version; safe to skip.
    public struct UnknownRecordTypeError: Error, Hashable, Sendable {
        public var type: String
    }

    /// A record in a newer format than this version can read; reading on would misread it.
    public struct UnsupportedSchemaError: Error, Hashable, Sendable {
        public var schema: Int
    }
}

/// The fields every record starts with, written by each kind's `encode(to:)`.
enum RecordHeaderKey: String, CodingKey {
    case type, schema, time
}

extension KeyedEncodingContainer where Key == RecordHeaderKey {
    mutating func encodeHeader(type: String, time: Date) throws {
        try encode(type, forKey: .type)
        try encode(TranscriptRecord.schemaVersion, forKey: .schema)
        try encode(TranscriptTimestamp.string(from: time), forKey: .time)
    }
}

extension KeyedDecodingContainer where Key == RecordHeaderKey {
    func decodeTime() throws -> Date {
        let text = try decode(String.self, forKey: .time)
        guard let date = TranscriptTimestamp.date(from: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .time, in: self, debugDescription: "expected a UTC time like 2026-11-24T21:30:05.123Z, found \(text)")
        }
        return date
    }
}
