/// A relative of the person is the one whose identity someone used: "我妈的身份证被我舅舅拿去办了捷信分期", "我舅舅用我
/// 妈的身份证办的", "my uncle used my mom's ID". The person is not the borrower, nor someone who borrowed with a
/// parent's ID (`role: used_family_id`, "用我妈的身份证借的" said of oneself): they are a relative of the one named, and
/// the stretch reads as the dialog's plain form of that ("我不是借款人"), which hides the shorter phrases inside it, and
/// as the relative not having borrowed ("她没借过").
///
/// Two shapes: the relative's document, then 被 and someone taking or using it ("我妈的身份证被…拿去"); or someone else
/// (a relative of the lexicon's `kin`, 别人, 有人) using or taking it ("舅舅用我妈的身份证", "my uncle used my mom's ID").
/// Not the person's own use ("我用我妈的身份证借的" stays the person's borrowing).
enum KinNamed {
    static let reading: [Unicode.Scalar] = Array("我不是借款人".unicodeScalars)

    private static let documents: [[Unicode.Scalar]] = ["身份证", "身分证", "身份信息", "证件", "名字", "名义", "手机号", "户口本", "身份", "身分"]
        .map { Array($0.unicodeScalars) }
    private static let takings: [[Unicode.Scalar]] = ["拿去", "拿走", "拿了", "拿", "用了", "用", "冒用", "盗用", "偷走", "偷了", "偷", "借走", "借去"]
        .map { Array($0.unicodeScalars) }
    private static let someone: [[Unicode.Scalar]] = ["别人", "有人", "人"].map { Array($0.unicodeScalars) }
    private static let englishDocuments: [[Unicode.Scalar]] = ["'s id", "'s identity", "'s id card", "'s name", "'s phone number"]
        .map { Array($0.unicodeScalars) }
    private static let englishTakings: [[Unicode.Scalar]] = [" used my ", " took my ", " stole my ", " borrowed with my "]
        .map { Array($0.unicodeScalars) }

    /// The stretches, from the first word of the story to the end of the document.
    static func ranges(_ scalars: [Unicode.Scalar], kin: [Range<Int>]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for relative in kin {
            let start = relative.lowerBound, end = relative.upperBound
            // 我妈(的)身份证被…拿去: the person's relative, the document, 被, then a taking within six characters.
            if start >= 1, scalars[start - 1] == "我" {
                var at = end
                if at < scalars.count, scalars[at] == "的" { at += 1 }
                if let document = word(documents, at: at, in: scalars) {
                    let afterDocument = at + document
                    // "我妈的身份证被…": the document taken by someone.
                    if afterDocument < scalars.count, scalars[afterDocument] == "被" {
                        var index = afterDocument + 1
                        while index < scalars.count, index - afterDocument <= 6, !Clauses.isClauseMark(scalars[index]) {
                            if let taking = word(takings, at: index, in: scalars) {
                                found.append((start - 1)..<(index + taking))
                                break
                            }
                            index += 1
                        }
                    }
                    // "舅舅用我妈的身份证": a taking right before 我, with someone else before it.
                    let me = start - 1
                    for taking in takings where me >= taking.count && scalars[(me - taking.count)..<me].elementsEqual(taking) {
                        let verb = me - taking.count
                        if let subject = kin.first(where: { $0.upperBound == verb }) ?? someoneEnding(at: verb, in: scalars) {
                            // The person's possessive before the one who took it goes with them: "**我**舅舅用我妈的…".
                            let from = subject.lowerBound >= 1 && scalars[subject.lowerBound - 1] == "我" ? subject.lowerBound - 1 : subject.lowerBound
                            found.append(from..<afterDocument)
                        }
                        break
                    }
                }
            }
            // "my uncle used my mom's ID": a relative, a taking, then another relative's document.
            if start >= 3, scalars[(start - 3)..<start].elementsEqual(["m", "y", " "]), let document = word(englishDocuments, at: end, in: scalars) {
                let my = start - 3
                for taking in englishTakings where my >= taking.count - 3 && scalars[(my - taking.count + 3)..<(my + 3)].elementsEqual(taking) {
                    let verb = my - taking.count + 3
                    if let subject = kin.first(where: { $0.upperBound == verb }) {
                        let owned = subject.lowerBound >= 3 && scalars[(subject.lowerBound - 3)..<subject.lowerBound].elementsEqual(["m", "y", " "])
                        found.append((owned ? subject.lowerBound - 3 : subject.lowerBound)..<(end + document))
                    }
                }
            }
        }
        return found
    }

    /// The relative named did not borrow it: "她没借过" (notice-help's `kin_denies`, whose advice is the relative's own
    /// check, dispute and police report, with the person helping).
    static let relativeDidNot: [Unicode.Scalar] = Array("她没借过".unicodeScalars)

    static func hits(_ ranges: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        guard !ranges.isEmpty else { return [] }
        return PhraseHit.reading(reading, at: ranges, matcher: matcher).filter {
            if case .choice = $0.cue { return true }
            return false
        } + PhraseHit.reading(relativeDidNot, at: ranges, matcher: matcher).filter {
            if case .slotYes = $0.cue { return true }
            return false
        }
    }

    /// The length of the first of `words` that starts at `index`, or nil.
    private static func word(_ words: [[Unicode.Scalar]], at index: Int, in scalars: [Unicode.Scalar]) -> Int? {
        words.first { index + $0.count <= scalars.count && scalars[index..<(index + $0.count)].elementsEqual($0) }?.count
    }

    /// 别人, 有人 or 人 ending at `end`.
    private static func someoneEnding(at end: Int, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        for word in someone where end >= word.count && scalars[(end - word.count)..<end].elementsEqual(word) {
            return (end - word.count)..<end
        }
        return nil
    }
}
