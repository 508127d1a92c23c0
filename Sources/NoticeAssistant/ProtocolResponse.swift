import DialogCore
import Foundation

/// One response of the JSON-lines protocol: one JSON object on one line, flattened so a client reads `type` and
/// `text` and, when it wants more, the typed fields beside them.
///
/// ```json
/// {"v":1,"session":"a1","type":"ask","last":true,"text":"Which platform sent it?","state":"ask_platform",
///  "slots":["platform"],"label":"platform","choices":[],"attempt":0}
/// ```
///
/// Every response has `v` (``version``), `type`, `text` (what to show; empty when there is nothing) and `last`
/// (true on the final response to one input line); `session` and `ref` when known. docs/protocol.md lists the
/// fields of each type.
public struct ProtocolResponse: Hashable, Sendable, Encodable {
    /// The protocol version this library speaks. It changes only when a field changes meaning or disappears; new
    /// fields and new event types may be added without a change.
    public static let version = 1

    /// What happened.
    public enum Event: Hashable, Sendable {
        /// The session started (or resumed); the opening events follow.
        case started(Started)
        /// Something the engine said: `say`, `ask`, `reprompt`, `corrected`, `marked_unknown`, `summary`,
        /// `recommendation`, `draft` or `language`. The engine's own `ended` becomes ``end(reason:text:)``.
        case dialog(DialogEvent)
        /// The session as a string, for a later `start` with `snapshot`.
        case snapshot(String)
        /// The session is over and its transcript closed; no more responses come for it.
        case end(reason: EndReason, text: String)
        /// A request could not be served.
        case error(ProtocolError.Code, message: String)
        /// The answer to `hello`: the protocol version, the dialog and its languages.
        case hello(Hello)
    }

    /// What `started` tells: the session's language and dialog, and whether it was resumed.
    public struct Started: Hashable, Sendable {
        /// The session's language.
        public var language: String
        /// The dialog's `id`, `version` and content hash, so a host can tell which dialog answered.
        public var dialogID: String
        public var dialogVersion: String
        public var dialogContentHash: String
        /// True when the session came from a snapshot.
        public var resumed: Bool
        /// For a resumed session: the dialog's files changed since the snapshot.
        public var dialogChanged: Bool
        /// The transcript file, when there is one.
        public var transcript: String?

        /// What `started` says.
        public init(language: String, dialogID: String, dialogVersion: String, dialogContentHash: String, resumed: Bool,
                    dialogChanged: Bool, transcript: String?) {
            self.language = language
            self.dialogID = dialogID
            self.dialogVersion = dialogVersion
            self.dialogContentHash = dialogContentHash
            self.resumed = resumed
            self.dialogChanged = dialogChanged
            self.transcript = transcript
        }
    }

    /// Why a session ended.
    public enum EndReason: String, Hashable, Sendable, Codable {
        /// The person typed a quit command.
        case quit
        /// The client sent `end`.
        case requested
        /// The input stream ended.
        case endOfInput = "end_of_input"
        /// The server was stopped by a signal.
        case signal
        /// The output could not be written.
        case error
    }

    /// The session it is about, when known.
    public var session: String?
    /// What happened.
    public var event: Event
    /// The `ref` of the request this answers.
    public var ref: String?
    /// True on the final response to one input line (or to the end of input).
    public var last: Bool

    /// A response about `session`, answering the request `ref`.
    public init(session: String?, event: Event, ref: String? = nil, last: Bool = false) {
        self.session = session
        self.event = event
        self.ref = ref
        self.last = last
    }

    /// The `type` written on the wire.
    public var type: String {
        switch event {
        case .started: return "started"
        case .snapshot: return "snapshot"
        case .end: return "end"
        case .error: return "error"
        case .hello: return "hello"
        case .dialog(let event):
            switch event {
            case .message: return "say"
            case .ask(let question): return question.attempt == 0 ? "ask" : "reprompt"
            case .corrected: return "corrected"
            case .markedUnknown: return "marked_unknown"
            case .summary: return "summary"
            case .recommendation: return "recommendation"
            case .draft: return "draft"
            case .languageChanged: return "language"
            case .ended: return "end"
            }
        }
    }

    /// What to show a person; empty when there is nothing.
    public var text: String {
        switch event {
        case .dialog(let event): return event.text
        case .end(_, let text): return text
        case .error(_, let message): return message
        case .started, .snapshot, .hello: return ""
        }
    }
}
