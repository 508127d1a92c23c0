import DialogCore

/// The keys of every mapping in dialog and test files, with the shape of each value: the one table the parser reads
/// its allowed keys from and `DialogSchema` writes the JSON Schema from, so the schema an editor checks against
/// cannot drift from what `check` accepts.
public enum DialogKeys {
    /// What a key's value is written as.
    public indirect enum Shape: Sendable {
        /// A text in every language: `{zh-Hans: …, en: …}`.
        case text
        /// A list of texts in every language.
        case texts
        /// Phrases: a list, or a list per language.
        case phrases
        /// A list per language (a remedy's steps).
        case listPerLanguage
        case string
        /// One word or a list of words.
        case strings
        case integer
        case boolean
        /// A condition, in the condition language.
        case condition
        case oneOf([String])
        /// A state id, or a list of `when:`/`goto:` entries.
        case next
        /// A mapping of the keys of `Table`.
        case table(Table)
        /// A mapping from ids (of the author's choosing) to `Shape`.
        case ids(Shape)
        /// A slot's expected value in a test: a word, a number or a list of words.
        case scalarOrList
        /// A list whose entries are any of these shapes.
        case listOf([Shape])
    }

    /// The keys of one kind of mapping.
    public struct Table: Sendable {
        public var name: String
        public var keys: [(key: String, shape: Shape)]
        public var required: [String] = []

        public var names: [String] { keys.map(\.key) }
    }

    public static let languages = ["zh-Hans", "zh-Hant", "en"]

    public static let manifest = Table(name: "manifest", keys: [
        ("id", .string), ("version", .string), ("languages", .strings), ("start", .string), ("include", .strings),
    ], required: ["id", "languages", "start", "include"])

    public static let commands = Table(name: "commands", keys: Command.allCases.map { ($0.rawValue, Shape.phrases) })

    public static let lexicon = Table(name: "lexicon", keys: WordList.allCases.map { ($0.rawValue, Shape.phrases) } + [
        ("commands", .table(commands)),
        ("language", .ids(.strings)),
        ("language_words", .ids(.strings)),
    ])

    public static let value = Table(name: "value", keys: [
        ("label", .text), ("synonyms", .phrases), ("with_cue", .phrases), ("with_kin", .phrases), ("when_asked", .phrases), ("answer", .oneOf(["yes", "no"])), ("prevails", .boolean), ("others_debt", .boolean),
        ("implies", .ids(.string)), ("not_after", .phrases), ("announced_as", .string),
    ])

    public static let capture = Table(name: "capture", keys: [
        ("brackets", .boolean), ("suffixes", .strings), ("after", .strings), ("not_names", .strings), ("not_after", .strings),
    ])

    public static let whenAnnounced = Table(name: "when_announced", keys: [("fills", .ids(.string)), ("except", .strings)],
                                            required: ["fills"])

    public static let slot = Table(name: "slot", keys: [
        ("type", .oneOf(["yesno", "number", "choice", "text"])), ("label", .text), ("label_no", .text), ("placeholder", .text), ("unnamed", .text),
        ("multiple", .boolean), ("values", .ids(.table(value))), ("yes", .phrases), ("no", .phrases), ("yes_when_asked", .phrases), ("yes_beside", .strings), ("cues", .phrases),
        ("unit", .oneOf(["days", "months", "yuan", "count"])), ("known", .ids(.phrases)), ("capture", .table(capture)),
        ("reported", .oneOf(["skip"])), ("announced", .oneOf(["counts"])), ("when_announced", .table(whenAnnounced)),
        ("guesses", .oneOf(["count"])), ("answers", .oneOf(["alone"])), ("reported_owned_by", .string), ("held_owned_by", .ids(.string)),
        ("reported_disowned_by", .strings), ("plain_yes", .oneOf(["asks_which"])),
        ("no_kept_beside", .strings), ("no_kept_unless", .strings), ("answered_no_by", .strings), ("yes_implies", .ids(.string)), ("kin_story", .oneOf(["counts"])),
        ("home", .text), ("homes", .ids(.text)),
    ], required: ["type", "label"])

    public static let flag = Table(name: "flag", keys: [("label", .text), ("situation", .boolean), ("when", .condition)],
                                   required: ["when"])

    public static let transition = Table(name: "transition", keys: [("when", .condition), ("goto", .string)], required: ["goto"])

    public static let state = Table(name: "state", keys: [
        ("say", .text), ("advise", .text), ("listen", .text), ("ask", .strings), ("branch", .boolean), ("end", .text),
        ("remedies", .strings), ("label", .text), ("prompt", .text), ("reprompts", .texts), ("why", .text),
        ("limit", .integer), ("always_ask", .boolean), ("next", .next),
    ])

    public static let remedy = Table(name: "remedy", keys: [
        ("order", .integer), ("when", .condition), ("title", .text), ("steps", .listPerLanguage), ("prepare", .text),
        ("channel", .text), ("conflicts", .strings), ("key_steps", .listOf([.integer])), ("short", .text),
        ("safety", .strings),
    ], required: ["when", "title"])

    public static let draft = Table(name: "draft", keys: [("when", .condition), ("title", .text), ("triggers", .phrases), ("text", .text)],
                                    required: ["title", "text", "triggers"])

    public static let topic = Table(name: "topic", keys: [("asked", .phrases), ("feared", .phrases), ("answer", .text), ("answers", .listOf([.table(topicAnswer)])),
                                                          ("when", .condition), ("quoted", .oneOf(["answers"])), ("alert", .text),
                                                          ("alone", .boolean)],
                                    required: ["asked"])

    /// One of a topic's `answers`: given when `when` holds (the first that holds; none: always).
    public static let topicAnswer = Table(name: "topic answer", keys: [("when", .condition), ("answer", .text)], required: ["answer"])

    /// The top-level keys of a file `dialog.yaml` includes.
    public static let file = Table(name: "dialog file", keys: [
        ("lexicon", .table(lexicon)), ("messages", .ids(.text)), ("slots", .ids(.table(slot))), ("flags", .ids(.table(flag))),
        ("states", .ids(.table(state))), ("remedies", .ids(.table(remedy))), ("drafts", .ids(.table(draft))),
        ("topics", .ids(.table(topic))),
    ])

    public static let expectation = Table(name: "expectation", keys: [
        ("state", .string), ("slots", .ids(.scalarOrList)), ("says", .strings), ("not_says", .strings),
        ("situations", .strings), ("remedies", .strings), ("not_remedies", .strings), ("ended", .boolean),
    ])

    public static let turn = Table(name: "turn", keys: [("user", .string), ("expect", .table(expectation))], required: ["user"])

    public static let test = Table(name: "test", keys: [
        ("name", .string), ("language", .oneOf(languages)), ("turns", .listOf([.string, .table(turn)])), ("end", .table(expectation)),
    ], required: ["name", "turns"])
}
