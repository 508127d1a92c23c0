/// Phrases with a number in them: in a yes/no list or a choice's synonyms, `#` stands for any quantity the line holds
/// ("i'm # overdue" matches "i'm 10 days overdue" and "im 2 months overdue"; "逾期#了" matches "逾期一个月了" and
/// "逾期45天了"), so a list need not spell out every number. The words around `#` must stand right next to the
/// quantity (with the spaces written in the phrase), and a Latin word is not matched inside another ("im" in "aim").
/// Found phrases then go through the same rules as every other (negation, reported speech, worries).
struct NumberPhrase: Sendable {
    let before: [Unicode.Scalar]
    let after: [Unicode.Scalar]
    let cue: CompiledDialog.Cue

    /// What stands for the number in a phrase.
    static let mark: Unicode.Scalar = "#"

    /// Every phrase of the dialog's yes/no lists and choice synonyms that holds one `#`, folded as lines are.
    static func all(in dialog: Dialog) -> [NumberPhrase] {
        var phrases: [NumberPhrase] = []
        func add(_ list: PhraseList, _ cue: CompiledDialog.Cue) {
            // Every start asks this of every phrase list: most hold no `#`, and are passed over without `all`'s sorted
            // copy.
            guard list.byLanguage.values.contains(where: { $0.contains(where: holdsMark) }) else { return }
            for phrase in list.all where holdsMark(phrase) {
                let folded = Array(TextNormalizer.fold(phrase).unicodeScalars)
                guard let at = folded.firstIndex(of: mark), !folded[(at + 1)...].contains(mark) else { continue }
                phrases.append(NumberPhrase(before: Array(folded[..<at]), after: Array(folded[(at + 1)...]), cue: cue))
            }
        }
        for (index, slot) in dialog.slots.enumerated() {
            add(slot.yes, .slotYes(index))
            add(slot.no, .slotNo(index))
            guard slot.kind == .choice else { continue }
            for (valueIndex, value) in slot.values.enumerated() { add(value.synonyms, .choice(index, value: valueIndex)) }
        }
        return phrases
    }

    /// Words of approximation that may stand between a phrase's words and its number.
    private static let approximations: [[Unicode.Scalar]] = ["about ", "like ", "around ", "almost ", "nearly ", "over ",
        "more than ", "大概", "差不多", "快", "将近", "大约", "约", "有"].map { Array($0.unicodeScalars) }

    /// Whether `phrase` holds the mark, searched in its UTF-8 bytes: the mark is ASCII, so its byte is found exactly
    /// where the scalar is, without decoding every phrase of the dialog at every start.
    private static func holdsMark(_ phrase: String) -> Bool {
        let byte = UInt8(mark.value)
        return phrase.utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? phrase.unicodeScalars.contains(mark)
    }

    /// Whether a phrase of the automaton is a number phrase, which the automaton does not hold.
    static func isNumberPhrase(_ phrase: String) -> Bool { phrase.unicodeScalars.contains(mark) }

    /// The number phrases a line holds, around the quantities found in it.
    static func hits(_ phrases: [NumberPhrase], in scalars: [Unicode.Scalar], quantities: [Quantity]) -> [PhraseHit] {
        guard !phrases.isEmpty else { return [] }
        func isLetter(_ s: Unicode.Scalar) -> Bool { s.isASCIILetter }
        let approximations = Self.approximations
        var hits: [PhraseHit] = []
        for quantity in quantities {
            // "i'm about 45 days behind", "逾期差不多两个月了": a word of approximation may stand before the number.
            var numberStarts = [quantity.range.lowerBound]
            for word in approximations where word.count <= quantity.range.lowerBound {
                let from = quantity.range.lowerBound - word.count
                if scalars[from..<quantity.range.lowerBound].elementsEqual(word) { numberStarts.append(from) }
            }
            for phrase in phrases {
                let end = quantity.range.upperBound + phrase.after.count
                guard end <= scalars.count, scalars[quantity.range.upperBound..<end].elementsEqual(phrase.after),
                      let numberStart = numberStarts.first(where: { $0 >= phrase.before.count
                          && scalars[($0 - phrase.before.count)..<$0].elementsEqual(phrase.before) }) else { continue }
                let start = numberStart - phrase.before.count
                if let first = phrase.before.first, isLetter(first), start > 0, isLetter(scalars[start - 1]) { continue }
                if let last = phrase.after.last, isLetter(last), end < scalars.count, isLetter(scalars[end]) { continue }
                hits.append(PhraseHit(range: start..<end, cue: phrase.cue))
            }
        }
        return hits
    }
}
