/// A mainland mobile number in a line ("请联系13812345678", "call 138xxxxxxxx"): eleven characters, 1 then 3–9, then
/// digits or the x / * that mask them. It reads as the words "私人手机号" (a private mobile number), so the dialog can say
/// what such a number means where it stands: notice-help lists it as a `with_cue` phrase of `scam_signs:
/// impersonation`, beside a court word ("…三天后强制执行，请联系138xxxxxxxx": courts reach people through 12368 and
/// official channels, not a private mobile). A collector's own number, with no court word near, means nothing.
enum PrivateMobile {
    /// The words a mobile number reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("私人手机号".unicodeScalars)

    /// Where the line holds a mobile number.
    static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isMask(_ s: Unicode.Scalar) -> Bool { s == "x" || s == "X" || s == "*" }
        let length = 11
        guard scalars.count >= length else { return [] }
        var found: [Range<Int>] = []
        var start = 0
        while start + length <= scalars.count {
            guard scalars[start] == "1", ("3"..."9").contains(scalars[start + 1]),
                  start == 0 || !(isDigit(scalars[start - 1]) || isMask(scalars[start - 1]) || scalars[start - 1].isASCIILetter) else {
                start += 1
                continue
            }
            let end = start + length
            let body = scalars[(start + 2)..<end]
            if isDigit(scalars[start + 2]), body.allSatisfy({ isDigit($0) || isMask($0) }),
               end == scalars.count || !(isDigit(scalars[end]) || isMask(scalars[end]) || scalars[end].isASCIILetter) {
                found.append(start..<end)
                start = end
            } else {
                start += 1
            }
        }
        return found
    }

    /// The dialog's phrases for a mobile number ("私人手机号"), at each number the line holds.
    static func hits(_ scalars: [Unicode.Scalar], numbers: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        guard !numbers.isEmpty else { return [] }
        let cues = matcher.matches(in: reading).filter { $0.range == 0..<reading.count }.flatMap(\.payloads)
        guard !cues.isEmpty else { return [] }
        return numbers.flatMap { range in cues.map { PhraseHit(range: range, cue: $0) } }
    }
}
