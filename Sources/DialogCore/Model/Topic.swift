/// A question people ask along the way ("不还会坐牢吗", "can they really sue me?"), with the dialog's short answer.
/// It fills no slot: the answer is shown wherever the question comes, and the conversation goes on where it was.
public struct Topic: Hashable, Codable, Sendable {
    /// One answer, given when its condition holds: a relative's "will I go to jail?" is not a borrower's.
    public struct Answer: Hashable, Codable, Sendable {
        /// nil: always (the last answer of a topic, or its only one).
        public var condition: Condition?
        public var text: LocalizedText

        public init(condition: Condition? = nil, text: LocalizedText) {
            self.condition = condition
            self.text = text
        }
    }

    public var id: String
    /// What a line contains when it asks this: 坐牢, 会不会打给, can they sue.
    public var asked: PhraseList
    /// What a worry of the person's own holds when it is this question (YAML `feared:`): "我怕他们起诉我" asks "会不会
    /// 起诉我", "I'm afraid they will sue me" asks "can they sue me?". Heard only behind a worry or a condition of the
    /// person's (the lexicon's `conditions`, in the same clause), never in a story: "他们起诉我了" is told, not asked.
    public var feared = PhraseList()
    /// In order: the first whose condition holds is given; when none holds, the topic is not answered.
    public var answers: [Answer]
    /// When the topic is answered at all (YAML `when:`); nil: always.
    public var condition: Condition?
    /// Answered also when the phrase is only in someone else's words (YAML `quoted: answers`): a claim the person
    /// needs an answer to whether or not they ask ("催收说这是夫妻共同债务，要我还"). Other topics answer only what the
    /// person asks, so a pasted "不然影响征信" brings no answer nobody asked for.
    public var answersQuoted = false
    /// A line for the help desk (YAML `alert:`): the transcript marks the turn that asked this, and lists it at the top
    /// ("spoke of ending their life"), so that the sessions that need a call back are found.
    public var alert: LocalizedText?
    /// Answered only when the line asks no other topic that is answered (YAML `alone: true`): a general question
    /// ("是真的吗", "is it real?") said after a specific one ("…影响孩子上学，是真的吗") is that one's, not a second question.
    public var alone = false
    public var location: SourceLocation?

    public init(id: String, asked: PhraseList, answers: [Answer], condition: Condition? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.asked = asked
        self.answers = answers
        self.condition = condition
        self.location = location
    }

    /// A topic with one answer.
    public init(id: String, asked: PhraseList, answer: LocalizedText, condition: Condition? = nil, location: SourceLocation? = nil) {
        self.init(id: id, asked: asked, answers: [Answer(text: answer)], condition: condition, location: location)
    }
}
