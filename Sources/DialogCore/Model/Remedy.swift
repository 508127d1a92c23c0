/// One piece of advice in the catalogue: what to do, through which channel, with what, and when it applies.
public struct Remedy: Hashable, Codable, Sendable {
    public var id: String
    /// Smaller comes first; a suspected scam's remedies carry the smallest numbers.
    public var order: Int
    public var condition: Condition
    public var conditionLocation: SourceLocation?
    public var title: LocalizedText
    public var steps: [String: [String]]
    public var prepare: LocalizedText?
    public var channel: LocalizedText?
    /// The steps (numbered from 1) that stand for the remedy when the advice is listed in short: the one or two
    /// sentences a person must read even if they read nothing else (what to do first, and the safety line: pay only
    /// in the official app, 110 when in danger). Empty means the first step.
    public var keySteps: [Int]
    /// The remedy in one short sentence for the short listings (the first screen, `more`): what to do, without the
    /// safety lines, which `safety` names so that a screen says each of them once. Nil: the key steps stand for it.
    public var short: LocalizedText?
    /// The safety lines this remedy rests on (pay only in the official app, give no code, 110 when in danger), each
    /// the id of a message `safety_<id>`: a screen of steps in short says each line once, under the steps.
    public var safety: [String]
    public var location: SourceLocation?

    public init(id: String, order: Int, condition: Condition, conditionLocation: SourceLocation? = nil,
                title: LocalizedText, steps: [String: [String]], prepare: LocalizedText? = nil,
                channel: LocalizedText? = nil, keySteps: [Int] = [], short: LocalizedText? = nil, safety: [String] = [],
                location: SourceLocation? = nil) {
        self.id = id
        self.order = order
        self.condition = condition
        self.conditionLocation = conditionLocation
        self.title = title
        self.steps = steps
        self.prepare = prepare
        self.channel = channel
        self.keySteps = keySteps
        self.short = short
        self.safety = safety
        self.location = location
    }

    /// The indexes (from 0) of the key steps among `count` steps: those named in `keySteps` that exist, or the first.
    /// The message that holds safety line `id`.
    public static func safetyMessage(_ id: String) -> String { "safety_" + id }

    public func keyStepIndexes(among count: Int) -> [Int] {
        let named = keySteps.map { $0 - 1 }.filter { (0..<count).contains($0) }
        return named.isEmpty ? (count > 0 ? [0] : []) : named
    }
}

/// A letter the user can copy and send, filled with what they said.
public struct Draft: Hashable, Codable, Sendable {
    public var id: String
    public var condition: Condition?
    public var conditionLocation: SourceLocation?
    public var title: LocalizedText
    public var triggers: PhraseList
    public var text: LocalizedText
    public var location: SourceLocation?

    public init(id: String, condition: Condition?, conditionLocation: SourceLocation? = nil, title: LocalizedText,
                triggers: PhraseList, text: LocalizedText, location: SourceLocation? = nil) {
        self.id = id
        self.condition = condition
        self.conditionLocation = conditionLocation
        self.title = title
        self.triggers = triggers
        self.text = text
        self.location = location
    }
}
