/// The global commands a person can type in any state.
public enum Command: String, Hashable, Codable, Sendable, CaseIterable {
    case help, why, back, restart, `repeat`, summary, drafts, more, quit
}

/// The words of the language that are not about one slot.
public struct Lexicon: Hashable, Codable, Sendable {
    /// Plain answers to a yes/no question: 是, 对, 嗯, yes.
    public var yes: PhraseList
    /// 不是, 没有, 否, no.
    public var no: PhraseList
    /// 不知道, 不清楚, not sure: mark the asked slot unknown.
    public var hedges: PhraseList
    /// 没, 不, 未, never, not: flip or cancel the phrase that follows in the same clause.
    public var negations: PhraseList
    /// 怕, 万一, 如果, if, afraid, will: what follows in the clause is a worry, a condition or a threat, not a fact;
    /// it fills nothing (a negation would turn it into its opposite).
    public var conditions: PhraseList
    /// 说, 称, 显示, says: what follows in the clause is someone else's claim.
    public var reported: PhraseList
    /// 但是, 可是, but: end a clause, like a comma, so a negation does not reach past them.
    public var breaks: PhraseList
    /// 不对, 其实, actually: the line corrects an earlier answer. When a dialog lists any, a filled choice or text
    /// slot that is not the question on screen changes only in a line holding one of these (an incidental mention
    /// adds to a `multiple` slot instead); without any, every mention corrects.
    public var corrections: PhraseList
    public var commands: [Command: PhraseList]
    /// Phrases that switch to a language, keyed by the language code.
    public var languageSwitches: [String: PhraseList]

    public init(yes: PhraseList = PhraseList(), no: PhraseList = PhraseList(), hedges: PhraseList = PhraseList(),
                negations: PhraseList = PhraseList(), conditions: PhraseList = PhraseList(), reported: PhraseList = PhraseList(),
                breaks: PhraseList = PhraseList(), corrections: PhraseList = PhraseList(), commands: [Command: PhraseList] = [:], languageSwitches: [String: PhraseList] = [:]) {
        self.yes = yes
        self.no = no
        self.hedges = hedges
        self.negations = negations
        self.conditions = conditions
        self.reported = reported
        self.breaks = breaks
        self.corrections = corrections
        self.commands = commands
        self.languageSwitches = languageSwitches
    }
}
