/// A pasted notice that tells the person to call a number: "[XX Finance] Your loan … is overdue. **Call** 170xxxxxxxx to
/// settle today", "请**致电**4008xxxxxx", "Got a text from Huabei, **call** 138xxxxxxxx". The call word there is what
/// the notice asks, not how it came (the text came as a text): a choice phrase right before a phone number (after at
/// most spaces, a colon, "us at", "us on") that opens its clause or follows "please" / "to" (or 请 a few characters
/// before) fills nothing. A
/// phone number is a mainland mobile (`PrivateMobile`) or a run of at least seven digits, dashes allowed (4008108866,
/// 010-12345678), or digits followed by three masked ones ("3988 xxxx", "138****5678"); a shorter run is as often an
/// amount ("转账20000").
extension LineAnalysis {
    /// Where the line's phone numbers start.
    static func phoneNumberStarts(_ scalars: [Unicode.Scalar], mobiles: [Range<Int>]) -> [Int] {
        var starts: [Int] = []
        for mobile in mobiles { starts.append(mobile.lowerBound) }
        var index = 0
        while index < scalars.count {
            guard ("0"..."9").contains(scalars[index]) else { index += 1; continue }
            var end = index
            var digits = 0
            while end < scalars.count, ("0"..."9").contains(scalars[end]) || (scalars[end] == "-" && end > index) {
                if scalars[end] != "-" { digits += 1 }
                end += 1
            }
            // A number written half masked ("3988 xxxx", "138****5678", "400-xxx-xxxx"): digits, then at least three of
            // x or *, a space or a dash allowed between (probe14 P22: "請即致電 3988 xxxx" gave the amount 3988).
            var masked = end
            if masked < scalars.count, scalars[masked] == " " || scalars[masked] == "-" { masked += 1 }
            var hidden = 0
            while masked < scalars.count, ["x", "X", "*", "＊"].contains(scalars[masked]) { hidden += 1; masked += 1 }
            if (digits >= 7 || (digits >= 3 && hidden >= 3)), !starts.contains(index), index == 0 || !scalars[index - 1].isASCIILetter {
                starts.append(index)
            }
            index = end
        }
        return starts
    }

    /// What may stand between the call word and the number.
    private static let fillersBeforeNumber: [[Unicode.Scalar]] = ["us at ", "us on ", "back at ", "back on ", "at ", "on "]
        .map { Array($0.unicodeScalars) }
    /// What may stand before the call word in an instruction.
    /// A label before a number ("联系电话：170…", "客服电话", "详询…") names the number to call, as an instruction does.
    private static let instructionOpeners: [[Unicode.Scalar]] = ["please ", "pls ", "plz ", "to ", "kindly ", "请", "请您", "立即", "尽快",
                                                                 "联系", "联络", "客服", "咨询", "详询", "查询", "服务"]
        .map { Array($0.unicodeScalars) }

    /// Whether the phrase at `range` asks the person to call a number the line gives.
    func asksToCall(_ range: Range<Int>) -> Bool {
        guard !phoneNumbers.isEmpty else { return false }
        var at = range.upperBound
        while at < scalars.count, scalars[at] == " " || scalars[at] == ":" { at += 1 }
        if !phoneNumbers.contains(at) {
            guard let filler = Self.fillersBeforeNumber.first(where: { at + $0.count <= scalars.count && scalars[at..<(at + $0.count)].elementsEqual($0) }),
                  phoneNumbers.contains(at + filler.count) else { return false }
        }
        // An instruction: the phrase opens its clause, or follows "please", 请, "to".
        var start = range.lowerBound
        while start > 0, scalars[start - 1] == " " { start -= 1 }
        if start == 0 || clauses.of(start - 1) != clauses.of(range.lowerBound) || Clauses.isClauseMark(scalars[start - 1]) { return true }
        if Self.instructionOpeners.contains(where: { opener in
            range.lowerBound >= opener.count && scalars[(range.lowerBound - opener.count)..<range.lowerBound].elementsEqual(opener)
        }) { return true }
        // 请 a few characters before, in the clause: "请今天致电…", "请于24小时内致电…".
        var index = range.lowerBound - 1
        while index >= 0, range.lowerBound - index <= 8, clauses.of(index) == clauses.of(range.lowerBound) {
            if scalars[index] == "请" { return true }
            index -= 1
        }
        return false
    }
}
