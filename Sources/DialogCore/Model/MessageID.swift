/// The assistant's own sentences that every dialog must define in `messages`, with the parameters each may use.
public enum MessageID: String, CaseIterable, Codable, Sendable {
    /// What the commands are. Parameters: none.
    case help
    /// When the current state has no `why`.
    case whyDefault = "why_default"
    /// After `back`. `{answer}`: what was undone.
    case backDone = "back_done"
    case backNothing = "back_nothing"
    case restarted
    /// `{slot}`, `{old}`, `{new}`.
    case corrected
    /// `{slot}`: the slot given up on.
    case markedUnknown = "marked_unknown"
    /// A reprompt for states that give none.
    case noMatch = "no_match"
    case summaryHeader = "summary_header"
    case summaryEmpty = "summary_empty"
    case situationsHeader = "situations_header"
    case remediesHeader = "remedies_header"
    /// Introduces the reasons of one remedy; `{reasons}`.
    case because
    case prepareLabel = "prepare_label"
    case channelLabel = "channel_label"
    /// After the advice: how to get the summary card and drafts.
    case afterAdvice = "after_advice"
    /// A line after the advice that is not a command.
    case afterEnd = "after_end"
    case draftsHeader = "drafts_header"
    case draftsNone = "drafts_none"
    case languageSwitched = "language_switched"
    case goodbye
    /// How a yes, a no and an unknown value are shown.
    case valueYes = "value_yes"
    case valueNo = "value_no"
    case valueUnknown = "value_unknown"
    /// Joins list items in running text ("、" / ", ").
    case listSeparator = "list_separator"
}
