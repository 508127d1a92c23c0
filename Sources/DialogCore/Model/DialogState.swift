/// One edge out of a state: taken when its condition holds (or always, when it has none). The first that holds wins.
public struct Transition: Hashable, Codable, Sendable {
    public var condition: Condition?
    public var conditionLocation: SourceLocation?
    public var target: String
    public var location: SourceLocation?

    public init(condition: Condition? = nil, conditionLocation: SourceLocation? = nil, target: String, location: SourceLocation? = nil) {
        self.condition = condition
        self.conditionLocation = conditionLocation
        self.target = target
        self.location = location
    }
}

/// A state of the conversation graph.
public struct DialogState: Hashable, Codable, Sendable {
    public enum Kind: Hashable, Codable, Sendable {
        /// Says a message once, then goes on.
        case say(LocalizedText)
        /// Gives the advice as it stands once, with its message, then goes on to the questions that refine it: the
        /// person learns what to do first without answering every question before.
        case advise(LocalizedText)
        /// An open question: whatever the user says is searched for slots, then the dialog goes on.
        case listen(LocalizedText)
        /// A question for one or more slots.
        case ask(slots: [String], prompt: LocalizedText)
        /// No message: only transitions.
        case branch
        /// The end: says its message, then the remedies that hold. `remedies` limits the catalogue when not nil.
        case end(LocalizedText, remedies: [String]?)
    }

    public var id: String
    public var kind: Kind

    /// An open question or a question for slots: a state a line can fail to answer.
    var asksSomething: Bool {
        switch kind {
        case .listen, .ask: true
        default: false
        }
    }
    /// A short name for the prompt, e.g. "平台".
    public var label: LocalizedText?
    public var reprompts: [LocalizedText]
    public var why: LocalizedText?
    /// Lines not answering the question (answering nothing, or only other slots) before the asked slots become unknown.
    public var limit: Int
    /// Asked even when no answer could change the advice (a safety question such as the scam check); otherwise an
    /// `ask` state whose answer can no longer matter is passed over.
    public var alwaysAsk: Bool
    public var transitions: [Transition]
    public var location: SourceLocation?

    public init(id: String, kind: Kind, label: LocalizedText? = nil, reprompts: [LocalizedText] = [],
                why: LocalizedText? = nil, limit: Int = 3, alwaysAsk: Bool = false, transitions: [Transition] = [], location: SourceLocation? = nil) {
        self.id = id
        self.kind = kind
        self.label = label
        self.reprompts = reprompts
        self.why = why
        self.limit = limit
        self.alwaysAsk = alwaysAsk
        self.transitions = transitions
        self.location = location
    }

    public var askedSlots: [String] {
        if case .ask(let slots, _) = kind { return slots }
        return []
    }

    public var isEnd: Bool {
        if case .end = kind { return true }
        return false
    }
}
