/// Finds values for every slot in one line. Pure: the same line, asked slots and dialog always give the same values.
struct SlotExtractor {
    /// What a line said.
    struct Extraction {
        /// Values found, by slot index, in the order they were found.
        var values: [(slot: Int, value: SlotValue)] = []
        /// The line hedged ("不知道") and gave no value for an asked slot.
        var hedged = false
        /// The line answered yes or no without saying to what.
        var bareAnswer: SlotValue?
        /// The asked slot that got its value only from a plain yes/no or from the whole line.
        var answeredByContext: Int?
        /// The line holds a correction word of the lexicon (不对, 其实, actually).
        var corrects = false
        /// A clause of the line is nothing but a hedge ("…, no amount"): asked slots the line left empty are unknown.
        var hedgesTheRest = false
        /// Choice values the line denies ("不是**电话**", "not my **parents**"), by slot index.
        var denied: [(slot: Int, value: String)] = []

        /// Whether the line takes back `value` of `slot`: it denies one of its choices.
        func denies(_ value: SlotValue, of slot: Int) -> Bool {
            guard case .choices(let ids) = value else { return false }
            return denied.contains { $0.slot == slot && ids.contains($0.value) }
        }
    }

    let compiled: CompiledDialog

    fileprivate struct Found {
        var range: Range<Int>
        var cue: CompiledDialog.Cue
    }

    func extract(_ text: NormalizedText, asked: [Int]) -> Extraction {
        let scalars = text.scalars
        var content: [Found] = []
        var functional: [Found] = []
        for match in compiled.matcher.matches(in: scalars) where hasWordBoundaries(match.range, in: scalars) {
            for cue in match.payloads {
                switch cue {
                case .word:
                    functional.append(Found(range: match.range, cue: cue))
                default:
                    content.append(Found(range: match.range, cue: cue))
                }
            }
        }
        // The longest phrase wins: "没注册过" is a "no" phrase, so the "注册过" inside it is not also a "yes"; across
        // slots too ("never borrowed" hides an admission "borrowed"). A number's cue only licenses a number, so only
        // its own slot's phrases hide it: "i owe them" (bought or borrowed) leaves the amount's cue "i owe".
        var containedContent = Self.containedInLonger(content.map { $0.range })
        var hiddenCueSlots = Set<Int>()
        for (index, found) in content.enumerated() where containedContent[index] {
            if case .numberCue(let slot) = found.cue { hiddenCueSlots.insert(slot) }
        }
        for slot in hiddenCueSlots {
            let indices = content.indices.filter { content[$0].cue.slot == slot }
            let contained = Self.containedInLonger(indices.map { content[$0].range })
            for (k, index) in indices.enumerated() {
                if case .numberCue = content[index].cue { containedContent[index] = contained[k] }
            }
        }
        content = content.indices.filter { !containedContent[$0] }.map { content[$0] }
        // Likewise among the lexicon's words: the "有" inside "没有" is not also a yes.
        // Negation words inside content phrases ("没借过", "haven't paid"), before the longer phrases hide them: they
        // make a phrase a denial in form, whatever value it gives.
        let negationsInside = functional.of(.word(.negations)).map(\.range)
        // Likewise conditions: "再不还就上门" is a conditional threat by itself, which an outer "要是" does not cancel.
        let conditionsInside = functional.of(.word(.conditions)).map(\.range)
        let containedFunctional = Self.containedInLonger(content.map { $0.range } + functional.map { $0.range })
        functional = functional.indices.filter { !containedFunctional[content.count + $0] }.map { functional[$0] }
        let clauses = clauseNumbers(scalars, breaks: functional.of(.word(.breaks)))
        // Where the clause of each position starts (stopping at punctuation).
        var clauseStart = [Int](repeating: 0, count: scalars.count)
        for index in scalars.indices where index > 0 {
            let joined = clause(index - 1) == clause(index) && !Self.endsClause(scalars, at: index - 1)
            clauseStart[index] = joined ? clauseStart[index - 1] : index
        }
        let answerNoRanges = Set(functional.of(.word(.no)).map(\.range))
        // "no I have not paid": an English "no" that opens its clause and is followed by a subject answers the
        // question; it does not flip the clause's own phrase into its opposite. ("no calls" stays a negation.)
        func answersBeforeSubject(_ found: Found) -> Bool {
            guard answerNoRanges.contains(found.range), scalars[found.range.lowerBound].isASCII else { return false }
            var start = clauseStart[found.range.lowerBound]
            while start < found.range.lowerBound, scalars[start] == " " { start += 1 }
            guard start == found.range.lowerBound else { return false }
            var index = found.range.upperBound
            while index < scalars.count, scalars[index] == " " || scalars[index] == "," { index += 1 }
            return Self.subjects.contains(Self.asciiWord(scalars, from: index))
        }
        let negations = functional.filter { found in
            guard case .word(.negations) = found.cue else { return false }
            return !answersBeforeSubject(found)
        }
        let reported = functional.of(.word(.reported))

        // Lookups that stay linear in the line, however often a phrase repeats in it (a pasted line of thousands of
        // "没有" once took seconds): negations by where they end; per clause, the earliest end of a reported-speech
        // phrase and the latest start of a content phrase.
        func clause(_ index: Int) -> Int { clauses[min(index, clauses.count - 1)] }
        var negationStartsByEnd: [Int: [Int]] = [:]
        for negation in negations { negationStartsByEnd[negation.range.upperBound, default: []].append(negation.range.lowerBound) }
        var firstReportedEnd: [Int: Int] = [:]
        var reportedStartsByEnd: [Int: [Int]] = [:]
        for phrase in reported {
            let c = clause(phrase.range.lowerBound)
            firstReportedEnd[c] = min(firstReportedEnd[c] ?? .max, phrase.range.upperBound)
            reportedStartsByEnd[phrase.range.upperBound, default: []].append(phrase.range.lowerBound)
        }
        func isNegated(_ range: Range<Int>) -> Bool {
            let window = scalars[range.lowerBound].isASCII ? 16 : 6
            for end in max(range.lowerBound - window, 0)...range.lowerBound {
                if let starts = negationStartsByEnd[end], starts.contains(where: { clause($0) == clause(range.lowerBound) }) { return true }
            }
            return false
        }
        // "短信说我欠款2800，已经逾期12天": the claim goes on past a comma into a clause with no subject of its own.
        // A clause that opens with the person ("，我确实逾期了"), a break word ("，但是…") or a correction word, or the
        // end of a sentence, stops it. In such a carried clause only what the sender would claim is the sender's: a
        // denial ("…，从来没借过") is the person's own voice.
        let correctionStarts = Set(functional.of(.word(.corrections)).map(\.range.lowerBound))
        func opensWithOwnVoice(_ comma: Int) -> Bool {
            var index = comma + 1
            while index < scalars.count, scalars[index] == " " { index += 1 }
            guard index < scalars.count else { return false }
            // "我…", or "可我…", "但我…": one leading conjunction before the person.
            if scalars[index] == "我" || (index + 1 < scalars.count && scalars[index + 1] == "我" && TextNormalizer.isHan(scalars[index]))
                || correctionStarts.contains(index) { return true }
            return Self.ownVoice.contains(Self.asciiWord(scalars, from: index))
        }
        var carriedClauses = Set<Int>()
        if !firstReportedEnd.isEmpty {
            var previous = -1, claiming = false
            for index in scalars.indices where clause(index) != previous {
                let c = clause(index)
                claiming = claiming && scalars[index] == "," && !opensWithOwnVoice(index)
                if claiming { carriedClauses.insert(c) }
                claiming = claiming || firstReportedEnd[c] != nil
                previous = c
            }
        }
        func isReported(_ range: Range<Int>, claim: Bool = true) -> Bool {
            let c = clause(range.lowerBound)
            if claim, carriedClauses.contains(c) { return true }
            guard let end = firstReportedEnd[c] else { return false }
            if end <= range.lowerBound { return true }
            // A cue that shares its last character with the phrase's first ("他借|借了", "話我|我欠錢") still reports
            // it. (A longer overlap is a phrase of its own: "有人冒用" in "冒用我的身份证" is the person's denial.)
            return reportedStartsByEnd[range.lowerBound + 1]?.contains { $0 < range.lowerBound } ?? false
        }

        // A worry or a condition of the person's own ("怕他们打给家人", "can they sue me?", "会不会坐牢") reaches the
        // end of its clause and fills nothing there — unless the phrase is itself conditional, or the condition is
        // inside reported speech: "催收说要是再不还就去我单位闹" is the collector's threat, not a hypothetical. A
        // condition that runs into the phrase is part of it.
        var firstConditionEnd: [Int: Int] = [:]
        for found in functional {
            guard case .word(.conditions) = found.cue else { continue }
            let c = clause(found.range.lowerBound)
            if let reportedEnd = firstReportedEnd[c], reportedEnd <= found.range.lowerBound { continue }
            firstConditionEnd[c] = min(firstConditionEnd[c] ?? .max, found.range.upperBound)
        }
        // A short question of the person's own ("他们会打给我爸妈吗？", "will they call my boss?") states nothing either:
        // its whole clause is read like a worry. Not a rhetorical one, which denies ("how can i owe them money??",
        // "我怎么会欠钱？": a negation word), nor a long run-on story that only ends in "??".
        let negationClauses = Set(negations.map { clause($0.range.lowerBound) })
        var clauseLength: [Int: Int] = [:]
        for index in scalars.indices { clauseLength[clause(index), default: 0] += 1 }
        for c in questionClauses(scalars, clause)
        where firstReportedEnd[c] == nil && !negationClauses.contains(c) && (clauseLength[c] ?? 0) <= Self.longestQuestion {
            firstConditionEnd[c] = -1
        }
        func isConditional(_ range: Range<Int>) -> Bool {
            guard let end = firstConditionEnd[clause(range.lowerBound)], end <= range.lowerBound else { return false }
            return !conditionsInside.contains { range.contains($0.lowerBound) && $0.upperBound <= range.upperBound }
        }

        var result = Extraction()
        var choiceSets: [Int: [String]] = [:]
        var textValues: [Int: SlotValue] = [:]
        var yesNo: [Int: SlotValue] = [:]
        var cuesBySlot: [Int: [Range<Int>]] = [:]
        var order: [Int] = []
        func note(_ slot: Int) { if !order.contains(slot) { order.append(slot) } }

        for found in content {
            switch found.cue {
            case .slotYes(let slot):
                if isConditional(found.range) { continue }
                let negated = isNegated(found.range)
                if compiled.dialog.slots[slot].skipsReportedSpeech, isReported(found.range, claim: !negated) { continue }
                yesNo[slot] = negated ? .no : .yes
                note(slot)
            case .slotNo(let slot):
                if isConditional(found.range) { continue }
                // "逾期" is a no to "already paid" but a claim in form; "没借过" is a denial.
                let denial = isNegated(found.range) || negationsInside.contains { found.range.contains($0.lowerBound) && $0.upperBound <= found.range.upperBound }
                if compiled.dialog.slots[slot].skipsReportedSpeech, isReported(found.range, claim: !denial) { continue }
                yesNo[slot] = .no
                note(slot)
            case .choice(let slot, let valueIndex):
                let id = compiled.dialog.slots[slot].values[valueIndex].id
                if isConditional(found.range) { continue }
                if isNegated(found.range) {
                    result.denied.append((slot, id))
                    continue
                }
                let definition = compiled.dialog.slots[slot]
                if definition.multiple {
                    if !(choiceSets[slot] ?? []).contains(id) { choiceSets[slot, default: []].append(id) }
                } else {
                    choiceSets[slot] = [id]
                }
                note(slot)
            case .known(let slot, let valueIndex):
                // A name is a fact even in a denial: "我从来没注册过花呗" still names 花呗.
                textValues[slot] = .text(compiled.dialog.slots[slot].values[valueIndex].id)
                note(slot)
            case .suffix(let slot):
                guard textValues[slot] == nil, let name = capturedName(endingAt: found.range, in: text) else { continue }
                textValues[slot] = .text(name)
                note(slot)
            case .nameCue(let slot):
                guard textValues[slot] == nil, let name = capturedName(after: found.range, in: text) else { continue }
                textValues[slot] = .text(name)
                note(slot)
            case .numberCue(let slot):
                if isConditional(found.range) { continue }
                if compiled.dialog.slots[slot].skipsReportedSpeech, isReported(found.range) { continue }
                cuesBySlot[slot, default: []].append(found.range)
            default: break
            }
        }

        for slot in compiled.captureSlots where textValues[slot] == nil && compiled.dialog.slots[slot].capture?.brackets == true {
            if let name = bracketedName(in: text), !isNotAName(name, of: slot) {
                textValues[slot] = .text(name)
                note(slot)
            }
        }

        // Numbers: a quantity of a fitting unit fills a slot when one of its cues is in the same clause, or when asked.
        var numbers: [Int: SlotValue] = [:]
        // A number inside a known name is part of the name: "360借条", "58好借" are not amounts.
        let nameRanges = content.compactMap { found -> Range<Int>? in
            if case .known = found.cue { return found.range }; return nil
        }
        let quantities = compiled.numberSlots.isEmpty ? [] : QuantityScanner.scan(scalars).filter { quantity in
            !nameRanges.contains { $0.overlaps(quantity.range) }
        }
        var used = Set<Int>()
        // Only the slots whose cues the line holds: without a cue no quantity is taken here (and a grown dialog has
        // hundreds of number slots).
        for slot in compiled.numberSlots {
            guard let cues = cuesBySlot[slot], let unit = compiled.dialog.slots[slot].unit else { continue }
            let cueClauses = Set(cues.map { clause($0.lowerBound) })
            for (index, quantity) in quantities.enumerated() where !used.contains(index) {
                // "欠了三千五": with a cue in the clause, an amount needs no 元.
                guard let value = Self.convert(quantity, to: unit) ?? (unit == .yuan && quantity.unit == .none ? quantity.value : nil) else { continue }
                // The cue may also close the clause before: "I'm behind on my payments, about 3 months". (A cue in
                // the clause before always starts before the quantity.)
                let here = clause(quantity.range.lowerBound)
                let cued = cueClauses.contains(here) || cueClauses.contains(here - 1)
                if cued {
                    numbers[slot] = .number(value)
                    used.insert(index)
                    note(slot)
                    break
                }
            }
        }
        for slot in asked where compiled.dialog.slots[slot].kind == .number && numbers[slot] == nil {
            guard let unit = compiled.dialog.slots[slot].unit else { continue }
            for (index, quantity) in quantities.enumerated() where !used.contains(index) {
                if let value = Self.convert(quantity, to: unit) ?? (quantity.unit == .none ? quantity.value : nil) {
                    numbers[slot] = .number(value)
                    used.insert(index)
                    note(slot)
                    break
                }
            }
        }

        // A plain yes or no, if the line says exactly one of them and is not itself a question.
        // Only an answer word that opens a clause answers: "是的，…", "嗯，…", "我没有", but not the 是 of
        // "收到的是短信", which says what, not whether.
        // The last content phrase of each clause.
        var lastContentStart: [Int: Int] = [:]
        for found in content {
            let c = clause(found.range.lowerBound)
            lastContentStart[c] = max(lastContentStart[c] ?? .min, found.range.lowerBound)
        }
        func opensClause(_ found: Found) -> Bool {
            var start = clauseStart[found.range.lowerBound]
            var stop = found.range.lowerBound
            while start < stop, scalars[start] == " " { start += 1 }
            while start < stop, scalars[stop - 1] == " " { stop -= 1 }
            guard stop - start <= Self.longestOpener else { return false }
            let before = String(String.UnicodeScalarView(scalars[start..<stop]))
            guard before.isEmpty || Self.answerOpeners.contains(before) else { return false }
            // "是花呗发的短信": a yes word run straight into a fact of its own clause is a copula, not an answer.
            let end = found.range.upperBound
            if end < scalars.count, !",.;!? ".unicodeScalars.contains(scalars[end]) {
                return !(lastContentStart[clause(found.range.lowerBound)].map { $0 >= end } ?? false)
            }
            return true
        }
        let answers = functional.filter { found in
            switch found.cue {
            case .word(.yes), .word(.no): return opensClause(found)
            default: return false
            }
        }
        let yesCount = answers.of(.word(.yes)).count
        let noCount = answers.of(.word(.no)).count
        if !isQuestion(scalars) {
            if yesCount > 0, noCount == 0 { result.bareAnswer = .yes }
            if noCount > 0, yesCount == 0 { result.bareAnswer = .no }
        }
        let hedges = functional.of(.word(.hedges))
        let hedged = !hedges.isEmpty
        result.corrects = !functional.of(.word(.corrections)).isEmpty
        // "3 days overdue, no amount", "五万，没显示逾期": a clause that is only a hedge (and perhaps the name of what
        // it is about) speaks of what the rest of the line left out.
        if !hedges.isEmpty {
            // Linear in the line: which positions a hedge covers, then which clauses hold a quantity or a phrase
            // outside every hedge (other than a cue naming an asked slot).
            var coveredByHedge = [Bool](repeating: false, count: scalars.count + 1)
            for hedge in hedges { for index in hedge.range where index < scalars.count { coveredByHedge[index] = true } }
            var busyClauses = Set(quantities.map { clause($0.range.lowerBound) })
            for found in content {
                if case .numberCue(let slot) = found.cue, asked.contains(slot) { continue }
                if found.range.allSatisfy({ $0 < scalars.count && coveredByHedge[$0] }) { continue }
                busyClauses.insert(clause(found.range.lowerBound))
            }
            result.hedgesTheRest = hedges.contains { !busyClauses.contains(clause($0.range.lowerBound)) }
        }

        for slot in order {
            if let value = yesNo[slot] { result.values.append((slot, value)) }
            if let ids = choiceSets[slot] {
                let kept = ids.count > 1 ? ids.filter { $0 != "none" } : ids
                result.values.append((slot, .choices(compiled.dialog.slots[slot].multiple ? kept.sorted() : kept)))
            }
            if let value = textValues[slot] { result.values.append((slot, value)) }
            if let value = numbers[slot] { result.values.append((slot, value)) }
        }

        // Answers that only make sense as a reply to the question just asked.
        let filled = Set(result.values.map(\.slot))
        for slot in asked where !filled.contains(slot) {
            let definition = compiled.dialog.slots[slot]
            switch definition.kind {
            case .yesno:
                if let answer = result.bareAnswer {
                    result.values.append((slot, answer))
                    result.answeredByContext = slot
                    return finish(result, hedged: false)
                }
            case .choice:
                // "没链接，也没让转账", "短信，没打过电话": a line that names only what did not happen, and none of this
                // question's choices as happening, answers "none of those".
                let deniesOnly = result.bareAnswer != .yes && !hedged && !result.denied.isEmpty
                if result.bareAnswer == .no || deniesOnly, definition.value("none") != nil {
                    result.values.append((slot, .choices(["none"])))
                    result.answeredByContext = slot
                    return finish(result, hedged: false)
                }
            case .text:
                // The whole line is the name only when it said nothing else: "他们还打给了我同事" is not a platform.
                if !hedged, result.bareAnswer == nil, result.values.isEmpty, let name = wholeLineName(text) {
                    result.values.append((slot, .text(name)))
                    result.answeredByContext = slot
                    return finish(result, hedged: false)
                }
            case .number: break
            }
        }
        let answeredAsked = asked.contains { slot in result.values.contains { $0.slot == slot } }
        return finish(result, hedged: hedged && !answeredAsked)
    }

    /// What may stand before a yes or no at the start of a clause: a subject or a filler ("我没有", "I did", "嗯 是的").
    static let answerOpeners: Set<String> = ["我", "我们", "我也", "我都", "我真的", "我确实", "我本人", "本人", "他们", "她", "他",
                                             "都", "真的", "确实", "当然", "嗯", "哦", "噢", "啊", "呃", "i", "we", "they", "oh", "um", "well", "yes", "no"]

    static let longestOpener = answerOpeners.map(\.unicodeScalars.count).max() ?? 0

    /// The ASCII word (letters and apostrophes, at most 12) that starts at `index`; "" when none does.
    static func asciiWord(_ scalars: [Unicode.Scalar], from index: Int) -> String {
        var word = ""
        var index = index
        while index < scalars.count, word.utf8.count < 12 {
            let scalar = scalars[index]
            guard scalar.isASCII, scalar.properties.isAlphabetic || scalar == "'" else { break }
            word.unicodeScalars.append(scalar)
            index += 1
        }
        return word
    }

    /// The words that open a clause in the person's own voice, ending a reported claim carried past a comma.
    static let ownVoice: Set<String> = ["i", "i'm", "im", "i've", "ive", "i'd", "my", "but", "actually", "however"]

    /// The subjects that make a clause-opening "no" an answer: "no I …", "no, they …".
    static let subjects: Set<String> = ["i", "i've", "i'm", "i'd", "ive", "im", "we", "we've", "they", "they've", "he", "she",
                                        "it", "it's", "its", "that", "that's", "thats", "there", "my", "me"]

    private func finish(_ extraction: Extraction, hedged: Bool) -> Extraction {
        var extraction = extraction
        extraction.hedged = hedged
        return extraction
    }

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

    /// The longest clause (in scalars) read as a question of the person's own rather than a story ending in "?".
    static let longestQuestion = 40

    /// The clauses that ask rather than tell: those ending in "?" (full-width folded) or in 吗 / 嘛.
    private func questionClauses(_ scalars: [Unicode.Scalar], _ clause: (Int) -> Int) -> [Int] {
        var found: [Int] = []
        for (index, scalar) in scalars.enumerated() {
            var last = index
            switch scalar {
            case "?":
                last = index - 1
                while last >= 0, scalars[last] == " " || scalars[last] == "?" { last -= 1 }
            case "吗", "嘛":
                guard index + 1 == scalars.count || Self.endsClause(scalars, at: index + 1) || scalars[index + 1] == " " else { continue }
            default: continue
            }
            guard last >= 0 else { continue }
            let c = clause(last)
            if found.last != c { found.append(c) }
        }
        return found
    }

    private func isQuestion(_ scalars: [Unicode.Scalar]) -> Bool {
        if scalars.contains("?") { return true }
        guard let last = scalars.last(where: { !".!, ".unicodeScalars.contains($0) }) else { return false }
        return last == "吗" || last == "嘛" || last == "么"
    }

    /// Phrases made of ASCII letters must stand as words: "no" is not inside "notice".
    private func hasWordBoundaries(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        func isWordScalar(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) }
        if isWordScalar(scalars[range.lowerBound]), range.lowerBound > 0, isWordScalar(scalars[range.lowerBound - 1]) { return false }
        if isWordScalar(scalars[range.upperBound - 1]), range.upperBound < scalars.count, isWordScalar(scalars[range.upperBound]) { return false }
        return true
    }

    /// For each range, whether another range of a different extent contains it (and so is longer): sorted by start,
    /// longer first, a range is contained when an earlier range of another extent reaches at least as far.
    static func containedInLonger(_ ranges: [Range<Int>]) -> [Bool] {
        let order = ranges.indices.sorted {
            (ranges[$0].lowerBound, -ranges[$0].upperBound) < (ranges[$1].lowerBound, -ranges[$1].upperBound)
        }
        var contained = [Bool](repeating: false, count: ranges.count)
        var reach = Int.min  // the furthest end among the ranges before the current group of equal ranges
        var position = 0
        while position < order.count {
            let range = ranges[order[position]]
            var groupEnd = position
            while groupEnd < order.count, ranges[order[groupEnd]] == range { groupEnd += 1 }
            if reach >= range.upperBound {
                for k in position..<groupEnd { contained[order[k]] = true }
            }
            reach = max(reach, range.upperBound)
            position = groupEnd
        }
        return contained
    }

    private func clauseNumbers(_ scalars: [Unicode.Scalar], breaks: [Found]) -> [Int] {
        var numbers = [Int](repeating: 0, count: max(scalars.count, 1))
        var breakStarts = [Bool](repeating: false, count: scalars.count)
        for found in breaks where found.range.lowerBound < scalars.count { breakStarts[found.range.lowerBound] = true }
        var clause = 0
        for (index, scalar) in scalars.enumerated() {
            if Self.endsClause(scalars, at: index) || breakStarts[index] { clause += 1 }
            numbers[index] = clause
        }
        return numbers
    }

    /// The punctuation that ends a clause (after folding): , . ; ! ? and a line break.
    static func isClauseMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ".", ";", "!", "?", "\n": return true
        default: return false
        }
    }

    /// Whether the scalar at `index` ends a clause: a clause mark, except a `,` or `.` between two digits, which is
    /// part of a number ("1,580.00", "2.8k"), so that "saying I owe 1,580.00 and …" stays one reported clause.
    static func endsClause(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        guard isClauseMark(scalar) else { return false }
        guard scalar == "," || scalar == ".", index > 0, index + 1 < scalars.count else { return true }
        // Digits are ASCII here: folding turned full-width ones into them.
        let digits: ClosedRange<Unicode.Scalar> = "0"..."9"
        return !(digits.contains(scalars[index - 1]) && digits.contains(scalars[index + 1]))
    }

    /// Characters that end a name when reading backwards from a suffix like 商城: "收到|优品商城".
    private static let nameStops: Set<Unicode.Scalar> = Set("的了在是从到给我你他她它们个条笔一两几这那和与跟把被说有没还借买用对向让叫收过机款项单次么吗呢吧啥" .unicodeScalars)

    private func capturedName(endingAt range: Range<Int>, in text: NormalizedText) -> String? {
        var start = range.lowerBound
        while start > 0, range.upperBound - (start - 1) <= 10 {
            let scalar = text.scalars[start - 1]
            guard TextNormalizer.isHan(scalar) || (scalar.isASCII && scalar.properties.isAlphabetic), !Self.nameStops.contains(scalar) else { break }
            start -= 1
        }
        guard range.lowerBound - start >= 1 else { return nil }
        return text.originalText(start..<range.upperBound)
    }

    /// Characters that end a name when reading forwards from a cue like 一个叫: "一个叫闪电借|的平台".
    private static let forwardNameStops: Set<Unicode.Scalar> = Set("的了在是说给打发和跟与把被吗呢吧啊这那要让催我你他她它们上里" .unicodeScalars)

    /// Generic words that end a name read forwards: "叫闪电借app" names 闪电借; "called QuickCash app", QuickCash.
    private static let genericNameTails = ["平台", "软件", "app", "应用", "贷款", "公司"]

    /// English words that are not part of a name that follows "called": "an app called Cash Now and …".
    private static let nameStopWords: Set<String> = ["and", "or", "the", "a", "an", "app", "apps", "loan", "loans", "which", "that",
                                                    "who", "but", "to", "from", "for", "with", "saying", "said", "says", "about",
                                                    "me", "my", "i", "it", "they", "is", "was", "in", "on", "at", "platform", "company"]

    /// What may stand between a cue and the name: spaces, quotes, a colon.
    private static let nameOpeners = Set(" \"'“”‘’「」《》<>:：".unicodeScalars)

    /// The name after a cue: Chinese up to a function word or punctuation (at most 10 characters); Latin one word, and
    /// the capitalised words after it ("an app called Cash Now"). Nil when nothing name-like follows.
    private func capturedName(after range: Range<Int>, in text: NormalizedText) -> String? {
        let scalars = text.scalars
        var start = range.upperBound
        while start < scalars.count, Self.nameOpeners.contains(scalars[start]) { start += 1 }
        guard start < scalars.count else { return nil }
        var end = start
        if TextNormalizer.isHan(scalars[start]) {
            while end < scalars.count, end - start < 10,
                  TextNormalizer.isHan(scalars[end]) || (scalars[end].isASCII && scalars[end].properties.isAlphabetic) || ("0"..."9").contains(scalars[end]),
                  !Self.forwardNameStops.contains(scalars[end]) { end += 1 }
            var name = String(String.UnicodeScalarView(scalars[start..<end]))
            for tail in Self.genericNameTails where name.count > tail.count && name.hasSuffix(tail) {
                end -= tail.unicodeScalars.count
                name.removeLast(tail.count)
            }
            guard end - start >= 2 else { return nil }
            return text.originalText(start..<end)
        }
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) || scalar == "-" || scalar == "."
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

    /// A bracketed text that is all digits (【12368】) or holds one of the slot's `not_names` (【法院通知】).
    private func isNotAName(_ name: String, of slot: Int) -> Bool {
        if name.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) { return true }
        let folded = TextNormalizer.fold(name)
        return (compiled.dialog.slots[slot].capture?.notNames ?? []).contains { folded.contains(TextNormalizer.fold($0)) }
    }

    private func bracketedName(in text: NormalizedText) -> String? {
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

    private func wholeLineName(_ text: NormalizedText) -> String? {
        // On the folded text, which is what the lists are written in; the name is then taken from the original.
        let scalars = text.scalars
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
        let name = text.originalText(start..<end).trimmingSpaces()
        guard !name.isEmpty, name.unicodeScalars.count <= 24 else { return nil }
        return name
    }
}

extension String {
    func trimmingSpaces() -> String {
        let punctuation = Set(" \t.,;:!?。，；：！？、\"'“”「」【】[]()（）".unicodeScalars)
        var scalars = Array(unicodeScalars)
        while let first = scalars.first, punctuation.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, punctuation.contains(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

fileprivate extension Array where Element == SlotExtractor.Found {
    /// The lexicon's words of one kind: `functional.of(.word(.negations))`.
    func of(_ kind: CompiledDialog.Cue) -> [Element] { filter { $0.cue == kind } }
}
