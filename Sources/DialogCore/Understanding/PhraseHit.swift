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
