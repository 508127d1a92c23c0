/// A lender the dialog does not know, named in Latin letters beside a word of lending: "**Kredivo** loan app says I
/// owe", "**WeLab Bank** texted me", "**Zhongyuan Consumer Finance** keeps calling", "**Atome** sent me a reminder".
/// A name is one to three capitalised words (as typed: the folded text has lost the case) that are no phrase of the
/// dialog (a known name is read as such) and no word of the language that opens a sentence ("They", "Someone").
/// It counts only beside lending:
/// - right before a word that is part of a lender's name ("Bank", "Finance", "Consumer Finance", "Credit", "PayLater"):
///   the name keeps the word, as it is shown ("WeLab Bank");
/// - right before a word that says what it is ("loan", "app", "installment"): "Kredivo loan app";
/// - as the subject of a notice: "Atome sent me a reminder", "Atome reminded me", "Atome says I owe 300" (not "Mike
///   texted me": a bare text or call from a name may be a person's).
/// A rule, not a list: the lenders of the region are many, and a person frightened by one names it as it calls itself.
extension LineAnalysis {
    /// Words that are part of a lender's name when they follow one ("WeLab Bank").
    private static let nameTails: [[String]] = [["consumer", "finance"], ["bank"], ["finance"], ["financial"], ["credit"],
                                                ["paylater"], ["pay", "later"], ["lending"], ["fintech"], ["loans"]]
    /// Words that say what the name before them is, without being part of it ("Kredivo loan app").
    private static let kindWords: Set<String> = ["loan", "app", "installment", "installments", "instalment", "instalments",
                                                 "account", "reminder", "reminders", "bill", "collector", "collectors",
                                                 "customer", "platform"]
    /// What a lender does in a notice, right after its name: "Atome sent me a reminder", "Atome says I owe".
    private static let noticeVerbs: Set<String> = ["reminded", "reminds", "charged", "debited"]
    private static let sendingVerbs: Set<String> = ["sent", "sends", "emailed", "texted", "messaged"]
    private static let sentThings: Set<String> = ["reminder", "notice", "notification", "bill", "text", "sms", "message", "email",
                                                  "letter", "warning", "demand", "statement", "payment"]
    private static let sayingVerbs: Set<String> = ["says", "said", "claims", "claimed", "wants"]
    /// Capitalised words that are no lender: pronouns, determiners, people and officials, words that open a sentence.
    private static let notNames: Set<String> = [
        "i", "i'm", "im", "i've", "my", "me", "you", "your", "he", "she", "it", "it's", "its", "we", "they", "them", "their",
        "his", "her", "our", "this", "that", "these", "those", "the", "a", "an", "some", "someone", "somebody", "nobody",
        "everyone", "everybody", "anyone", "people", "person", "guy", "man", "woman", "lady", "collector", "collectors",
        "debt", "agent", "agency", "caller", "police", "court", "lawyer", "bank", "lender", "company", "app", "platform",
        "mom", "mum", "dad", "mother", "father", "brother", "sister", "husband", "wife", "son", "daughter", "friend", "boss",
        "today", "yesterday", "suddenly", "also", "and", "but", "so", "then", "now", "please", "help", "hello", "hi", "hey",
        "sorry", "yes", "no", "ok", "okay", "what", "why", "how", "who", "when", "where", "which", "if", "after", "before",
        "last", "every", "one", "my", "just", "again", "still", "another", "other", "new", "same", "chinese", "english",
        "china", "mr", "ms", "mrs", "miss", "sms", "whatsapp", "wechat", "email", "text", "message", "reminder", "notice",
        "loan", "account", "customer", "service", "official", "bill", "payment", "pay", "credit", "finance", "dear",
        "urgent", "final", "friendly", "important", "warning", "overdue", "late", "first", "second", "third", "online",
        "mobile", "fake", "scam", "real", "strange", "unknown", "random", "big", "small", "chat", "phone", "call",
    ]

    /// In a Chinese line, what may follow a lender's Latin name: "**Atome**发短信", "在**Atome**上分期", "**Kredivo**的账单".
    private static let chineseAfterName: [[Unicode.Scalar]] = ["发", "给我", "打", "说", "提醒", "催", "的", "上", "里", "借", "贷",
                                                               "通知", "短信", "分期", "账单", "还款"].map { Array($0.unicodeScalars) }

    /// What is bought on installments, not who lends ("iphone的分期"), and "我的 iPhone" is the person's own thing.
    static let latinThings: Set<String> = ["iphone", "ipad", "macbook", "airpods", "mac", "oppo", "vivo", "huawei", "xiaomi",
                                              "honor", "samsung", "switch", "nike", "apple", "dyson"]

    /// The lender named in Latin letters beside a word of lending, as typed; nil when the line names none.
    func latinLenderName(phrases: [PhraseHit]) -> String? {
        if let name = latinNameInChinese(phrases: phrases) { return name }
        let original = text.original
        // Cheap first: a capital letter in the line at all.
        guard original.contains(where: { ("A"..."Z").contains($0) }) else { return nil }
        var index = 0
        while index < scalars.count {
            // A capitalised word that starts a word.
            guard scalars[index].isASCIILetter, index == 0 || !scalars[index - 1].isASCIILetter,
                  ("A"..."Z").contains(original[text.origin[index]]) else {
                index += 1
                continue
            }
            var words: [Range<Int>] = []
            var at = index
            while words.count < 3, at < scalars.count, scalars[at].isASCIILetter, ("A"..."Z").contains(original[text.origin[at]]) {
                let word = Self.asciiWord(scalars, from: at)
                let end = at + word.unicodeScalars.count
                guard !Self.notNames.contains(word), !word.contains("'"),
                      !phrases.contains(where: { $0.range.overlaps(at..<end) }) else { break }
                words.append(at..<end)
                guard end + 1 < scalars.count, scalars[end] == " " else { break }
                at = end + 1
            }
            guard let first = words.first, let last = words.last else {
                index += max(1, Self.asciiWord(scalars, from: index).unicodeScalars.count)
                continue
            }
            if let name = lenderName(first.lowerBound, last.upperBound) { return name }
            index = last.upperBound
        }
        return nil
    }

    /// A Latin name between Chinese words: "Atome发短信说我逾期了", "我在Atome上分期买了手机", "Kredivo的账单". In a Chinese
    /// line a run of Latin letters that is no phrase of the dialog (not "qq", "app", "hr", nor a known name or pinyin the
    /// dialog lists) is a name; it counts right before a word of what a lender does or has (发, 催, 的账单, 上分期).
    private func latinNameInChinese(phrases: [PhraseHit]) -> String? {
        var index = 0
        while index < scalars.count {
            guard scalars[index].isASCIILetter, index == 0 || !scalars[index - 1].isASCIILetter else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end].isASCIILetter || ("0"..."9").contains(scalars[end]) { end += 1 }
            defer { index = end }
            // Chinese on its right, and on its left (or the start of the line).
            guard end - index >= 3, end - index <= 16, end < scalars.count, TextNormalizer.isHan(scalars[end]),
                  index == 0 || TextNormalizer.isHan(scalars[index - 1]) || scalars[index - 1] == " ",
                  Self.chineseAfterName.contains(where: { end + $0.count <= scalars.count && scalars[end..<(end + $0.count)].elementsEqual($0) }),
                  !phrases.contains(where: { $0.range.overlaps(index..<end) }),
                  !functional.contains(where: { $0.range.overlaps(index..<end) }),
                  !(index >= 2 && scalars[index - 2] == "我" && scalars[index - 1] == "的"),
                  !Self.notNames.contains(Self.asciiWord(scalars, from: index)),
                  !Self.latinThings.contains(Self.asciiWord(scalars, from: index)) else { continue }
            return text.originalText(index..<end)
        }
        return nil
    }

    /// The words after `end`, lower-cased (at most `count`).
    private func wordsAfter(_ end: Int, count: Int) -> [String] {
        var found: [String] = []
        var at = end
        while found.count < count, at + 1 < scalars.count, scalars[at] == " " {
            let word = Self.asciiWord(scalars, from: at + 1)
            guard !word.isEmpty else { break }
            found.append(word)
            at += 1 + word.unicodeScalars.count
        }
        return found
    }

    /// The name from `start` to `end` when a word of lending follows it (with the tail that is part of it).
    private func lenderName(_ start: Int, _ end: Int) -> String? {
        let next = wordsAfter(end, count: 4)
        guard let word = next.first, end - start >= 3 else { return nil }
        for tail in Self.nameTails where next.count >= tail.count && Array(next[0..<tail.count]) == tail {
            let length = tail.reduce(0) { $0 + 1 + $1.unicodeScalars.count }
            return text.originalText(start..<(end + length))
        }
        if Self.kindWords.contains(word) || Self.noticeVerbs.contains(word) { return text.originalText(start..<end) }
        if Self.sendingVerbs.contains(word) {
            // "sent me a reminder", "sent a text", "texted me".
            let rest = next.dropFirst().filter { !["me", "a", "an", "us", "my"].contains($0) }
            if rest.first.map(Self.sentThings.contains) == true {
                return text.originalText(start..<end)
            }
        }
        // "Atome says I owe", "Atome says I'm overdue", "Atome wants me to pay".
        if Self.sayingVerbs.contains(word), next.count >= 2, ["i", "i'm", "im", "me", "my"].contains(next[1]) {
            return text.originalText(start..<end)
        }
        return nil
    }
}
