import DialogCore

/// Checks scripted conversations against the dialog they test, before any is played: a state, slot, value,
/// situation, remedy or language the dialog does not have is an error at its line, not a failed expectation
/// ("expected chanel = call, but it is not filled") found at run time.
public enum ConversationTestChecker {
    /// Words a test may expect of any slot besides its values: `unknown` (the person did not know) and `unset`
    /// (never filled).
    public static let anySlotWords: Set<String> = ["unknown", "unset"]

    public static func check(_ tests: [ConversationTest], against dialog: Dialog) -> [Diagnostic] {
        let states = dialog.states.map(\.id)
        let slots = Dictionary(dialog.slots.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let situations = dialog.flags.filter(\.isSituation).map(\.id)
        let remedies = dialog.remedies.map(\.id)
        var diagnostics: [Diagnostic] = []
        func unknown(_ what: String, _ name: String, _ candidates: [String], _ location: SourceLocation, _ fix: String) {
            let hint = YAMLDocument.closest(name, in: candidates).map { "; did you mean `\($0)`?" } ?? "; \(fix)"
            diagnostics.append(Diagnostic(.error, location, "`\(name)` is not \(what) of this dialog\(hint)"))
        }
        for test in tests {
            if let language = test.language, !dialog.languages.contains(language) {
                unknown("a language", language, dialog.languages, test.languageLocation ?? test.location,
                        "use one of \(dialog.languages.joined(separator: ", "))")
            }
            let expectations = test.turns.compactMap(\.expect) + (test.end.map { [$0] } ?? [])
            for reference in expectations.flatMap(\.references) {
                let (name, location) = (reference.name, reference.location)
                switch reference.kind {
                case .state where !states.contains(name):
                    unknown("a state", name, states, location, "the states are under `states:`")
                case .situation where !situations.contains(name):
                    let flag = dialog.flags.contains { $0.id == name }
                    if flag {
                        diagnostics.append(Diagnostic(.error, location, "`\(name)` is a flag but not a situation (`situation: true`); `situations` lists only those"))
                    } else {
                        unknown("a situation", name, situations, location, "the situations are the flags with `situation: true`")
                    }
                case .remedy where !remedies.contains(name):
                    unknown("a remedy", name, remedies, location, "the remedies are under `remedies:`")
                case .slot where slots[name] == nil:
                    unknown("a slot", name, Array(slots.keys), location, "the slots are under `slots:`")
                case .value(let slotID):
                    guard let slot = slots[slotID], !anySlotWords.contains(name) else { continue }
                    if let problem = problem(with: name, for: slot) {
                        let candidates = slot.values.map(\.id) + (slot.kind == .yesno ? ["yes", "no"] : [])
                        let hint = YAMLDocument.closest(name, in: candidates).map { "; did you mean `\($0)`?" } ?? ""
                        diagnostics.append(Diagnostic(.error, location, "\(problem)\(hint)"))
                    }
                default: break
                }
            }
        }
        return diagnostics
    }

    /// Why `value` can never be what `slot` holds, or nil when it can.
    private static func problem(with value: String, for slot: Slot) -> String? {
        let also = "`unknown` or `unset`"
        switch slot.kind {
        case .yesno:
            return ["yes", "no"].contains(value) ? nil : "`\(slot.id)` is a yes/no slot: expect `yes`, `no`, \(also), not `\(value)`"
        case .number:
            // An amount in another currency is held as written ("HK$3,000"): any text for an amount in yuan.
            if slot.unit == .yuan { return nil }
            return Double(value) != nil ? nil : "`\(slot.id)` is a number slot: expect a number or \(also), not `\(value)`"
        case .choice:
            return slot.values.contains { $0.id == value } ? nil
                : "`\(value)` is not a value of `\(slot.id)` (\(slot.values.map(\.id).joined(separator: ", ")), \(also))"
        case .text:
            return nil
        }
    }
}
