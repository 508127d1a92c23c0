/// Being asked to move to a private chat (probe13 N24): "叫我加客服LINE處理", "让我加他们的微信处理", "they asked me to add
/// their WeChat to settle it", "add the officer's WhatsApp". The dialog listed "加微信", "加客服微信", "add our wechat" one
/// at a time, and any word between 加 / add and the app slipped through. 加 or 添加 and, within five characters of the
/// clause, a chat app (微信, LINE, QQ, WhatsApp, Telegram); or "add" and the app within three words that say whose it
/// is; the app's name then reads as the words "加微信", which notice-help lists as `scam_signs: link_app`: moving a debt
/// talk off the lender's official channels is how fake collectors work. Only the app's name is read so, so that the
/// longer phrases around it still count ("加他个人微信" is the personal-account sign). Not 增加 / 参加 / 追加 (more,
/// join, top up), not "加我微信" / "add me on WeChat" (someone added the person, which the dialog does not count).
enum PrivateChat {
    /// The words such a stretch reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("加微信".unicodeScalars)

    private static func words(_ list: [String]) -> [[Unicode.Scalar]] { list.map { Array($0.unicodeScalars) } }

    private static let apps = words(["微信", "line", "qq", "whatsapp", "telegram", "wechat", "vx", "威信"])
    /// What stands before 加 in a word that is no adding of a contact.
    private static let notAdding: [Unicode.Scalar] = ["增", "参", "追", "附", "更", "外", "施", "叠", "累"]
    private static let appsEn = ScalarWords(["wechat", "line", "qq", "whatsapp", "telegram", "weixin"])
    private static let addEn = ScalarWords(["add", "adding", "added"])
    /// What may stand between "add" and the app: whose it is ("add their WeChat", "add the officer's WhatsApp"), not
    /// "add a new line".
    private static let betweenEn = ScalarWords(["their", "his", "her", "our", "the", "my", "your", "official", "customer", "service", "officer",
                                          "agent", "specialist", "collector", "private", "personal", "company", "manager", "lawyer",
                                          "staff", "him", "them", "on", "via"])

    private static func starts(_ word: [Unicode.Scalar], at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard index >= 0, index + word.count <= scalars.count else { return false }
        for offset in 0..<word.count where scalars[index + offset] != word[offset] { return false }
        return true
    }

    /// The words without one of which no one is added (`LineRule`).
    static var triggers: [[Unicode.Scalar]] { [["加"]] + addEn.words }

    /// Where the line asks (or tells) of adding a chat app's contact.
    /// `words`: the line's English words (`HarmThreat.englishWords`), empty when it has none. `starts`: where 加 and
    /// "add" stand (`LineTriggers`).
    static func ranges(in scalars: [Unicode.Scalar], words: [HarmThreat.Word], starts: LineTriggers.Starts) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var next = 0
        for index in starts where index >= next {
            let scalar = scalars[index]
            if scalar == "加", !(index > 0 && notAdding.contains(scalars[index - 1])),
               !(index + 1 < scalars.count && scalars[index + 1] == "我"),
               !(index + 2 < scalars.count && scalars[index + 1] == "了" && scalars[index + 2] == "我") {
                var name: Range<Int>?
                var probe = index + 1
                while probe < scalars.count, probe <= index + 6, !Clauses.endsClause(scalars, at: probe) {
                    if let app = apps.first(where: { Self.starts($0, at: probe, in: scalars) }),
                       probe + app.count == scalars.count || !scalars[probe + app.count].isASCIILetter {
                        name = probe..<(probe + app.count)
                        break
                    }
                    probe += 1
                }
                if let name, name.upperBound - index > 3 {   // the short ones ("加微信", "加line") are the dialog's own phrases
                    found.append(name)
                    next = name.upperBound
                }
            }
        }
        if !words.isEmpty {
            let appsEn = Self.appsEn, addEn = Self.addEn, betweenEn = Self.betweenEn
            for (k, word) in words.enumerated() where HarmThreat.isOne(of: addEn, word, in: scalars) {
                if let app = HarmThreat.next(appsEn, after: k, reach: 3, in: words, scalars), app > k + 1,
                   words[(k + 1)..<app].allSatisfy({ HarmThreat.isOne(of: betweenEn, $0, in: scalars) }) {
                    found.append(words[app].range)
                }
            }
        }
        return found
    }

    /// The dialog's phrases for a private chat ("加微信"), at each stretch the line holds.
    static func hits(_ ranges: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(reading, at: ranges, matcher: matcher)
    }
}
