/// Where one text of a dialog lives: which definition (a message, a state, a remedy, …), which of its fields, and
/// for a list (a remedy's steps, a state's reprompts) which entry. Two texts at the same place in two languages are
/// translations of each other, so a check that compares languages groups by `TextPlace`.
public struct TextPlace: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The kind of definition that holds the text.
    public enum Owner: String, Hashable, Sendable, Comparable {
        case message, slot, value, flag, state, remedy, draft, topic

        public static func < (a: Owner, b: Owner) -> Bool { a.rawValue < b.rawValue }
    }

    public var owner: Owner
    /// The definition's id; a choice value's is `slot.value` (`channel.sms`).
    public var id: String
    /// The key the text is written under: `prompt`, `say`, `end`, `title`, `steps`, `reprompts`, `label`, …
    public var field: String
    /// The entry of a list, from 0 (`steps`, `reprompts`); nil for a single text.
    public var index: Int?

    public init(_ owner: Owner, _ id: String, _ field: String, index: Int? = nil) {
        self.owner = owner
        self.id = id
        self.field = field
        self.index = index
    }

    /// Whether the text may use a message's parameters (`{count}`, `{slot}`, …) besides slot names.
    public var takesMessageParameters: Bool { owner == .message }

    /// "remedy `scam_stop` steps 2", "state `ask_scam` prompt", "message `help`".
    public var description: String {
        var words = "\(owner.rawValue) `\(id)`"
        if owner != .message { words += " \(field)" }
        if let index { words += " \(index + 1)" }
        return words
    }

    public static func < (a: TextPlace, b: TextPlace) -> Bool {
        (a.owner, a.id, a.field, a.index ?? -1) < (b.owner, b.id, b.field, b.index ?? -1)
    }
}

/// One text of a dialog in one language: something the assistant can say (a prompt, a remedy's step, a draft, a
/// label shown in a summary). Phrases it listens for are not texts.
public struct DialogText: Hashable, Sendable {
    public var place: TextPlace
    public var language: String
    public var text: String
    /// Where the text (or, for a list entry without a position of its own, its owner) is written.
    public var location: SourceLocation?

    public init(place: TextPlace, language: String, text: String, location: SourceLocation?) {
        self.place = place
        self.language = language
        self.text = text
        self.location = location
    }
}

extension Dialog {
    /// Every text of the dialog in every language it is written in, in a stable order (by definition, then field,
    /// then entry, then language). This is the one list of where texts live: the validator checks placeholders,
    /// missing languages and list lengths on it, and the safety tests read every sentence from it.
    ///
    /// ```swift
    /// for text in dialog.texts where text.text.contains("验证码") { print(text.place, text.language) }
    /// ```
    public var texts: [DialogText] {
        var all: [DialogText] = []
        forEachText { place, language, text, location in
            all.append(DialogText(place: place(), language: language, text: text, location: location))
        }
        return all.enumerated().sorted { a, b in
            a.element.place != b.element.place ? a.element.place < b.element.place
                : (a.element.language, a.offset) < (b.element.language, b.offset)
        }.map(\.element)
    }

    /// Every text of the dialog in every language, as ``texts`` lists them but unsorted, with each one's place made
    /// only when asked for: for a host that needs the sentences themselves (a transcript's redaction recognises them)
    /// and not where they live.
    public func forEachText(_ body: (_ place: () -> TextPlace, _ language: String, _ text: String, _ location: SourceLocation?) -> Void) {
        func add(_ text: LocalizedText?, _ place: @autoclosure () -> TextPlace, fallback: SourceLocation?) {
            guard let text else { return }
            // Handed on as it is: no copy of the place's closure is made, for a caller that never asks for it.
            withoutActuallyEscaping(place) { place in
                for (language, value) in text.byLanguage {
                    body(place, language, value, text.location ?? fallback)
                }
            }
        }
        for (id, message) in messages {
            add(message, TextPlace(.message, id, "text"), fallback: nil)
        }
        for slot in slots {
            add(slot.label, TextPlace(.slot, slot.id, "label"), fallback: slot.location)
            add(slot.placeholder, TextPlace(.slot, slot.id, "placeholder"), fallback: slot.location)
            add(slot.unnamed, TextPlace(.slot, slot.id, "unnamed"), fallback: slot.location)
            add(slot.labelNo, TextPlace(.slot, slot.id, "label_no"), fallback: slot.location)
            add(slot.home, TextPlace(.slot, slot.id, "home"), fallback: slot.location)
            for (valueID, home) in slot.homes {
                add(home, TextPlace(.value, "\(slot.id).\(valueID)", "home"), fallback: slot.location)
            }
            for value in slot.values {
                add(value.label, TextPlace(.value, "\(slot.id).\(value.id)", "label"), fallback: value.location)
            }
        }
        for flag in flags where !flag.label.byLanguage.isEmpty {
            add(flag.label, TextPlace(.flag, flag.id, "label"), fallback: flag.location)
        }
        for state in states {
            switch state.kind {
            case .say(let t): add(t, TextPlace(.state, state.id, "say"), fallback: state.location)
            case .advise(let t): add(t, TextPlace(.state, state.id, "advise"), fallback: state.location)
            case .listen(let t): add(t, TextPlace(.state, state.id, "listen"), fallback: state.location)
            case .ask(_, let t): add(t, TextPlace(.state, state.id, "prompt"), fallback: state.location)
            case .end(let t, _): add(t, TextPlace(.state, state.id, "end"), fallback: state.location)
            case .branch: break
            }
            add(state.label, TextPlace(.state, state.id, "label"), fallback: state.location)
            add(state.why, TextPlace(.state, state.id, "why"), fallback: state.location)
            for (n, reprompt) in state.reprompts.enumerated() {
                add(reprompt, TextPlace(.state, state.id, "reprompts", index: n), fallback: state.location)
            }
        }
        for remedy in remedies {
            add(remedy.title, TextPlace(.remedy, remedy.id, "title"), fallback: remedy.location)
            for (language, steps) in remedy.steps {
                for (n, step) in steps.enumerated() {
                    body({ TextPlace(.remedy, remedy.id, "steps", index: n) }, language, step, remedy.location)
                }
            }
            add(remedy.prepare, TextPlace(.remedy, remedy.id, "prepare"), fallback: remedy.location)
            add(remedy.channel, TextPlace(.remedy, remedy.id, "channel"), fallback: remedy.location)
            add(remedy.short, TextPlace(.remedy, remedy.id, "short"), fallback: remedy.location)
        }
        for draft in drafts {
            add(draft.title, TextPlace(.draft, draft.id, "title"), fallback: draft.location)
            add(draft.text, TextPlace(.draft, draft.id, "text"), fallback: draft.location)
        }
        for topic in topics {
            for (n, answer) in topic.answers.enumerated() {
                add(answer.text, TextPlace(.topic, topic.id, topic.answers.count == 1 ? "answer" : "answers[\(n + 1)]"), fallback: topic.location)
            }
            if let alert = topic.alert { add(alert, TextPlace(.topic, topic.id, "alert"), fallback: topic.location) }
        }
    }
}
