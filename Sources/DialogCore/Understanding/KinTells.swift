/// A relative telling the person what the relative did: "我弟说用我手机号注册了个省呗", "我妈说她拿了我的身份证去办的",
/// "my brother said he used my phone number". The saying word there gives the relative's account of their own doing,
/// not a claim the person disputes: the line is read as if the relative were the subject ("我弟用我手机号注册了…"), so
/// who borrowed (the relative) and the person's own words after it ("不是我借的，是我弟") count. The dialog's `with_kin`
/// phrases (`KinPatterns`) are looked for once more with the saying word (and a 他 / 她 / "he" / "she" after it) left
/// out; a hit that reaches across the left-out words covers them, so the saying word reports nothing.
/// Only the person's own relative (我弟, "my brother") right before the saying word.
enum KinTells {
    private static let chineseSaying: Set<Unicode.Scalar> = ["说", "话", "讲"]
    private static let chinesePronouns: Set<Unicode.Scalar> = ["他", "她", "佢"]
    private static let englishSaying: [[Unicode.Scalar]] = [" said he", " said she", " says he", " says she", " told me he",
                                                            " told me she", " said that he", " said that she", " told me that he",
                                                            " told me that she"].map { Array($0.unicodeScalars) }

    static func hits(_ scalars: [Unicode.Scalar], kin: [PhraseHit], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        var found: [PhraseHit] = []
        for relative in kin {
            guard let cut = leftOut(after: relative.range, in: scalars) else { continue }
            let reduced = Array(scalars[..<cut.lowerBound]) + Array(scalars[cut.upperBound...])
            for hit in KinPatterns.hits(reduced, kin: [relative], matcher: matcher)
            where hit.range.lowerBound < cut.lowerBound && hit.range.upperBound > cut.lowerBound {
                found.append(PhraseHit(range: hit.range.lowerBound..<(hit.range.upperBound + cut.count), cue: hit.cue))
            }
        }
        return found
    }

    /// The saying word (and its pronoun) right after the person's own relative at `range`, or nil.
    private static func leftOut(after range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        let end = range.upperBound
        guard end < scalars.count else { return nil }
        if range.lowerBound >= 1, scalars[range.lowerBound - 1] == "我", chineseSaying.contains(scalars[end]) {
            var cutEnd = end + 1
            if cutEnd < scalars.count, chinesePronouns.contains(scalars[cutEnd]) { cutEnd += 1 }
            return end..<cutEnd
        }
        guard range.lowerBound >= 3, scalars[(range.lowerBound - 3)..<range.lowerBound].elementsEqual(["m", "y", " "]) else { return nil }
        for saying in englishSaying where end + saying.count < scalars.count
            && scalars[end..<(end + saying.count)].elementsEqual(saying) && scalars[end + saying.count] == " " {
            return end..<(end + saying.count)
        }
        return nil
    }
}
