/// The person saying they are not the one the notice names: "…叫张某某还款，**我又不是张某某**", "找一个叫刘伟的，我不是刘伟".
/// A name the line gives after 叫 or 找 (two to four Chinese characters), and later "不是" with the person (我) right
/// before it (at most one word between: 又, 也, 并, 可, 根本, 都) and the same name right after it: the notice names
/// someone else. Read as the dialog's plain form of that ("叫的是别人"), over the words as written. "我又不是没还" names no
/// one the line gave, and stays what it was.
enum NotThatName {
    private static let namers: Set<Unicode.Scalar> = ["叫", "找"]
    private static let pronouns: Set<Unicode.Scalar> = ["我", "你", "您", "他", "她", "佢", "人"]
    private static let plainForm: [Unicode.Scalar] = Array("叫的是别人".unicodeScalars)

    /// The words without which the person denies no name (`LineRule`).
    static let triggers: [[Unicode.Scalar]] = [["不", "是"]]

    static func hits(_ scalars: [Unicode.Scalar], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        var names: [[Unicode.Scalar]] = []
        var found: [Range<Int>] = []
        for index in scalars.indices {
            if namers.contains(scalars[index]), index + 2 < scalars.count {
                // The name: the Chinese characters after 叫 (up to four), taken at two, three and four.
                var end = index + 1
                while end < scalars.count, end - index <= 4, TextNormalizer.isHan(scalars[end]) { end += 1 }
                // Not a person told to do something ("叫我还钱", "找他要钱").
                if end - index - 1 >= 2, !pronouns.contains(scalars[index + 1]) { names.append(Array(scalars[(index + 1)..<end])) }
            }
            guard !names.isEmpty, scalars[index] == "不", index + 1 < scalars.count, scalars[index + 1] == "是",
                  personBefore(index, in: scalars) else { continue }
            let after = index + 2
            // The longest shared start of two or more characters with a name given before.
            for name in names {
                var length = 0
                while length < name.count, after + length < scalars.count, scalars[after + length] == name[length] { length += 1 }
                if length >= 2 {
                    found.append(index..<(after + length))
                    break
                }
            }
        }
        guard !found.isEmpty else { return [] }
        var hits: [PhraseHit] = []
        for match in matcher.matches(in: plainForm) where match.range == 0..<plainForm.count {
            for cue in match.payloads {
                guard case .slotNo = cue else { continue }
                for range in found { hits.append(PhraseHit(range: range, cue: cue)) }
            }
        }
        return hits
    }

    /// Whether the person stands right before the 不 at `index`: 我, or 我 and one of 又, 也, 并, 可, 都, 根本.
    private static func personBefore(_ index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        if index >= 1, scalars[index - 1] == "我" { return true }
        if index >= 2, scalars[index - 2] == "我", ["又", "也", "并", "可", "都", "並"].contains(scalars[index - 1]) { return true }
        return index >= 3 && scalars[index - 3] == "我" && scalars[index - 2] == "根" && scalars[index - 1] == "本"
    }
}
