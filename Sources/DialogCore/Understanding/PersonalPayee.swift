/// Money demanded into a named person's card or account (probe13 N18): "让我今天把钱打到一个王先生的银行卡上", "转给李
/// 女士", "pay to a bank card of a 'Mr Wang'", "transfer it to Ms Li's account". A lender, a court or a collection
/// agency is paid through its own channels, never into Mr Wang's card, so such a demand is the personal-account sign
/// of a scam, even inside a borrower's real story, and whatever "court case" the message names.
/// A surname and a title (先生, 女士, 小姐, 经理; Mr, Ms, Mrs, Miss) with a card or account word after it, or with a
/// payment verb (转给, 汇到, pay to, transfer to) before it, reads as the words "个人银行卡", which notice-help lists as
/// `scam_signs: transfer`. "我先生的银行卡" (my husband's card) and "她先生的卡" are no stranger's: a pronoun or 家 before
/// the title is no surname.
enum PersonalPayee {
    /// The words such a stretch reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("个人银行卡".unicodeScalars)

    private static func words(_ list: [String]) -> [[Unicode.Scalar]] { list.map { Array($0.unicodeScalars) } }

    private static let titles = words(["先生", "女士", "小姐", "经理"])
    /// What stands before a title and is no surname: 我先生 (my husband), 这位先生, 老先生.
    private static let notSurnames: [Unicode.Scalar] = ["我", "你", "您", "他", "她", "家", "的", "这", "那", "位", "个", "老", "女", "男", "某", "们", "户", "总"]
    private static let accounts = words(["银行卡", "卡", "账户", "账号", "帐户", "帐号", "支付宝", "微信", "收款码", "户头", "户口"])
    private static let payments = words(["转给", "汇给", "付给", "转到", "汇到", "打到", "转入", "汇入", "打入", "存到", "转账给", "打钱给"])
    /// What may stand between a payment verb and the surname: 一个王先生, 一位李女士.
    private static let fillers = words(["一个", "一位", "个", "位"])

    private static let titlesEn = ScalarWords(["mr", "ms", "mrs", "miss"])
    private static let accountsEn = ScalarWords(["card", "account", "alipay", "wechat"])
    private static let ofEn = ScalarWords(["of", "to", "under", "belonging", "in"])
    /// What may stand between the card or the payment and the title: "a bank card of a", "pay it to", "the money into".
    private static let betweenEn = ScalarWords(["of", "to", "under", "belonging", "in", "into", "the", "name", "a", "an", "it", "money", "cash",
                                          "this", "that", "bank", "personal", "one", "someone", "called", "named"])
    private static let paymentsEn = ScalarWords(["pay", "paid", "transfer", "transferred", "send", "sent", "wire", "wired", "deposit", "remit"])

    private static func starts(_ word: [Unicode.Scalar], at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard index >= 0, index + word.count <= scalars.count else { return false }
        for offset in 0..<word.count where scalars[index + offset] != word[offset] { return false }
        return true
    }

    private static func match(_ list: [[Unicode.Scalar]], at index: Int, in scalars: [Unicode.Scalar]) -> Int {
        var best = 0
        for word in list where word.count > best && starts(word, at: index, in: scalars) { best = word.count }
        return best
    }

    /// The words without one of which the line names no such account (`LineRule`): the titles.
    static var triggers: [[Unicode.Scalar]] { titles + titlesEn.words }

    /// Where the line names a person's card or account as the place to pay.
    /// `words`: the line's English words (`HarmThreat.englishWords`), empty when it has none. `starts`: where the
    /// titles stand (`LineTriggers`).
    static func ranges(in scalars: [Unicode.Scalar], words: [HarmThreat.Word], starts: LineTriggers.Starts) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var next = 0
        for index in starts where index >= next {
            let scalar = scalars[index]
            // A title with a surname before it: 王先生, 李女士.
            if (scalar == "先" || scalar == "女" || scalar == "小" || scalar == "经"), let title = Optional(match(titles, at: index, in: scalars)),
               title > 0, index > 0, TextNormalizer.isHan(scalars[index - 1]), !notSurnames.contains(scalars[index - 1]) {
                let surname = index - 1
                var after = index + title
                if after < scalars.count, scalars[after] == "的" { after += 1 }
                if after + 2 <= scalars.count, scalars[after] == "个", scalars[after + 1] == "人" { after += 2 }
                let account = match(accounts, at: after, in: scalars)
                if account > 0 {
                    found.append(surname..<(after + account))
                    next = after + account
                    continue
                }
                // A payment verb before it: 转给王先生, 打到一个李女士.
                var before = surname
                for filler in fillers where before - filler.count >= 0 && Self.starts(filler, at: before - filler.count, in: scalars) {
                    before -= filler.count
                    break
                }
                for payment in payments where before - payment.count >= 0 && Self.starts(payment, at: before - payment.count, in: scalars) {
                    found.append((before - payment.count)..<(index + title))
                    break
                }
            }
        }
        if !words.isEmpty { found += english(scalars, words: words) }
        return found
    }

    private static func english(_ scalars: [Unicode.Scalar], words: [HarmThreat.Word]) -> [Range<Int>] {
        let titlesEn = Self.titlesEn, accountsEn = Self.accountsEn, ofEn = Self.ofEn, betweenEn = Self.betweenEn, paymentsEn = Self.paymentsEn
        var found: [Range<Int>] = []
        for (k, word) in words.enumerated() where HarmThreat.isOne(of: titlesEn, word, in: scalars) {
            // "Mr Wang's bank card", "Ms Li's account": the title, the name, then the card within two words.
            if k + 2 < words.count, !words[k + 1].mark,
               let account = HarmThreat.next(accountsEn, after: k + 1, reach: 2, in: words, scalars) {
                found.append(word.range.lowerBound..<words[account].range.upperBound)
                continue
            }
            // "a bank card of a 'Mr Wang'", "an account belonging to Mr Li", "pay to Mr Wang": looking back within the clause.
            var j = k - 1
            var reach = 0
            while j >= 0, reach < 6, !words[j].mark {
                if HarmThreat.isOne(of: accountsEn, words[j], in: scalars) || HarmThreat.isOne(of: paymentsEn, words[j], in: scalars) {
                    let between = words[(j + 1)..<k]
                    if between.contains(where: { HarmThreat.isOne(of: ofEn, $0, in: scalars) }),
                       between.allSatisfy({ HarmThreat.isOne(of: betweenEn, $0, in: scalars) }) {
                        found.append(words[j].range.lowerBound..<(k + 1 < words.count && !words[k + 1].mark ? words[k + 1].range.upperBound : word.range.upperBound))
                    }
                    break
                }
                j -= 1
                reach += 1
            }
        }
        return found
    }

    /// The dialog's phrases for a person's account ("个人银行卡"), at each stretch the line holds.
    static func hits(_ ranges: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(reading, at: ranges, matcher: matcher)
    }
}
