/// The lexicon's word lists: the words of the language that are not about one slot, each with the part it plays in
/// reading a line. This is the one table of them: the parser reads each under `lexicon:` by its key, the compiled
/// dialog matches each as a cue of its own, the binary cache writes them in this order, and the understanding rules
/// (Sources/DialogCore/Understanding) look them up by case. A new list is a case here, its words in lexicon.yaml, and
/// the rule that reads it (see "Adding a word list" in Dialogs/README.md).
public enum WordList: String, CaseIterable, Hashable, Codable, Sendable {
    /// 是, 对, 嗯, yes: a plain yes to a yes/no question.
    case yes
    /// 不是, 没有, no: a plain no (and "none of those" for a choice question that has a `none`).
    case no
    /// 不知道, 不清楚, not sure: the asked slot becomes unknown.
    case hedges
    /// 不确定, 唔知, not sure, I think: said after a yes or no that answers the question on screen, at the end of the
    /// line ("不是我的名字吧，我不知道", "no, not sure"), the answer is a guess and the slot unknown, as a hedge before it
    /// makes it ("好像不是"). Only words of doubt: a hedge that says what is missing ("no amount", "没写名字") is no doubt.
    case doubts
    /// 没, 不, 未, never, not: flip or cancel the phrase that follows in the same clause.
    case negations
    /// 怕, 万一, 如果, if, afraid: what follows in the clause is a worry or a condition of the person's own; it fills
    /// nothing.
    case conditions
    /// 如果, 要是, if, unless: a supposition of the person's own, read like `conditions` but only up to its consequence:
    /// from an announcing word after it on ("if I don't pay **they will** tell my boss", "如果**不还就**打给我爸妈"),
    /// the clause says what someone means to do, as an announcement does.
    case suppositions
    /// 说要, 将会, will, going to: what follows is announced or threatened, not done ("说要告诉你家人" is not "they told
    /// your family"); it fills nothing, and unlike a negation it neither flips a yes nor denies a choice.
    case announcements
    /// 说, 称, 显示, says: what follows in the clause is someone else's claim.
    case reported
    /// 但是, 可是, but: end a clause, like a comma, so a negation does not reach past them.
    case breaks
    /// 不对, 其实, actually: the line corrects an earlier answer.
    case corrections
    /// 会, 就会, will, 'll: the person foresees what someone will do. A clause that holds one and follows a worry
    /// after a comma, in the person's own words, is still the worry ("怕还不上，他们会打给我爸妈", "I'm scared I can't
    /// pay, they'll call my parents"): it fills nothing. A threat someone reported ("他们说不还就打给我爸妈") stays one.
    case predictions
    /// 儿子, 老公, 同事, son, husband, colleague: the people of the person's own. After the person's possessive ("我儿子",
    /// "我的老公", "my son") and before a fact of the person's own debt in the same clause ("…确实在安逸花借了钱",
    /// "…bought a phone on Fenqile"), the clause is that person's story, not the speaker's (`OwnKin`): a mother telling
    /// of her son's loan has not borrowed.
    case kin
}
