/// Turns the dialog's texts into what a person reads: picks the language, fills `{slot}` and `{parameter}` holes,
/// shows slot values with their labels.
struct MessageRenderer {
    let compiled: CompiledDialog
    let language: String

    var dialog: Dialog { compiled.dialog }

    func text(_ localized: LocalizedText?, _ parameters: [String: String] = [:], values: [String: SlotValue] = [:]) -> String {
        guard let localized else { return "" }
        return interpolate(localized.text(in: language, fallback: dialog.defaultLanguage), parameters, values: values)
    }

    /// A text already in the session's language, with its holes filled.
    func template(_ text: String, _ parameters: [String: String] = [:], values: [String: SlotValue] = [:]) -> String {
        interpolate(text, parameters, values: values)
    }

    func message(_ id: MessageID, _ parameters: [String: String] = [:], values: [String: SlotValue] = [:]) -> String {
        text(dialog.messages[id.rawValue], parameters, values: values)
    }

    // Slots are read in place through their index: copying a whole `Slot` out of the dialog for one label cost more
    // than rendering the label.
    func label(ofSlot id: String) -> String {
        guard let index = compiled.slotIndex[id] else { return id }
        return text(dialog.slots[index].label)
    }

    /// The label a fact shows beside its value: a yes/no slot's `label_no` beside a no.
    func label(ofSlot id: String, beside value: SlotValue?) -> String {
        guard value == .no, let index = compiled.slotIndex[id], let labelNo = dialog.slots[index].labelNo else { return label(ofSlot: id) }
        return text(labelNo)
    }

    /// How a value reads in running text: "短信", "是", "15", "优品商城", "不清楚".
    func display(_ value: SlotValue?, of slotID: String) -> String {
        guard let value else { return "" }
        let index = compiled.slotIndex[slotID]
        // Values are found by id through the dialog's index: a search from the front compared a platform's name with
        // each of the dozens of known names, ~300 instructions a comparison of Chinese text.
        func label(ofValue id: String) -> LocalizedText? {
            guard let index, let value = compiled.valueIndex[index][id] else { return nil }
            return dialog.slots[index].values[value].label
        }
        switch value {
        case .yes: return compiled.shownTexts(in: language)?.yes ?? message(.valueYes)
        case .no: return compiled.shownTexts(in: language)?.no ?? message(.valueNo)
        case .unknown: return compiled.shownTexts(in: language)?.unknown ?? message(.valueUnknown)
        case .number(var number):
            // Days, months and counts read as whole numbers: "半年" is 182.5 days, shown as 183.
            if let index, let unit = dialog.slots[index].unit, unit != .yuan, abs(number) < 1e15 { number = number.rounded() }
            let shown = number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
            // An amount says it is in yuan (`amount_yuan`: "2300元"), as one in another currency says its own ("HK$3,000").
            if let index, dialog.slots[index].unit == .yuan {
                if let shownTexts = compiled.shownTexts(in: language) {
                    if let amount = shownTexts.amountYuan { return template(amount, ["number": shown]) }
                } else if dialog.messages[MessageID.amountYuan.rawValue] != nil {
                    return message(.amountYuan, ["number": shown])
                }
            }
            return shown
        case .choices(let ids) where ids.count == 1:
            // One choice (most answers): its label, without looking up the separator a list would need.
            return label(ofValue: ids[0]).map { text($0) } ?? ids[0]
        case .choices(let ids):
            let separator = message(.listSeparator)
            return ids.map { id in label(ofValue: id).map { text($0) } ?? id }.joined(separator: separator.isEmpty ? ", " : separator)
        case .text(let raw) where index != nil && compiled.valueIndex[index!][raw] == nil
            && raw.unicodeScalars.contains(SlotValue.namesJoinerScalar):
            // Several known names said together: each as below, as a list ("Huabei (花呗) and Jiebei (借呗)").
            let names = raw.split(separator: SlotValue.namesJoiner).map { display(.text(String($0)), of: slotID) }
            var joined = names.dropLast().joined(separator: message(.listSeparator))
            if names.count > 1 { joined += message(.listLastSeparator) }
            return joined + (names.last ?? "")
        case .text(let raw):
            guard let index, let value = compiled.valueIndex[index][raw] else { return raw }
            let known = dialog.slots[index].values[value]
            if let label = known.label { return text(label) }
            // A known name shows as the session's language writes it, when its phrases spell the same name only
            // differently (分期乐 as 分期樂 in zh-Hant); a language that lists the name as it is keeps it.
            let phrases = known.synonyms.phrases(in: language)
            guard !phrases.contains(raw) else { return raw }
            // Only a phrase in the same script can be the same name spelled otherwise: folding every English phrase
            // to compare it with a Chinese name cost ~20k instructions a display, on every screen that names it.
            let rawIsASCII = raw.utf8.allSatisfy { $0 < 0x80 }
            var folded: String?
            for phrase in phrases where phrase.utf8.allSatisfy({ $0 < 0x80 }) == rawIsASCII {
                let foldedRaw = folded ?? TextNormalizer.fold(raw)
                folded = foldedRaw
                if TextNormalizer.fold(phrase) == foldedRaw { return phrase }
            }
            // A name in another script: the language's first spelling, then the name as the platform writes it, which
            // is what its app store and its letters use ("Jiebei (借呗)" in English, where "借呗" alone may be unreadable).
            if let spelled = phrases.first, spelled.unicodeScalars.allSatisfy(\.isASCII),
               !raw.unicodeScalars.allSatisfy(\.isASCII) {
                return "\(spelled) (\(raw))"
            }
            return raw
        }
    }

    /// "label: value" for one slot.
    func fact(_ slotID: String, _ value: SlotValue?) -> String {
        let separator = language.hasPrefix("zh") ? "：" : ": "
        return label(ofSlot: slotID, beside: value) + separator + display(value, of: slotID)
    }

    /// Fills `{name}` holes; `{{` and `}}` stand for braces. Works on the UTF-8 bytes (braces are ASCII, so they never
    /// occur inside another character's encoding) and copies the text between holes in slices: the advice texts are
    /// long, and walking them Character by Character was most of the time of a turn.
    private func interpolate(_ template: String, _ parameters: [String: String], values: [String: SlotValue]) -> String {
        var source = template
        let filled = source.withUTF8 { bytes -> String? in
            let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            var i = Self.nextBrace(bytes, from: 0)
            guard i < bytes.count else { return nil }
            func piece(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            var output = ""
            output.reserveCapacity(bytes.count)
            var literal = 0
            while i < bytes.count {
                let byte = bytes[i]  // a brace: `nextBrace` passes over everything else
                if i + 1 < bytes.count, bytes[i + 1] == byte {
                    output += piece(literal..<i)
                    output.append(byte == open ? "{" : "}")
                    i += 2
                    literal = i
                    i = Self.nextBrace(bytes, from: i)
                    continue
                }
                if byte == open, let end = bytes[(i + 1)...].firstIndex(of: close) {
                    output += piece(literal..<i)
                    var nameStart = i + 1, nameEnd = end
                    while nameStart < nameEnd, bytes[nameStart] == UInt8(ascii: " ") { nameStart += 1 }
                    while nameEnd > nameStart, bytes[nameEnd - 1] == UInt8(ascii: " ") { nameEnd -= 1 }
                    output += fill(piece(nameStart..<nameEnd), parameters, values: values)
                    i = end + 1
                    literal = i
                    i = Self.nextBrace(bytes, from: i)
                    continue
                }
                i = Self.nextBrace(bytes, from: i + 1)
            }
            output += piece(literal..<bytes.count)
            return output
        }
        return filled ?? template
    }

    /// The index of the first `{` or `}` at or after `start`, or the count when there is none. Eight bytes at a time:
    /// an advice text is kilobytes with a handful of holes, and looking at every byte was most of its rendering.
    /// A word holds a brace exactly when one of its bytes XORed with the brace is zero (the usual "has a zero byte"
    /// test, which has no false answers for "any"); only such a word is looked at byte by byte.
    static func nextBrace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var i = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let opens = ones &* UInt64(open), closes = ones &* UInt64(close)
            while i + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let a = word ^ opens, b = word ^ closes
                if ((a &- ones) & ~a & highs) | ((b &- ones) & ~b & highs) != 0 { break }
                i += 8
            }
        }
        while i < bytes.count, bytes[i] != open, bytes[i] != close { i += 1 }
        return i
    }

    private func fill(_ name: String, _ parameters: [String: String], values: [String: SlotValue]) -> String {
        if let parameter = parameters[name] { return parameter }
        guard let index = compiled.slotIndex[name] else {
            if name.hasSuffix(".home") { return home(String(name.dropLast(5)), parameters, values: values) ?? "{\(name)}" }
            return "{\(name)}"
        }
        if let value = values[name], value != .unknown { return display(value, of: name) }
        if let placeholder = dialog.slots[index].placeholder { return text(placeholder) }
        return "[" + text(dialog.slots[index].label) + "]"
    }

    /// `{platform.home}`: where the value's official channel is — its own words in `homes`, else the slot's `home` with
    /// the value in its hole (or the `unnamed` words the caller passes). Several names said together: each one's.
    private func home(_ slotID: String, _ parameters: [String: String], values: [String: SlotValue]) -> String? {
        guard let index = compiled.slotIndex[slotID], let fallback = dialog.slots[index].home else { return nil }
        let homes = dialog.slots[index].homes
        guard let value = values[slotID], case .text(let raw) = value else { return text(fallback, parameters, values: values) }
        if let own = homes[raw] { return text(own, parameters, values: values) }
        guard raw.unicodeScalars.contains(SlotValue.namesJoinerScalar), compiled.valueIndex[index][raw] == nil else {
            return text(fallback, parameters, values: values)
        }
        var one = values
        var names: [String] = []
        for name in raw.split(separator: SlotValue.namesJoiner) {
            let said: String
            if let own = homes[String(name)] { said = text(own, parameters, values: values) } else {
                one[slotID] = .text(String(name))
                said = text(fallback, parameters, values: one)
            }
            if !names.contains(said) { names.append(said) }  // 京东 and 京东白条 may share one
        }
        var joined = names.dropLast().joined(separator: message(.listSeparator))
        if names.count > 1 { joined += message(.listLastSeparator) }
        return joined + (names.last ?? "")
    }
}
