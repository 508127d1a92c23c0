/// Announced actions and threats: right after a word of the lexicon's `announcements` (说要, 将会, will, going to), in
/// the same clause, a phrase says what someone means to do, not what happened: "说要告诉你家人" is not "they told
/// your family", "they will sue" is not a lawsuit. The phrase fills nothing. Unlike a negation it neither turns a yes
/// into a no nor denies a choice, so "will my parents know" is not a line of denials. A threat the dialog wants to
/// hear is listed whole ("要上门", "说要起诉"), and the longer phrase hides the word inside it.
struct Announcements {
    /// Announcements by where they end (linear in the line, however often a word repeats in it).
    private let startsByEnd: [Int: [Int]]
    /// Every announcement, to find one that runs into a phrase: "会打给" ends inside "打给我爸妈".
    private let words: [Range<Int>]
    private let clauses: Clauses
    private let scalars: [Unicode.Scalar]

    /// `words`: every announcing word of the line, those inside a longer phrase too ("will" in "will tell my").
    init(_ scalars: [Unicode.Scalar], words: [PhraseHit], clauses: Clauses) {
        var startsByEnd: [Int: [Int]] = [:]
        for word in words { startsByEnd[word.range.upperBound, default: []].append(word.range.lowerBound) }
        self.startsByEnd = startsByEnd
        self.words = words.map(\.range)
        self.clauses = clauses
        self.scalars = scalars
    }

    /// Whether an announcement ends before `range` in its clause, with nothing done in between. A threat names its
    /// verbs and people in a row ("说要把我P图发到我们村的群里", "threatened to post my photo in my wechat groups and call
    /// everyone in my contacts"), so it reaches to the end of its clause, unless a word says something has happened
    /// (已经, 了, already, a verb in -ed): "they will sue me and they called my mom".
    /// An announcement that begins before the phrase and shares its verb ("他们会打给我爸妈": "会打给" and "打给我爸妈")
    /// announces it too; sharing one character is not sharing a verb ("让我" and "我妈" in "让我妈催我").
    func cover(_ range: Range<Int>) -> Bool {
        guard !startsByEnd.isEmpty else { return false }
        if words.contains(where: { $0.lowerBound < range.lowerBound && $0.upperBound >= range.lowerBound + 2
                && clauses.of($0.lowerBound) == clauses.of(range.lowerBound) && !saysDone(from: $0.upperBound, through: range) }) {
            return true
        }
        for end in clauses.start[range.lowerBound]...range.lowerBound {
            if let starts = startsByEnd[end], starts.contains(where: { clauses.of($0) == clauses.of(range.lowerBound) }),
               !saysDone(from: end, through: range) { return true }
        }
        return false
    }

    /// Whether something between an announcement's end and the end of `range` says it has happened already.
    private func saysDone(from start: Int, through range: Range<Int>) -> Bool {
        var index = start
        var word: [Unicode.Scalar] = []
        func doneWord() -> Bool {
            let lowered = String(String.UnicodeScalarView(word)).lowercased()
            return lowered == "already" || (lowered.count > 3 && lowered.hasSuffix("ed"))
        }
        while index < range.upperBound {
            let scalar = scalars[index]
            if scalar == "了" || scalar == "已" { return true }
            if scalar.properties.isAlphabetic && scalar.isASCII {
                word.append(scalar)
            } else {
                if doneWord() { return true }
                word.removeAll()
            }
            index += 1
        }
        return doneWord()
    }
}
