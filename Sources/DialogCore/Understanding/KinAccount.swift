/// A relative's account on a named platform: "我儿子的**花呗**逾期三天", "我個仔嘅**花唄**", "my son's **Huabei** is 3 days
/// overdue". The person's own word for someone of theirs (`OwnKin.possessiveStart`), a kin word, the possessive (的, 嘅,
/// 's) and then a platform's name say whose the debt is, as "我儿子的贷款" / "my son's loan" do: the line is read as
/// that phrase, and the dialog's phrases for it (`with_kin` patterns like "我*的贷款", "my *'s loan", or a relative's
/// own phrase like "我老公的贷款") count over the relative and the possessive. The name stays the platform's, and the
/// relative is no longer a bare "my son" that a contact word elsewhere in the line ("they keep calling me") would
/// take for someone who was called.
enum KinAccount {
    private static let chinesePossessives: Set<Unicode.Scalar> = ["的", "嘅"]
    private static let chineseLoan: [Unicode.Scalar] = Array("贷款".unicodeScalars)
    private static let englishLoan: [Unicode.Scalar] = Array("'s loan".unicodeScalars)

    /// `kin`: the line's kin words; `content`: its phrases so far, whose known names are the platforms.
    static func hits(_ scalars: [Unicode.Scalar], kin: [PhraseHit], content: [PhraseHit],
                     matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        guard !kin.isEmpty else { return [] }
        var found: [PhraseHit] = []
        for name in content {
            guard case .known = name.cue else { continue }
            let at = name.range.lowerBound
            // Where the kin word must end, the relative's span (with its possessive), and the words read instead.
            let kinEnd: Int
            let spanEnd: Int
            let loan: [Unicode.Scalar]
            if at >= 1, chinesePossessives.contains(scalars[at - 1]) {
                kinEnd = at - 1
                spanEnd = at
                loan = [scalars[at - 1]] + chineseLoan
            } else if at >= 4, scalars[at - 1] == " ", scalars[at - 2] == "s", scalars[at - 3] == "'" {
                kinEnd = at - 3
                spanEnd = at - 1
                loan = englishLoan
            } else {
                continue
            }
            guard let word = kin.first(where: { $0.range.upperBound == kinEnd }),
                  let start = OwnKin.possessiveStart(before: word.range.lowerBound, in: scalars) else { continue }
            let relative = Array(scalars[start..<kinEnd])
            var readings = [relative + loan]
            let standing = KinPatterns.substitute(scalars[start..<kinEnd], kin: kin.map(\.range)).scalars
            if standing != relative { readings.append(standing + loan) }
            for reading in readings {
                for match in matcher.matches(in: reading) where match.range == 0..<reading.count {
                    for cue in match.payloads { found.append(PhraseHit(range: start..<spanEnd, cue: cue)) }
                }
            }
        }
        return found
    }
}
