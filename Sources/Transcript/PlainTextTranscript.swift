/// A transcript as aligned plain text for a terminal; see ``TranscriptRenderer``.
struct PlainTextTranscript {
    let session: SessionView
    let notes: [String]

    var text: String {
        var out: [String] = ["Notice Assistant transcript", ""]
        let width = session.header.map(\.label.count).max() ?? 0
        for row in session.header {
            let padding = String(repeating: " ", count: width - row.label.count)
            out.append("\(row.label):\(padding) \(DisplayText.neutralized(row.value))")
        }
        out += section("Conversation", conversation)
        if let end = session.end, !end.finalSlots.isEmpty {
            out += section("Final slots", end.finalSlots.sorted { $0.key < $1.key }.map { "  \($0.key): \(line($0.value))" })
        }
        if !session.recommendations.isEmpty {
            out += section("Recommendations", recommendations(session.recommendations))
        }
        for replaced in session.replaced where !replaced.recommendations.isEmpty {
            out += section(SessionView.replacedHeading(replaced.restartedAt), recommendations(replaced.recommendations))
        }
        if !notes.isEmpty {
            out += section("Notes", notes.map { "  ! \($0)" })
        }
        return out.joined(separator: "\n") + "\n"
    }

    private var conversation: [String] {
        guard !session.turns.isEmpty else { return ["  (no turns)"] }
        var out: [String] = []
        for turn in session.turns {
            if !out.isEmpty { out.append("") }
            out.append(DisplayText.neutralized(SessionView.turnHeading(turn)))
            if let user = turn.userLine {
                out += labelled(SessionView.userLabel, DisplayText.lines(user))
            }
            for message in turn.assistantMessages {
                out += labelled(SessionView.assistantLabel, DisplayText.lines(message))
            }
            if let intent = turn.intent {
                out.append("  Intent: \(line(intent))")
            }
            for alert in turn.alerts ?? [] { out.append("  !! Alert: \(line(alert))") }
            if turn.understood == false { out.append("  ! \(SessionView.notUnderstood)") }
            if turn.restarted == true { out.append("  ! \(SessionView.restartedNote)") }
            if turn.restarted == false { out.append("  ! \(SessionView.restartUndoneNote)") }
            for change in turn.slotsChanged.map(SessionView.change) {
                out.append("  Slot \(line(change.slot)): \(line(change.old)) → \(line(change.new))")
            }
        }
        return out
    }

    private func recommendations(_ list: [TranscriptRecord.Recommendation]) -> [String] {
        var out: [String] = []
        for recommendation in list {
            if !recommendation.situations.isEmpty {
                out.append("  Situations: " + recommendation.situations.map(line).joined(separator: ", "))
            }
            for (index, remedy) in recommendation.remedies.enumerated() {
                out.append("  \(index + 1). \(line(remedy.title)) (\(line(remedy.id)))")
                out += remedy.reasons.map { "     - \(line($0))" }
            }
        }
        return out
    }

    /// `label` before the first line, later lines indented under the text.
    private func labelled(_ label: String, _ lines: [String]) -> [String] {
        let indent = String(repeating: " ", count: 2 + DisplayText.columns(label) + 1)
        return lines.enumerated().map { $0.offset == 0 ? "  \(label) \($0.element)" : indent + $0.element }
    }

    private func section(_ title: String, _ body: [String]) -> [String] {
        ["", title, String(repeating: "=", count: title.count)] + body
    }

    private func line(_ text: String) -> String {
        DisplayText.lines(text).joined(separator: " / ")
    }
}
