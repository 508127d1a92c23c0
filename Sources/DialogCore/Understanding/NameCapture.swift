/// Names of lenders the dialog does not know, taken from around the phrases that cue them: before a suffix
/// ("优品|商城"), after a cue ("一个叫|闪电借的平台", "an app called |Cash Now"), inside 【】 at the head of a pasted text
/// (not 【法院通知】 or 【12368】: those are who the text claims to be), or the whole line typed alone at the question.
extension LineAnalysis {
    /// Characters that end a name when reading backwards from a suffix like 商城: "收到|优品商城"; also the words that
    /// put a person or a place before a verb ("个仔喺网上|借钱" is nobody's platform).
    /// 证 and 号 end a document before a lender's suffix: "用我的身份证借钱", "用我手机号借款" name no platform; 边 and 里 a
    /// place ("那边借钱的人", "旁边借钱的"), 欠 a verb ("说他欠美美贷的分期"): probe15 Q7, a letter to "边借钱客服"; 店 a
    /// shop, which is no lender ("在手机店分期买的": probe16 R13, "打开店分期官方App"), as is 舖 ("喺手機舖分期買咗").
    private static let nameStops: Set<Unicode.Scalar> = Set("的了在是从到给我你他她它们个条笔一两几这那和与跟把被说有没还借买用对向让叫收过机款项单次么吗呢吧啥上仔喺咗嘅佢证證号號边邊欠里裡店铺舖" .unicodeScalars)

    func capturedName(endingAt range: Range<Int>) -> String? {
        var start = range.lowerBound
        while start > 0, range.upperBound - (start - 1) <= 10 {
            let scalar = text.scalars[start - 1]
            guard TextNormalizer.isHan(scalar) || scalar.isASCIILetter, !Self.nameStops.contains(scalar) else { break }
            // Cantonese 喺度 ("here", or an action going on: "我同事喺度借錢") is no name; the 度 of 度小满 still is.
            if scalar == "度", start >= 2, text.scalars[start - 2] == "喺" { break }
            start -= 1
        }
        guard range.lowerBound - start >= 1 else { return nil }
        // A Latin name with a Chinese word of what it sells ("Atome分期", "Kredivo借钱"): the lender is the Latin name,
        // and its app is called that; a Chinese name keeps its suffix ("时光分期").
        if range.lowerBound - start >= 3, text.scalars[start..<range.lowerBound].allSatisfy(\.isASCIILetter),
           Self.latinDropsSuffix.contains(where: { text.scalars[range].elementsEqual($0.unicodeScalars) }) {
            // "用iphone分期" buys a phone on installments: a thing, no lender (`latinThings`).
            if Self.latinThings.contains(Self.asciiWord(text.scalars, from: start)) { return nil }
            return text.originalText(start..<range.lowerBound)
        }
        return text.originalText(start..<range.upperBound)
    }

    /// The suffixes that say only what a Latin name sells (`capturedName(endingAt:)`).
    private static let latinDropsSuffix = ["分期", "借钱", "借款", "月付", "钱包"]

    /// Characters that end a name when reading forwards from a cue like 一个叫: "一个叫闪电借|的平台".
    private static let forwardNameStops: Set<Unicode.Scalar> = Set("的了在是说给打发和跟与把被吗呢吧啊这那要让催我你他她它们上里嘅咗" .unicodeScalars)

    /// Generic words that end a name read forwards: "叫闪电借app" names 闪电借; "called QuickCash app", QuickCash.
    private static let genericNameTails = ["平台", "软件", "app", "应用", "贷款", "公司"]

    /// English words that are not part of a name that follows "called": "an app called Cash Now and …".
    private static let nameStopWords: Set<String> = ["and", "or", "the", "a", "an", "app", "apps", "loan", "loans", "which", "that",
                                                    "who", "but", "to", "from", "for", "with", "saying", "said", "says", "about",
                                                    "me", "my", "i", "it", "they", "is", "was", "in", "on", "at", "platform", "company"]

    /// How a person's name ends (folded): 陈先生, 张某某, 李女士.
    private static let personTitles = ["先生", "女士", "小姐", "太太", "某某", "某", "阿姨", "大哥", "大姐", "师傅", "老板", "经理", "老师"]
    /// What follows a person's name, not a lender's: "一个叫张伟的人", "叫阿强的男的".
    private static let personAfter: [[Unicode.Scalar]] = ["的人", "的男", "的女", "的家伙", "的朋友", "的同事", "的小伙", "嘅人", "嘅男", "嘅女"]
        .map { Array($0.unicodeScalars) }

    /// Words of installing, before such a name: "让我下载一个叫…的软件", "叫我装个…".
    private static let installing: [[Unicode.Scalar]] = ["下载", "安装", "装一个", "装个", "装了"].map { Array($0.unicodeScalars) }
    /// What follows the name of an app to install, not of a lender: "…的软件", "…这个App".
    private static let appAfter: [[Unicode.Scalar]] = ["的软件", "软件", "的app", "这个app", "的应用", "的会议", "会议软件", "的视频会议", "的程序"]
        .map { Array($0.unicodeScalars) }

    private func has(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
    }

    /// What may stand between a cue and the name: spaces, quotes, a colon.
    private static let nameOpeners = Set(" \"'“”‘’「」《》<>:：".unicodeScalars)

    /// The name after a cue: Chinese up to a function word or punctuation (at most 10 characters); Latin one word, and
    /// the capitalised words after it ("an app called Cash Now"). Nil when nothing name-like follows.
    func capturedName(after range: Range<Int>) -> String? {
        var start = range.upperBound
        while start < scalars.count, Self.nameOpeners.contains(scalars[start]) { start += 1 }
        guard start < scalars.count else { return nil }
        var end = start
        if TextNormalizer.isHan(scalars[start]) {
            while end < scalars.count, end - start < 10,
                  TextNormalizer.isHan(scalars[end]) || scalars[end].isASCIILetter || ("0"..."9").contains(scalars[end]),
                  !Self.forwardNameStops.contains(scalars[end]) { end += 1 }
            var name = String(String.UnicodeScalarView(scalars[start..<end]))
            for tail in Self.genericNameTails where name.count > tail.count && name.hasSuffix(tail) {
                end -= tail.unicodeScalars.count
                name.removeLast(tail.count)
            }
            guard end - start >= 2 else { return nil }
            // "一个叫陈先生的人", "一個叫張某某的": a person, not a lender (probe14 P11: "在陳先生官方客服裡說明").
            if Self.personTitles.contains(where: { name.hasSuffix($0) }) || Self.personAfter.contains(where: { has($0, at: end) }) {
                return nil
            }
            // "让我下载一个叫“云视讯”的软件": an app to install (a meeting or remote-control app, in a scam), not a lender
            // (probe15 Q4: the advice sent the person to "云视讯官方App内的客服"); "一个叫快借的app说我逾期" still is one.
            var after = end
            while after < scalars.count, Self.nameOpeners.contains(scalars[after]) { after += 1 }
            if Self.appAfter.contains(where: { has($0, at: after) }),
               (max(0, start - 12)..<start).contains(where: { index in Self.installing.contains { has($0, at: index) } }) { return nil }
            return text.originalText(start..<end)
        }
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.isASCIILetter || ("0"..."9").contains(scalar)) || scalar == "-" || scalar == "."
        }
        var words: [Range<Int>] = []
        var index = start
        while index < scalars.count, words.count < 3 {
            var wordEnd = index
            while wordEnd < scalars.count, isWordScalar(scalars[wordEnd]) { wordEnd += 1 }
            while wordEnd > index, scalars[wordEnd - 1] == "." || scalars[wordEnd - 1] == "-" { wordEnd -= 1 }
            guard wordEnd > index else { break }
            let word = String(String.UnicodeScalarView(scalars[index..<wordEnd]))
            guard !Self.nameStopWords.contains(word) else { break }
            // After the first word, only capitalised ones go on the name (the original text keeps the case).
            if !words.isEmpty, !(text.originalText(index..<(index + 1)).first?.isUppercase ?? false) { break }
            words.append(index..<wordEnd)
            index = wordEnd
            guard index < scalars.count, scalars[index] == " " else { break }
            index += 1
        }
        guard let first = words.first, let last = words.last, last.upperBound - first.lowerBound >= 2 else { return nil }
        return text.originalText(first.lowerBound..<last.upperBound)
    }

    /// A bracketed text that is all digits (【12368】) or holds one of the slot's `not_names` (【法院通知】); with
    /// `exactly`, a name that is one of them (a name read back from a suffix: "卡分期" is none, "中租零卡分期" is one).
    /// `foldedNotNames`: the slot's `not_names`, folded once with the dialog (`CompiledDialog.foldedNotNames`); folding
    /// the list again for every name cost ~700k instructions a name.
    static func isNotAName(_ name: String, foldedNotNames: [[Unicode.Scalar]], exactly: Bool = false) -> Bool {
        if name.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) { return true }
        let folded = Array(TextNormalizer.fold(name).unicodeScalars)
        return foldedNotNames.contains { word in
            if exactly { return folded == word }
            guard !word.isEmpty, word.count <= folded.count else { return word.isEmpty }
            return (0...(folded.count - word.count)).contains { folded[$0..<($0 + word.count)].elementsEqual(word) }
        }
    }

    var bracketedName: String? {
        guard let open = text.scalars.firstIndex(of: "["), let close = text.scalars[open...].firstIndex(of: "]"),
              (2...16).contains(close - open - 1) else { return nil }
        return text.originalText((open + 1)..<close).trimmingSpaces()
    }

    /// Words around a name typed alone that are not the name: "就是闪电借", "it's QuickCash", "闪电借这个app".
    private static let namePrefixes = ["就是", "是", "叫", "它叫", "平台是", "平台叫", "应该叫", "the app is ", "the platform is ",
                                       "it's ", "it is ", "its ", "it was ", "called ", "from "]
    /// Punctuation around a name typed alone.
    private static let nameEdges = Set(" \t.,;:!?'\"“”「」【】[]()".unicodeScalars)
    private static let nameSuffixes = ["这个平台", "这个app", "这个软件", "的平台", "的app", "的软件", "平台", "app", "软件", "的",
                                       " app", " the app", " platform"]

    /// Whether `range` is all the line holds, but for the punctuation and spaces around it.
    func isWholeLine(_ range: Range<Int>) -> Bool {
        scalars[..<range.lowerBound].allSatisfy(Self.nameEdges.contains) && scalars[range.upperBound...].allSatisfy(Self.nameEdges.contains)
    }

    var wholeLineName: String? {
        // On the folded text, which is what the lists are written in; the name is then taken from the original.
        var start = 0, end = scalars.count
        while start < end, Self.nameEdges.contains(scalars[start]) { start += 1 }
        while end > start, Self.nameEdges.contains(scalars[end - 1]) { end -= 1 }
        func has(_ word: String, at index: Int) -> Bool {
            let w = Array(word.unicodeScalars)
            return index >= 0 && index + w.count <= scalars.count && Array(scalars[index..<(index + w.count)]) == w
        }
        // Keep at least two characters of name.
        if let prefix = Self.namePrefixes.first(where: { has($0, at: start) && end - start - $0.unicodeScalars.count >= 2 }) {
            start += prefix.unicodeScalars.count
        }
        if let suffix = Self.nameSuffixes.first(where: { has($0, at: end - $0.unicodeScalars.count) && end - start - $0.unicodeScalars.count >= 2 }) {
            end -= suffix.unicodeScalars.count
        }
        guard start < end else { return nil }
        // "Haohuan (好还)", "好还（Haohuan）": the name with its other spelling in brackets keeps its closing bracket.
        if end < scalars.count, scalars[end] == ")", let open = scalars[start..<end].lastIndex(of: "("), open > start,
           !scalars[open..<end].contains(")") {
            let name = text.originalText(start..<(end + 1)).trimmingSpaces(keepingClosingBracket: true)
            guard !name.isEmpty, name.unicodeScalars.count <= 24 else { return nil }
            return name
        }
        // "是我自己刷的", "I bought it myself": a line about the person is no name (probe16 R13, "打开我自己刷官方App").
        if Self.speaksOfThePerson(scalars[start..<end]) { return nil }
        let name = text.originalText(start..<end).trimmingSpaces()
        guard !name.isEmpty, name.unicodeScalars.count <= 24 else { return nil }
        return name
    }

    /// Whether a folded stretch holds 我 / 自己 or the English I, my, me, myself as a word.
    private static func speaksOfThePerson(_ stretch: ArraySlice<Unicode.Scalar>) -> Bool {
        if stretch.contains("我") || stretch.contains(where: { $0 == "自" }) && stretch.contains("己") { return true }
        var word: [Unicode.Scalar] = []
        for scalar in stretch + [" "] {
            if scalar.isASCIILetter || scalar == "'" { word.append(scalar); continue }
            if ["i", "my", "me", "myself", "i'm", "im"].contains(where: { $0.unicodeScalars.elementsEqual(word) }) { return true }
            word.removeAll()
        }
        return false
    }

    /// Whether every plain yes or no of the line runs straight into Chinese characters after it, as the 好 of "好还"
    /// or the 有 of "有钱花" do: a name typed alone that opens with an answer word, not an answer.
    var answerRunsIntoName: Bool {
        let words = functional.of(.yes) + functional.of(.no)
        guard !words.isEmpty else { return false }
        return words.allSatisfy { word in
            word.range.upperBound < scalars.count && TextNormalizer.isHan(scalars[word.range.upperBound])
        }
    }
}

extension String {
    /// The text without the spaces and punctuation around it: a name as typed, "「闪电借」" → "闪电借".
    /// `keepingClosingBracket`: a name that ends with its other spelling in brackets ("Haohuan (好还)") keeps the ")".
    func trimmingSpaces(keepingClosingBracket: Bool = false) -> String {
        let punctuation = Set(" \t.,;:!?。，；：！？、\"'“”「」【】[]()（）".unicodeScalars)
        var scalars = Array(unicodeScalars)
        while let first = scalars.first, punctuation.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, punctuation.contains(last) {
            if keepingClosingBracket, last == ")" || last == "）" { break }
            scalars.removeLast()
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// A lender the dialog does not know, named where the person says they borrowed or bought: "在**吉用花**借的", "我在
/// **闪电借**借的钱", "在**好借钱**上分期买的", "**闪电借**的分期逾期了". The place before a verb of borrowing (借, 贷, 买,
/// 分期, 申请, 下载, 开通, 注册) or the owner of a loan (的分期, 的借款, 的贷款, 的账单) is a name, whatever it is: a rule,
/// not a list, for the many lenders people name as their apps call themselves. Not a place that is no lender ("在网上借的",
/// "在手机上借的", "在银行借的", "在朋友那借的", "我的分期", "这个月的分期"): a word of `genericPlaces`, a person or a
/// function word (`nameStops`), or a single character.
extension LineAnalysis {
    /// What the name may stand before: a verb of borrowing or buying.
    private static let placeVerbs: [[Unicode.Scalar]] = ["借", "贷了", "贷的", "贷款", "买", "分期", "申请", "下载", "开通", "注册", "办了", "办的"]
        .map { Array($0.unicodeScalars) }
    /// Between the name and the verb: "在X上借", "在X里买", "喺X度借".
    private static let placeTails: [[Unicode.Scalar]] = ["上面", "上", "里面", "里", "度", "那里", "那边", "那儿", "那"].map { Array($0.unicodeScalars) }
    /// What a loan of a name is called: "X的分期", "X的借款".
    private static let ownedThings: [[Unicode.Scalar]] = ["的分期", "的借款", "的贷款", "的网贷", "的账单", "的欠款"].map { Array($0.unicodeScalars) }
    /// Characters that end a name read in a place (the name stops of a suffix, but 借 and 贷 may be part of the name:
    /// 闪电借, 好贷), words of time ("这个月的分期"), and the verbs that stand before an owner ("他欠美美贷的分期").
    private static let placeNameStops: Set<Unicode.Scalar> = Set("的了在是从到给我你他她它们个条笔一两几这那和与跟把被说有没买对向让叫收过机款项单次么吗呢吧啥上里仔喺咗嘅佢证證号號度期月天年日边欠还" .unicodeScalars)
    /// The last characters of a place on a map, no lender: "在深圳市借的", "在老家县里".
    private static let mapPlaceEnds: Set<Unicode.Scalar> = Set("市省县区镇村州路街店乡城" .unicodeScalars)
    /// Places that are no lender.
    private static let genericPlaces: Set<String> = ["手机", "网络", "网贷", "平台", "软件", "线上", "网页", "网站", "银行", "朋友", "同学",
                                                     "亲戚", "家里", "家人", "公司", "单位", "学校", "外面", "别处", "其他平台", "别的平台",
                                                     "哪", "哪里", "哪个平台", "什么平台", "小贷公司", "贷款公司", "高利贷", "民间", "私人", "个人",
                                                     "店里", "门店", "商场", "实体店", "营业厅", "网店", "微信", "支付宝", "抖音", "快手", "信用卡",
                                                     "银行卡", "手机店", "老家", "网购", "电商", "商家", "线下", "中介", "贷款", "借款", "借钱",
                                                     "分期", "商城", "同事", "老板", "父母", "爸妈", "老师", "淘宝", "京东", "拼多多", "美团"]

    /// The name in a place where the person borrowed or bought ("在X借的") or before 的分期 ("X的分期"); nil when none.
    func nameAtPlace(names: [Range<Int>]) -> String? {
        func starts(_ word: [Unicode.Scalar], at index: Int) -> Bool {
            index >= 0 && index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
        }
        // Two characters only before a tail of an app ("在好借上借的"): bare, "在深圳借的" is a city.
        func acceptable(_ range: Range<Int>, tailed: Bool = false) -> String? {
            guard range.count >= (tailed ? 2 : 3), range.count <= 8, !names.contains(where: { $0.overlaps(range) }),
                  let last = range.last, !Self.mapPlaceEnds.contains(scalars[last]) else { return nil }
            let name = String(String.UnicodeScalarView(scalars[range]))
            guard !Self.genericPlaces.contains(name) else { return nil }
            return text.originalText(range)
        }
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            TextNormalizer.isHan(scalar) && !Self.placeNameStops.contains(scalar)
        }
        for index in scalars.indices where scalars[index] == "在" || scalars[index] == "喺" || scalars[index] == "从" {
            // The longest run of name characters after it that a place tail or a verb follows: "在闪电借借的" is 闪电借.
            var end = index + 1
            while end < scalars.count, end - index <= 8, isNameScalar(scalars[end]) || scalars[end] == "借" || scalars[end] == "贷" { end += 1 }
            var best: (range: Range<Int>, tailed: Bool)?
            var at = index + 3
            while at <= end {
                var next = at
                if let tail = Self.placeTails.first(where: { starts($0, at: next) }) { next += tail.count }
                if Self.placeVerbs.contains(where: { starts($0, at: next) }),
                   (index + 1..<at).allSatisfy({ isNameScalar(scalars[$0]) || ($0 > index + 1 && (scalars[$0] == "借" || scalars[$0] == "贷")) }) {
                    best = ((index + 1)..<at, next > at)
                }
                at += 1
            }
            if let best, let name = acceptable(best.range, tailed: best.tailed) { return name }
        }
        for index in scalars.indices where scalars[index] == "的" {
            guard Self.ownedThings.contains(where: { starts($0, at: index) }) else { continue }
            var start = index
            while start > 0, index - start < 8, isNameScalar(scalars[start - 1]) || scalars[start - 1] == "借" || scalars[start - 1] == "贷" { start -= 1 }
            while start < index, scalars[start] == "借" || scalars[start] == "贷" { start += 1 }
            if let name = acceptable(start..<index) { return name }
        }
        return nil
    }
}
