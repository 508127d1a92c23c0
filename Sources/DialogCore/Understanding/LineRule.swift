/// The rules of understanding that look in the line for words of their own, each with its trigger words: the words
/// without one of which the rule can find nothing ("加" for `PrivateChat`, "不是" for `NotThatName`, "when did i ever"
/// for a rhetorical question). `LineTriggers` finds the trigger words of every rule in one pass of one automaton, so
/// that a rule runs only on a line that holds one of its words, and starts where they stand instead of searching the
/// line again.
///
/// To add such a rule: a case here, its words in `triggers` (as the rule declares them in its own file, after folding:
/// simplified, lower case), and in `LineAnalysis` the rule called only when `triggers.has(.rule)`, with
/// `triggers.starts(of: .rule)` where it looks at each place a word starts. A Latin word counts only as a whole word
/// ("we" is not inside "were"); a Chinese one wherever it stands.
enum LineRule: Int, CaseIterable {
    case harmThreat, personalPayee, privateChat, dueAhead, cancelOrElse, visitPlace, notThatName, unknownPerson,
         presentThreat, codeDelivery, moneyAndCode, borrowedFor, consequences, rhetoricalQuestion, alternatives, atTheDoorNow, kinLate, ownUse, theBorrower

    /// The words without one of which the rule finds nothing.
    var triggers: [[Unicode.Scalar]] {
        switch self {
        case .harmThreat: HarmThreat.triggers
        case .personalPayee: PersonalPayee.triggers
        case .privateChat: PrivateChat.triggers
        case .dueAhead: DueAhead.triggers
        case .cancelOrElse: CancelOrElse.triggers
        case .visitPlace: VisitPlace.triggers
        case .notThatName: NotThatName.triggers
        case .unknownPerson: UnknownPerson.triggers
        case .presentThreat: PresentThreat.triggers
        case .codeDelivery: CodeDelivery.triggers
        case .moneyAndCode: MoneyAndCode.triggers
        case .borrowedFor: BorrowedFor.triggers
        case .consequences: Consequences.triggers
        case .rhetoricalQuestion: Negation.rhetoricalTriggers
        case .alternatives: Negation.alternativeTriggers
        case .atTheDoorNow: AtTheDoorNow.triggers
        case .kinLate: KinLate.triggers
        case .ownUse: OwnUse.triggers
        case .theBorrower: TheBorrower.triggers
        }
    }
}
