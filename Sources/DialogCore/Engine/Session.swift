/// One person's conversation, as a value: what they said, where they are, what has been shown.
/// The engine never mutates a session in place; `Engine.step` returns a new one. Snapshots are this value, encoded.
public struct Session: Hashable, Codable, Sendable {
    /// One line's effect on the slots, kept so that `back` can undo exactly that line.
    public struct Answer: Hashable, Codable, Sendable {
        public var turn: Int
        public var changes: [SlotChange]
        /// The open (`listen`) state this line answered, if any.
        public var heard: String?
        /// The relatives this line named as the borrower first (`Session.borrowerKin`), so that `back` forgets them
        /// too. Nil when none (and in snapshots written before it existed).
        public var borrowers: [String]? = nil
    }

    public var dialogID: String
    public var language: String
    /// The state waiting for the person's next line (nil before the first walk).
    public var current: String?
    public var values: [String: SlotValue]
    public var answers: [Answer]
    /// `say` states already said, so they are not repeated on every walk; `pinyin_unread`, said once; and
    /// `topic.<id>.brief`, a topic answered in a sentence beside others, said whole the next time.
    public var said: Set<String>
    /// `listen` states already answered.
    public var heard: Set<String>
    /// Lines in a row at the current state that answered nothing.
    public var noMatchCount: Int
    /// The advice has been given and no answer has changed since.
    public var advised: Bool
    /// The remedies (ids, in order) of the advice last shown, so that a changed answer shows what changed; nil
    /// before the first advice.
    public var shownAdvice: [String]? {
        didSet { listedSteps = nil; openedStep = nil }
    }
    /// How many steps of the advice last shown have been listed so far: the first screen's, then each `more`'s, so
    /// that `more` goes on where the last screen stopped (and, once all are listed, gives the whole list). Nil for
    /// only the first screen (and in snapshots written before it existed); cleared whenever other advice is shown.
    /// One more than the number of steps once the whole list has been shown (`all`, or `more` after the last step).
    public var listedSteps: Int?
    /// The step of the advice last opened in full ("第2步", "step 2", or `next`), so that `next` opens the one after
    /// it; nil when the last thing shown was not one step (and in snapshots written before it existed).
    public var openedStep: Int?
    /// The last reply listed the letters (`drafts`): a number alone in the next line opens that letter ("1" after the
    /// list is "草稿1", not an answer to the question asked again below it). Nil otherwise, and in older snapshots.
    public var listedDrafts: Bool?
    /// The person quit; further lines are ignored.
    public var ended: Bool
    public var turn: Int
    /// The language is still to be taken from the person's first message: true in a session started without a
    /// language; cleared by that message or by a language command. (Optional so that older snapshots still read.)
    public var detectsLanguage: Bool?
    /// The person chose the language (`--lang`, or a language command): a later line in another language does not
    /// change it, it only brings `language_hint` once (`languageHinted`). Nil in snapshots written before it existed.
    public var languageChosen: Bool?
    public var languageHinted: Bool?
    /// `restart` was asked for while there were answers to lose: the next line confirms it (yes, or `restart`
    /// again) or not. Nil otherwise (and in snapshots written before it existed).
    public var restartPending: Bool?
    /// The session as it was before the last `restart`, so that `back` can undo the restart once the answers given
    /// since are undone. At most one element; nil when there was no restart.
    public var beforeRestart: [Session]?
    /// The relatives earlier lines named as the borrower ("是我弟弟借的": 弟弟; "my brother used my name": brother), folded
    /// as lines are: a later "他们一直打给我弟弟" calls the borrower, not a relative of the person's (`KinBorrower`). Nil
    /// when none was named (and in snapshots written before it existed).
    public var borrowerKin: [String]?

    public init(dialogID: String, language: String) {
        self.dialogID = dialogID
        self.language = language
        self.current = nil
        self.values = [:]
        self.answers = []
        self.said = []
        self.heard = []
        self.noMatchCount = 0
        self.advised = false
        self.ended = false
        self.turn = 0
    }
}

/// A slot that a line filled, corrected, undid or gave up on.
public struct SlotChange: Hashable, Codable, Sendable {
    public var slot: String
    public var old: SlotValue?
    public var new: SlotValue?
    public init(slot: String, old: SlotValue?, new: SlotValue?) {
        self.slot = slot
        self.old = old
        self.new = new
    }
}
