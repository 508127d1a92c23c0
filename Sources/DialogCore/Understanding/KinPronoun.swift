/// A relative named once and then called "him", "her", "he" or "she": "my father was the guarantor, they call **him** every day",
/// "我爸是担保人，他们天天打给**他**". The pronoun stands for the person's own relative (`OwnKin.possessiveStart`: "my
/// father", "我爸"), so the words around it are read once more with the relative in its place ("打给我爸", "call my
/// father"), and what the dialog finds across the whole relative counts over the pronoun: the relative was contacted. Only when the line
/// names exactly one relative of the person's before the pronoun (two would leave open which one is meant), and not
/// 他们 / 她们 ("they").
enum KinPronoun {
    private static let chinese: Set<Unicode.Scalar> = ["他", "她", "佢"]
    /// How far on each side of the pronoun the words are read again.
    private static let reach = 16

    /// `borrowers`: the kin words that are the subject of the borrowing (`KinBorrower`): "my son borrowed it, they
    /// call him every day" calls the borrower, and a relative who borrowed is never read in place of the pronoun.
    /// The length of "he" or "she" standing as a word at `index`, if one does.
    private static func subjectPronoun(at index: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard index == 0 || !scalars[index - 1].isASCIILetter else { return nil }
        var at = index
        if at < scalars.count, scalars[at] == "s" { at += 1 }
        guard at + 1 < scalars.count, scalars[at] == "h", scalars[at + 1] == "e" else { return nil }
        at += 2
        return at == scalars.count || !scalars[at].isASCIILetter ? at - index : nil
    }

    ///
    /// Also where the pronouns stand that were read with a relative named in an earlier clause (`toldOf`): "我女儿在上
    /// 大学，有人打电话说**她**在分期乐借钱逾期了" — someone else's words about the relative, told to the person. A relative
    /// in the pronoun's own clause is the one who got the notice ("My son got texts saying **he** is overdue", "我爸接到
    /// 电话说**他**欠钱"), which says nothing of who the person is to the loan.
    static func hits(_ scalars: [Unicode.Scalar], kin: [PhraseHit], clauses: Clauses, borrowers: [Range<Int>],
                     matcher: PhraseMatcher<CompiledDialog.Cue>) -> (hits: [PhraseHit], toldOf: Set<Int>) {
        guard !kin.isEmpty else { return ([], []) }
        // The person's own relatives, as written ("my father", "我爸").
        var relatives: [Range<Int>] = []
        for word in kin {
            guard let start = OwnKin.possessiveStart(before: word.range.lowerBound, in: scalars) else { continue }
            relatives.append(start..<word.range.upperBound)
        }
        guard !relatives.isEmpty else { return ([], []) }
        var found: [PhraseHit] = []
        var toldOf = Set<Int>()
        var index = relatives.map(\.upperBound).min()!
        while index < scalars.count {
            defer { index += 1 }
            let pronoun: Range<Int>
            if chinese.contains(scalars[index]) {
                // 他们, 佢哋: "they", not the relative.
                if index + 1 < scalars.count, scalars[index + 1] == "们" || scalars[index + 1] == "哋" { continue }
                pronoun = index..<(index + 1)
            } else if scalars[index] == "h", index == 0 || !scalars[index - 1].isASCIILetter, index + 2 < scalars.count,
                      (scalars[index + 1] == "i" && scalars[index + 2] == "m") || (scalars[index + 1] == "e" && scalars[index + 2] == "r"),
                      index + 3 == scalars.count || !scalars[index + 3].isASCIILetter {
                // "him", "her" (compared as scalars: no String for every word that starts with h).
                pronoun = index..<(index + 3)
            } else if let length = Self.subjectPronoun(at: index, in: scalars) {
                // "he", "she": "my daughter is at university, someone called saying **she** is overdue".
                pronoun = index..<(index + length)
            } else {
                continue
            }
            let before = relatives.filter { $0.upperBound <= pronoun.lowerBound }
            guard let relative = before.first,
                  before.allSatisfy({ Array(scalars[$0]) == Array(scalars[relative]) }),
                  !before.contains(where: { named in borrowers.contains { named.overlaps($0) } }) else { continue }
            let clause = clauses.of(pronoun.lowerBound)
            let subject = pronoun.count == 2 || scalars[pronoun.lowerBound] == "s"
            var from = pronoun.lowerBound
            while from > 0, pronoun.lowerBound - from < reach, clauses.of(from - 1) == clause { from -= 1 }
            var to = pronoun.upperBound
            while to < scalars.count, to - pronoun.upperBound < reach, clauses.of(to) == clause { to += 1 }
            let named = Array(scalars[relative])
            let gapStart = pronoun.lowerBound - from
            var readings = [named]
            let standing = KinPatterns.substitute(scalars[relative], kin: kin.map(\.range)).scalars
            if standing != named { readings.append(standing) }
            let kinLength = kin.first { $0.range.upperBound == relative.upperBound }.map(\.range.count) ?? relative.count
            for (index, reading) in readings.enumerated() {
                let window = Array(scalars[from..<pronoun.lowerBound]) + reading + Array(scalars[pronoun.upperBound..<to])
                let readingEnd = gapStart + reading.count
                // "he", "she" as a subject: a phrase may leave out the possessive ("husband borrow" of "…, he borrow").
                let latest = subject ? gapStart + reading.count - (index == 0 ? kinLength : 1) : gapStart
                for match in matcher.matches(in: window)
                where match.range.lowerBound <= latest && match.range.upperBound >= readingEnd
                    && LineAnalysis.hasWordBoundaries(match.range, in: window) {
                    // The whole relative or nothing: the "打给我" of "打给我爸" is no call to the person.
                    let start = match.range.lowerBound < gapStart ? from + match.range.lowerBound : pronoun.lowerBound
                    let end = match.range.upperBound > readingEnd ? pronoun.upperBound + (match.range.upperBound - readingEnd) : pronoun.upperBound
                    // "he", "she" say something of the relative only with what follows: the bare relative is no one
                    // reached ("someone called saying **she**…").
                    if subject, match.range.upperBound == readingEnd { continue }
                    if start == pronoun.lowerBound, clauses.of(relative.lowerBound) != clause { toldOf.insert(start) }
                    // Without the possessive, only who the relative is ("husband borrow": a contact, a spouse's loan).
                    let withoutPossessive = match.range.lowerBound > gapStart
                    for cue in match.payloads {
                        switch cue {
                        case .choice, .slotYes: found.append(PhraseHit(range: start..<end, cue: cue))
                        case .cuedChoice, .slotNo: if !withoutPossessive { found.append(PhraseHit(range: start..<end, cue: cue)) }
                        default: continue
                        }
                    }
                }
            }
        }
        return (found, toldOf)
    }

    /// The other way round: the person's own relative read as 他 (or 佢) where the dialog's phrases of the relative are written
    /// with the pronoun ("他根本不会用", "他没借过"): "我爸根本不会用智能手机" says what "他根本不会用" says. Only the
    /// yes and no phrases that open with the pronoun and reach past it, within the relative's clause.
    static func relativeAsPronoun(_ scalars: [Unicode.Scalar], kin: [PhraseHit], clauses: Clauses,
                                  matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        var found: [PhraseHit] = []
        for word in kin where TextNormalizer.isHan(scalars[word.range.lowerBound]) {
            guard let start = OwnKin.possessiveStart(before: word.range.lowerBound, in: scalars) else { continue }
            let clause = clauses.of(word.range.lowerBound)
            var to = word.range.upperBound
            while to < scalars.count, to - word.range.upperBound < reach, clauses.of(to) == clause { to += 1 }
            guard to > word.range.upperBound else { continue }
            for pronoun in pronouns {
                let window = [pronoun] + Array(scalars[word.range.upperBound..<to])
                for match in matcher.matches(in: window) where match.range.lowerBound == 0 && match.range.upperBound > 1 {
                    let range = start..<(word.range.upperBound + match.range.upperBound - 1)
                    for cue in match.payloads {
                        switch cue {
                        case .slotYes, .slotNo: found.append(PhraseHit(range: range, cue: cue))
                        default: continue
                        }
                    }
                }
            }
        }
        return found
    }

    /// 他 as the Mandarin phrases write it, 佢 as the Cantonese ones do ("佢唔識用").
    private static let pronouns: [Unicode.Scalar] = ["他", "佢"]
}
