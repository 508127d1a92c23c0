/// The borrower named as someone else, without a relative's word (understand19): "借款人不还了", "欠钱的人一直没还",
/// "借錢嗰個人唔還錢", "The borrower stopped paying", "the guy who borrowed hasn't paid". The words of being late that
/// follow ("不还了", "stopped paying") are the dialog's phrases of the person's own lateness, and were read as such; the
/// dialog writes what they mean of someone else with a pronoun ("他不还了", "he stopped paying": notice-help's
/// `role: contact`). So the borrower's word, as the subject of its clause, reads as 他 / "he", and the phrases that open
/// with the pronoun count over the borrower's word and what follows it (hiding the shorter ones inside, as any longer
/// phrase does). As `KinPronoun.relativeAsPronoun` reads the person's own relative, for anyone the person calls the
/// borrower.
///
/// Not a word that addresses the person ("尊敬的借款人，您…", "借款人您好", "Dear borrower, you …"), nor one the person
/// says they are ("我是借款人", "I'm the borrower"): only a word followed in its clause by a phrase of the pronoun.
enum TheBorrower {
    private static let chinese = ScalarWords(["借款人", "借钱的人", "欠钱的人", "欠款人", "借钱的那个人", "欠钱的那个人", "债务人",
                                              "借钱那个人", "欠钱那个人", "借钱嗰个", "借钱嗰个人", "欠钱嗰个", "欠钱嗰个人", "借钱个人",
                                              "借款的人", "贷款的人", "真正借钱的人", "实际借款人"])
    private static let english = ["the borrower", "the debtor", "the guy who borrowed", "the person who borrowed",
                                  "the one who borrowed", "the person who owes", "the guy who owes", "the real borrower",
                                  "the actual borrower", "the man who borrowed", "the woman who borrowed"]
    private static let englishWords = english.map { Array($0.unicodeScalars) }

    /// The words without one of which no borrower is named (`LineRule`).
    static var triggers: [[Unicode.Scalar]] { chinese.words + englishWords }

    /// What stands before a word that addresses the person or names them: 尊敬的, 亲爱的, 是, 係, "dear", "i'm", "am".
    private static let addressBefore: [[Unicode.Scalar]] = ["尊敬的", "亲爱的", "是", "系", "为", "dear ", "i'm ", "am ", "im ", "is ",
                                                            "you are ", "you're "].map { Array($0.unicodeScalars) }
    /// What follows a word that addresses the person: "借款人您好", "借款人，您", "borrower, you".
    private static let addressAfter: Set<Unicode.Scalar> = ["您", "你"]
    private static let clauseEnds: Set<Unicode.Scalar> = [",", "，", "。", ".", "!", "！", "?", "？", ";", "；", "\n", ":", "："]

    /// The pronoun phrases at each borrower's word in `starts` (where the trigger words start).
    static func hits(_ scalars: [Unicode.Scalar], starts: LineTriggers.Starts, matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        var found: [PhraseHit] = []
        for start in starts {
            let latin = scalars[start].isASCII
            let length = latin ? (englishWords.first { word in
                start + word.count <= scalars.count && scalars[start..<(start + word.count)].elementsEqual(word)
                    && (start + word.count == scalars.count || !scalars[start + word.count].isASCIILetter)
            }?.count ?? 0) : chinese.longest(at: start, in: scalars)
            guard length > 0 else { continue }
            let end = start + length
            guard !addressBefore.contains(where: { word in
                start >= word.count && scalars[(start - word.count)..<start].elementsEqual(word)
            }) else { continue }
            // The rest of the clause, a short reach of it.
            var to = end
            let reach = latin ? 40 : 12
            while to < scalars.count, to - end < reach, !clauseEnds.contains(scalars[to]) { to += 1 }
            guard to > end, !addressAfter.contains(scalars[end]) else { continue }
            // 他 as the Mandarin phrases write it, 佢 as the Cantonese ones do.
            for pronoun in latin ? [Array("he".unicodeScalars)] : [["他"], ["佢"]] {
                let window = pronoun + Array(scalars[end..<to])
                for match in matcher.matches(in: window) where match.range.lowerBound == 0 && match.range.upperBound > pronoun.count + 1 {
                    let range = start..<(end + match.range.upperBound - pronoun.count)
                    for cue in match.payloads {
                        switch cue {
                        case .slotYes, .slotNo, .choice: found.append(PhraseHit(range: range, cue: cue))
                        default: continue
                        }
                    }
                }
            }
        }
        return found
    }
}
