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

    /// A company's service number ("400-8xx-1234", "4008001234", "800 820 8820"): 400 or 800, then seven digits or masks,
    /// a dash or a space allowed after the third and the sixth. It reads as the words "400号码", which notice-help lists
    /// beside the mobile number (probe18 T4: "【最高人民法院】…请于今日内拨打400-8xx-1234处理，否则将冻结名下所有银行卡":
    /// a court does not tell people to ring a company's line).
    static let serviceReading: [Unicode.Scalar] = Array("400号码".unicodeScalars)

    /// Where the line holds a company's service number.
    static func serviceRanges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isMask(_ s: Unicode.Scalar) -> Bool { s == "x" || s == "X" || s == "*" }
        var found: [Range<Int>] = []
        var start = 0
        while start + 10 <= scalars.count {
            guard scalars[start] == "4" || scalars[start] == "8", scalars[start + 1] == "0", scalars[start + 2] == "0",
                  start == 0 || !(isDigit(scalars[start - 1]) || isMask(scalars[start - 1]) || scalars[start - 1].isASCIILetter) else {
                start += 1
                continue
            }
            var at = start + 3
            var count = 3
            while at < scalars.count, count < 10 {
                if isDigit(scalars[at]) || isMask(scalars[at]) {
                    count += 1
                } else if !((scalars[at] == "-" || scalars[at] == " ") && (count == 3 || count == 6)) {
                    break
                }
                at += 1
            }
            if count == 10, at == scalars.count || !(isDigit(scalars[at]) || isMask(scalars[at])) {
                found.append(start..<at)
                start = at
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

extension PrivateMobile {
    /// The dialog's phrases for a company's service number ("400号码"), at each the line holds.
    static func serviceHits(numbers: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(serviceReading, at: numbers, matcher: matcher)
    }
}
