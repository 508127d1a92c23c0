/// The advice as a person reads it: first what to do now (the situation in a sentence, at most three steps, one line
/// or two each, and how to see the rest), and on `more` every remedy with its steps, what to prepare, where to go
/// and why.
struct AdviceText {
    /// How many remedies the first screen shows.
    static let firstCount = 3

    let renderer: MessageRenderer
    let situations: [Recommendation.Situation]
    let items: [Recommendation.Item]

    /// The first screen.
    var brief: String {
        let r = renderer
        var text = ""
        if !situations.isEmpty {
            let separator = r.language.hasPrefix("zh") ? "；" : "; "
            text += r.message(.situationsSentence, ["situations": situations.map(\.label).joined(separator: separator)])
            text += "\n"
        }
        text += r.message(.firstSteps)
        let stepSeparator = r.language.hasPrefix("zh") ? "：" : ": "
        for (n, item) in items.prefix(Self.firstCount).enumerated() {
            // Piece by piece, as `details` does: each `+` built a temporary String.
            text += "\n"
            text += String(n + 1)
            text += ". "
            text += item.title
            if let first = item.steps.first {
                text += stepSeparator
                text += first
            }
        }
        let rest = items.count - Self.firstCount
        if rest > 0 { text += "\n" + r.message(.moreHint, ["count": String(rest)]) }
        return text
    }

    /// Everything, ranked, with reasons: what `more` shows.
    var details: String {
        let r = renderer
        var text = ""
        if !situations.isEmpty {
            text += r.message(.situationsHeader)
            for situation in situations {
                text += "\n- "
                text += situation.label
            }
            text += "\n\n"
        }
        text += r.message(.remediesHeader)
        // The labels once, not once per remedy; appended piece by piece rather than through temporary strings.
        let prepareLabel = Self.spaced(r.message(.prepareLabel)), channelLabel = Self.spaced(r.message(.channelLabel))
        let reasonSeparator = r.language.hasPrefix("zh") ? "；" : "; "
        for (n, item) in items.enumerated() {
            text += "\n\n"
            text += String(n + 1)
            text += ". "
            text += item.title
            for step in item.steps {
                text += "\n   - "
                text += step
            }
            if let prepare = item.prepare, !prepare.isEmpty {
                text += "\n   "
                text += prepareLabel
                text += prepare
            }
            if let channel = item.channel, !channel.isEmpty {
                text += "\n   "
                text += channelLabel
                text += channel
            }
            if !item.reasons.isEmpty {
                text += "\n   "
                text += r.message(.because, ["reasons": item.reasons.joined(separator: reasonSeparator)])
            }
        }
        return text
    }

    /// A label such as "Where:" followed by a space, unless it ends in full-width punctuation ("找谁：").
    static func spaced(_ label: String) -> String {
        guard let last = label.unicodeScalars.last, last.isASCII, last != " " else { return label }
        return label + " "
    }

    /// What changed between the advice shown before (`old`, remedy ids in order) and this one, one line each; empty
    /// when nothing did.
    func changes(since old: [String]) -> [String] {
        let r = renderer
        let new = items.map(\.id)
        guard new != old else { return [] }
        let separator = r.message(.listSeparator)
        func titles(_ ids: [String]) -> String {
            ids.compactMap { id in items.first { $0.id == id }?.title ?? r.remedyTitle(id) }.map { "“" + $0 + "”" }
                .joined(separator: separator)
        }
        var lines: [String] = []
        let added = new.filter { !old.contains($0) }, removed = old.filter { !new.contains($0) }
        if !added.isEmpty { lines.append(r.message(.adviceAdded, ["items": titles(added)])) }
        if !removed.isEmpty { lines.append(r.message(.adviceRemoved, ["items": titles(removed)])) }
        if added.isEmpty, removed.isEmpty { lines.append(r.message(.adviceReordered)) }
        return lines
    }
}

extension MessageRenderer {
    /// A remedy's title by id, for one that is no longer in the advice.
    func remedyTitle(_ id: String) -> String? {
        dialog.remedies.first { $0.id == id }.map { text($0.title) }
    }
}
