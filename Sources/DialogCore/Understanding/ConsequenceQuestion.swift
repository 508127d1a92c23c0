/// A question of what follows, at the end of a clause: "花呗逾期三天**会怎么样**", "借呗逾期了会怎样", "花唄逾期三日
/// **會點樣**". What stands before it is supposed, not told: the clause is a question of the person's own (`Worries`),
/// as "what happens if my Huabei is 3 days overdue" is after "if". Not a clause that says it has already happened (已:
/// "借呗已经逾期三天了会怎么样" is the person's own overdue, asked about), nor a question in a clause of its own after a
/// comma ("借呗逾期了，会怎么样"), which asks about what the clause before it told.
enum ConsequenceQuestion {
    /// The questions, folded (會點樣 is 会点样), all opening with 会.
    private static let questions: [[Unicode.Scalar]] = ["会怎么样", "会怎样", "会咋样", "会如何", "会有什么后果", "会有什么影响",
                                                        "会有啥后果", "会有啥影响", "会点样", "会点", "会有咩后果", "会有咩影响"]
        .map { Array($0.unicodeScalars) }
    /// What may follow the question before the clause ends: a particle.
    private static let particles: Set<Unicode.Scalar> = ["呢", "啊", "呀", "啦", "吖", "嘅", "的", "?", " "]

    /// The clauses that end in such a question, with something before it in the clause.
    static func clauses(_ scalars: [Unicode.Scalar], _ clauses: Clauses) -> [Int] {
        var found: [Int] = []
        for index in scalars.indices where scalars[index] == "会" {
            guard let question = questions.first(where: { index + $0.count <= scalars.count && scalars[index..<(index + $0.count)].elementsEqual($0) })
            else { continue }
            var end = index + question.count
            while end < scalars.count, particles.contains(scalars[end]) { end += 1 }
            guard end == scalars.count || Clauses.isClauseMark(scalars[end]) else { continue }
            let c = clauses.of(index)
            let start = clauses.start[index]
            guard start < index, !scalars[start..<index].contains("已"), found.last != c else { continue }
            found.append(c)
        }
        return found
    }
}
