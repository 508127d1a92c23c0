/// A line that is nothing but a list of people: "我妈和我同事", "我媽同埋我老細", "my mom and my boss", "家人、朋友". Typed
/// at any question, it says who was reached (the slot of several people's `with_cue` names, which otherwise count only
/// beside a word of contact or at their own question): a person who went back a question or two and answers the one
/// they meant. Two names at least (one name typed alone is read so already, as the whole line), and between them only
/// words that join a list (和, 跟, 还有, 同埋, and, plus) and the person's possessive (我, 的, my): "我妈和我同事都劝我先还"
/// tells of something else.
enum PeopleList {
    private static let chineseJoiners: [[Unicode.Scalar]] = ["还有", "以及", "同埋", "仲有", "和", "跟", "与", "及", "同", "我", "的", "嘅",
                                                             "也", "都", "还", "跟我", "、"].map { Array($0.unicodeScalars) }
    private static let englishJoiners: Set<String> = ["and", "my", "plus", "also", "both", "the", "too", "even", "our"]
    private static let marks: Set<Unicode.Scalar> = [" ", ",", ".", ";", "!", "/", "&", "+"]

    /// Whether `names` (the ranges of the names found, at least two that do not overlap) and joiners make up the line.
    static func isList(_ scalars: [Unicode.Scalar], names: [Range<Int>]) -> Bool {
        let sorted = names.sorted { $0.lowerBound < $1.lowerBound }
        var distinct = 0
        var reach = 0
        var covered = [Bool](repeatElement(false, count: scalars.count))
        for name in sorted {
            if name.lowerBound >= reach { distinct += 1 }
            reach = max(reach, name.upperBound)
            for index in name where index < covered.count { covered[index] = true }
        }
        guard distinct >= 2 else { return false }
        var index = 0
        while index < scalars.count {
            if covered[index] || marks.contains(scalars[index]) {
                index += 1
                continue
            }
            if scalars[index].isASCIILetter {
                let word = LineAnalysis.asciiWord(scalars, from: index)
                guard englishJoiners.contains(word) else { return false }
                index += word.unicodeScalars.count
                continue
            }
            guard let joiner = chineseJoiners.first(where: { index + $0.count <= scalars.count && scalars[index..<(index + $0.count)].elementsEqual($0) })
            else { return false }
            index += joiner.count
        }
        return true
    }
}
