import Foundation

/// Where transcripts live by default and what their files are called.
///
/// Everything comes in as a value (the environment, the start time, the session id), so the choice is testable and
/// the same inputs always give the same path.
public enum TranscriptLocation {
    /// `$XDG_STATE_HOME/notice-assistant/transcripts`, or `$HOME/.local/state/notice-assistant/transcripts` when
    /// `XDG_STATE_HOME` is unset, empty or relative (the XDG spec says to ignore relative values).
    ///
    /// - Throws: ``TranscriptError/noStateDirectory`` when neither variable gives a usable directory.
    public static func defaultDirectory(environment: [String: String]) throws(TranscriptError) -> URL {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state, isDirectory: true)
        } else if let home = environment["HOME"], !home.isEmpty {
            base = URL(fileURLWithPath: home, isDirectory: true)
                .appendingPathComponent(".local", isDirectory: true)
                .appendingPathComponent("state", isDirectory: true)
        } else {
            throw .noStateDirectory
        }
        return base.appendingPathComponent("notice-assistant", isDirectory: true)
            .appendingPathComponent("transcripts", isDirectory: true)
    }

    /// The file name for a session, `2026-11-24T21-30-05Z-3f9a1c-5e0b91d2.jsonl`: the UTC start time to the second
    /// (with `-` for `:`, which some file systems refuse), the session id, and `suffix` when given, so names sort by
    /// time. ``FileTranscriptSink`` passes a random suffix, so a session id used again (by a host that starts an ended
    /// session's id once more, or by two servers sharing a directory) never collides; the `start` record keeps the id.
    ///
    /// Characters other than ASCII letters, digits, `-` and `_` in the id become `_`, so an id can never reach another
    /// directory; an id that holds personal data (`13812345678`) is written `redacted`.
    public static func fileName(startedAt: Date, sessionID: String, suffix: String? = nil) -> String {
        let c = TranscriptTimestamp.components(of: startedAt)
        let time = String(format: "%04d-%02d-%02dT%02d-%02d-%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second)
        var safeID = String(
            String.UnicodeScalarView(sessionID.unicodeScalars.map { $0.isASCIIAlphanumeric || $0 == "-" || $0 == "_" ? $0 : "_" }))
        if !Redactor().findings(in: sessionID).isEmpty { safeID = "redacted" }
        return "\(time)-\(safeID)" + (suffix.map { "-\($0)" } ?? "") + ".jsonl"
    }

    /// Eight random lowercase hex digits, the suffix that makes a transcript's file name unique.
    public static func makeUniqueSuffix() -> String {
        let hex = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// A new random session id of six lowercase hex digits, as used in file names.
    public static func makeSessionID() -> String {
        var generator = SystemRandomNumberGenerator()
        return makeSessionID(using: &generator)
    }

    /// A session id from the given generator, for tests that need a known id.
    public static func makeSessionID(using generator: inout some RandomNumberGenerator) -> String {
        let value = UInt32.random(in: 0..<(1 << 24), using: &generator)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 6 - hex.count) + hex
    }
}
