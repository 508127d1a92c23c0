/// A phrase of the dialog found in a line: where, and what it means.
struct PhraseHit {
    var range: Range<Int>
    var cue: CompiledDialog.Cue
}

extension Array where Element == PhraseHit {
    /// The lexicon's words of one list: `functional.of(.negations)`.
    /// Counted first, then filled: `filter` grew its result one reallocation at a time, and the rules ask for a
    /// list a dozen times a line.
    func of(_ list: WordList) -> [PhraseHit] {
        let cue = CompiledDialog.Cue.word(list)
        var count = 0
        for hit in self where hit.cue == cue { count += 1 }
        guard count > 0 else { return [] }
        var hits: [PhraseHit] = []
        hits.reserveCapacity(count)
        for hit in self where hit.cue == cue { hits.append(hit) }
        return hits
    }
}

extension PhraseHit {
    /// The dialog's phrases for `reading` (the phrase a rule reads a stretch of the line as: "人身威胁", "个人银行卡",
    /// "加微信"), at each of `ranges`: what `HarmThreat`, `PersonalPayee` and `PrivateChat` add to the line's hits.
    static func reading(_ reading: [Unicode.Scalar], at ranges: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        guard !ranges.isEmpty else { return [] }
        let cues = matcher.matches(in: reading).filter { $0.range == 0..<reading.count }.flatMap(\.payloads)
        guard !cues.isEmpty else { return [] }
        return ranges.flatMap { range in cues.map { PhraseHit(range: range, cue: $0) } }
    }
}
