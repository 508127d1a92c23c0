/// The global commands a person can type in any state.
public enum Command: String, Hashable, Codable, Sendable, CaseIterable {
    case help, why, back, restart, `repeat`, summary, drafts, more, all, next, quit
    /// A thank-you on its own ("谢谢", "thanks"): a word back (`thanks_reply`), and the open question again.
    case thanks
}

/// The words of the language that are not about one slot: the word lists (see `WordList`), the global commands and the
/// phrases that switch language.
public struct Lexicon: Hashable, Codable, Sendable {
    /// Every word list, by kind; a list the dialog does not define is empty.
    public var lists: [WordList: PhraseList]
    public var commands: [Command: PhraseList]
    /// Phrases that switch to a language, keyed by the language code.
    public var languageSwitches: [String: PhraseList]
    /// The commonest words of each language written without Chinese characters ("i", "my", "the"), keyed by the
    /// language code: they tell which language a first message is in (see `FirstLineLanguage`). Lower case.
    public var languageWords: [String: Set<String>]

    public init(lists: [WordList: PhraseList] = [:], commands: [Command: PhraseList] = [:], languageSwitches: [String: PhraseList] = [:],
                languageWords: [String: Set<String>] = [:]) {
        self.lists = lists
        self.commands = commands
        self.languageSwitches = languageSwitches
        self.languageWords = languageWords
    }

    public subscript(list: WordList) -> PhraseList {
        get { lists[list] ?? PhraseList() }
        set { lists[list] = newValue }
    }

    public var yes: PhraseList { self[.yes] }
    public var no: PhraseList { self[.no] }
    public var hedges: PhraseList { self[.hedges] }
    public var negations: PhraseList { self[.negations] }
    public var conditions: PhraseList { self[.conditions] }
    public var reported: PhraseList { self[.reported] }
    public var breaks: PhraseList { self[.breaks] }
    public var corrections: PhraseList { self[.corrections] }
}
