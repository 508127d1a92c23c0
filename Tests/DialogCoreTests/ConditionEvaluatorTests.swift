import Testing

@testable import DialogCore

/// The extraction dialog with a few flags, some built on others.
private let compiled: CompiledDialog = {
    var dialog = ExtractionDialog.dialog
    func flag(_ id: String, _ source: String) -> Flag {
        Flag(id: id, label: ExtractionDialog.text(id, id, id), isSituation: false, condition: try! ConditionParser.parse(source))
    }
    dialog.flags = [
        flag("scam", "channel == call and has_account == no"),
        flag("not_mine", "has_account == no"),
        flag("serious", "not_mine or claimed_days > 30"),
        // A cycle that validation would refuse: evaluation must still end.
        flag("loop_a", "loop_b"),
        flag("loop_b", "loop_a"),
    ]
    return CompiledDialog(dialog)
}()

struct EvaluationCase: Sendable, CustomTestStringConvertible {
    var values: [String: SlotValue]
    var condition: String
    var holds: Bool
    var testDescription: String { "\(condition) with \(values.keys.sorted())=\(values.keys.sorted().map { "\(values[$0]!)" })" }
}

private func v(_ values: [String: SlotValue], _ condition: String, _ holds: Bool) -> EvaluationCase {
    EvaluationCase(values: values, condition: condition, holds: holds)
}

private let evaluationCases: [EvaluationCase] = [
    // Never asked: every comparison is false, even `!=`; `is unknown` holds.
    v([:], "has_account == no", false),
    v([:], "has_account != no", false),
    v([:], "has_account", false),
    v([:], "not has_account", true),
    v([:], "has_account is unknown", true),
    v([:], "has_account is known", false),
    // Unknown behaves like never asked.
    v(["has_account": .unknown], "has_account == no", false),
    v(["has_account": .unknown], "has_account != yes", false),
    v(["has_account": .unknown], "has_account is unknown", true),
    v(["has_account": .unknown], "has_account is known", false),
    // `is unsure`: answered "not sure" (or only guessed), not merely never asked.
    v(["has_account": .unknown], "has_account is unsure", true),
    v([:], "has_account is unsure", false),
    v(["has_account": .yes], "has_account is unsure", false),
    v(["has_account": .no], "not has_account is unsure", true),
    // yes/no.
    v(["has_account": .no], "has_account == no", true),
    v(["has_account": .no], "has_account != yes", true),
    v(["has_account": .no], "has_account", false),
    v(["has_account": .yes], "has_account", true),
    v(["has_account": .yes], "has_account in [no]", false),
    v(["has_account": .yes], "has_account is known", true),
    // Multiple choice: `==` means "among them".
    v(["contacts": .choices(["colleagues", "family"])], "contacts == family", true),
    v(["contacts": .choices(["colleagues", "family"])], "contacts != family", false),
    v(["contacts": .choices(["colleagues", "family"])], "contacts != none", true),
    v(["contacts": .choices(["colleagues", "family"])], "contacts in [none, colleagues]", true),
    v(["contacts": .choices(["colleagues"])], "contacts in [none, family]", false),
    v(["channel": .choices(["sms"])], "channel > 3", false),
    // Numbers.
    v(["claimed_days": .number(45)], "claimed_days > 30", true),
    v(["claimed_days": .number(45)], "claimed_days >= 45", true),
    v(["claimed_days": .number(45)], "claimed_days < 45", false),
    v(["claimed_days": .number(45)], "claimed_days <= 45", true),
    v(["claimed_days": .number(45)], "claimed_days == 45", true),
    v(["claimed_days": .number(45)], "claimed_days != 45", false),
    v(["claimed_days": .number(45)], "claimed_days in [10, 45]", true),
    v(["claimed_days": .number(45)], "claimed_days == soon", false),
    // Text: a known value by id, free text folded like input.
    v(["platform": .text("花呗")], "platform == 花呗", true),
    v(["platform": .text("花呗")], "platform != 花呗", false),
    v(["platform": .text("優品商城")], "platform == \"优品商城\"", true),
    v(["platform": .text("优品商城")], "platform == \"小鱼贷\"", false),
    // Flags, through other flags.
    v(["has_account": .no], "serious", true),
    v(["claimed_days": .number(45)], "serious", true),
    v(["claimed_days": .number(10)], "serious", false),
    v(["claimed_days": .number(10)], "not serious", true),
    v(["channel": .choices(["call"]), "has_account": .no], "scam and serious", true),
    v(["channel": .choices(["sms"]), "has_account": .no], "scam or not not_mine", false),
    v([:], "loop_a", false),
    // Precedence at evaluation: a or b and c.
    v(["has_account": .yes], "has_account or channel == sms and has_account == no", true),
    v(["has_account": .yes], "(has_account or channel == sms) and has_account == no", false),
]

@Test(arguments: evaluationCases)
func evaluatesCondition(_ c: EvaluationCase) throws {
    let evaluator = ConditionEvaluator(dialog: compiled, values: c.values)
    #expect(evaluator.holds(try ConditionParser.parse(c.condition)) == c.holds)
}

struct ReasonCase: Sendable, CustomTestStringConvertible {
    var values: [String: SlotValue]
    var condition: String
    var reasons: [String]
    var testDescription: String { condition }
}

private let reasonCases: [ReasonCase] = [
    ReasonCase(values: ["has_account": .no, "contacts": .choices(["family"])],
               condition: "has_account == no and contacts in [family]", reasons: ["has_account", "contacts"]),
    // Only the side of an `or` that holds; flags expanded to their slots, each named once.
    ReasonCase(values: ["has_account": .no, "claimed_days": .number(45)], condition: "serious", reasons: ["has_account", "claimed_days"]),
    ReasonCase(values: ["has_account": .yes, "claimed_days": .number(45)], condition: "serious", reasons: ["claimed_days"]),
    ReasonCase(values: ["has_account": .no], condition: "not_mine or has_account == no", reasons: ["has_account"]),
    // `not`: something that is not so explains nothing the person said, so it gives no reasons.
    ReasonCase(values: ["channel": .choices(["sms"])], condition: "not scam", reasons: []),
    ReasonCase(values: [:], condition: "platform is unknown", reasons: ["platform"]),
]

@Test(arguments: reasonCases)
func namesTheAnswersThatMadeAConditionHold(_ c: ReasonCase) throws {
    let evaluator = ConditionEvaluator(dialog: compiled, values: c.values)
    let condition = try ConditionParser.parse(c.condition)
    #expect(evaluator.holds(condition))
    #expect(evaluator.reasons(condition) == c.reasons)
}

/// The index of which conditions an answer can change never leaves out a condition that holds: for every set of
/// values of the cases above (and their unions), every condition that holds is among the candidates.
@Test func conditionIndexNeverMissesAConditionThatHolds() throws {
    let conditions = try Array(Set(evaluationCases.map(\.condition))).sorted().map { try ConditionParser.parse($0) }
    let index = ConditionIndex(conditions: conditions, slotIndex: compiled.slotIndex, flags: compiled.dialog.flags,
                               flagIndex: compiled.flagIndex)
    let valueSets = evaluationCases.map(\.values)
    var tried = valueSets
    for a in valueSets { for b in valueSets.prefix(12) { tried.append(a.merging(b) { x, _ in x }) } }
    for values in tried {
        let evaluator = ConditionEvaluator(dialog: compiled, values: values)
        let candidates = Set(index.candidates(for: values, slotIndex: compiled.slotIndex))
        for (item, condition) in conditions.enumerated() where evaluator.holds(condition) {
            #expect(candidates.contains(item), "\(condition) holds for \(values) but is not a candidate")
        }
    }
    // With nothing known, exactly the conditions that hold for an empty session.
    let empty = ConditionEvaluator(dialog: compiled, values: [:])
    #expect(index.candidates(for: [:], slotIndex: compiled.slotIndex) == conditions.indices.filter { empty.holds(conditions[$0]) })
}
