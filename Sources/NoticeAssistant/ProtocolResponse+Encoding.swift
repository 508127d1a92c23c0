import DialogCore
import Foundation

// The flat form on the wire: `v`, `session`, `ref`, `type`, `last`, `text`, then the fields of the type.
extension ProtocolResponse {
    private enum Key: String, CodingKey {
        case v, session, ref, type, last, text
        case id, state, slots, label, choices, attempt
        case slot, old, new, lines, situations, remedies, title, language
        case dialog, resumed, dialogChanged, transcript, snapshot, reason, code, message
        case `protocol`, protocols, program, languages, defaultLanguage
    }

    private struct DialogInfo: Encodable {
        var id: String
        var version: String
        var contentHash: String
    }

    private struct Remedy: Encodable {
        var id: String
        var title: String
        var steps: [String]
        var prepare: String?
        var channel: String?
        var reasons: [String]
    }

    /// The flat wire form, in no particular key order; ``jsonLine()`` writes it in the documented order.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.version, forKey: .v)
        try c.encodeIfPresent(session, forKey: .session)
        try c.encodeIfPresent(ref, forKey: .ref)
        try c.encode(type, forKey: .type)
        try c.encode(last, forKey: .last)
        try encodeBody(into: &c)
    }

    /// The response as one line of JSON, newline included: `v`, `session`, `ref`, `type` and `last` first, so a
    /// person reading a log sees them at once, then `text` and the other fields in alphabetical order.
    public func jsonLine() -> Data {
        var line = #"{"v":\#(Self.version)"#
        if let session { line += #","session":"# + Self.quoted(session) }
        if let ref { line += #","ref":"# + Self.quoted(ref) }
        line += #","type":"# + Self.quoted(type) + #","last":"# + (last ? "true" : "false")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(Body(response: self))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        line += body == "{}" ? "}" : "," + body.dropFirst()
        return Data((line + "\n").utf8)
    }

    private static func quoted(_ string: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(string)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    /// The fields after the header.
    private struct Body: Encodable {
        var response: ProtocolResponse
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try response.encodeBody(into: &c)
        }
    }

    private func encodeBody(into c: inout KeyedEncodingContainer<Key>) throws {
        try c.encode(text, forKey: .text)
        switch event {
        case .started(let started):
            try c.encode(started.language, forKey: .language)
            try c.encode(DialogInfo(id: started.dialogID, version: started.dialogVersion, contentHash: started.dialogContentHash), forKey: .dialog)
            try c.encode(started.resumed, forKey: .resumed)
            if started.resumed { try c.encode(started.dialogChanged, forKey: .dialogChanged) }
            try c.encodeIfPresent(started.transcript, forKey: .transcript)
        case .snapshot(let snapshot):
            try c.encode(snapshot, forKey: .snapshot)
        case .end(let reason, _):
            try c.encode(reason, forKey: .reason)
        case .error(let code, let message):
            try c.encode(code, forKey: .code)
            try c.encode(message, forKey: .message)
        case .hello(let hello):
            try c.encode(hello.protocolVersion, forKey: .protocol)
            try c.encode([hello.protocolVersion], forKey: .protocols)
            try c.encode(hello.programVersion, forKey: .program)
            try c.encode(DialogInfo(id: hello.dialogID, version: hello.dialogVersion, contentHash: hello.dialogContentHash), forKey: .dialog)
            try c.encode(hello.languages, forKey: .languages)
            try c.encode(hello.defaultLanguage, forKey: .defaultLanguage)
        case .dialog(let event):
            try encode(event, into: &c)
        }
    }

    private func encode(_ event: DialogEvent, into c: inout KeyedEncodingContainer<Key>) throws {
        switch event {
        case .message(let id, _):
            try c.encode(id, forKey: .id)
        case .ask(let question):
            try c.encode(question.state, forKey: .state)
            try c.encode(question.slots, forKey: .slots)
            try c.encode(question.label, forKey: .label)
            try c.encode(question.choices, forKey: .choices)
            try c.encode(question.attempt, forKey: .attempt)
        case .corrected(let change, _):
            try c.encode(change.slot, forKey: .slot)
            try c.encode(displayed(change.old, change.slot), forKey: .old)
            try c.encode(displayed(change.new, change.slot), forKey: .new)
        case .markedUnknown(let slot, _):
            try c.encode(slot, forKey: .slot)
        case .summary(let summary):
            try c.encode(summary.lines, forKey: .lines)
            try c.encode(summary.situations, forKey: .situations)
        case .recommendation(let recommendation):
            try c.encode(recommendation.situations, forKey: .situations)
            try c.encode(recommendation.remedies.map {
                Remedy(id: $0.id, title: $0.title, steps: $0.steps, prepare: $0.prepare, channel: $0.channel, reasons: $0.reasons)
            }, forKey: .remedies)
        case .draft(let id, let title, _):
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
        case .languageChanged(let language, _):
            try c.encode(language, forKey: .language)
        case .ended(let reason, _):
            try c.encode(reason.rawValue, forKey: .reason)
        }
    }

    /// Slot values on the wire are plain: `yes`, `no`, `unknown`, a number, the chosen ids joined by `,`, or the text.
    private func displayed(_ value: SlotValue?, _ slot: String) -> String? {
        guard let value else { return nil }
        switch value {
        case .yes: return "yes"
        case .no: return "no"
        case .unknown: return "unknown"
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .choices(let ids): return ids.joined(separator: ",")
        case .text(let text): return text
        }
    }
}
