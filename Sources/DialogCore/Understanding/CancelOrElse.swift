/// "Close it, or else you will be charged" — the fake customer-service script (probe14 P10): "说我开通了抖音月付要关掉，
/// 不然每月扣费", "要帮我注销金条账户，否则影响征信", "会员自动续费要取消，要不然每个月扣钱", "my account must be closed or it
/// will affect my credit", "cancel the service, otherwise they charge me every month". A caller who says a service the
/// person never asked for must be switched off, or money will go or the credit record suffer, is working the classic
/// script that ends in a "verification" transfer. The dialog listed "注销校园贷" one phrase at a time; this reads the
/// pattern: a verb of closing (关掉, 关闭, 取消, 注销, 退订, 停掉, close, cancel, deactivate), then, within the clause
/// or the next one, a condition (不然, 否则, 要不然, 不关的话, or, otherwise, else) and a harm to come (扣费, 扣钱, 收费,
/// 影响征信, charged, fee, credit). The person's own closing ("我关掉了自动扣款") has no condition and is no such thing.
/// The closing verb (only it, so that "影响征信" after it still counts) reads as the words "关闭服务否则扣费", which notice-help lists as `scam_signs: cancel_account`.
enum CancelOrElse {
    /// The words such a stretch reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("关闭服务否则扣费".unicodeScalars)

    // Chinese, after folding (traditional → simplified).
    private static let closing = ScalarWords(["关掉", "关闭", "关了", "取消", "注销", "退订", "停掉", "解除", "解绑", "销户", "熄咗", "熄掉"])
    private static let conditions = ScalarWords(["不然", "否则", "要不然", "要不", "不关", "不取消", "不注销", "如果不", "唔系", "唔关", "唔取消", "如果唔"])
    private static let harms = ScalarWords(["扣费", "扣钱", "扣款", "收费", "扣除", "扣会员费", "自动扣", "每月扣", "每个月扣", "扣你", "扣我", "征信",
                                      "信用", "上黑名单", "黑名单", "扣数", "扣除费用"])

    // English, lower case (folding did that).
    private static let closingEn = ScalarWords(["close", "closed", "cancel", "cancelled", "canceled", "deactivate", "deactivated", "terminate", "shut"])
    private static let conditionsEn = ScalarWords(["or", "otherwise", "else", "unless"])
    private static let harmsEn = ScalarWords(["charge", "charged", "charges", "charging", "fee", "fees", "deduct", "deducted", "deduction",
                                        "credit", "blacklist", "blacklisted"])

    /// The words without one of which nothing is closed (`LineRule`): the verbs of closing.
    static var triggers: [[Unicode.Scalar]] { closing.words + closingEn.words }

    /// Where the line tells of such a script.
    /// `words`: the line's English words (`HarmThreat.englishWords`), empty when it has none. `starts`: where the
    /// verbs of closing stand (`LineTriggers`).
    static func ranges(in scalars: [Unicode.Scalar], words: [HarmThreat.Word], starts: LineTriggers.Starts) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let closing = Self.closing, conditions = Self.conditions, harms = Self.harms
        var next = 0
        for index in starts where index >= next {
            let verb = closing.longest(at: index, in: scalars)
            guard verb > 0 else { continue }
            // The condition within the clause or the next one, then the harm within the clause the condition opens.
            var probe = index + verb
            var breaks = 0
            var condition: Int?
            while probe < scalars.count, probe <= index + verb + 24, breaks <= 1 {
                if Clauses.endsClause(scalars, at: probe) { breaks += 1 }
                let length = conditions.longest(at: probe, in: scalars)
                if length > 0 { condition = probe + length; break }
                probe += 1
            }
            if let condition, harms.first(from: condition, reach: 12, in: scalars) != nil {
                found.append(index..<(index + verb))   // only the verb: "影响征信" after it still counts
            }
            next = index + verb
        }
        if !words.isEmpty {
            let closingEn = Self.closingEn, conditionsEn = Self.conditionsEn, harmsEn = Self.harmsEn
            for (k, word) in words.enumerated() where HarmThreat.isOne(of: closingEn, word, in: scalars) {
                // "close my account or it will affect my credit": the condition within eight words (a comma may stand
                // before it), the harm within eight after it.
                var j = k + 1
                var condition: Int?
                while j < words.count, j <= k + 8 {
                    if HarmThreat.isOne(of: conditionsEn, words[j], in: scalars) { condition = j; break }
                    j += 1
                }
                guard let condition, (condition + 1..<min(words.count, condition + 9)).contains(where: {
                    HarmThreat.isOne(of: harmsEn, words[$0], in: scalars)
                }) else { continue }
                found.append(word.range)
            }
        }
        return found
    }

    /// The dialog's phrases for such a script ("关闭服务否则扣费"), at each stretch the line holds.
    static func hits(_ ranges: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(reading, at: ranges, matcher: matcher)
    }
}
