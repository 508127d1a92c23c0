/// A relative of the person's who is late, with how long between (probe18 T1): "My brother is 3 months overdue on
/// Jiebei", "my wife is two months late on Fenqile", "my son has been behind for weeks". The dialog says "my * is
/// overdue" and "* is late" once for every relative (`with_kin`), but a length of time between the two, written in any
/// of a dozen ways, matched none of them, and the person was asked "did you yourself register?".
///
/// In English: the person's own relative ("my brother", `OwnKin.possessiveStart`), then only words of being and of time
/// (is, has been, 3, two, months, about, almost …), then "overdue", "late" or "behind", in one clause. The stretch reads
/// as "my * is overdue" with the relative in the `*`, so the dialog's own pattern says what it means (notice-help: the
/// relative is the borrower, `role: contact`), and as "my wife is overdue" with the relative's own word. Negation and worries apply as to any phrase: "my son is not overdue".
enum KinLate {
    private static let lateWords: Set<String> = ["overdue", "late", "behind"]
    /// The words of being and of time that may stand between the relative and the word of lateness.
    private static let between: Set<String> = ["is", "was", "has", "had", "been", "now", "already", "about", "around", "over", "almost",
                                               "nearly", "like", "a", "an", "few", "couple", "of", "more", "than", "and", "half",
                                               "day", "days", "week", "weeks", "month", "months", "year", "years", "one", "two",
                                               "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                                               "several", "many", "some", "for", "still", "also", "really", "way", "very", "so"]
    /// The pattern the stretch reads as, with the stand-in where the relative goes.
    static let reading: [Unicode.Scalar] = Array("my ".unicodeScalars) + [KinPatterns.standIn] + Array(" is overdue".unicodeScalars)

    /// The words without one of which no relative is late (`LineRule`).
    static var triggers: [[Unicode.Scalar]] { lateWords.map { Array($0.unicodeScalars) } }

    /// Where a relative of the person's is said to be late: from "my" to the word of lateness. `words`: the line's
    /// English words (`HarmThreat.englishWords`); `kin`: its whole kin words.
    static func ranges(in scalars: [Unicode.Scalar], words: [HarmThreat.Word], kin: [Range<Int>]) -> [(stretch: Range<Int>, relative: Range<Int>)] {
        guard !kin.isEmpty else { return [] }
        var found: [(stretch: Range<Int>, relative: Range<Int>)] = []
        for (index, word) in words.enumerated() where !word.mark && lateWords.contains(LineAnalysis.asciiWord(scalars, from: word.range.lowerBound)) {
            var k = index - 1
            var passed = 0
            while k >= 0, passed <= 8, !words[k].mark {
                let text = LineAnalysis.asciiWord(scalars, from: words[k].range.lowerBound)
                let isNumber = words[k].range.allSatisfy { ("0"..."9").contains(scalars[$0]) || scalars[$0] == "-" }
                guard between.contains(text) || isNumber || text.isEmpty else { break }
                k -= 1
                passed += 1
            }
            // The word before the words of time ends a relative of the person's.
            guard k >= 0, passed > 0, !words[k].mark,
                  let relative = kin.first(where: { $0.upperBound == words[k].range.upperBound }),
                  let start = OwnKin.possessiveStart(before: relative.lowerBound, in: scalars) else { continue }
            found.append((start..<word.range.upperBound, relative))
        }
        return found
    }

    /// The dialog's phrases for "my * is overdue" (`with_kin`) and for the relative by name ("my wife is overdue": notice-
    /// help's spouse), at each stretch the line holds.
    static func hits(_ found: [(stretch: Range<Int>, relative: Range<Int>)], in scalars: [Unicode.Scalar],
                     matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(reading, at: found.map(\.stretch), matcher: matcher) + found.flatMap { late in
            PhraseHit.reading(Array("my ".unicodeScalars) + scalars[late.relative] + Array(" is overdue".unicodeScalars), at: [late.stretch],
                              matcher: matcher)
        }
    }
}
