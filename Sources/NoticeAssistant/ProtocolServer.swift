import DialogCore
import Foundation
import Transcript

/// The JSON-lines protocol without the process around it: takes request lines, holds the open sessions by id, and
/// returns the responses to write. No I/O of its own except through the transcript sinks it is given, so it can be
/// driven from tests as well as from `notice-assistant serve --stdio`.
///
/// ```swift
/// var server = ProtocolServer(assistant: assistant, configuration: .init(transcripts: .none))
/// for response in server.handle(line: Array(#"{"type":"start","session":"a","language":"en"}"#.utf8)) {
///     FileHandle.standardOutput.write(response.jsonLine())
/// }
/// let closing = server.finish(.endOfInput)   // every open session's `end`, transcripts closed
/// ```
///
/// A value: one reader owns it. Many sessions are interleaved on it; a bad request costs only an `error` response.
public struct ProtocolServer: Sendable {
    /// The longest request line served, in bytes: 1 MiB. A longer line gets `line_too_long`.
    public static let maximumLineLength = 1 << 20

    /// How the server runs sessions.
    public struct Configuration: Sendable {
        /// Where each session's transcript goes (one per session), written with mode `embedded`.
        public var transcripts: TranscriptDestination
        /// The language of a session whose `start` names none (the dialog's default when nil).
        public var defaultLanguage: String?
        /// The version written in transcripts' `start` records.
        public var programVersion: String
        /// At most this many sessions are open at once; a `start` beyond gets `too_many_sessions`.
        public var maximumSessions: Int
        /// Makes a line safe before the engine sees it (the command line removes control and escape sequences).
        public var cleanLine: @Sendable (String) -> String
        /// Makes an id for a `start` that gives none.
        public var makeSessionID: @Sendable () -> String
        /// The time written in transcripts.
        public var clock: @Sendable () -> Date

        /// Transcripts in the default directory, the dialog's default language, at most 10,000 sessions.
        public init(transcripts: TranscriptDestination = .defaultDirectory, defaultLanguage: String? = nil,
                    programVersion: String = Conversation.libraryVersion, maximumSessions: Int = 10_000,
                    cleanLine: @escaping @Sendable (String) -> String = { $0 },
                    makeSessionID: @escaping @Sendable () -> String = { TranscriptLocation.makeSessionID() },
                    clock: @escaping @Sendable () -> Date = { Date() }) {
            self.transcripts = transcripts
            self.defaultLanguage = defaultLanguage
            self.programVersion = programVersion
            self.maximumSessions = maximumSessions
            self.cleanLine = cleanLine
            self.makeSessionID = makeSessionID
            self.clock = clock
        }
    }

    /// The assistant every session runs on.
    public let assistant: Assistant
    /// How sessions are run.
    public let configuration: Configuration
    private var conversations: [String: Conversation] = [:]
    /// Open session ids in the order they started, so the end of input ends them in that order.
    private var order: [String] = []

    /// A server with no open session.
    public init(assistant: Assistant, configuration: Configuration = Configuration()) {
        self.assistant = assistant
        self.configuration = configuration
    }

    /// The ids of the open sessions, oldest first.
    public var sessionIDs: [String] { order }

    /// The session behind an open id.
    public func session(_ id: String) -> Session? { conversations[id]?.session }

    /// Serves one request line (without its newline; a trailing `\r` is ignored). A blank line gets no response.
    public mutating func handle(line: some Collection<UInt8>) -> [ProtocolResponse] {
        var bytes = Array(line)
        if bytes.last == 0x0D { bytes.removeLast() }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return [] }
        if bytes.count > Self.maximumLineLength { return lineTooLong() }
        switch ProtocolRequest.parse(bytes) {
        case .success(let request): return handle(request)
        case .failure(let error): return Self.finished([response(error)])
        }
    }

    /// The answer to a line that was too long to read: an `error` with `line_too_long`.
    public func lineTooLong() -> [ProtocolResponse] {
        let limit = Self.maximumLineLength
        return Self.finished([response(ProtocolError(.lineTooLong, .init(
            "the line is longer than \(limit) bytes and was skipped; a request is one short JSON object",
            hans: "这一行超过 \(limit) 字节，已跳过；一个请求是一个简短的 JSON 对象",
            hant: "這一行超過 \(limit) 位元組，已跳過；一個請求是一個簡短的 JSON 物件")))])
    }

    /// Serves one request.
    public mutating func handle(_ request: ProtocolRequest) -> [ProtocolResponse] {
        var responses: [ProtocolResponse]
        switch request.kind {
        case .hello:
            responses = [ProtocolResponse(session: nil, event: .hello(hello), ref: request.ref)]
        case .start(let id, let language, let snapshot):
            responses = start(id: id, language: language, snapshot: snapshot, ref: request.ref)
        case .line(let id, let text):
            responses = withConversation(id, request.ref) { $0.say(text, id: id, ref: request.ref) }
        case .summary(let id):
            responses = withConversation(id, request.ref) { server in
                let summary = server.conversations[id]!.summary
                return [ProtocolResponse(session: id, event: .dialog(.summary(summary)), ref: request.ref)]
            }
        case .snapshot(let id):
            responses = withConversation(id, request.ref) { server in
                let data = server.conversations[id]!.snapshot()
                return [ProtocolResponse(session: id, event: .snapshot(data.base64EncodedString()), ref: request.ref)]
            }
        case .end(let id):
            responses = withConversation(id, request.ref) { server in
                let advised = server.conversations[id]!.session.advised
                return [server.close(id, reason: .requested, transcriptReason: advised ? .completed : .quit,
                                     detail: "the client sent end", ref: request.ref)]
            }
        }
        return Self.finished(responses)
    }

    /// How the server stops.
    public enum FinishReason: Hashable, Sendable {
        /// The input ended.
        case endOfInput
        /// A signal stopped the server; its name goes into the transcripts.
        case signal(String)
        /// The responses could not be written; `detail` says why.
        case outputFailed(String)
    }

    /// Ends every open session, oldest first: each gets its `end` response and its transcript its `end` record.
    public mutating func finish(_ reason: FinishReason) -> [ProtocolResponse] {
        let ids = order
        let responses = ids.map { id in
            switch reason {
            case .endOfInput: return close(id, reason: .endOfInput, transcriptReason: .endOfInput, detail: nil, ref: nil)
            case .signal(let name): return close(id, reason: .signal, transcriptReason: .signal, detail: name, ref: nil)
            case .outputFailed(let detail): return close(id, reason: .error, transcriptReason: .error, detail: detail, ref: nil)
            }
        }
        return Self.finished(responses)
    }

    // MARK: - Requests

    private mutating func start(id requested: String?, language: String?, snapshot: String?, ref: String?) -> [ProtocolResponse] {
        // A start that fails is answered in the language it asked for, when the dialog speaks it.
        let answerLanguage = language.flatMap { assistant.dialog.languages.contains($0) ? $0 : nil } ?? defaultLanguage
        func failure(_ code: ProtocolError.Code, _ wording: ProtocolError.Wording) -> [ProtocolResponse] {
            [Self.response(ProtocolError(code, wording, session: requested, ref: ref), language: answerLanguage)]
        }
        if let requested {
            guard Self.isValidSessionID(requested) else {
                return failure(.badSessionID, .init(
                    "a session id is 1 to 64 ASCII letters, digits, `-` or `_`",
                    hans: "会话 id 是 1 到 64 个 ASCII 字母、数字、`-` 或 `_`",
                    hant: "會話 id 是 1 到 64 個 ASCII 字母、數字、`-` 或 `_`"))
            }
            // The id goes into transcript names and records, where it is masked anyway; one that is nothing but a
            // phone, ID-card or card number is refused, so the host learns to use random ids.
            guard !Self.looksLikePersonalData(requested) else {
                return failure(.badSessionID, .init(
                    "the session id looks like personal data (a phone, ID-card or bank-card number); use a random id, e.g. a UUID, or omit `session` and the server makes one",
                    hans: "会话 id 看起来像个人信息（手机号、身份证号或银行卡号）；请用随机 id（例如 UUID），或者不写 `session`，由服务生成",
                    hant: "會話 id 看起來像個人資料（手機號碼、身分證字號或銀行卡號）；請用隨機 id（例如 UUID），或者不寫 `session`，由服務產生"))
            }
            guard conversations[requested] == nil else {
                return failure(.sessionExists, .init(
                    "session `\(requested)` is already open; end it first or choose another id",
                    hans: "会话 `\(requested)` 已经开着；先结束它，或换一个 id",
                    hant: "會話 `\(requested)` 已經開著；先結束它，或換一個 id"))
            }
        }
        guard conversations.count < configuration.maximumSessions else {
            let open = conversations.count
            return failure(.tooManySessions, .init(
                "\(open) sessions are open, the most this server keeps; end some first",
                hans: "已经开着 \(open) 个会话，这是本服务的上限；请先结束一些",
                hant: "已經開著 \(open) 個會話，這是本服務的上限；請先結束一些"))
        }
        let dialog = assistant.dialog
        if let language, !dialog.languages.contains(language) {
            let spoken = dialog.languages.joined(separator: ", ")
            return failure(.unknownLanguage, .init(
                "the dialog speaks \(spoken), not `\(language)`",
                hans: "这个对话只支持 \(spoken)，不支持 `\(language)`",
                hant: "這個對話只支援 \(spoken)，不支援 `\(language)`"))
        }
        var resumed: ResumedSession?
        if let snapshot {
            guard let data = Data(base64Encoded: snapshot) else {
                return failure(.badSnapshot, .init(
                    "`snapshot` is not the base64 string a `snapshot` response carried; send it back unchanged",
                    hans: "`snapshot` 不是 `snapshot` 回复给的那个 base64 字符串；请原样发回",
                    hant: "`snapshot` 不是 `snapshot` 回覆給的那個 base64 字串；請原樣發回"))
            }
            do {
                resumed = try assistant.resume(from: data)
            } catch {
                let wording = ProtocolError.Wording(
                    error.description,
                    hans: "无法从这个快照继续：\(error.description)",
                    hant: "無法從這個快照繼續：\(error.description)")
                if case .otherDialog = error { return failure(.wrongDialog, wording) }
                return failure(.badSnapshot, wording)
            }
        }
        let id = requested ?? newSessionID()
        let conversation: Conversation
        do {
            conversation = try Conversation(
                assistant: assistant, id: id, language: language ?? (resumed == nil ? configuration.defaultLanguage : nil),
                resuming: resumed?.session, transcript: configuration.transcripts, mode: .embedded,
                programVersion: configuration.programVersion, at: configuration.clock())
        } catch {
            return failure(.transcriptFailed, .init(
                "the session did not start, so nothing is lost: its transcript cannot be written: \(error)",
                hans: "会话没有开始，所以什么都没有丢：它的对话记录写不进去：\(error)",
                hant: "會話沒有開始，所以什麼都沒有遺失：它的對話記錄寫不進去：\(error)"))
        }
        conversations[id] = conversation
        order.append(id)
        let started = ProtocolResponse.Started(
            language: conversation.session.language, dialogID: dialog.id, dialogVersion: dialog.version,
            dialogContentHash: dialog.contentHash, resumed: resumed != nil, dialogChanged: resumed?.dialogChanged ?? false,
            transcript: conversation.transcriptFile?.path)
        return [ProtocolResponse(session: id, event: .started(started), ref: ref)] + events(conversation.opening, id: id, ref: ref)
    }

    private mutating func say(_ text: String, id: String, ref: String?) -> [ProtocolResponse] {
        var conversation = conversations[id]!
        let hadFailed = conversation.transcriptError != nil
        let said = conversation.respond(to: configuration.cleanLine(text), at: configuration.clock())
        conversations[id] = conversation
        var responses = events(said, id: id, ref: ref)
        // A session that ends on this line always says so, even when the engine had nothing to say (a resumed session
        // that had already ended): the host waiting for `last` gets its `end`.
        if conversation.isFinished, !responses.contains(where: { $0.type == "end" }) {
            responses.append(ProtocolResponse(session: id, event: .end(reason: .quit, text: ""), ref: ref))
        }
        if !hadFailed, let failure = conversation.transcriptError {
            responses.append(Self.response(ProtocolError(.transcriptFailed, .init(
                "the transcript of this session cannot be written; the session goes on without it: \(failure)",
                hans: "这个会话的对话记录写不进去了；会话继续，但不再记录：\(failure)",
                hant: "這個會話的對話記錄寫不進去了；會話繼續，但不再記錄：\(failure)"),
                session: id, ref: ref), language: conversation.session.language))
        }
        if conversation.isFinished { forget(id) }
        return responses
    }

    private mutating func close(_ id: String, reason: ProtocolResponse.EndReason, transcriptReason: TranscriptRecord.End.Reason,
                                detail: String?, ref: String?) -> ProtocolResponse {
        var conversation = conversations[id]!
        conversation.end(transcriptReason, detail: detail, at: configuration.clock())
        forget(id)
        return ProtocolResponse(session: id, event: .end(reason: reason, text: ""), ref: ref)
    }

    private mutating func withConversation(_ id: String, _ ref: String?, _ body: (inout ProtocolServer) -> [ProtocolResponse]) -> [ProtocolResponse] {
        guard conversations[id] != nil else {
            let start = #"{"type":"start","session":"\#(id)"}"#
            return [response(ProtocolError(.unknownSession, .init(
                "no open session `\(id)`: start it with \(start) (ended sessions are gone)",
                hans: "没有开着的会话 `\(id)`：用 \(start) 开始它（已结束的会话不再存在）",
                hant: "沒有開著的會話 `\(id)`：用 \(start) 開始它（已結束的會話不再存在）"),
                session: id, ref: ref))]
        }
        return body(&self)
    }

    // MARK: - Helpers

    /// The engine's events as responses; its `ended` (the person quit) is the session's `end`.
    private func events(_ events: [DialogEvent], id: String, ref: String?) -> [ProtocolResponse] {
        events.map { event in
            if case .ended(_, let text) = event {
                return ProtocolResponse(session: id, event: .end(reason: .quit, text: text), ref: ref)
            }
            return ProtocolResponse(session: id, event: .dialog(event), ref: ref)
        }
    }

    private mutating func forget(_ id: String) {
        conversations[id] = nil
        order.removeAll { $0 == id }
    }

    private func newSessionID() -> String {
        while true {
            let id = configuration.makeSessionID()
            if conversations[id] == nil { return id }
        }
    }

    /// Whether the id is a number the redactor takes for personal data: only digits and separators (`13812345678`,
    /// `138-1234-5678`, `6222021234567894`). An id with letters in it is accepted — a UUID's hex digits hold a
    /// card-shaped run now and then — and whatever the redactor recognises in it is masked where the id is written.
    static func looksLikePersonalData(_ id: String) -> Bool {
        // X and x are an ID card's check character, not letters here.
        !id.unicodeScalars.contains { $0.properties.isAlphabetic && $0 != "X" && $0 != "x" }
            && !Redactor().findings(in: id).isEmpty
    }

    static func isValidSessionID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    /// The server's own default: `--lang`, else the dialog's first language.
    private var defaultLanguage: String {
        configuration.defaultLanguage ?? assistant.dialog.languages.first ?? "en"
    }

    /// What `hello` answers.
    public var hello: ProtocolResponse.Hello {
        let dialog = assistant.dialog
        return ProtocolResponse.Hello(
            protocolVersion: ProtocolResponse.version, programVersion: configuration.programVersion,
            dialogID: dialog.id, dialogVersion: dialog.version, dialogContentHash: dialog.contentHash,
            languages: dialog.languages, defaultLanguage: defaultLanguage)
    }

    /// An error in the language of the session it names when that session is open, else in the server's default.
    private func response(_ error: ProtocolError) -> ProtocolResponse {
        let language = error.session.flatMap { conversations[$0]?.session.language } ?? defaultLanguage
        return Self.response(error, language: language)
    }

    static func response(_ error: ProtocolError, language: String) -> ProtocolResponse {
        ProtocolResponse(session: error.session, event: .error(error.code, message: error.message(in: language)), ref: error.ref)
    }

    private static func finished(_ responses: [ProtocolResponse]) -> [ProtocolResponse] {
        var responses = responses
        if !responses.isEmpty { responses[responses.count - 1].last = true }
        return responses
    }
}
