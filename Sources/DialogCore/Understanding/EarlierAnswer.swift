/// A line that takes back an earlier answer rather than answering the question on screen: "刚才说错了，有的", "之前说错了，
/// 没有", "I was wrong earlier, yes there was". It holds a correction word of the lexicon and a word that points back to
/// what was said before (刚才, 之前, 说错, earlier, "i was wrong"), and otherwise only a plain yes or no. The engine then
/// changes the last answer given (`Engine.correctEarlier`), and the question on screen stays open: "刚才说错了，有的"
/// typed at "did a court paper come?" is not a yes to the court.
extension LineAnalysis {
    /// Words that point back to an earlier answer, folded as lines are (講錯 reads 讲错).
    private static let pointingBack: [[Unicode.Scalar]] = [
        "刚才", "刚刚", "头先", "之前", "前面", "上一个", "上一题", "说错", "讲错", "答错", "选错", "按错", "打错字",
        "earlier", "previous", "last answer", "last question", "i was wrong", "said it wrong", "that was wrong",
        "answered wrong", "wrong answer",
    ].map { Array($0.unicodeScalars) }

    /// Whether the line says the person's earlier answer was wrong: a correction word and a word pointing back.
    var correctsEarlierAnswer: Bool {
        guard !functional.of(.corrections).isEmpty else { return false }
        let scalars = self.scalars
        for start in scalars.indices {
            for word in Self.pointingBack where word[0] == scalars[start] && start + word.count <= scalars.count
                && scalars[start..<(start + word.count)].elementsEqual(word) && Self.hasWordBoundaries(start..<(start + word.count), in: scalars) {
                return true
            }
        }
        return false
    }
}
