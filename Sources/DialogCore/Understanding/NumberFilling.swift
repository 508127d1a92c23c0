/// Numbers: a quantity of a fitting unit (十五天, 3k, ￥800, 两个月) fills a number slot when one of the slot's cues is in
/// the same clause or closes the clause before ("欠了三千五", "I'm behind on my payments, about 3 months"), or, with no
/// cue, when the slot is the question on screen. A number inside a known name is part of the name: "360借条", "58好借".
/// Not a number at all, for any slot: how often ("10 times a day", "一天打五六个"), how many calls ("几十个电话",
/// "打几十通"), a deadline ("pay in 3 days", "三天内还清"), any number in a case number ("(2025)粤0305民初12345号"),
/// a hotline or a card's last digits ("客服95786", "尾号8888"), a key to press ("press 1", "按1转人工").
struct NumberFilling {
    let compiled: CompiledDialog
    let analysis: LineAnalysis

    /// The quantities of the line that may fill a number slot.
    func quantities() -> [Quantity] {
        guard !compiled.numberSlots.isEmpty else { return [] }
        let nameRanges = analysis.content.compactMap { found -> Range<Int>? in
            if case .known = found.cue { return found.range }; return nil
        }
        let caseNumbers = self.caseNumbers
        return analysis.quantities.filter { quantity in
            !nameRanges.contains { $0.overlaps(quantity.range) } && !isFrequency(quantity) && !isDeadline(quantity)
                && !caseNumbers.contains { $0.overlaps(quantity.range) } && !countsCalls(quantity) && !isPhoneOrCardNumber(quantity)
                && !isKeypadKey(quantity) && !isTimeAgo(quantity) && !isAge(quantity) && !isYear(quantity) && !countsThings(quantity)
                && !isFee(quantity) && !countsInstalments(quantity) && !isSumToMove(quantity) && !isDayOfMonth(quantity)
                && !analysis.dueAhead.contains { $0.overlaps(quantity.range) }
        }
    }

    /// "先交1980服务费", "手续费500元", "交两千保证金", "a 500 fee", "deposit of 300": a fee someone asks for (a scam's, an
    /// agent's), not what the notice says is owed (probe16 R20, probe15 Q24).
    private func isFee(_ quantity: Quantity) -> Bool {
        let scalars = analysis.scalars
        var after = quantity.range.upperBound
        while after < scalars.count, scalars[after] == " " || scalars[after] == "元" || scalars[after] == "块" || scalars[after] == "的" { after += 1 }
        if Self.feeWords.contains(where: { word in after + word.count <= scalars.count && scalars[after..<(after + word.count)].elementsEqual(word) }) {
            return true
        }
        if Self.feeWordsEnglish.contains(word(after: quantity.range.upperBound), in: scalars) { return true }
        var before = quantity.range.lowerBound
        while before > 0, [" ", ":", "是", "为", "要", "交"].contains(scalars[before - 1]) { before -= 1 }
        if Self.feeWords.contains(where: { word in before >= word.count && scalars[(before - word.count)..<before].elementsEqual(word) }) {
            return true
        }
        let wordBefore = word(before: quantity.range.lowerBound)
        return Self.of.contains(wordBefore, in: scalars) ? Self.feeOrDeposit.contains(word(before: quantity.range.lowerBound - 3), in: scalars)
            : Self.feeOrDeposit.contains(wordBefore, in: scalars)
    }

    /// "转5000到安全账户", "打两万到他给的卡上", "transfer 5000 to": a sum someone wants moved somewhere, not what the
    /// notice says is owed (probe17 S26).
    private func isSumToMove(_ quantity: Quantity) -> Bool {
        let scalars = analysis.scalars
        var before = quantity.range.lowerBound
        while before > 0, scalars[before - 1] == " " { before -= 1 }
        var after = quantity.range.upperBound
        while after < scalars.count, scalars[after] == " " || scalars[after] == "元" || scalars[after] == "块" { after += 1 }
        if before > 0, Self.movingVerbs.contains(scalars[before - 1]), after < scalars.count, Self.movingTargets.contains(scalars[after]) {
            return true
        }
        return Self.movingWords.contains(word(before: quantity.range.lowerBound), in: scalars)
            && Self.toOrInto.contains(word(after: quantity.range.upperBound), in: scalars)
    }

    /// 转 / 汇 / 打 / 存 before a sum, and 到 / 进 / 给 / 去 after it (folded: 轉 is 转, 匯 is 汇).
    private static let movingVerbs: Set<Unicode.Scalar> = ["转", "汇", "打", "存"]
    private static let movingTargets: Set<Unicode.Scalar> = ["到", "进", "给", "去", "入"]

    /// The words of a fee (folded: 服務費 is 服务费).
    private static let feeWords: [[Unicode.Scalar]] = ["服务费", "手续费", "保证金", "押金", "解冻费", "会员费", "中介费", "工本费", "定金", "订金",
                                                       "咨询费", "代理费", "认证费", "验证费", "激活费"].map { Array($0.unicodeScalars) }

    /// "pay 8 of 12", "还了5期", "分了12期": instalments counted, not money (probe16 R19).
    private func countsInstalments(_ quantity: Quantity) -> Bool {
        guard quantity.unit == .none else { return false }
        let scalars = analysis.scalars
        let after = quantity.range.upperBound
        if after < scalars.count, scalars[after] == "期" { return true }
        // The 12 of "8 of 12": a number, "of", then this one.
        if Self.of.contains(word(before: quantity.range.lowerBound), in: scalars) {
            var previous = quantity.range.lowerBound
            while previous > 0, scalars[previous - 1] == " " { previous -= 1 }
            previous -= 2
            while previous > 0, scalars[previous - 1] == " " { previous -= 1 }
            if previous > 0, scalars[previous - 1].properties.numericType != nil { return true }
        }
        guard Self.of.contains(word(after: after), in: scalars) else { return false }
        var next = after
        while next < scalars.count, scalars[next] == " " { next += 1 }
        next += 2
        while next < scalars.count, scalars[next] == " " { next += 1 }
        return next < scalars.count && scalars[next].properties.numericType != nil
    }

    /// "借了好几个平台", "两笔借款", "三家网贷": how many things, not an amount (probe15 Q15: "好几个平台" was 3 yuan).
    private func countsThings(_ quantity: Quantity) -> Bool {
        guard quantity.unit == .none else { return false }
        let after = quantity.range.upperBound
        return after < analysis.scalars.count && Self.counters.contains(analysis.scalars[after])
    }

    /// Counter words that count things: 个 (platforms), 家, 笔, 张 (cards), 款 (apps), 条.
    private static let counters: Set<Unicode.Scalar> = ["个", "家", "笔", "张", "款", "条", "部"]

    /// "三个月前借的", "十年前的分期", "borrowed 3 months ago": when something happened, not how long it is overdue
    /// (probe14 P27: "十年前的手机分期" was 3,650 days overdue, "3 months ago … 10 days late" 90 days).
    private func isTimeAgo(_ quantity: Quantity) -> Bool {
        guard quantity.days != nil else { return false }
        let scalars = analysis.scalars
        var after = quantity.range.upperBound
        if after < scalars.count, scalars[after] == "多" { after += 1 }
        if after < scalars.count, scalars[after] == "前" {
            // Not 前夫 / 前妻 / 前任 (an ex), which a number does not stand before anyway, but be safe.
            return !(after + 1 < scalars.count && Self.notAgo.contains(scalars[after + 1]))
        }
        if after + 1 < scalars.count, scalars[after] == "以" || scalars[after] == "之", scalars[after + 1] == "前" { return true }
        return Self.ago.contains(word(after: quantity.range.upperBound), in: scalars)
    }

    private static let notAgo: Set<Unicode.Scalar> = ["夫", "妻", "任", "男", "女"]

    /// "70岁", "he is 70 years old", "aged 70": someone's age, not an amount (probe14 P27).
    private func isAge(_ quantity: Quantity) -> Bool {
        guard quantity.unit == .none || quantity.unit == .year else { return false }
        let scalars = analysis.scalars
        let after = quantity.range.upperBound
        if quantity.unit == .none, after < scalars.count, scalars[after] == "岁" { return true }
        if Self.ageWords.contains(word(before: quantity.range.lowerBound), in: scalars) { return true }
        // "she is 80", "my mom is 72 and scared" (probe18 T24): a person's age, said with no unit.
        if quantity.unit == .none, Self.is.contains(word(before: quantity.range.lowerBound), in: scalars) {
            var end = quantity.range.lowerBound
            while end > 0, scalars[end - 1] == " " { end -= 1 }
            end -= 2
            if Self.people.contains(word(before: max(end, 0)), in: scalars) { return true }
        }
        return quantity.unit == .year && Self.old.contains(word(after: after), in: scalars)
    }

    /// Whose age "X is 80" gives.
    private static let people = ScalarWords(["she", "he", "mom", "mum", "mother", "dad", "father", "grandma", "grandpa",
                                              "grandmother", "grandfather", "granny", "nana", "wife", "husband", "son", "daughter"])

    /// "divorced in 2023", "since 2021", "2023年": a year, not an amount (probe18 T24).
    private func isYear(_ quantity: Quantity) -> Bool {
        guard quantity.unit == .none, quantity.value >= 1950, quantity.value <= 2100, quantity.value.rounded() == quantity.value,
              quantity.range.count == 4 else { return false }
        let scalars = analysis.scalars
        let after = quantity.range.upperBound
        if after < scalars.count, scalars[after] == "年" { return true }
        return Self.yearWords.contains(word(before: quantity.range.lowerBound), in: scalars)
    }

    /// "due on 15 March", "by March 15th", "on the 10th": a day of a month, not an amount ("your installment of 1,280.00
    /// yuan is due on 15 March" was 15 yuan). A number of 1 to 31 with no unit beside an English month's name, or with
    /// an ordinal's ending.
    private func isDayOfMonth(_ quantity: Quantity) -> Bool {
        guard quantity.unit == .none, quantity.value >= 1, quantity.value <= 31, quantity.value.rounded() == quantity.value,
              quantity.range.count <= 2, analysis.scalars[quantity.range.lowerBound].isASCII else { return false }
        let scalars = analysis.scalars
        let end = quantity.range.upperBound
        if end + 1 < scalars.count, let ending = Self.ordinalEndings.first(where: { $0.unicodeScalars.elementsEqual(scalars[end..<(end + 2)]) }),
           !ending.isEmpty, end + 2 == scalars.count || !scalars[end + 2].isASCIILetter { return true }
        return Self.months.contains(word(after: end), in: scalars) || Self.months.contains(word(before: quantity.range.lowerBound), in: scalars)
    }

    private static let ordinalEndings = ["st", "nd", "rd", "th"]
    private static let months = ScalarWords(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                            "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                            "sep", "sept", "oct", "nov", "dec"])

    /// Where the ASCII word just after `index` stands (skipping spaces; empty when none): compared with the short lists
    /// below as scalars (`ScalarWords`), never built into a String, since every quantity asks for the words beside it
    /// a dozen times.
    private func word(after index: Int) -> Range<Int> {
        let scalars = analysis.scalars
        var start = index
        while start < scalars.count, scalars[start] == " " { start += 1 }
        var end = start
        while end < scalars.count, scalars[end].isASCIILetter { end += 1 }
        return start..<end
    }

    /// "Press 1 to talk to an agent", "按1转人工", "撳2": a key of a phone's keypad, which a recorded call asks the
    /// person to press, not an amount or a number of days. A single digit with no unit after a word of pressing.
    private func isKeypadKey(_ quantity: Quantity) -> Bool {
        guard quantity.unit == .none, quantity.value >= 0, quantity.value <= 9, quantity.range.count <= 2 else { return false }
        if Self.pressingWords.contains(word(before: quantity.range.lowerBound), in: analysis.scalars) { return true }
        var before = quantity.range.lowerBound
        while before > 0, analysis.scalars[before - 1] == " " { before -= 1 }
        return before > 0 && Self.pressingScalars.contains(analysis.scalars[before - 1])
    }

    private static let pressingWords = ScalarWords(["press", "pressed", "pressing", "dial", "dialed", "dialled", "hit", "push", "pushed",
                                                      "key", "enter", "select", "option"])
    /// 按 (press), 撳 / 揿 (Cantonese press), 键 (key: "按键1").
    private static let pressingScalars: Set<Unicode.Scalar> = ["按", "撳", "揿", "键", "鍵"]

    /// "号码才用了两个月", "only had it 2 months": a quantity that is the object of a yes/no phrase of another fact (how
    /// long the person has had the number) says how long that is, so a cue in the clause before does not take it;
    /// unless a number's cue ends there too ("逾期了两个月" is both a yes to "overdue" and the cue of its days).
    private func saysOfAnotherFact(_ quantity: Quantity) -> Bool {
        var end = quantity.range.lowerBound
        while end > 0, analysis.scalars[end - 1] == " " { end -= 1 }
        var yesNoEnds = false
        for found in analysis.content where found.range.upperBound == end {
            switch found.cue {
            case .numberCue(let slot) where compiled.numberSlots.contains(slot): return false
            case .slotYes, .slotNo: yesNoEnds = true
            default: continue
            }
        }
        return yesNoEnds
    }

    /// "几十个电话", "打了几十通", "20 calls", "hundreds of texts": how many calls or messages.
    private func countsCalls(_ quantity: Quantity) -> Bool {
        let window = analysis.scalars[quantity.range.upperBound..<min(quantity.range.upperBound + 8, analysis.scalars.count)]
        if window.allSatisfy(Self.isPlain) { return Self.callCounterScalars.contains { window.starts(with: $0) } }
        let after = String(String.UnicodeScalarView(window))
        return Self.callCounters.contains { after.hasPrefix($0) }
    }

    /// Printable ASCII or a CJK ideograph: each such scalar is a character of its own with no other spelling, so
    /// over such scalars a comparison scalar by scalar says what `String.hasPrefix` says, without building a String
    /// and breaking it into characters (which was most of the cost of reading a line's numbers).
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        (0x20...0x7E).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
    }

    private static let callCounterScalars = callCounters.map { Array($0.unicodeScalars) }
    private static let numberMarkerScalars = numberMarkers.map { Array($0.unicodeScalars) }

    /// 次 and 遍 count anything ("一天打十几次", "催了三遍"): never money nor days.
    private static let callCounters = ["个电话", "通电话", "个短信", "条短信", "条信息", "个未接", "通", "次", "遍", " calls", " texts", " messages",
                                       " missed calls", " times", "个电話", "通電話", "條短訊", "條簡訊"]

    /// A number read after 客服, 热线, 拨打, 尾号 (a hotline, a card's or account's last digits), or one of five digits
    /// or more after "call".
    private func isPhoneOrCardNumber(_ quantity: Quantity) -> Bool {
        let start = quantity.range.lowerBound
        let window = analysis.scalars[max(start - 4, 0)..<start]
        if window.allSatisfy(Self.isPlain) {
            if Self.numberMarkerScalars.contains(where: { window.count >= $0.count && window.suffix($0.count).elementsEqual($0) }) { return true }
        } else {
            let before = String(String.UnicodeScalarView(window))
            if Self.numberMarkers.contains(where: { before.hasSuffix($0) }) { return true }
        }
        // "請即致電 3988 xxxx": the marker with a space after it.
        var end = start
        while end > 0, analysis.scalars[end - 1] == " " { end -= 1 }
        if end < start {
            let spaced = analysis.scalars[max(end - 4, 0)..<end]
            if Self.numberMarkerScalars.contains(where: { spaced.count >= $0.count && spaced.suffix($0.count).elementsEqual($0) }) { return true }
        }
        return Self.callWords.contains(word(before: start), in: analysis.scalars) && quantity.value >= 10_000
    }

    private static let numberMarkers = ["客服", "热线", "拨打", "致电", "尾号", "尾数", "后四位", "末四位", "卡号", "尾號", "尾數", "熱線", "撥打", "電話"]

    /// Where the line holds a court case number: "(2025)粤0305民初12345号", from the year to 号 (at most 24 characters).
    private var caseNumbers: [Range<Int>] {
        let scalars = analysis.scalars
        var spans: [Range<Int>] = []
        var index = 0
        while index + 5 < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "(", (1...4).allSatisfy({ ("0"..."9").contains(scalars[index + $0]) }), scalars[index + 5] == ")" else { continue }
            let end = (index + 6..<min(index + 30, scalars.count)).first { scalars[$0] == "号" || scalars[$0] == "號" }
            spans.append(index..<((end ?? index + 5) + 1))
        }
        return spans
    }

    /// "10 times a day", "calls a day", "一天打五六个", "一天催三次": "a day" / 一天 says how often, not how long.
    private func isFrequency(_ quantity: Quantity) -> Bool {
        guard quantity.unit == .day, quantity.value == 1 else { return false }
        if Self.countedWords.contains(word(before: quantity.range.lowerBound), in: analysis.scalars) { return true }
        let after = quantity.range.upperBound
        return after < analysis.scalars.count && Self.frequencyVerbs.contains(analysis.scalars[after])
    }

    /// What follows 一天 when it says how often: 打, 发, 催, 来, 都, 就.
    private static let frequencyVerbs: Set<Unicode.Scalar> = Set("打发催来都就".unicodeScalars)

    /// "pay in 3 days", "within 3 days", "三天内", "3天之内": a deadline, not days overdue.
    private func isDeadline(_ quantity: Quantity) -> Bool {
        guard quantity.days != nil, quantity.unit != .hour else { return false }
        if Self.inOrWithin.contains(word(before: quantity.range.lowerBound), in: analysis.scalars) { return true }
        let after = quantity.range.upperBound
        let scalars = analysis.scalars
        return after < scalars.count && (scalars[after] == "内" || (after + 1 < scalars.count && scalars[after] == "之" && scalars[after + 1] == "内")
            || (after + 1 < scalars.count && scalars[after] == "以" && scalars[after + 1] == "内"))
    }

    /// Where the ASCII word just before `index` stands (skipping spaces; empty when none): "times" in "10 times a day".
    private func word(before index: Int) -> Range<Int> {
        var end = index
        let scalars = analysis.scalars
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0, scalars[start - 1].isASCIILetter { start -= 1 }
        return start..<end
    }

    /// The English words read beside a quantity (the line is folded: lower case).
    private static let of = ScalarWords(["of"])
    private static let ago = ScalarWords(["ago"])
    private static let old = ScalarWords(["old"])
    private static let `is` = ScalarWords(["is"])
    private static let feeWordsEnglish = ScalarWords(["fee", "fees", "deposit"])
    private static let feeOrDeposit = ScalarWords(["fee", "deposit"])
    private static let movingWords = ScalarWords(["transfer", "send", "move", "wire"])
    private static let toOrInto = ScalarWords(["to", "into"])
    private static let ageWords = ScalarWords(["aged", "age", "turned", "turning"])
    private static let yearWords = ScalarWords(["in", "since", "from", "until", "till", "year"])
    private static let callWords = ScalarWords(["call", "hotline", "dial", "number"])
    private static let countedWords = ScalarWords(["times", "calls", "texts", "messages", "time", "call"])
    private static let inOrWithin = ScalarWords(["in", "within"])

    /// The values of number slots, in the order they were filled: first the slots whose cues the line holds
    /// (`cues`, by slot), then the asked ones.
    func values(_ quantities: [Quantity], cues: [Int: [Range<Int>]], asked: [Int]) -> [(slot: Int, value: SlotValue)] {
        var filled: [(slot: Int, value: SlotValue)] = []
        var used = Set<Int>()
        // Only the slots whose cues the line holds: without a cue no quantity is taken here (and a grown dialog has
        // hundreds of number slots).
        // "逾期15天，3200元", "15 days overdue, 3,200 yuan": a sum written with its currency, standing as a clause of its
        // own beside the words of being late, is what the notice says is owed, though no word of owing is there. A bare
        // "3200", or a sum its clause says more of ("被骗了5000元", "每期800元", "工资才3000元"), is not.
        let lateCues = compiled.numberSlots.filter { compiled.dialog.slots[$0].unit == .days }.flatMap { cues[$0] ?? [] }
        for slot in compiled.numberSlots {
            guard let unit = compiled.dialog.slots[slot].unit else { continue }
            let ownCues = cues[slot]
            guard let cues = ownCues ?? (unit == .yuan && !lateCues.isEmpty ? lateCues : nil) else { continue }
            let onlyMarkedSums = ownCues == nil
            let cueClauses = Set(cues.map { analysis.clauses.of($0.lowerBound) })
            // The fitting quantities beside a cue, in the order of the line.
            var candidates: [(index: Int, start: Int, value: SlotValue)] = []
            for (index, quantity) in quantities.enumerated() where !used.contains(index)
                && (!onlyMarkedSums || isBareSum(quantity) || isSumAfterLateWord(quantity, lateCues: cues)) {
                // "欠了三千五": with a cue in the clause, an amount needs no 元.
                guard let value = amount(quantity, unit).map(SlotValue.number) ?? written(quantity, unit) else { continue }
                // Installments are a length of time only right after the cue ("逾期3期", about three months); "说我有一期
                // 没还" is one missed payment, and how many days late it is, nobody said.
                if quantity.unit == .installment, unit != .count,
                   !cues.contains(where: { $0.upperBound <= quantity.range.lowerBound && quantity.range.lowerBound - $0.upperBound <= 1 }) { continue }
                // The cue may also close the clause before. (A cue in the clause before always starts before the
                // quantity.)
                let here = analysis.clauses.of(quantity.range.lowerBound)
                // Not from the clause before when the quantity's own clause says what it is of ("逾期了，号码才用了两个月").
                if cueClauses.contains(here) || (cueClauses.contains(here - 1) && !saysOfAnotherFact(quantity)) {
                    candidates.append((index, quantity.range.lowerBound, value))
                }
            }
            // "本来借五千，现在要我还九千多", "I only borrowed 3000 but they want 5000": what was borrowed beside what is
            // claimed; the notice's amount is the claim (probe14 P23).
            if unit == .yuan, candidates.count > 1 {
                let claims = candidates.filter { !clause(of: $0.start, says: Self.principalWords) }
                if !claims.isEmpty { candidates = claims }
                // "借了两千，要我还三千五": the amount demanded, beside another.
                let demanded = candidates.filter { clause(of: $0.start, says: Self.demandWords) }
                if !demanded.isEmpty { candidates = demanded }
            }
            // The first one that follows a cue in its clause ("my mom (62) … saying I owe Huabei 8000": the 8000), else
            // the first of all ("15 days overdue").
            let followsCue = candidates.first { candidate in
                cues.contains { $0.upperBound <= candidate.start && analysis.clauses.of($0.lowerBound) == analysis.clauses.of(candidate.start) }
            }
            if let chosen = followsCue ?? candidates.first {
                filled.append((slot, chosen.value))
                used.insert(chosen.index)
            }
        }
        for slot in asked where compiled.dialog.slots[slot].kind == .number && !filled.contains(where: { $0.slot == slot }) {
            guard let unit = compiled.dialog.slots[slot].unit else { continue }
            for (index, quantity) in quantities.enumerated() where !used.contains(index) {
                if let value = (Self.convert(quantity, to: unit) ?? (quantity.unit == .none ? quantity.value : nil)).map(SlotValue.number)
                    ?? written(quantity, unit) {
                    filled.append((slot, value))
                    used.insert(index)
                    break
                }
            }
        }
        return filled
    }

    /// A sum marked as money that is all its clause says, but for a word of "in all" or "about": "，3200元",
    /// "一共四千三百块", ", about 3,200 yuan".
    /// "逾期了一万二，三个多月", "my Atome is overdue, about 5 thousand" (probe19 T26): a number of a thousand or more with
    /// no unit, right after the word of being late or standing as its own clause beside it, is what is owed; as days it
    /// would be years.
    private func isSumAfterLateWord(_ quantity: Quantity, lateCues: [Range<Int>]) -> Bool {
        guard quantity.unit == .none, quantity.value >= 1000 else { return false }
        return lateCues.contains { $0.upperBound == quantity.range.lowerBound } || isBareSum(quantity, unitless: true)
    }

    private func isBareSum(_ quantity: Quantity, unitless: Bool = false) -> Bool {
        // In yuan or in another currency ("，總共NT$24,000", kept as written).
        guard quantity.unit == .yuan || quantity.unit == .foreign || (unitless && quantity.unit == .none) else { return false }
        let scalars = analysis.scalars
        let clause = analysis.clauses.of(quantity.range.lowerBound)
        var from = quantity.range.lowerBound
        while from > 0, analysis.clauses.of(from - 1) == clause { from -= 1 }
        var to = quantity.range.upperBound
        while to < scalars.count, analysis.clauses.of(to) == clause { to += 1 }
        let before = scalars[from..<quantity.range.lowerBound], after = scalars[quantity.range.upperBound..<to]
        guard before.allSatisfy(Self.isPlain), after.allSatisfy(Self.isPlain) else {
            let around = String(String.UnicodeScalarView(before)) + " " + String(String.UnicodeScalarView(after))
            var rest = around.filter { !$0.isWhitespace && !$0.isPunctuation && !$0.isSymbol }
            for word in Self.totalWords { rest = rest.replacing(word, with: "") }
            return rest.isEmpty
        }
        // Over plain scalars (each a character of its own), the same as above without a String: a space, ASCII
        // punctuation or an ASCII symbol is dropped, a letter, digit or ideograph kept; then each word of
        // `totalWords` taken out in turn, left to right, as `replacing` does.
        var rest = (before + after).filter { $0.isASCIILetter || ("0"..."9").contains($0) || $0.value >= 0x4E00 }
        for word in Self.totalWordScalars where rest.count >= word.count {
            func starts(at index: Int) -> Bool {
                index + word.count <= rest.count && rest[index..<(index + word.count)].elementsEqual(word)
            }
            guard let first = rest.indices.first(where: starts) else { continue }
            var kept = Array(rest[..<first])
            var index = first
            while index < rest.count {
                if starts(at: index) {
                    index += word.count
                } else {
                    kept.append(rest[index])
                    index += 1
                }
            }
            rest = kept
        }
        return rest.isEmpty
    }

    private static let totalWordScalars = totalWords.map { Array($0.unicodeScalars) }

    /// Words that leave a sum standing alone: 一共, 总共, 合计, 大概, 约, "in total", "about" (folded: simplified).
    private static let totalWords = ["一共", "总共", "共计", "合计", "总计", "大概", "大约", "差不多", "约", "共", "元", "块", "钱",
                                     "intotal", "total", "about", "around", "roughly", "yuan", "rmb"]

    /// A quantity as an amount of `unit`: "欠了三千五" needs no 元 beside a cue. Nil for a sum in another currency, or in
    /// Cantonese 蚊, which `written` keeps.
    private func amount(_ quantity: Quantity, _ unit: Slot.Unit) -> Double? {
        if unit == .yuan, inMan(quantity) { return nil }
        return Self.convert(quantity, to: unit) ?? (unit == .yuan && quantity.unit == .none ? quantity.value : nil)
    }

    /// A sum of money that is no amount in yuan, as the person wrote it ("HK$3,000", "港幣三千", "NT$20,000", "3000蚊"):
    /// an amount slot keeps it so, shown as written in the summary and the letters, never as yuan (`unit: yuan`).
    private func written(_ quantity: Quantity, _ unit: Slot.Unit) -> SlotValue? {
        guard unit == .yuan, quantity.unit == .foreign || inMan(quantity) else { return nil }
        let end = quantity.unit != .foreign && analysis.scalars[quantity.range.upperBound - 1] != "蚊" ? quantity.range.upperBound + 1 : quantity.range.upperBound
        var text = Substring(analysis.text.originalText(quantity.range.lowerBound..<end))
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text.isEmpty ? nil : .text(String(text))
    }

    /// Whether the sum is counted in 蚊 ("3000蚊", "三千蚊"), Cantonese for money of any currency.
    private func inMan(_ quantity: Quantity) -> Bool {
        guard quantity.unit != .foreign, !quantity.range.isEmpty else { return false }
        let scalars = analysis.scalars
        return scalars[quantity.range.upperBound - 1] == "蚊" || (quantity.range.upperBound < scalars.count && scalars[quantity.range.upperBound] == "蚊")
    }

    /// Whether the clause of the scalar at `start` holds one of `words` (folded, lower case).
    private func clause(of start: Int, says words: [String]) -> Bool {
        let clause = analysis.clauses.of(start)
        let scalars = analysis.scalars
        var from = start
        while from > 0, analysis.clauses.of(from - 1) == clause { from -= 1 }
        var to = start
        while to < scalars.count, analysis.clauses.of(to) == clause { to += 1 }
        let text = String(String.UnicodeScalarView(scalars[from..<to]))
        return words.contains { text.contains($0) }
    }

    /// What was first borrowed: 本来, 原本, 本金, 当初, 原来借, "only borrowed", "originally" (folded: simplified).
    private static let principalWords = ["本来", "原本", "本金", "当初", "原来借", "只借了", "only borrowed", "originally", "principal",
                                         "at first i borrowed", "i borrowed only"]
    /// What is demanded now: 要我还, 让我还, "they want", "say i owe".
    private static let demandWords = ["要我还", "让我还", "叫我还", "逼我还", "催我还", "要我们还", "要还", "应还", "they want", "say i owe",
                                      "says i owe", "asking for", "demand"]

    static func convert(_ quantity: Quantity, to unit: Slot.Unit) -> Double? {
        switch unit {
        case .days: return quantity.days
        case .months:
            switch quantity.unit {
            case .month: return quantity.value
            case .year: return quantity.value * 12
            case .installment: return quantity.value
            case .week: return quantity.value * 7 / 30
            case .day: return quantity.value / 30
            default: return nil
            }
        case .yuan: return quantity.unit == .yuan ? quantity.value : nil
        case .count: return quantity.unit == .none || quantity.unit == .installment ? quantity.value : nil
        }
    }
}
