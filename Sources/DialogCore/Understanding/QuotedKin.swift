/// The person's relatives in a collector's own words, which say "your": "催收说：'**你妈**那边我们已经打过了'", "they
/// said 'we already called **your mother**'". Quoted, "your mother" is the person's mother, so the words around it are
/// read once more with the person's possessive in its place ("我妈那边…打过了", "called my mother"), and what the
/// dialog finds across the relative counts over the quoted words. An announcement still announces ("they said 'we
/// will call your mother'" is a threat, `Announcements`), and the deed told is a deed.
///
/// Only after a word of reported speech earlier in the line (说, said): in the person's own words "你妈" is an oath
/// ("你妈的"), and "your mother" is someone else's.
enum QuotedKin {
    /// How far on each side of the relative the words are read again.
    private static let reach = 16
    private static let chineseYou: Set<Unicode.Scalar> = ["你", "您"]
    private static let chineseMine: [Unicode.Scalar] = ["我"]
    private static let englishMine: [Unicode.Scalar] = Array("my".unicodeScalars)

    static func hits(_ scalars: [Unicode.Scalar], kin: [PhraseHit], reported: [PhraseHit], clauses: Clauses,
                     matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        guard let firstReport = reported.map(\.range.upperBound).min() else { return [] }
        var found: [PhraseHit] = []
        for word in kin where word.range.lowerBound > firstReport {
            // The possessive before the relative: 你 / 您 (a 的 between may stay), or "your ".
            let relative = word.range
            var pronoun: Range<Int>?
            var at = relative.lowerBound
            if scalars[at - 1] == "的" { at -= 1 }
            if at >= 1, chineseYou.contains(scalars[at - 1]) {
                // "你妈的": an oath, no mother.
                if relative.upperBound < scalars.count, scalars[relative.upperBound] == "的", scalars[relative.lowerBound] == "妈" || scalars[relative.lowerBound] == "娘" { continue }
                pronoun = (at - 1)..<at
            } else if relative.lowerBound >= 5, scalars[relative.lowerBound - 1] == " ",
                      scalars[(relative.lowerBound - 5)..<(relative.lowerBound - 1)].elementsEqual("your".unicodeScalars),
                      relative.lowerBound == 5 || !scalars[relative.lowerBound - 6].isASCIILetter {
                pronoun = (relative.lowerBound - 5)..<(relative.lowerBound - 1)
            }
            guard let pronoun, pronoun.lowerBound >= firstReport else { continue }
            let mine = scalars[pronoun.lowerBound].isASCII ? englishMine : chineseMine
            let clause = clauses.of(relative.lowerBound)
            var from = pronoun.lowerBound
            while from > 0, pronoun.lowerBound - from < reach, clauses.of(from - 1) == clause { from -= 1 }
            var to = relative.upperBound
            while to < scalars.count, to - relative.upperBound < reach, clauses.of(to) == clause { to += 1 }
            let window = Array(scalars[from..<pronoun.lowerBound]) + mine + Array(scalars[pronoun.upperBound..<to])
            // Where the relative (with its possessive) lies in the window, and how far the window is shifted after it.
            let gapStart = pronoun.lowerBound - from
            let shift = mine.count - pronoun.count
            let relativeEnd = relative.upperBound - from + shift
            for match in matcher.matches(in: window)
            where match.range.lowerBound <= gapStart && match.range.upperBound >= relativeEnd
                && LineAnalysis.hasWordBoundaries(match.range, in: window) {
                let start = from + match.range.lowerBound
                let end = from + match.range.upperBound - shift
                for cue in match.payloads {
                    switch cue {
                    case .choice, .cuedChoice, .slotYes, .slotNo: found.append(PhraseHit(range: start..<end, cue: cue))
                    default: continue
                    }
                }
            }
        }
        return found
    }
}
