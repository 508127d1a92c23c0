/// Phrases with a relative in them, written once for every relative (`with_kin`: "我*的贷款", "找我*还", "my * owes"):
/// the dialog compiles each with a stand-in character where the `*` is, and a line that holds words of the lexicon's
/// `kin` list is read a second time with each of them replaced by the stand-in. "我表哥的贷款" is then "我\u{E000}的贷款",
/// which the pattern matches; the hit covers the words as the person wrote them. One pattern replaces a phrase per
/// relative (the notice-help dialog had ~3,000 of them, a third of its automaton).
enum KinPatterns {
    /// What a `*` of a pattern becomes: a private-use character, which no text the dialog is written in holds.
    static let standIn: Unicode.Scalar = "\u{E000}"

    /// `scalars` with each kin word in it (longest first where two overlap) replaced by the stand-in, and for each
    /// position of the result the range it stands for in `scalars`.
    static func substitute(_ scalars: ArraySlice<Unicode.Scalar>, kin: [Range<Int>]) -> (scalars: [Unicode.Scalar], origin: [Range<Int>]) {
        let chosen = kin.filter { $0.lowerBound >= scalars.startIndex && $0.upperBound <= scalars.endIndex }
            .sorted { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }
        var result: [Unicode.Scalar] = []
        var origin: [Range<Int>] = []
        result.reserveCapacity(scalars.count)
        origin.reserveCapacity(scalars.count)
        var next = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            while next < chosen.count, chosen[next].lowerBound < index { next += 1 }
            if next < chosen.count, chosen[next].lowerBound == index {
                result.append(standIn)
                origin.append(chosen[next])
                index = chosen[next].upperBound
                next += 1
            } else {
                result.append(scalars[index])
                origin.append(index..<(index + 1))
                index += 1
            }
        }
        return (result, origin)
    }

    /// The hits of the dialog's `with_kin` patterns in a line whose kin words are `kin`.
    static func hits(_ scalars: [Unicode.Scalar], kin: [PhraseHit], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        guard !kin.isEmpty else { return [] }
        let (substituted, origin) = substitute(scalars[...], kin: kin.map(\.range))
        var found: [PhraseHit] = []
        for match in matcher.matches(in: substituted) where substituted[match.range].contains(standIn) {
            let range = origin[match.range.lowerBound].lowerBound..<origin[match.range.upperBound - 1].upperBound
            guard LineAnalysis.hasWordBoundaries(range, in: scalars) else { continue }
            for cue in match.payloads { found.append(PhraseHit(range: range, cue: cue)) }
        }
        return found
    }
}
