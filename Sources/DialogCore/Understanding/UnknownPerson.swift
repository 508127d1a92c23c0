/// The person saying they do not know the one the notice names, by that name: "I don't know any Li Wei", "I don't
/// know a Zhang Wei", "we do not know Wang Fang". Chinese says it with a phrase of the dialog ("我不认识李伟" holds
/// 我不认识); English puts the name after "know", where "I don't know" alone is a hedge ("I don't know what to do").
/// A negated "know", then at most an article ("any", "a", "an") or "anyone called", then a capitalised name that is
/// no phrase of the dialog (so not a platform: "I don't know Fenqile" says nothing of a person) reads as the words
/// "don't know this person", which notice-help lists as a stranger to the borrower. Lower-case typing ("i dont know
/// any li wei") is read when the name is a Chinese name in pinyin: two or three words that are each a syllable of
/// pinyin and no English word ("li wei", "zhang xiaoming" is one syllable too many: "zhang xiao ming"); without the
/// capital, "any" is as often "any details", which is no name.
enum UnknownPerson {
    /// The words the rule reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("don't know this person".unicodeScalars)

    /// The words before "know" that deny it ("do not", "did not" take their auxiliary along).
    private static let negations: Set<String> = ["don't", "dont", "didn't", "didnt", "not", "never"]
    private static let auxiliaries: Set<String> = ["do", "did", "does"]
    /// What may stand between "know" and the name.
    private static let articles: Set<String> = ["any", "a", "an"]
    private static let someone: Set<String> = ["anyone", "anybody", "someone", "somebody"]
    private static let calling: Set<String> = ["called", "named"]
    /// Capitalised words that are no name: the pronoun, and what opens a question ("I don't know What to do").
    private static let notNames: Set<String> = ["i", "what", "why", "how", "who", "whom", "whose", "where", "when", "which",
                                                "if", "whether", "that", "this", "the", "it", "anything", "about", "them",
                                                "him", "her", "you", "me", "my", "your", "their", "his", "any", "anyone"]

    /// The word without which the line knows no one (`LineRule`).
    static let triggers: [[Unicode.Scalar]] = [Array("know".unicodeScalars)]

    /// Where the line says "don't know <Name>": from the negation to the end of the name.
    static func ranges(in text: NormalizedText, phrases: [PhraseHit]) -> [Range<Int>] {
        let scalars = text.scalars
        var found: [Range<Int>] = []
        guard scalars.count >= 10 else { return found }
        var index = 0
        while index + 4 < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "k", scalars[index + 1] == "n", scalars[index + 2] == "o", scalars[index + 3] == "w",
                  scalars[index + 4] == " ", index >= 2, scalars[index - 1] == " " else { continue }
            // The word before "know".
            guard let (negation, negationStart) = word(endingAt: index - 1, in: scalars), negations.contains(negation) else { continue }
            var start = negationStart
            if negation == "not", negationStart >= 2, scalars[negationStart - 1] == " ",
               let (auxiliary, auxiliaryStart) = word(endingAt: negationStart - 1, in: scalars), auxiliaries.contains(auxiliary) {
                start = auxiliaryStart
            }
            // After "know ": an article or "anyone called", then the name.
            var at = index + 5
            let first = LineAnalysis.asciiWord(scalars, from: at)
            if articles.contains(first) {
                at += first.unicodeScalars.count + 1
            } else if someone.contains(first) {
                let next = at + first.unicodeScalars.count + 1
                let calledWord = LineAnalysis.asciiWord(scalars, from: min(next, scalars.count))
                guard next < scalars.count, scalars[next - 1] == " ", calling.contains(calledWord) else { continue }
                at = next + calledWord.unicodeScalars.count + 1
            }
            guard at < scalars.count, scalars[at - 1] == " ", let end = nameEnd(from: at, in: text) else { continue }
            // A phrase of the dialog is no person's name ("Fenqile", "WeChat").
            guard !phrases.contains(where: { $0.range.overlaps(at..<end) }) else { continue }
            found.append(start..<end)
            index = end
        }
        return found
    }

    /// The ASCII word that ends right before `end` (letters and apostrophes), and where it starts.
    private static func word(endingAt end: Int, in scalars: [Unicode.Scalar]) -> (String, Int)? {
        var start = end
        while start > 0, scalars[start - 1].isASCIILetter || scalars[start - 1] == "'" { start -= 1 }
        guard start < end, end - start <= 8 else { return nil }
        return (LineAnalysis.asciiWord(scalars, from: start), start)
    }

    /// The end of a name of one to three capitalised words starting at `start`, or nil when none starts there.
    private static func nameEnd(from start: Int, in text: NormalizedText) -> Int? {
        let scalars = text.scalars
        if text.originalText(start..<(start + 1)).first?.isLowercase == true { return pinyinNameEnd(from: start, in: scalars) }
        var end: Int?
        var at = start
        for _ in 0..<3 {
            let word = LineAnalysis.asciiWord(scalars, from: at)
            guard !word.isEmpty, !word.contains("'"), !notNames.contains(word),
                  text.originalText(at..<(at + 1)).first?.isUppercase == true else { break }
            end = at + word.unicodeScalars.count
            at = end! + 1
            guard at < scalars.count, scalars[at - 1] == " " else { break }
        }
        return end
    }

    /// The end of a name in lower-case pinyin of two or three syllables starting at `start` ("li wei", "wang xiao ming").
    private static func pinyinNameEnd(from start: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var at = start
        var end: Int?
        var count = 0
        while count < 3, at < scalars.count {
            let word = LineAnalysis.asciiWord(scalars, from: at)
            guard !word.isEmpty, Pinyin.isSyllable(word), !englishWords.contains(word) else { break }
            count += 1
            end = at + word.unicodeScalars.count
            at = end! + 1
            guard at < scalars.count, scalars[at - 1] == " " else { break }
        }
        return count >= 2 ? end : nil
    }

    /// English words that are spelled as pinyin syllables too: no name when typed in lower case.
    private static let englishWords: Set<String> = ["a", "an", "he", "me", "we", "you", "no", "so", "to", "do", "go", "in", "on", "or",
        "and", "man", "men", "can", "ban", "fan", "pan", "ran", "tan", "then", "hen", "ten", "pen", "bin", "pin", "sun", "run",
        "fun", "gun", "bun", "long", "hang", "bang", "sang", "gang", "chin", "shin", "her", "him", "ma", "pa", "ha", "bye", "yes",
        "mo", "lo", "ye", "die", "tie", "lie", "pie", "hue", "sue", "cue", "due", "rue", "ta", "zen", "den", "ken", "jin", "nan",
        "lin", "sin", "tin", "win", "din", "kin", "fin", "gin", "sen", "nun", "bun", "dun", "shun", "zoo", "boo", "moo"]

    /// The dialog's phrases for "don't know this person", at each place the line says it of a name (`ranges`).
    static func hits(_ places: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        let cues = matcher.matches(in: reading).filter { $0.range == 0..<reading.count }.flatMap(\.payloads)
        return places.flatMap { range in cues.map { PhraseHit(range: range, cue: $0) } }
    }
}
