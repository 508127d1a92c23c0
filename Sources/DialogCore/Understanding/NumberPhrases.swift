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

    /// The number phrases of a dialog, by the scalar next to the number in them: a quantity is compared only with the
    /// phrases whose words after it open with the scalar after it, and with the phrases that end in the number ("逾期#",
    /// "i owe #") whose words before it end with the scalar before it (or before a word of approximation), not with
    /// every phrase of the dialog (~3k instructions a line when it was).
    struct Index: Sendable {
        let phrases: [NumberPhrase]
        /// The phrases (indexes into `phrases`) with words after the number, by the first of those words' scalars.
        private let byScalarAfter: ScalarIndex
        /// The phrases that end in the number, by the last scalar of their words before it.
        private let byScalarBefore: ScalarIndex
        /// The phrases that are the number alone, if any.
        private let bare: [Int]

        init(_ phrases: [NumberPhrase]) {
            self.phrases = phrases
            byScalarAfter = ScalarIndex(phrases.indices.compactMap { index in phrases[index].after.first.map { ($0, index) } })
            byScalarBefore = ScalarIndex(phrases.indices.compactMap { index in
                phrases[index].after.isEmpty ? phrases[index].before.last.map { ($0, index) } : nil
            })
            bare = phrases.indices.filter { phrases[$0].before.isEmpty && phrases[$0].after.isEmpty }
        }

        var isEmpty: Bool { phrases.isEmpty }

        /// Each phrase that may stand around a quantity at `range` whose number may start at any of `numberStarts`,
        /// each once: those that end in the number only, those that open with the scalar after it, and those that
        /// end in it after the scalar before one of its starts (a scalar asked about once).
        fileprivate func forEachCandidate(around range: Range<Int>, numberStarts: [Int], in scalars: [Unicode.Scalar],
                                          _ body: (Int) -> Void) {
            for phrase in bare { body(phrase) }
            if range.upperBound < scalars.count {
                for phrase in byScalarAfter[scalars[range.upperBound]] { body(phrase) }
            }
            for (k, start) in numberStarts.enumerated() where start > 0 {
                let before = scalars[start - 1]
                if numberStarts[..<k].contains(where: { $0 > 0 && scalars[$0 - 1] == before }) { continue }
                for phrase in byScalarBefore[before] { body(phrase) }
            }
        }
    }

    /// Indexes of phrases by a scalar: sorted pairs, found by a binary search.
    struct ScalarIndex: Sendable {
        /// The scalars, ascending, each once.
        private let scalars: [Unicode.Scalar]
        /// Per scalar, where its phrases start in `phrases` (one more at the end).
        private let starts: [Int]
        /// The phrases grouped by scalar, each group ascending.
        private let phrases: [Int]

        init(_ pairs: [(Unicode.Scalar, Int)]) {
            let sorted = pairs.sorted { $0.0.value != $1.0.value ? $0.0.value < $1.0.value : $0.1 < $1.1 }
            var scalars: [Unicode.Scalar] = []
            var starts: [Int] = []
            for (position, pair) in sorted.enumerated() where scalars.last != pair.0 {
                scalars.append(pair.0)
                starts.append(position)
            }
            starts.append(sorted.count)
            self.scalars = scalars
            self.starts = starts
            phrases = sorted.map(\.1)
        }

        subscript(scalar: Unicode.Scalar) -> ArraySlice<Int> {
            var low = 0, high = scalars.count
            while low < high {
                let middle = (low + high) >> 1
                if scalars[middle].value < scalar.value { low = middle + 1 } else { high = middle }
            }
            guard low < scalars.count, scalars[low] == scalar else { return [] }
            return phrases[starts[low]..<starts[low + 1]]
        }
    }

    /// The number phrases a line holds, around the quantities found in it.
    static func hits(_ index: Index, in scalars: [Unicode.Scalar], quantities: [Quantity]) -> [PhraseHit] {
        guard !index.isEmpty else { return [] }
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
            // Found phrase by phrase of the index, then put in the dialog's order (the order in which they were found
            // when every phrase was compared): a quantity has a hit or two.
            var found: [(phrase: Int, hit: PhraseHit)] = []
            index.forEachCandidate(around: quantity.range, numberStarts: numberStarts, in: scalars) { candidate in
                let phrase = index.phrases[candidate]
                let end = quantity.range.upperBound + phrase.after.count
                guard end <= scalars.count, scalars[quantity.range.upperBound..<end].elementsEqual(phrase.after),
                      let numberStart = numberStarts.first(where: { $0 >= phrase.before.count
                          && scalars[($0 - phrase.before.count)..<$0].elementsEqual(phrase.before) }) else { return }
                let start = numberStart - phrase.before.count
                if let first = phrase.before.first, isLetter(first), start > 0, isLetter(scalars[start - 1]) { return }
                if let last = phrase.after.last, isLetter(last), end < scalars.count, isLetter(scalars[end]) { return }
                found.append((candidate, PhraseHit(range: start..<end, cue: phrase.cue)))
            }
            if found.count > 1 { found.sort { $0.phrase < $1.phrase } }
            for (_, hit) in found { hits.append(hit) }
        }
        return hits
    }
}
