/// Hedges: a word of the lexicon's `hedges` (不知道, not sure) makes the asked slots unknown when the line gives them
/// no value. A clause that is only a hedge (and perhaps the name of what it is about) speaks of what the rest of the
/// line left out: "3 days overdue, no amount", "五万，没显示逾期".
extension LineAnalysis {
    var hedges: [PhraseHit] { functional.of(.hedges) }

    /// Whether a hedge stands right before `range` in its clause ("好像**注册过**", "应该**没买过**", "i think **i
    /// paid**"): a yes or no said that way in answer to the question on screen is a guess, and the slot is unknown
    /// rather than yes or no. Right before: at most two characters between (a subject, "i"), so "不知道为什么，我从来
    /// 没借过" keeps its denial.
    func hedged(_ range: Range<Int>) -> Bool {
        let hedges = self.hedges
        guard !hedges.isEmpty else { return false }
        let gap = scalars[range.lowerBound].isASCII ? 3 : 2
        return hedges.contains { hedge in
            // Overlapping is right before too: the 没 of "应该没" is the first of "没买过".
            hedge.range.lowerBound < range.lowerBound && range.lowerBound - hedge.range.upperBound <= gap
                && clauses.of(hedge.range.lowerBound) == clauses.of(range.lowerBound)
        }
    }

    /// Whether a word of doubt closes the line right after `range` ("不是我的名字吧，我不知道", "没注册过，不确定", "no,
    /// not sure", "it's not my name I think"): a yes or no said so in answer to the question on screen is a guess, as
    /// one after a hedge is. Right after: no other phrase between, and at most a filler ("吧 我", "but i'm"); and
    /// nothing but punctuation or a particle after the doubt, so "不是我，不知道他们为什么找我" keeps its no.
    func doubtedAfter(_ range: Range<Int>) -> Bool {
        let doubts = functional.of(.doubts)
        guard let doubt = doubts.last(where: { $0.range.lowerBound >= range.upperBound }),
              scalars[doubt.range.upperBound...].allSatisfy(Self.isFiller) else { return false }
        if content.contains(where: { $0.range.lowerBound >= range.upperBound && $0.range.lowerBound < doubt.range.lowerBound }) { return false }
        let between = scalars[range.upperBound..<doubt.range.lowerBound].filter { !Self.isFiller($0) }
        return between.count <= (scalars[doubt.range.lowerBound].isASCII ? 8 : 3)
    }

    /// The last plain yes or no word of the line (the lexicon's `yes` and `no`), for a doubt after a bare answer.
    var lastAnswerWord: Range<Int>? {
        (functional.of(.yes) + functional.of(.no)).map(\.range).max { $0.lowerBound < $1.lowerBound }
    }

    /// Punctuation, spaces and the particles that end a spoken clause: they say nothing between an answer and a doubt.
    static func isFiller(_ scalar: Unicode.Scalar) -> Bool {
        fillerScalars.contains(scalar)
    }
    private static let fillerScalars: Set<Unicode.Scalar> = Set(" ,.!?;:~…-。，！？、吧呢啊呀啦哦嘛喔咯哈嗯".unicodeScalars)

    /// Whether a hedge of the line is about the question on screen (its `asked` slots), so that the question is marked
    /// "not sure" (probe19 T18). A hedge followed by a yes-or-no question of its own is about that question: "我不知道
    /// **是不是我的**" at "did they ask you to transfer money…?" is about whose debt it is, and answers the question on
    /// screen only when it holds a phrase of the asked slot ("不知道**有没有让我转账**"). A hedge before a statement or a
    /// wh-word ("i thot i paid it", "不清楚是哪家") is a guess at the question on screen, as before. A hedge of forgetting alone in its clause after a
    /// clause that told something ("其实是我借的，**我忘了**", "it's mine, I forgot") is about what was told. Any other
    /// hedge that stands alone in its clause ("不知道", "不太清楚吧", "not sure") answers the question on screen.
    func hedgesAsked(_ asked: [Int]) -> Bool {
        let hedges = self.hedges
        guard !hedges.isEmpty else { return false }
        return hedges.contains { hedge in
            let clause = clauses.of(hedge.range.lowerBound)
            var end = hedge.range.upperBound
            while end < scalars.count, clauses.of(end) == clause { end += 1 }
            var next = hedge.range.upperBound
            while next < end, scalars[next] == " " { next += 1 }
            if Self.embeddedQuestions.contains(where: { word in
                next + word.count <= end && scalars[next..<(next + word.count)].elementsEqual(word)
            }) {
                return content.contains { found in
                    found.range.lowerBound >= hedge.range.upperBound && found.range.lowerBound < end
                        && found.cue.slot.map(asked.contains) == true
                }
            }
            guard scalars[hedge.range.upperBound..<end].allSatisfy({ Self.isFiller($0) || Self.closingParticles.contains($0) }) else { return true }
            guard Self.forgetting.contains(where: { word in
                scalars[hedge.range].count >= word.count && scalars[hedge.range].suffix(word.count).elementsEqual(word)
            }) else { return true }
            // Forgot what? What an earlier clause told, if it told anything.
            return !content.contains { found in
                clauses.of(found.range.lowerBound) < clause && found.cue.slot.map(asked.contains) == false
            }
        }
    }

    /// What opens an embedded yes-or-no question right after a hedge: "不知道**是不是**我的", "not sure **if** it's mine".
    private static let embeddedQuestions: [[Unicode.Scalar]] = ["是不是", "有没有", "是否", "会不会", "系唔系", "有冇", "whether", "if "]
        .map { Array($0.unicodeScalars) }

    /// Hedges of forgetting, by how they end: "忘了", "我忘了", "忘记了", "forgot", "i forgot".
    private static let forgetting: [[Unicode.Scalar]] = ["忘了", "忘记了", "忘记", "不记得", "不记得了", "forgot", "forgotten"]
        .map { Array($0.unicodeScalars) }

    /// Whether a clause is nothing but a hedge, given the quantities found and the asked slots.
    func hedgesTheRest(quantities: [Quantity], asked: [Int]) -> Bool {
        let hedges = self.hedges
        guard !hedges.isEmpty else { return false }
        // Linear in the line: which positions a hedge covers, then which clauses hold a quantity or a phrase outside
        // every hedge (other than a cue naming an asked slot).
        var coveredByHedge = [Bool](repeatElement(false, count: scalars.count + 1))
        for hedge in hedges { for index in hedge.range where index < scalars.count { coveredByHedge[index] = true } }
        var busyClauses = Set(quantities.map { clauses.of($0.range.lowerBound) })
        for found in content {
            if case .numberCue(let slot) = found.cue, asked.contains(slot) { continue }
            if found.range.allSatisfy({ $0 < scalars.count && coveredByHedge[$0] }) { continue }
            busyClauses.insert(clauses.of(found.range.lowerBound))
        }
        return hedges.contains { !busyClauses.contains(clauses.of($0.range.lowerBound)) }
    }
}
