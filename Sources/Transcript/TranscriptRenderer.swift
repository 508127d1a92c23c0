import Foundation

/// Renders a transcript for people: help-desk staff reading it in a terminal, or pasting it into a ticket.
///
/// The output has a header (session, dialog, language, mode, start and end time, how the session ended), the
/// conversation turn by turn (the user's line, the assistant's messages, the slots each turn changed), the slots known
/// at the end, and the recommendations with their reasons. It promises:
/// - nothing in it can act on a terminal or a Markdown renderer: control and bidirectional characters are shown as
///   `⟨U+XXXX⟩`, and in Markdown every character Markdown would interpret is escaped;
/// - it adds no personal data, and masks again what it shows (records are redacted when written, but a file written by
///   an older version, or by hand, may hold forms of personal data that version did not know);
/// - a transcript cut short says so instead of pretending the session ended.
///
/// ```swift
/// let contents = try TranscriptReader().read(contentsOf: url)
/// print(TranscriptRenderer(format: .markdown).render(contents))
/// ```
public struct TranscriptRenderer: Sendable {
    /// The kind of text to produce.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// Aligned plain text for a terminal.
        case plainText = "text"
        /// GitHub-flavoured Markdown for a ticket.
        case markdown
    }

    public var format: Format

    public init(format: Format = .plainText) {
        self.format = format
    }

    /// Renders the records of one session.
    public func render(_ records: [TranscriptRecord]) -> String {
        render(TranscriptContents(records: records, warnings: []))
    }

    /// Renders what a reader found, including a note for each warning (a torn last line, skipped records).
    public func render(_ contents: TranscriptContents) -> String {
        let redactor = Redactor()
        let session = SessionView(contents.records.map { $0.redacted(by: redactor) })
        var notes = contents.warnings.map { "line \($0.line): \(Self.explanation(of: $0.problem))" }
        if session.end == nil {
            notes.append("there is no end record: the session was cut off or is still running")
        }
        switch format {
        case .plainText: return PlainTextTranscript(session: session, notes: notes).text
        case .markdown: return MarkdownTranscript(session: session, notes: notes).text
        }
    }

    private static func explanation(of problem: TranscriptReadWarning.Problem) -> String {
        switch problem {
        case .truncatedLastLine: "the last record was cut off while being written and is missing"
        case .unknownRecordType(let type): "a record of unknown type \"\(type)\" was skipped"
        }
    }
}

/// One session's records sorted by kind, with the wording both formats share.
struct SessionView {
    var start: TranscriptRecord.Start?
    var turns: [TranscriptRecord.Turn] = []
    /// The advice of the case as it stands at the end: given since the last restart.
    var recommendations: [TranscriptRecord.Recommendation] = []
    /// Advice given before a restart, which no longer stands, with the time of the turn that started over (turn
    /// numbers start again at a restart); a restart with no advice before it has an empty list and is not shown.
    var replaced: [(restartedAt: Date, recommendations: [TranscriptRecord.Recommendation])] = []
    var end: TranscriptRecord.End?

    init(_ records: [TranscriptRecord]) {
        for record in records {
            switch record {
            case .start(let start): self.start = self.start ?? start
            case .turn(let turn):
                turns.append(turn)
                // A new case: what was recommended for the old one is kept apart, so that the reader does not take
                // it for the advice the person left with.
                if turn.restarted == true {
                    replaced.append((turn.time, recommendations))
                    recommendations = []
                } else if turn.restarted == false, let undone = replaced.popLast() {
                    // `back` undid the restart: the old case, and its advice, are the conversation's again.
                    recommendations = undone.recommendations + recommendations
                }
            case .recommendation(let recommendation): recommendations.append(recommendation)
            case .end(let end): self.end = end
            }
        }
    }

    /// Turns the assistant found nothing in, marked for the reader.
    static let notUnderstood = "Not understood: the assistant found no answer, fact, question or command in this line"
    /// Marks the turn that started over.
    static let restartedNote = "Restarted: the advice before this turn no longer stands"
    /// Marks the turn that undid a restart.
    static let restartUndoneNote = "Restart undone: the conversation before the restart, and its advice, stand again"

    static func replacedHeading(_ restartedAt: Date) -> String {
        let clock = TranscriptTimestamp.string(from: restartedAt).split(separator: "T").last.map(String.init) ?? ""
        return "Recommendations before the restart at \(clock) (no longer in force)"
    }

    /// Label and value pairs for the header, in display order.
    var header: [(label: String, value: String)] {
        var rows: [(String, String)] = []
        if let start {
            rows.append(("Session", start.sessionID))
            rows.append(("Dialog", "\(start.dialogID) \(start.dialogVersion) (\(start.dialogContentHash))"))
            rows.append(("Language", start.language))
            rows.append(("Mode", start.mode.rawValue))
            rows.append(("Program", "notice-assistant \(start.programVersion)"))
            rows.append(("Started", TranscriptTimestamp.string(from: start.time)))
        } else {
            rows.append(("Session", "unknown: the transcript has no start record"))
        }
        if let end {
            rows.append(("Ended", TranscriptTimestamp.string(from: end.time)))
        }
        rows.append(("Outcome", outcome))
        // First thing a help-desk reader needs: the turns that call for a call back.
        let alerts = turns.flatMap { turn in (turn.alerts ?? []).map { "turn \(turn.number): \($0)" } }
        if !alerts.isEmpty { rows.append(("Alerts", alerts.joined(separator: "; "))) }
        return rows.map { (label: $0.0, value: $0.1) }
    }

    var outcome: String {
        guard let end else { return "unknown (no end record)" }
        let detail = end.detail.map { ": \($0)" } ?? ""
        switch end.reason {
        case .completed: return "completed" + detail
        case .quit: return "the user quit" + detail
        case .endOfInput: return "the input ended" + detail
        case .signal: return "stopped by a signal" + detail
        case .error: return "stopped by an error" + detail
        }
    }

    static func turnHeading(_ turn: TranscriptRecord.Turn) -> String {
        let clock = TranscriptTimestamp.string(from: turn.time).split(separator: "T").last.map(String.init) ?? ""
        return "Turn \(turn.number) · \(turn.stateBefore) → \(turn.stateAfter) · \(clock)"
    }

    static func change(_ change: TranscriptRecord.Turn.SlotChange) -> (slot: String, old: String, new: String) {
        (change.slot, change.old ?? "—", change.new ?? "—")
    }

    static let userLabel = "用户/User:"
    static let assistantLabel = "助手/Assistant:"
}
