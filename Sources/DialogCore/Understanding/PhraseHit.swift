/// A phrase of the dialog found in a line: where, and what it means.
struct PhraseHit {
    var range: Range<Int>
    var cue: CompiledDialog.Cue
}

extension Array where Element == PhraseHit {
    /// The lexicon's words of one list: `functional.of(.negations)`.
    func of(_ list: WordList) -> [PhraseHit] { filter { $0.cue == .word(list) } }
}
