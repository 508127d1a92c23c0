import Atomics

/// What the engine wants the host to show or record, in order. Every event carries its text, already rendered in the
/// session's language, so a plain host can print `text` and a richer host can use the typed fields.
public enum DialogEvent: Hashable, Codable, Sendable {
    /// A sentence: a `say` state, help, why, an acknowledgement. `id` is the state or message id it came from.
    case message(id: String, text: String)
    /// A question waiting for an answer.
    case ask(Question)
    /// A line answered a filled slot differently.
    case corrected(SlotChange, text: String)
    /// The assistant gave up on a slot after the state's limit, or the person said they do not know.
    case markedUnknown(slot: String, text: String)
    case summary(Summary)
    case recommendation(Recommendation)
    case draft(id: String, title: String, text: String)
    case languageChanged(language: String, text: String)
    case ended(reason: EndReason, text: String)

    public var text: String {
        switch self {
        case .message(_, let text), .corrected(_, let text), .markedUnknown(_, let text), .draft(_, _, let text),
             .languageChanged(_, let text), .ended(_, let text):
            return text
        case .ask(let question): return question.text
        case .summary(let summary): return summary.text
        case .recommendation(let recommendation): return recommendation.text
        }
    }
}

/// Why a conversation ended.
public enum EndReason: String, Hashable, Codable, Sendable {
    case quit
}

/// A question to the person.
public struct Question: Hashable, Codable, Sendable {
    public struct Choice: Hashable, Codable, Sendable {
        public var id: String
        public var label: String
    }

    public var state: String
    public var slots: [String]
    /// A short name for the prompt ("平台").
    public var label: String
    public var text: String
    /// What the question accepts, in the session's language (choices, or yes/no).
    public var choices: [Choice]
    /// 0 for the first asking, then 1, 2… for each reprompt.
    public var attempt: Int
}

/// What the assistant knows so far.
public struct Summary: Hashable, Codable, Sendable {
    public struct Line: Hashable, Codable, Sendable {
        public var slot: String
        public var label: String
        public var value: String
    }
    public var lines: [Line]
    public var situations: [String]
    public var text: String
}

/// The advice: the situations found and the remedies that hold, most urgent first, each with its reasons.
public struct Recommendation: Hashable, Codable, Sendable {
    public struct Situation: Hashable, Codable, Sendable {
        public var id: String
        public var label: String
    }
    public struct Item: Hashable, Codable, Sendable {
        public var id: String
        public var title: String
        /// Every instruction, what to prepare and where to go: rendered when first read. A turn that gives the advice
        /// shows its first screen (`Recommendation.text`) and records the titles and reasons; rendering every step of
        /// every remedy there was most of the turn, for texts that `more`, a step or `all` render again when asked.
        public var steps: [String] {
            get { body.steps }
            set { var body = body; body.steps = newValue; rendered = body; deferred = nil }
        }
        public var prepare: String? {
            get { body.prepare }
            set { var body = body; body.prepare = newValue; rendered = body; deferred = nil }
        }
        public var channel: String? {
            get { body.channel }
            set { var body = body; body.channel = newValue; rendered = body; deferred = nil }
        }
        /// The answers that made it apply, as "label: value".
        public var reasons: [String]

        /// The texts of `steps`, `prepare` and `channel`.
        struct Body: Hashable, Sendable {
            var steps: [String]
            var prepare: String?
            var channel: String?
        }

        private var rendered: Body?
        private var deferred: DeferredBody?

        private var body: Body { rendered ?? deferred?.body ?? Body(steps: []) }

        init(id: String, title: String, steps: [String], prepare: String?, channel: String?, reasons: [String]) {
            self.id = id
            self.title = title
            self.reasons = reasons
            self.rendered = Body(steps: steps, prepare: prepare, channel: channel)
        }

        /// Item `index` of `advice`, its body rendered by `advice` when first read.
        init(id: String, title: String, reasons: [String], rendering index: Int, of advice: AdviceText) {
            self.id = id
            self.title = title
            self.reasons = reasons
            self.deferred = DeferredBody(advice: advice, index: index)
        }

        /// A body still to render, rendered once whichever thread reads it first.
        private final class DeferredBody: Sendable {
            let advice: AdviceText
            let index: Int
            private let once = ManagedAtomicLazyReference<Rendered>()

            init(advice: AdviceText, index: Int) {
                self.advice = advice
                self.index = index
            }

            final class Rendered: Sendable {
                let body: Body
                init(_ body: Body) { self.body = body }
            }

            var body: Body {
                if let rendered = once.load() { return rendered.body }
                return once.storeIfNilThenLoad(Rendered(advice.body(index))).body
            }
        }

        private enum CodingKeys: String, CodingKey {
            case id, title, steps, prepare, channel, reasons
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            title = try container.decode(String.self, forKey: .title)
            rendered = Body(steps: try container.decode([String].self, forKey: .steps),
                            prepare: try container.decodeIfPresent(String.self, forKey: .prepare),
                            channel: try container.decodeIfPresent(String.self, forKey: .channel))
            reasons = try container.decode([String].self, forKey: .reasons)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            let body = body
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(body.steps, forKey: .steps)
            try container.encodeIfPresent(body.prepare, forKey: .prepare)
            try container.encodeIfPresent(body.channel, forKey: .channel)
            try container.encode(reasons, forKey: .reasons)
        }

        public static func == (a: Item, b: Item) -> Bool {
            a.id == b.id && a.title == b.title && a.reasons == b.reasons && a.body == b.body
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(id)
            hasher.combine(title)
            hasher.combine(body)
            hasher.combine(reasons)
        }
    }
    public var situations: [Situation]
    public var remedies: [Item]
    /// What is shown first: the situation in a sentence, the first (at most three) steps, and how to see the rest.
    public var text: String
    /// Every remedy in full (its steps, what to prepare, where to go), then once the answers it rests on: what `all`
    /// shows, and `more` once the steps left off the first screen have been listed. Rendered when read
    /// (most advice is never expanded, and rendering it was a sixth of the advice turn); equal, hashed and encoded
    /// as the text it reads as.
    public var details: String? {
        get { storedDetails ?? deferredDetails?.text }
        set {
            storedDetails = newValue
            deferredDetails = nil
        }
    }

    private var storedDetails: String?
    private var deferredDetails: DeferredDetails?

    init(situations: [Situation], remedies: [Item], text: String, details: String?) {
        self.situations = situations
        self.remedies = remedies
        self.text = text
        self.storedDetails = details
    }

    /// The advice with its details rendered by `advice` when they are read.
    init(_ advice: AdviceText) {
        self.situations = advice.situations
        let items = advice.items
        self.remedies = items
        self.text = advice.brief
        self.deferredDetails = DeferredDetails(advice: advice, items: items)
    }

    /// The details still to render: the renderer and the situations and remedies as they were given.
    private struct DeferredDetails: Sendable {
        let advice: AdviceText
        let items: [Item]
        var text: String { advice.details(of: items) }
    }

    private enum CodingKeys: String, CodingKey {
        case situations, remedies, text, details
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        situations = try container.decode([Situation].self, forKey: .situations)
        remedies = try container.decode([Item].self, forKey: .remedies)
        text = try container.decode(String.self, forKey: .text)
        storedDetails = try container.decodeIfPresent(String.self, forKey: .details)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(situations, forKey: .situations)
        try container.encode(remedies, forKey: .remedies)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(details, forKey: .details)
    }

    public static func == (a: Recommendation, b: Recommendation) -> Bool {
        a.situations == b.situations && a.remedies == b.remedies && a.text == b.text && a.details == b.details
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(situations)
        hasher.combine(remedies)
        hasher.combine(text)
        hasher.combine(details)
    }
}
