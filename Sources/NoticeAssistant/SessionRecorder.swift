import DialogCore
import Foundation
@_exported import Transcript

/// Turns what happens in a session into transcript records and writes them to a sink. Shared by the command line
/// and embedding hosts, so both write the same records. Each record is written before the reply is shown.
public struct SessionRecorder: Sendable {
    public let sink: any TranscriptSink
    public let assistant: Assistant
    public let sessionID: String

    public init(sink: any TranscriptSink, assistant: Assistant, sessionID: String) {
        self.sink = sink
        self.assistant = assistant
        self.sessionID = sessionID
    }

    public func start(_ session: Session, mode: TranscriptRecord.Start.Mode, programVersion: String, at time: Date) throws {
        let dialog = assistant.dialog
        try sink.write(.start(.init(time: time, programVersion: programVersion, dialogID: dialog.id, dialogVersion: dialog.version,
                                    dialogContentHash: dialog.contentHash, language: session.language, mode: mode, sessionID: sessionID)))
    }

    /// Records one line and what it did; a recommendation among the events gets its own record after the turn.
    /// Everything comes from the engine's `TurnResult`: nothing is compared or matched again here.
    public func turn(line: String?, _ result: TurnResult, at time: Date) throws {
        let language = result.session.language
        let compiled = assistant.engine.compiled
        let changed = result.changes.map { change in
            TranscriptRecord.Turn.SlotChange(slot: change.slot,
                                             old: change.old.map { compiled.display($0, of: change.slot, language: language) },
                                             new: change.new.map { compiled.display($0, of: change.slot, language: language) })
        }
        try sink.write(.turn(.init(time: time, number: result.session.turn, stateBefore: result.stateBefore ?? "",
                                   stateAfter: result.session.current ?? "", userLine: line,
                                   assistantMessages: result.events.map(\.text).filter { !$0.isEmpty }, slotsChanged: changed,
                                   intent: result.command?.name, understood: result.unanswered ? false : nil,
                                   restarted: result.restarted ? true : result.restartUndone ? false : nil,
                                   alerts: result.alerts.isEmpty ? nil : result.alerts)))
        for case .recommendation(let recommendation) in result.events {
            try sink.write(.recommendation(.init(
                time: time, situations: recommendation.situations.map(\.id),
                remedies: recommendation.remedies.map { .init(id: $0.id, title: $0.title, reasons: $0.reasons) })))
        }
    }

    public func end(_ session: Session, reason: TranscriptRecord.End.Reason, detail: String? = nil, at time: Date) throws {
        let renderer = ValueDisplay(assistant: assistant, language: session.language)
        var slots: [String: String] = [:]
        for (id, value) in session.values { slots[id] = renderer.display(value, id) }
        var values: [String: [String]] = [:]
        for (id, value) in session.values { values[id] = Self.canonical(value) }
        try sink.write(.end(.init(time: time, reason: reason, detail: detail, finalSlots: slots, finalValues: values)))
        try sink.close()
    }

    /// A value as the dialog and its tests write it.
    public static func canonical(_ value: SlotValue) -> [String] {
        switch value {
        case .yes: return ["yes"]
        case .no: return ["no"]
        case .unknown: return ["unknown"]
        case .number(let n): return [n.rounded() == n && abs(n) < 1e15 ? String(Int(n)) : String(n)]
        case .choices(let ids): return ids
        case .text(let text): return [text]
        }
    }
}

/// Slot values as a person reads them, in a language: for transcripts and hosts.
public struct ValueDisplay: Sendable {
    let assistant: Assistant
    let language: String

    public init(assistant: Assistant, language: String) {
        self.assistant = assistant
        self.language = language
    }

    public func display(_ value: SlotValue, _ slot: String) -> String {
        assistant.engine.compiled.display(value, of: slot, language: language)
    }
}
