/// A whole dialog as authored: the model that the loader builds and the engine compiles. It holds no behaviour.
public struct Dialog: Hashable, Codable, Sendable {
    public var id: String
    public var version: String
    /// Declared languages; the first is the default.
    public var languages: [String]
    public var start: String
    public var lexicon: Lexicon
    public var messages: [String: LocalizedText]
    public var slots: [Slot]
    public var flags: [Flag]
    public var states: [DialogState]
    public var remedies: [Remedy]
    public var drafts: [Draft]
    /// Questions people ask along the way, with their answers.
    public var topics: [Topic]
    /// A hash of the dialog's files, so transcripts and snapshots can tell when the dialog changed.
    public var contentHash: String

    public init(id: String, version: String, languages: [String], start: String, lexicon: Lexicon,
                messages: [String: LocalizedText], slots: [Slot], flags: [Flag], states: [DialogState],
                remedies: [Remedy], drafts: [Draft], topics: [Topic] = [], contentHash: String = "") {
        self.id = id
        self.version = version
        self.languages = languages
        self.start = start
        self.lexicon = lexicon
        self.messages = messages
        self.slots = slots
        self.flags = flags
        self.states = states
        self.remedies = remedies
        self.drafts = drafts
        self.topics = topics
        self.contentHash = contentHash
    }

    public var defaultLanguage: String { languages.first ?? "zh-Hans" }
}
