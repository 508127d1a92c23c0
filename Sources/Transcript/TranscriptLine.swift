import Foundation

/// Turns a record into the bytes of one transcript line and back.
///
/// The line is compact JSON with sorted keys and a final newline. Besides what JSON requires, it escapes every character
/// that would make the raw file lie or misbehave when a person opens it with `cat` or `less`: DEL, the C1 controls,
/// the bidirectional overrides and isolates, zero-width characters and the Unicode line and paragraph separators. An
/// escaped character reads back as itself, so nothing a user typed is lost. ``TranscriptLineEncoder`` writes the bytes.
enum TranscriptLine {
    /// The line for `record`, newline included. Writers that encode many records keep a ``TranscriptLineEncoder``
    /// and reuse its buffer instead.
    static func encode(_ record: TranscriptRecord) throws -> Data {
        var encoder = TranscriptLineEncoder()
        encoder.encode(record)
        return Data(encoder.bytes)
    }

    static func decode(_ line: Data) throws -> TranscriptRecord {
        try JSONDecoder().decode(TranscriptRecord.self, from: line)
    }

    /// Characters that JSON allows raw inside a string but that a terminal or editor would act on or hide. All of them
    /// are in the Basic Multilingual Plane, so a single `\uXXXX` escape is enough.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // controls (JSONEncoder escapes C0 already; kept for safety)
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }
}
