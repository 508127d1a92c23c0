// libFuzzer entry for the condition language: parse, type-check, evaluate, explain. Compiled by Scripts/fuzz and linked
// against the instrumented DialogCore objects (built with -enable-testing, so the internal ConditionEvaluator is
// reachable); not a SwiftPM target.
//
// Any input must give a condition or a ConditionError with an offset inside the text: never a trap, a stack
// overflow or a hang.
@testable import DialogCore

private let fuzzSlots: [Slot] = [
    Slot(id: "a", kind: .yesno, label: LocalizedText(["en": "a"])),
    Slot(id: "n", kind: .number, label: LocalizedText(["en": "n"]), unit: .days),
    Slot(id: "c", kind: .choice, label: LocalizedText(["en": "c"]), multiple: true,
         values: [Slot.Value(id: "x", label: nil, synonyms: PhraseList()), Slot.Value(id: "y", label: nil, synonyms: PhraseList())]),
    Slot(id: "t", kind: .text, label: LocalizedText(["en": "t"]),
         values: [Slot.Value(id: "花呗", label: nil, synonyms: PhraseList())]),
]

private let fuzzDialog: CompiledDialog = {
    let flag = Flag(id: "f", label: LocalizedText(["en": "f"]), isSituation: true, condition: .name("a", offset: 0))
    let loop = Flag(id: "g", label: LocalizedText(["en": "g"]), isSituation: false, condition: .name("g", offset: 0))
    let end = DialogState(id: "end", kind: .end(LocalizedText(["en": "end"]), remedies: nil))
    return CompiledDialog(Dialog(id: "fuzz", version: "1", languages: ["en"], start: "end", lexicon: Lexicon(), messages: [:],
                                 slots: fuzzSlots, flags: [flag, loop], states: [end], remedies: [], drafts: []))
}()

private let fuzzValues: [[String: SlotValue]] = [
    [:],
    ["a": .yes, "n": .number(30), "c": .choices(["x"]), "t": .text("花呗")],
    ["a": .no, "n": .number(-1e300), "c": .choices(["x", "y"]), "t": .unknown],
    ["a": .unknown, "n": .number(.nan), "c": .unknown, "t": .text("")],
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCondition(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let condition = try ConditionParser.parse(source)
        let errors = ConditionChecker(slots: fuzzSlots, flags: ["f", "g"]).check(condition)
        for error in errors { precondition(error.offset >= 0 && error.offset <= source.count, "checker offset out of range") }
        _ = condition.names
        for values in fuzzValues {
            let evaluator = ConditionEvaluator(dialog: fuzzDialog, values: values)
            _ = evaluator.holds(condition)
            _ = evaluator.reasons(condition)
        }
        _ = condition.hashValue
    } catch {
        precondition(error.offset >= 0 && error.offset <= source.count, "parser offset \(error.offset) outside 0...\(source.count)")
        precondition(!error.message.isEmpty)
    }
    return 0
}
