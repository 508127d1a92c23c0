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
    }

    let compiled: CompiledDialog

    private struct Found {
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
                case .answerYes, .answerNo, .hedge, .negation, .reported, .clauseBreak:
                    functional.append(Found(range: match.range, cue: cue))
                default:
                    content.append(Found(range: match.range, cue: cue))
                }
            }
        }
        // The longest phrase wins: "没注册过" is a "no" phrase, so the "注册过" inside it is not also a "yes".
        content = content.filter { found in
            !content.contains { other in other.range.count > found.range.count && other.range.contains(found.range) }
        }
        // Likewise among the lexicon's words: the "有" inside "没有" is not also a yes.
        let longest = content + functional
        functional = functional.filter { found in
            !longest.contains { other in other.range.count > found.range.count && other.range.contains(found.range) }
        }
        let clauses = clauseNumbers(scalars, breaks: functional.filter { if case .clauseBreak = $0.cue { return true }; return false })
        let negations = functional.filter { if case .negation = $0.cue { return true }; return false }
        let reported = functional.filter { if case .reported = $0.cue { return true }; return false }

        func clause(_ index: Int) -> Int { clauses[min(index, clauses.count - 1)] }
        func isNegated(_ range: Range<Int>) -> Bool {
            let window = scalars[range.lowerBound].isASCII ? 16 : 6
            return negations.contains { negation in
                negation.range.upperBound <= range.lowerBound && range.lowerBound - negation.range.upperBound <= window
                    && clause(negation.range.lowerBound) == clause(range.lowerBound)
            }
        }
        func isReported(_ range: Range<Int>) -> Bool {
            reported.contains { $0.range.upperBound <= range.lowerBound && clause($0.range.lowerBound) == clause(range.lowerBound) }
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
                if compiled.dialog.slots[slot].skipsReportedSpeech, isReported(found.range) { continue }
                yesNo[slot] = isNegated(found.range) ? .no : .yes
                note(slot)
            case .slotNo(let slot):
                if compiled.dialog.slots[slot].skipsReportedSpeech, isReported(found.range) { continue }
                yesNo[slot] = .no
                note(slot)
            case .choice(let slot, let valueIndex):
                if isNegated(found.range) { continue }
                let id = compiled.dialog.slots[slot].values[valueIndex].id
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
            case .numberCue(let slot):
                if compiled.dialog.slots[slot].skipsReportedSpeech, isReported(found.range) { continue }
                cuesBySlot[slot, default: []].append(found.range)
            default: break
            }
        }

        for slot in compiled.captureSlots where textValues[slot] == nil && compiled.dialog.slots[slot].capture?.brackets == true {
            if let name = bracketedName(in: text) {
                textValues[slot] = .text(name)
                note(slot)
            }
        }

        // Numbers: a quantity of a fitting unit fills a slot when one of its cues is in the same clause, or when asked.
        var numbers: [Int: SlotValue] = [:]
        let quantities = compiled.numberSlots.isEmpty ? [] : QuantityScanner.scan(scalars)
        var used = Set<Int>()
        for slot in compiled.numberSlots {
            guard let unit = compiled.dialog.slots[slot].unit else { continue }
            let cues = cuesBySlot[slot] ?? []
            for (index, quantity) in quantities.enumerated() where !used.contains(index) {
                // "欠了三千五": with a cue in the clause, an amount needs no 元.
                guard let value = Self.convert(quantity, to: unit) ?? (unit == .yuan && quantity.unit == .none ? quantity.value : nil) else { continue }
                // The cue may also close the clause before: "I'm behind on my payments, about 3 months".
                let cued = cues.contains { cue in
                    let gap = clause(quantity.range.lowerBound) - clause(cue.lowerBound)
                    return gap == 0 || (gap == 1 && cue.lowerBound < quantity.range.lowerBound)
                }
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
        func opensClause(_ found: Found) -> Bool {
            var start = found.range.lowerBound
            while start > 0, clause(start - 1) == clause(found.range.lowerBound), !",.;!?\n".unicodeScalars.contains(scalars[start - 1]) {
                start -= 1
            }
            let before = String(String.UnicodeScalarView(scalars[start..<found.range.lowerBound])).trimmingCharacters(in: " ")
            guard before.isEmpty || Self.answerOpeners.contains(before) else { return false }
            // "是花呗发的短信": a yes word run straight into a fact of its own clause is a copula, not an answer.
            let end = found.range.upperBound
            if end < scalars.count, !",.;!? ".unicodeScalars.contains(scalars[end]) {
                return !content.contains { $0.range.lowerBound >= end && clause($0.range.lowerBound) == clause(found.range.lowerBound) }
            }
            return true
        }
        let answers = functional.filter { found in
            switch found.cue {
            case .answerYes, .answerNo: return opensClause(found)
            default: return false
            }
        }
        let yesCount = answers.filter { if case .answerYes = $0.cue { return true }; return false }.count
        let noCount = answers.filter { if case .answerNo = $0.cue { return true }; return false }.count
        if !isQuestion(scalars) {
            if yesCount > 0, noCount == 0 { result.bareAnswer = .yes }
            if noCount > 0, yesCount == 0 { result.bareAnswer = .no }
        }
        let hedged = functional.contains { if case .hedge = $0.cue { return true }; return false }

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
                if result.bareAnswer == .no, definition.value("none") != nil {
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

    private func isQuestion(_ scalars: [Unicode.Scalar]) -> Bool {
        if scalars.contains("?") { return true }
        guard let last = scalars.last(where: { !".!, ".unicodeScalars.contains($0) }) else { return false }
        return last == "吗" || last == "嘛" || last == "么"
    }

    /// Phrases made of ASCII letters must stand as words: "no" is not inside "notice".
    private func hasWordBoundaries(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) }
        if isWordScalar(scalars[range.lowerBound]), range.lowerBound > 0, isWordScalar(scalars[range.lowerBound - 1]) { return false }
        if isWordScalar(scalars[range.upperBound - 1]), range.upperBound < scalars.count, isWordScalar(scalars[range.upperBound]) { return false }
        return true
    }

    private func clauseNumbers(_ scalars: [Unicode.Scalar], breaks: [Found]) -> [Int] {
        var numbers = [Int](repeating: 0, count: max(scalars.count, 1))
        let breakStarts = Set(breaks.map(\.range.lowerBound))
        var clause = 0
        for (index, scalar) in scalars.enumerated() {
            if ",.;!?\n".unicodeScalars.contains(scalar) || breakStarts.contains(index) { clause += 1 }
            numbers[index] = clause
        }
        return numbers
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

    private func bracketedName(in text: NormalizedText) -> String? {
        guard let open = text.scalars.firstIndex(of: "["), let close = text.scalars[open...].firstIndex(of: "]"),
              (2...16).contains(close - open - 1) else { return nil }
        return text.originalText((open + 1)..<close).trimmingSpaces()
    }

    private func wholeLineName(_ text: NormalizedText) -> String? {
        let name = text.originalText(0..<text.scalars.count).trimmingSpaces()
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
