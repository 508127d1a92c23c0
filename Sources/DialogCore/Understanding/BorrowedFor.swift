/// The person's own borrowing, done for a relative or with one: "我帮我弟借的", "我替朋友在分期乐借了五千", "I borrowed it
/// for my brother" (for someone: the loan is the person's own contract and the relative owes them, a loan in one's
/// name by agreement, read as "帮他贷的款" / "i let him borrow in my name"); "我和老公一起在分期乐借的", "we took the
/// loan together", "took it with my wife" (together: the person is a borrower, read as "是我借的" / "i took out the
/// loan"). `Agent` already finds that the person is the subject (the relative after 帮, 和 is no subject); this says what
/// the relative is to the loan, which no phrase of the dialog said. The person's own "我在分期乐借的" reads as the
/// borrowing together does (`ownAtPlace`).
///
/// Not 给 ("我给我弟借了五千" may be a loan TO the brother), and only verbs of borrowing (借, 贷, borrowed, took out):
/// "我帮我妈买的手机" is a purchase of the person's own.
enum BorrowedFor {
    enum Kind { case forSomeone, together }

    static let chineseForReading: [Unicode.Scalar] = Array("帮他贷的款".unicodeScalars)
    static let englishForReading: [Unicode.Scalar] = Array("i let him borrow in my name".unicodeScalars)
    static let chineseTogetherReading: [Unicode.Scalar] = Array("是我借的".unicodeScalars)
    static let englishTogetherReading: [Unicode.Scalar] = Array("i took out the loan".unicodeScalars)

    /// Before the relative: acting for (帮, 替, 为, 幫) or with (和, 跟, 同, 与).
    private static let forWords: Set<Unicode.Scalar> = ["帮", "替", "为"]
    private static let withWords: Set<Unicode.Scalar> = ["和", "跟", "同", "与"]
    /// What makes 借 no borrowing of money: 借款 (a noun), 借给 (lent), 借条, 借我 (lent to me: "帮我弟借我的身份证").
    private static let notBorrowing: Set<Unicode.Scalar> = ["款", "条", "给", "畀", "俾", "据", "我"]
    private static let englishVerbs: Set<String> = ["borrowed", "borrow", "took", "take", "applied", "got"]

    struct Stretch {
        let range: Range<Int>
        let kind: Kind
        let english: Bool
    }

    /// The words without one of which there is no borrowing together nor the person's own at a place (`LineRule`); the
    /// relatives the rule also reads are the lexicon's, found with the dialog's phrases.
    static let triggers: [[Unicode.Scalar]] = ["together", "jointly", "我在", "我喺", "我从", "我是在", "我是喺", "我是从", "我係喺"]
        .map { Array($0.unicodeScalars) }

    /// `triggered`: whether the line holds one of `triggers`.
    static func stretches(_ scalars: [Unicode.Scalar], clauses: Clauses, kin: [Range<Int>], names: [Range<Int>], triggered: Bool) -> [Stretch] {
        var found: [Stretch] = []
        for relative in kin {
            if scalars[relative.lowerBound].isASCII {
                if let stretch = english(relative, in: scalars, clauses: clauses, kin: kin, names: names) { found.append(stretch) }
                continue
            }
            // The word before the relative, past the person's possessive: "帮**我**弟", "和**我的**朋友".
            var before = relative.lowerBound - 1
            if before >= 0, scalars[before] == "的" { before -= 1 }
            if before >= 0, scalars[before] == "我" { before -= 1 }
            guard before >= 0 else { continue }
            let kind: Kind
            if forWords.contains(scalars[before]) { kind = .forSomeone } else if withWords.contains(scalars[before]) { kind = .together } else { continue }
            // The verb after it in its clause, with no other person between: "帮我弟在分期乐借的".
            let clause = clauses.of(relative.lowerBound)
            var at = relative.upperBound
            var verb: Int?
            while at < scalars.count, at - relative.upperBound <= 12, clauses.of(at) == clause {
                let scalar = scalars[at]
                // Another person, a verb of telling ("我和老公说了借钱的事": told, not borrowed with) or a negation ("我和我老公
                // 都没借过": a denial of both) before the 借.
                if ["他", "她", "佢", "说", "讲", "话", "商", "问", "告", "提", "聊", "没", "不", "未", "冇", "无", "别", "唔"].contains(scalar) { break }
                if kin.contains(where: { $0.lowerBound == at }) { break }
                if scalar == "借" || scalar == "贷", !names.contains(where: { $0.contains(at) }),
                   !(at + 1 < scalars.count && notBorrowing.contains(scalars[at + 1])) {
                    // 贷 only as a verb: 贷了, 贷的, 贷过.
                    if scalar == "贷", !(at + 1 < scalars.count && ["了", "的", "过", "咗"].contains(scalars[at + 1])) {
                        at += 1
                        continue
                    }
                    verb = at
                    break
                }
                at += 1
            }
            guard let verb, Agent.doer(ofVerbAt: verb, in: scalars, clauses: clauses, kin: kin, names: names) == .person else { continue }
            found.append(Stretch(range: before..<(verb + 1), kind: kind, english: false))
        }
        guard triggered else { return found }
        found += englishTogether(scalars, clauses: clauses, kin: kin, names: names)
        found += ownAtPlace(scalars, clauses: clauses, kin: kin, names: names)
        return found
    }

    /// "我在分期乐借的", "我喺吉用花借嘅": the person's own borrowing at a place, said with 的 (借了 is a phrase of the
    /// dialog already; the place between 我 and 借 hides "我借的" from any phrase). Read as "是我借的". Also with 是 / 係
    /// before the place ("我是在拍拍贷借的", probe19 L2).
    private static func ownAtPlace(_ scalars: [Unicode.Scalar], clauses: Clauses, kin: [Range<Int>], names: [Range<Int>]) -> [Stretch] {
        var found: [Stretch] = []
        for index in scalars.indices where scalars[index] == "我" && index + 2 < scalars.count {
            let copula = scalars[index + 1] == "是" || scalars[index + 1] == "係" ? 1 : 0
            guard index + 2 + copula < scalars.count, ["在", "喺", "从"].contains(scalars[index + 1 + copula]) else { continue }
            let clause = clauses.of(index)
            var at = index + 2 + copula
            while at + 1 < scalars.count, at - index <= 12, clauses.of(at) == clause {
                if scalars[at] == "借", ["的", "嘅"].contains(scalars[at + 1]), !names.contains(where: { $0.contains(at) }),
                   !kin.contains(where: { index < $0.lowerBound && $0.lowerBound < at }),
                   Agent.doer(ofVerbAt: at, in: scalars, clauses: clauses, kin: kin, names: names) == .person {
                    found.append(Stretch(range: index..<(at + 2), kind: .together, english: false))
                    break
                }
                at += 1
            }
        }
        return found
    }

    /// "I borrowed it for my brother", "took the loan for my son", "we took it with my wife": the relative after the verb.
    private static func english(_ relative: Range<Int>, in scalars: [Unicode.Scalar], clauses: Clauses, kin: [Range<Int>],
                                names: [Range<Int>]) -> Stretch? {
        // "for my brother", "for my", "with my wife".
        var at = relative.lowerBound - 1
        var words: [(String, Int)] = []
        while words.count < 2, at > 0, scalars[at] == " " {
            var start = at - 1
            while start > 0, scalars[start - 1].isASCIILetter { start -= 1 }
            words.append((LineAnalysis.asciiWord(scalars, from: start), start))
            at = start - 1
        }
        guard let preposition = words.first(where: { $0.0 == "for" || $0.0 == "with" }) else { return nil }
        if words.first?.0 != preposition.0, !["my", "our", "a"].contains(words.first?.0 ?? "") { return nil }
        // The verb before it, in the clause, with the person as its subject.
        let clause = clauses.of(relative.lowerBound)
        var index = preposition.1 - 1
        while index > 0, clauses.of(index) == clause {
            if scalars[index].isASCIILetter, !scalars[index - 1].isASCIILetter {
                let word = LineAnalysis.asciiWord(scalars, from: index)
                if englishVerbs.contains(word) {
                    guard Agent.doer(ofVerbAt: index, in: scalars, clauses: clauses, kin: kin, names: names) == .person else { return nil }
                    return Stretch(range: index..<relative.upperBound, kind: preposition.0 == "for" ? .forSomeone : .together, english: true)
                }
            }
            index -= 1
        }
        return nil
    }

    /// "we took the loan together", "we borrowed it jointly": the person's borrowing with someone.
    private static func englishTogether(_ scalars: [Unicode.Scalar], clauses: Clauses, kin: [Range<Int>], names: [Range<Int>]) -> [Stretch] {
        var found: [Stretch] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].isASCIILetter, index == 0 || !scalars[index - 1].isASCIILetter else {
                index += 1
                continue
            }
            let word = LineAnalysis.asciiWord(scalars, from: index)
            defer { index += max(1, word.unicodeScalars.count) }
            guard word == "together" || word == "jointly" else { continue }
            let clause = clauses.of(index)
            var at = index - 1
            while at > 0, clauses.of(at) == clause {
                if scalars[at].isASCIILetter, !scalars[at - 1].isASCIILetter, englishVerbs.contains(LineAnalysis.asciiWord(scalars, from: at)) {
                    if Agent.doer(ofVerbAt: at, in: scalars, clauses: clauses, kin: kin, names: names) == .person {
                        found.append(Stretch(range: at..<(index + word.unicodeScalars.count), kind: .together, english: true))
                    }
                    break
                }
                at -= 1
            }
        }
        return found
    }

    static func hits(_ stretches: [Stretch], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        func ranges(_ kind: Kind, english: Bool) -> [Range<Int>] {
            stretches.filter { $0.kind == kind && $0.english == english }.map(\.range)
        }
        return PhraseHit.reading(chineseForReading, at: ranges(.forSomeone, english: false), matcher: matcher)
            + PhraseHit.reading(englishForReading, at: ranges(.forSomeone, english: true), matcher: matcher)
            + PhraseHit.reading(chineseTogetherReading, at: ranges(.together, english: false), matcher: matcher)
            + PhraseHit.reading(englishTogetherReading, at: ranges(.together, english: true), matcher: matcher)
    }
}
