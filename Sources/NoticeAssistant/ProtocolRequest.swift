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
        /// What the server speaks: the protocol version, the dialog and its languages. Names no session.
        case hello
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
        case .hello: return nil
        }
    }

    /// The request types, as written in `"type"`.
    public static let types = ["hello", "start", "line", "summary", "snapshot", "end"]

    /// Reads one line of the protocol (without its newline). Never throws: a bad line is a ``ProtocolError`` value
    /// with the code to send back and, when the line got that far, the session and `ref` it named.
    public static func parse(_ line: some Collection<UInt8>) -> Result<ProtocolRequest, ProtocolError> {
        guard isValidUTF8(line) else {
            return .failure(ProtocolError(.invalidUTF8, .init(
                "the line is not valid UTF-8; send requests as UTF-8 JSON, one per line",
                hans: "这一行不是有效的 UTF-8；请求请用 UTF-8 编码的 JSON，一行一个",
                hant: "這一行不是有效的 UTF-8；請求請用 UTF-8 編碼的 JSON，一行一個")))
        }
        let data = Data(line)
        let example = #"{"type":"start","language":"en"}"#
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return .failure(ProtocolError(.notJSON, .init(
                "the line is not JSON; send one JSON object per line, e.g. \(example)",
                hans: "这一行不是 JSON；每行发一个 JSON 对象，例如 \(example)",
                hant: "這一行不是 JSON；每行發一個 JSON 物件，例如 \(example)")))
        }
        guard let dictionary = object as? [String: Any] else {
            return .failure(ProtocolError(.badRequest, .init(
                "a request is a JSON object, e.g. \(example)",
                hans: "请求是一个 JSON 对象，例如 \(example)",
                hant: "請求是一個 JSON 物件，例如 \(example)")))
        }
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: data)
        } catch {
            // The session and ref are still worth sending back when they are themselves well formed.
            let field = fieldName(error), kind = field == "v" ? "a number" : "a string"
            return .failure(ProtocolError(.badRequest, .init(
                "field `\(field)` has the wrong type; it must be \(kind)",
                hans: "字段 `\(field)` 的类型不对，应该是\(field == "v" ? "数字" : "字符串")",
                hant: "欄位 `\(field)` 的類型不對，應該是\(field == "v" ? "數字" : "字串")"),
                session: dictionary["session"] as? String, ref: dictionary["ref"] as? String))
        }
        return request(from: fields)
    }

    private static func request(from fields: Fields) -> Result<ProtocolRequest, ProtocolError> {
        func failure(_ code: ProtocolError.Code, _ wording: ProtocolError.Wording) -> Result<ProtocolRequest, ProtocolError> {
            .failure(ProtocolError(code, wording, session: fields.session, ref: fields.ref))
        }
        let allTypes = types.joined(separator: ", ")
        if let version = fields.v, version != ProtocolResponse.version {
            return failure(.unsupportedVersion, .init(
                "this server speaks protocol version \(ProtocolResponse.version), not \(version)",
                hans: "本服务使用协议版本 \(ProtocolResponse.version)，不是 \(version)",
                hant: "本服務使用協定版本 \(ProtocolResponse.version)，不是 \(version)"))
        }
        guard let type = fields.type else {
            return failure(.badRequest, .init(
                "the request has no `type`; use one of: \(allTypes)",
                hans: "请求没有 `type`；请用其中之一：\(allTypes)",
                hant: "請求沒有 `type`；請用其中之一：\(allTypes)"))
        }
        if type == "start" {
            return .success(ProtocolRequest(.start(session: fields.session, language: fields.language, snapshot: fields.snapshot), ref: fields.ref))
        }
        if type == "hello" { return .success(ProtocolRequest(.hello, ref: fields.ref)) }
        guard types.contains(type) else {
            return failure(.unknownType, .init(
                "unknown request type `\(type)`; use one of: \(allTypes)",
                hans: "没有 `\(type)` 这种请求；请用其中之一：\(allTypes)",
                hant: "沒有 `\(type)` 這種請求；請用其中之一：\(allTypes)"))
        }
        guard let session = fields.session else {
            return failure(.badRequest, .init(
                "a `\(type)` request needs `session`: the id the `started` response gave",
                hans: "`\(type)` 请求需要 `session`：`started` 回复里给的 id",
                hant: "`\(type)` 請求需要 `session`：`started` 回覆裡給的 id"))
        }
        switch type {
        case "line":
            guard let text = fields.text else {
                return failure(.badRequest, .init(
                    "a `line` request needs `text`: what the person typed",
                    hans: "`line` 请求需要 `text`：对方输入的内容",
                    hant: "`line` 請求需要 `text`：對方輸入的內容"))
            }
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
