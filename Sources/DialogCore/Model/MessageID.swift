/// The assistant's own sentences that every dialog must define in `messages` (but for the few with a fallback,
/// `hasFallback`), with the parameters each may use.
public enum MessageID: String, CaseIterable, Codable, Sendable {
    /// What the commands are. Parameters: none.
    case help
    /// When the current state has no `why`.
    case whyDefault = "why_default"
    /// After `back`. `{answer}`: what was undone.
    case backDone = "back_done"
    case backNothing = "back_nothing"
    case restarted
    /// `restart` when there are answers to lose: asks to confirm. `{count}`: how many answers would be cleared.
    case restartConfirm = "restart_confirm"
    /// The line after ``restartConfirm`` did not confirm: nothing was cleared.
    case restartCancelled = "restart_cancelled"
    /// `back` right after a restart: the earlier answers are back.
    case restartUndone = "restart_undone"
    /// One earlier answer a line changed. `{slot}`, `{old}`, `{new}`.
    case corrected
    /// Two or more earlier answers one line changed ("其实是我借的" after "没注册过" and "没借过"), said in one sentence
    /// instead of one `corrected` each. `{changes}`: each change by ``correctedChange``, joined by
    /// ``correctedSeparator``. Optional, with the other two (then each change is said by `corrected`).
    case correctedSeveral = "corrected_several"
    /// One change inside ``correctedSeveral``. `{slot}`, `{old}`, `{new}`.
    case correctedChange = "corrected_change"
    /// Between two changes inside ``correctedSeveral`` ("，" / ", ").
    case correctedSeparator = "corrected_separator"
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
    /// Under the first steps at the end of the questions (which already say how to see more and open a step): the
    /// other commands, and that it is not legal advice.
    case afterBrief = "after_brief"
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
    /// After `why`: which advice the open question decides. `{advice}`: the remedies' titles.
    case whyDepends = "why_depends"
    /// The situation in one sentence, at the head of the first advice. `{situations}`.
    case situationsSentence = "situations_sentence"
    /// Introduces the first (at most three) steps of the advice.
    case firstSteps = "first_steps"
    /// Under the first steps: how to see the rest. `{count}`: how many more remedies there are.
    case moreHint = "more_hint"
    /// Under the first steps when they are all the steps there are: how to open one. `{number}`: a step to name.
    case stepHint = "step_hint"
    /// Under the steps of a screen in short: their safety lines, each once. `{lines}`: the lines (messages
    /// `safety_<id>` named by the remedies' `safety`), joined.
    case safetyReminder = "safety_reminder"
    /// Introduces the rest of the advice, listed in short, that `more` shows.
    case restHeader = "rest_header"
    /// Under a part of the rest that is not the end of it: how many are left. `{count}`.
    case restLeft = "rest_left"
    /// Under the rest: how to open one step, and how to see everything. `{number}`: the first step of the rest.
    case restFooter = "rest_footer"
    /// `more` once the whole list has been shown: that was everything, and how to open a step, a letter or start
    /// again. `{count}`: how many steps there are.
    case moreDone = "more_done"
    /// Heads one step opened by its number. `{number}`, `{title}`.
    case stepHeader = "step_header"
    /// Under one step: how to open another. `{count}`: how many steps there are.
    case stepFooter = "step_footer"
    /// A step number the advice does not have. `{count}`: how many steps there are.
    case stepUnknown = "step_unknown"
    /// `why` after the advice: introduces the answers it rests on.
    case whyAdvice = "why_advice"
    /// One answer and the steps it led to. `{reason}`: "label: value"; `{steps}`: the steps (see ``stepNumbers``).
    case whyAdviceReason = "why_advice_reason"
    /// The steps no answer led to: advice for everyone in the situation. `{steps}`.
    case whyAdviceGeneral = "why_advice_general"
    /// One step named in running text ("第2步", "step 2"). `{numbers}`.
    case stepNumberOne = "step_number_one"
    /// Several steps named in running text ("第2、3步", "steps 2 and 3"). `{numbers}`.
    case stepNumbers = "step_numbers"
    /// Joins the last two items of a list in running text ("、" / " and ").
    case listLastSeparator = "list_last_separator"
    /// `more` before there is any advice.
    case moreNotYet = "more_not_yet"
    /// "草稿" / "drafts", or a letter asked for by name, before any advice: which letter fits is known only once the
    /// scam check and the situation are clear, so it says when the letters come. Optional: without it `more_not_yet`.
    case draftsNotYet = "drafts_not_yet"
    /// Under the list of letters before any advice: the answers still to come may change which letters fit. Optional:
    /// without it nothing is said.
    case draftsSoFar = "drafts_so_far"
    /// After a changed answer, when the advice stays as it was.
    case adviceSame = "advice_same"
    /// After a changed answer: `{items}` added to, or dropped from, the advice; or the order changed.
    case adviceAdded = "advice_added"
    case adviceRemoved = "advice_removed"
    case adviceReordered = "advice_reordered"
    /// After the advice, a question the dialog has no topic for: where to ask it instead.
    case questionPointer = "question_pointer"
    /// After the first message, when it is written in another language than the session's: that the answers now come
    /// in that language, and how to switch.
    case languageDetected = "language_detected"
    /// Once, when a whole sentence comes in another language than one the person chose (with `--lang` or a language
    /// command): that they can switch, and how. Optional: without it nothing is said.
    case languageHint = "language_hint"
    /// At the end, when the advice was already given along the way and the last answers changed nothing: said
    /// instead of the end state's text and the same steps a second time. `{first_steps}`: the first steps' titles,
    /// numbered, one a line (the steps themselves may be screens up by now).
    case adviceConfirmed = "advice_confirmed"
    /// Before the question on screen asked again, when the line gave other facts but not its answer: what was taken,
    /// so the same question does not come back word for word as if nothing had been heard. `{facts}`.
    case noted
    /// When a line is written in pinyin (`Pinyin.isMostlyPinyin`) and nothing in it was understood: that pinyin cannot
    /// be read, and how to write instead; then the question on screen again. Optional (then the usual re-asking).
    case pinyinUnread = "pinyin_unread"
    /// After two or more answers to the person's own questions in one line, each cut to its first sentence (a line
    /// with three fears had three paragraphs before the first question): that any of them is explained in full when
    /// asked alone. Optional (then each answer is given whole, as before).
    case topicsMore = "topics_more"
    /// After a thank-you on its own (the `thanks` command): a word back before the open question. Optional (then only
    /// the question again).
    case thanksReply = "thanks_reply"
    /// When a claim held from an earlier line (a pasted bill's "已逾期45天") becomes the person's own because they now own
    /// the debt (`Engine+HeldClaims`): what was taken, so a wrong number can be corrected. `{facts}`. Optional (then
    /// nothing is said).
    case claimTaken = "claim_taken"
    /// An amount in yuan as shown in the summary, the letters and the advice (`{number}`): "2300元", "2300 yuan"; an
    /// amount in another currency is shown as written ("HK$3,000"). Optional (then the number alone).
    case amountYuan = "amount_yuan"

    /// Messages a dialog may leave out, each with a fallback, so that dialogs written before them still load:
    /// `after_brief` (then `after_advice`), `more_done` (then the whole list again), `safety_reminder` (then no safety
    /// lines; a dialog whose remedies name `safety` must have it), `language_hint` (then nothing), `drafts_not_yet`
    /// (then `more_not_yet`), `drafts_so_far` (then nothing), `pinyin_unread` (then the usual re-asking), `topics_more`
    /// (then each answer whole), `thanks_reply` (then only the question again), `claim_taken` (then nothing), `amount_yuan` (then the number alone),
    /// `corrected_several`, `corrected_change` and `corrected_separator` (all three or none: then each change of a line
    /// is said by `corrected`).
    public var hasFallback: Bool {
        self == .afterBrief || self == .moreDone || self == .safetyReminder || self == .languageHint || self == .draftsNotYet
            || self == .draftsSoFar || self == .pinyinUnread || self == .topicsMore || self == .thanksReply || self == .claimTaken || self == .amountYuan
            || Self.correctedTogether.contains(self)
    }

    /// The messages that say several changes of one line in one sentence: a dialog defines all of them or none.
    public static let correctedTogether: [MessageID] = [.correctedSeveral, .correctedChange, .correctedSeparator]
}
