/// A request the server could not serve, sent back as an `error` response on the same stream. The server goes on
/// serving every other request and session.
public struct ProtocolError: Error, Hashable, Sendable {
    /// What went wrong, as a stable code a client can switch on; docs/protocol.md lists them.
    public enum Code: String, Hashable, Codable, Sendable, CaseIterable {
        /// The line is not JSON.
        case notJSON = "not_json"
        /// The line is not valid UTF-8.
        case invalidUTF8 = "invalid_utf8"
        /// The line is longer than ``ProtocolServer/maximumLineLength``; it was skipped up to its newline.
        case lineTooLong = "line_too_long"
        /// JSON, but not a request: not an object, a field of the wrong type, or a field missing.
        case badRequest = "bad_request"
        /// `type` is not one of the request types.
        case unknownType = "unknown_type"
        /// `v` names a protocol version this server does not speak.
        case unsupportedVersion = "unsupported_version"
        /// No open session has this id (it never started, or it ended).
        case unknownSession = "unknown_session"
        /// `start` named a session id that is open.
        case sessionExists = "session_exists"
        /// A session id must be 1–64 ASCII letters, digits, `-` or `_`.
        case badSessionID = "bad_session_id"
        /// The language is not one the dialog declares.
        case unknownLanguage = "unknown_language"
        /// The snapshot could not be read.
        case badSnapshot = "bad_snapshot"
        /// The snapshot belongs to another dialog.
        case wrongDialog = "wrong_dialog"
        /// Too many sessions are open; end some first.
        case tooManySessions = "too_many_sessions"
        /// The transcript could not be written. At `start` the session does not start; later the session goes on.
        case transcriptFailed = "transcript_failed"
        /// `serve` could not start: no dialog was found where it looked. Sent once, before the server exits.
        case dialogMissing = "dialog_missing"
        /// `serve` could not start: the dialog has errors. Sent once, before the server exits.
        case dialogInvalid = "dialog_invalid"
    }

    /// The stable code.
    public var code: Code
    /// What happened and what to do, in English, for a person reading the log.
    public var message: String
    /// The same sentence in other languages, by language tag (`zh-Hans`, `zh-Hant`); see ``message(in:)``.
    public var translations: [String: String] = [:]
    /// The session the request named, if any.
    public var session: String?
    /// The request's `ref`, if it had one.
    public var ref: String?

    /// An error to send back, about `session` and answering the request `ref` when known.
    public init(_ code: Code, _ message: String, session: String? = nil, ref: String? = nil) {
        self.code = code
        self.message = message
        self.session = session
        self.ref = ref
    }

    /// An error worded in the three languages of the shipped dialogs.
    init(_ code: Code, _ wording: Wording, session: String? = nil, ref: String? = nil) {
        self.init(code, wording.en, session: session, ref: ref)
        translations = ["zh-Hans": wording.hans, "zh-Hant": wording.hant]
    }

    /// The message in `language`, or in English when there is no translation.
    public func message(in language: String) -> String {
        translations[language] ?? message
    }

    /// One sentence in English, simplified and traditional Chinese.
    struct Wording {
        var en: String
        var hans: String
        var hant: String

        init(_ en: String, hans: String, hant: String) {
            self.en = en
            self.hans = hans
            self.hant = hant
        }
    }
}
