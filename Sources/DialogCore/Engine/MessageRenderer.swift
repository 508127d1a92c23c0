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

    func message(_ id: MessageID, _ parameters: [String: String] = [:], values: [String: SlotValue] = [:]) -> String {
        text(dialog.messages[id.rawValue], parameters, values: values)
    }

    func label(ofSlot id: String) -> String {
        compiled.slot(id).map { text($0.label) } ?? id
    }

    /// How a value reads in running text: "短信", "是", "15", "优品商城", "不清楚".
    func display(_ value: SlotValue?, of slotID: String) -> String {
        guard let value else { return "" }
        let slot = compiled.slot(slotID)
        switch value {
        case .yes: return message(.valueYes)
        case .no: return message(.valueNo)
        case .unknown: return message(.valueUnknown)
        case .number(let number):
            return number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .choices(let ids):
            let separator = message(.listSeparator)
            return ids.map { id in slot?.value(id)?.label.map { text($0) } ?? id }.joined(separator: separator.isEmpty ? ", " : separator)
        case .text(let raw):
            if let known = slot?.value(raw), let label = known.label { return text(label) }
            return raw
        }
    }

    /// "label: value" for one slot.
    func fact(_ slotID: String, _ value: SlotValue?) -> String {
        let separator = language.hasPrefix("zh") ? "：" : ": "
        return label(ofSlot: slotID) + separator + display(value, of: slotID)
    }

    private func interpolate(_ template: String, _ parameters: [String: String], values: [String: SlotValue]) -> String {
        guard template.contains("{") || template.contains("}") else { return template }
        var output = ""
        var chars = Array(template)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "{", chars.first == "{" { output.append("{"); chars = chars.dropFirst(); continue }
            if c == "}", chars.first == "}" { output.append("}"); chars = chars.dropFirst(); continue }
            guard c == "{", let close = chars.firstIndex(of: "}") else { output.append(c); continue }
            let name = String(chars[chars.startIndex..<close]).trimmingCharacters(in: " ")
            chars = chars[chars.index(after: close)...]
            output += fill(name, parameters, values: values)
        }
        return output
    }

    private func fill(_ name: String, _ parameters: [String: String], values: [String: SlotValue]) -> String {
        if let parameter = parameters[name] { return parameter }
        guard let slot = compiled.slot(name) else { return "{\(name)}" }
        if let value = values[name], value != .unknown { return display(value, of: name) }
        if let placeholder = slot.placeholder { return text(placeholder) }
        return "[" + text(slot.label) + "]"
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Array(unicodeScalars)
        let drop = Set(set.unicodeScalars)
        while let first = scalars.first, drop.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, drop.contains(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
