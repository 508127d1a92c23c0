/// A transcript as GitHub-flavoured Markdown for a ticket; see ``TranscriptRenderer``.
///
/// Everything that came from a record passes through `DisplayText.markdown`, so a masked `138****5678` shows as typed
/// and no user text can add links, headings or HTML.
struct MarkdownTranscript {
    let session: SessionView
    let notes: [String]

    var text: String {
        var out: [String] = ["# Notice Assistant transcript", "", "| | |", "|---|---|"]
        out += session.header.map { "| \($0.label) | \(md($0.value)) |" }
        out += ["", "## Conversation", ""]
        out += conversation
        if let end = session.end, !end.finalSlots.isEmpty {
            out += ["", "## Final slots", "", "| Slot | Value |", "|---|---|"]
            out += end.finalSlots.sorted { $0.key < $1.key }.map { "| \(md($0.key)) | \(md($0.value)) |" }
        }
        if !session.recommendations.isEmpty {
            out += ["", "## Recommendations", ""]
            out += recommendations(session.recommendations)
        }
        for replaced in session.replaced where !replaced.recommendations.isEmpty {
            out += ["", "## \(md(SessionView.replacedHeading(replaced.restartedAt)))", ""]
            out += recommendations(replaced.recommendations)
        }
        if !notes.isEmpty {
            out += ["", "## Notes", ""]
            out += notes.map { "- ⚠️ \(md($0))" }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private var conversation: [String] {
        guard !session.turns.isEmpty else { return ["*(no turns)*"] }
        var out: [String] = []
        for turn in session.turns {
            if let last = out.last, !last.isEmpty { out.append("") }
            out += ["### \(md(SessionView.turnHeading(turn)))", ""]
            if let user = turn.userLine {
                out += ["**\(SessionView.userLabel)** " + hardBreaks(DisplayText.lines(user).map(md)), ""]
            }
            if !turn.assistantMessages.isEmpty {
                out += ["**\(SessionView.assistantLabel)**", ""]
                for (index, message) in turn.assistantMessages.enumerated() {
                    if index > 0 { out.append(">") }
                    out.append("> " + hardBreaks(DisplayText.lines(message).map(md), prefix: "> "))
                }
                out.append("")
            }
            if let intent = turn.intent {
                out.append("- Intent: \(md(intent))")
            }
            for alert in turn.alerts ?? [] { out.append("- 🚨 **Alert:** \(md(alert))") }
            if turn.understood == false { out.append("- ⚠️ \(md(SessionView.notUnderstood))") }
            if turn.restarted == true { out.append("- ⚠️ \(md(SessionView.restartedNote))") }
            if turn.restarted == false { out.append("- ⚠️ \(md(SessionView.restartUndoneNote))") }
            for change in turn.slotsChanged.map(SessionView.change) {
                out.append("- Slot \(md(change.slot)): \(md(change.old)) → \(md(change.new))")
            }
        }
        while out.last == "" { out.removeLast() }
        return out
    }

    private func recommendations(_ list: [TranscriptRecord.Recommendation]) -> [String] {
        var out: [String] = []
        for recommendation in list {
            if !recommendation.situations.isEmpty {
                out += ["Situations: " + recommendation.situations.map(md).joined(separator: ", "), ""]
            }
            for (index, remedy) in recommendation.remedies.enumerated() {
                out.append("\(index + 1). **\(md(remedy.title))** (\(md(remedy.id)))")
                out += remedy.reasons.map { "   - \(md($0))" }
            }
        }
        return out
    }

    /// Lines kept apart inside one paragraph: a backslash at the end of a line is a hard break in CommonMark.
    private func hardBreaks(_ lines: [String], prefix: String = "") -> String {
        lines.joined(separator: "\\\n" + prefix)
    }

    private func md(_ text: String) -> String {
        DisplayText.lines(text).map(DisplayText.markdown).joined(separator: " ")
    }
}
