import Foundation

/// One request of the JSON-lines protocol (`notice-assistant serve --stdio`): one JSON object on one line.
///
/// ```json
/// {"type":"start","session":"a1","language":"en"}
/// {"type":"line","session":"a1","text":"I got a text from Huabei"}
/// {"type":"summary","session":"a1"}
/// {"type":"snapshot","session":"a1"}
/// {"type":"end","session":"a1"}
/// ```
///
/// Every request may carry `"v"` (the protocol version it was written for; only ``ProtocolResponse/version`` is
/// accepted) and `"ref"` (any string, echoed in every response to it). Unknown fields are ignored, so a newer
/// client can talk to this server. docs/protocol.md describes each request.
public struct ProtocolRequest: Hashable, Sendable {
    /// What the request asks for.
    public enum Kind: Hashable, Sendable {
        /// Start a session, or resume one from `snapshot` (the string a `snapshot` response carried). Without a
        /// `session` id the server makes one.
        case start(session: String?, language: String?, snapshot: String?)
        /// The person's line.
        case line(session: String, text: String)
        /// What the session knows so far.
        case summary(session: String)
        /// The session as a string, to start it again later.
        case snapshot(session: String)
        /// End the session; its transcript gets its `end` record.
        case end(session: String)
    }

    /// What it asks for.
    public var kind: Kind
    /// The client's own reference, echoed in every response to this request.
    public var ref: String?

    /// A request, with the client's `ref` to echo.
    public init(_ kind: Kind, ref: String? = nil) {
        self.kind = kind
        self.ref = ref
    }

    /// The session the request is about, if it names one.
    public var session: String? {
        switch kind {
        case .start(let session, _, _): return session
        case .line(let session, _), .summary(let session), .snapshot(let session), .end(let session): return session
        }
    }

    /// The request types, as written in `"type"`.
    public static let types = ["start", "line", "summary", "snapshot", "end"]

    /// Reads one line of the protocol (without its newline). Never throws: a bad line is a ``ProtocolError`` value
    /// with the code to send back and, when the line got that far, the session and `ref` it named.
    public static func parse(_ line: some Collection<UInt8>) -> Result<ProtocolRequest, ProtocolError> {
        guard isValidUTF8(line) else {
            return .failure(ProtocolError(.invalidUTF8, "the line is not valid UTF-8; send requests as UTF-8 JSON, one per line"))
        }
        let data = Data(line)
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return .failure(ProtocolError(.notJSON, "the line is not JSON; send one JSON object per line, e.g. {\"type\":\"start\",\"language\":\"en\"}"))
        }
        guard let dictionary = object as? [String: Any] else {
            return .failure(ProtocolError(.badRequest, "a request is a JSON object, e.g. {\"type\":\"start\",\"language\":\"en\"}"))
        }
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: data)
        } catch {
            // The error still names the request's session and ref when they are strings, so the host can match it up.
            return .failure(ProtocolError(
                .badRequest, "field `\(fieldName(error))` has the wrong type; it must be \(fieldName(error) == "v" ? "a number" : "a string")",
                session: dictionary["session"] as? String, ref: dictionary["ref"] as? String))
        }
        return request(from: fields)
    }

    private static func request(from fields: Fields) -> Result<ProtocolRequest, ProtocolError> {
        func failure(_ code: ProtocolError.Code, _ message: String) -> Result<ProtocolRequest, ProtocolError> {
            .failure(ProtocolError(code, message, session: fields.session, ref: fields.ref))
        }
        if let version = fields.v, version != ProtocolResponse.version {
            return failure(.unsupportedVersion, "this server speaks protocol version \(ProtocolResponse.version), not \(version)")
        }
        guard let type = fields.type else {
            return failure(.badRequest, "the request has no `type`; use one of: \(types.joined(separator: ", "))")
        }
        if type == "start" {
            return .success(ProtocolRequest(.start(session: fields.session, language: fields.language, snapshot: fields.snapshot), ref: fields.ref))
        }
        guard types.contains(type) else {
            return failure(.unknownType, "unknown request type `\(type)`; use one of: \(types.joined(separator: ", "))")
        }
        guard let session = fields.session else {
            return failure(.badRequest, "a `\(type)` request needs `session`: the id the `started` response gave")
        }
        switch type {
        case "line":
            guard let text = fields.text else { return failure(.badRequest, "a `line` request needs `text`: what the person typed") }
            return .success(ProtocolRequest(.line(session: session, text: text), ref: fields.ref))
        case "summary": return .success(ProtocolRequest(.summary(session: session), ref: fields.ref))
        case "snapshot": return .success(ProtocolRequest(.snapshot(session: session), ref: fields.ref))
        default: return .success(ProtocolRequest(.end(session: session), ref: fields.ref))
        }
    }

    /// Every field any request may have; which ones a type needs is checked after.
    private struct Fields: Decodable {
        var v: Int?
        var type: String?
        var session: String?
        var language: String?
        var text: String?
        var snapshot: String?
        var ref: String?
    }

    private static func fieldName(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "?" }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.codingPath.first?.stringValue ?? "?"
        case .keyNotFound(let key, _): return key.stringValue
        @unknown default: return "?"
        }
    }

    private static func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
