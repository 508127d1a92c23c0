/// The person saying they are not the one the notice names: "…叫张某某还款，**我又不是张某某**", "找一个叫刘伟的，我不是刘伟",
/// "叫李伟还款，**我不叫李伟**", "搵陳大文還錢，**我唔係陳大文**", "texting me to tell Li Wei to pay. **I am not Li Wei**".
/// A name the line gives after 叫, 找 or 搵 (two to four Chinese characters), and later "不是" / "不叫" / "唔係" with the
/// person (我) right before it (at most one word between: 又, 也, 并, 可, 根本, 都) and the same name right after it: the
/// notice names someone else. In English, "I am not" / "I'm not" / "my name is not" and then words the line already gave
/// (a capitalised name, or two words or more). Read as the dialog's plain form of that ("叫的是别人"), over the words as
/// written. "我又不是没还", "I'm not sure" name no one the line gave, and stay what they were.
enum NotThatName {
    /// (Folded: 搵 is 揾.)
    private static let namers: Set<Unicode.Scalar> = ["叫", "找", "揾"]
    /// The first and second characters of a denial of being someone (folded: 唔係 is 唔系): 不是, 不叫, 唔系, 唔叫.
    private static let denying: Set<Unicode.Scalar> = ["不", "唔"]
    private static let being: Set<Unicode.Scalar> = ["是", "叫", "系"]
    private static let pronouns: Set<Unicode.Scalar> = ["我", "你", "您", "他", "她", "佢", "人"]
    private static let plainForm: [Unicode.Scalar] = Array("叫的是别人".unicodeScalars)

    /// The words without one of which the person denies no name (`LineRule`): 不是, 不叫, 唔系 … and the English openers.
    static var triggers: [[Unicode.Scalar]] {
        denying.flatMap { first in being.map { [first, $0] } } + englishOpeners.map { Array($0.dropLast()) }
    }

    static func hits(_ text: NormalizedText, matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        let scalars = text.scalars
        var names: [[Unicode.Scalar]] = []
        var found = englishDenials(text)
        for index in scalars.indices {
            if namers.contains(scalars[index]), index + 2 < scalars.count {
                // The name: the Chinese characters after 叫 (up to four), taken at two, three and four.
                var end = index + 1
                while end < scalars.count, end - index <= 4, TextNormalizer.isHan(scalars[end]) { end += 1 }
                // Not a person told to do something ("叫我还钱", "找他要钱").
                if end - index - 1 >= 2, !pronouns.contains(scalars[index + 1]) { names.append(Array(scalars[(index + 1)..<end])) }
            }
            guard !names.isEmpty, denying.contains(scalars[index]), index + 1 < scalars.count, being.contains(scalars[index + 1]),
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

    /// The English openers of "I am not …".
    private static let englishOpeners: [[Unicode.Scalar]] = ["i am not ", "i'm not ", "im not ", "my name is not ", "my name isn't ",
                                                             "my name isnt ", "my name's not "].map { Array($0.unicodeScalars) }
    /// Words after "I'm not" that are no name, however often the line says them.
    private static let notNames: Set<String> = ["the", "a", "an", "sure", "him", "her", "them", "that", "this", "it", "his", "their",
                                                "your", "my", "going", "gonna", "able", "paying", "late", "overdue", "scared", "afraid"]

    /// Where the line says "I am not <words it gave before>": from the opener to the end of the words.
    private static func englishDenials(_ text: NormalizedText) -> [Range<Int>] {
        let scalars = text.scalars
        guard scalars.count >= 12, scalars.contains(where: \.isASCIILetter) else { return [] }
        var found: [Range<Int>] = []
        for start in scalars.indices where scalars[start] == "i" || scalars[start] == "m" {
            guard start == 0 || !scalars[start - 1].isASCIILetter,
                  let opener = englishOpeners.first(where: { start + $0.count < scalars.count && scalars[start..<(start + $0.count)].elementsEqual($0) })
            else { continue }
            // Up to three words after it, the longest run the line already gave before the opener.
            var ends: [Int] = []
            var at = start + opener.count
            for _ in 0..<3 {
                let word = LineAnalysis.asciiWord(scalars, from: at)
                guard !word.isEmpty, !word.contains("'"), !notNames.contains(word) else { break }
                ends.append(at + word.unicodeScalars.count)
                at = ends.last! + 1
                guard at < scalars.count, scalars[at - 1] == " " else { break }
            }
            let nameStart = start + opener.count
            for end in ends.reversed() {
                let name = scalars[nameStart..<end]
                let words = ends.firstIndex(of: end)! + 1
                guard words >= 2 || text.originalText(nameStart..<(nameStart + 1)).first?.isUppercase == true else { continue }
                if givenBefore(name, before: start, in: scalars) {
                    found.append(start..<end)
                    break
                }
            }
        }
        return found
    }

    /// Whether `name` stands as whole words in the line before `limit`.
    private static func givenBefore(_ name: ArraySlice<Unicode.Scalar>, before limit: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index + name.count <= limit {
            if (index == 0 || !scalars[index - 1].isASCIILetter), index + name.count == scalars.count || !scalars[index + name.count].isASCIILetter,
               scalars[index..<(index + name.count)].elementsEqual(name) { return true }
            index += 1
        }
        return false
    }

    /// Whether the person stands right before the 不 at `index`: 我, or 我 and one of 又, 也, 并, 可, 都, 根本.
    private static func personBefore(_ index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        if index >= 1, scalars[index - 1] == "我" { return true }
        if index >= 2, scalars[index - 2] == "我", ["又", "也", "并", "可", "都", "並"].contains(scalars[index - 1]) { return true }
        return index >= 3 && scalars[index - 3] == "我" && scalars[index - 2] == "根" && scalars[index - 1] == "本"
    }
}
