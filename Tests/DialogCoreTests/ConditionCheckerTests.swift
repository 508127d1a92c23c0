import Testing

@testable import DialogCore

private let label = LocalizedText(["en": "x"])

private let checker = ConditionChecker(
    slots: [
        Slot(id: "has_account", kind: .yesno, label: label),
        Slot(id: "channel", kind: .choice, label: label, values: [
            Slot.Value(id: "sms", label: label, synonyms: PhraseList()),
            Slot.Value(id: "call", label: label, synonyms: PhraseList()),
        ]),
        Slot(id: "contacts", kind: .choice, label: label, multiple: true, values: [
            Slot.Value(id: "family", label: label, synonyms: PhraseList()),
            Slot.Value(id: "colleagues", label: label, synonyms: PhraseList()),
        ]),
        Slot(id: "days", kind: .number, label: label, unit: .days),
        Slot(id: "platform", kind: .text, label: label, values: [Slot.Value(id: "花呗", label: nil, synonyms: PhraseList())]),
    ],
    flags: ["scam", "not_my_debt"])

struct CheckCase: Sendable, CustomTestStringConvertible {
    var source: String
    var errors: [ConditionError]
    var testDescription: String { source }
}

private func e(_ message: String, _ offset: Int) -> ConditionError { ConditionError(message, offset: offset) }

private let checkCases: [CheckCase] = [
    // Well-typed conditions.
    CheckCase(source: "has_account == no and not scam or days >= 30", errors: []),
    CheckCase(source: "has_account or not_my_debt", errors: []),
    CheckCase(source: "channel in [sms, call] and contacts == family", errors: []),
    CheckCase(source: "platform == 花呗 or platform == \"优品商城\" or platform is unknown", errors: []),
    CheckCase(source: "days != 0 and days < 7.5 and channel is known", errors: []),
    // Unknown names, wherever they stand.
    CheckCase(source: "ghost", errors: [e("`ghost` is neither a slot nor a flag; define it under `slots:` or `flags:`, or fix the spelling", 0)]),
    CheckCase(source: "has_account == no and ghost == yes",
              errors: [e("`ghost` is neither a slot nor a flag; define it under `slots:` or `flags:`, or fix the spelling", 22)]),
    CheckCase(source: "not (gohst in [a])", errors: [e("`gohst` is neither a slot nor a flag; define it under `slots:` or `flags:`, or fix the spelling", 5)]),
    CheckCase(source: "ghost is known", errors: [e("`ghost` is neither a slot nor a flag; define it under `slots:` or `flags:`, or fix the spelling", 0)]),
    // Wrong values: the offset is the value's.
    CheckCase(source: "has_account == maybe", errors: [e("`has_account` is a yes/no slot: compare it with `yes` or `no`, not `maybe`", 15)]),
    CheckCase(source: "has_account in [yes, 1]", errors: [e("`has_account` is a yes/no slot: compare it with `yes` or `no`, not `1`", 21)]),
    CheckCase(source: "channel == fax", errors: [e("`fax` is not a value of `channel`; its values are `sms`, `call`", 11)]),
    CheckCase(source: "contacts in [family, boss]", errors: [e("`boss` is not a value of `contacts`; its values are `family`, `colleagues`", 21)]),
    CheckCase(source: "days == soon", errors: [e("`days` is a number slot: compare it with a number, not `soon`", 8)]),
    CheckCase(source: "days > \"30\"", errors: [e("`days` is a number slot: compare it with a number, not `30`", 7)]),
    CheckCase(source: "platform == 优品商城", errors: [e("`优品商城` is not a known value of `platform`; add it under `known:` or quote it as free text", 12)]),
    // Ordering comparisons are for numbers only.
    CheckCase(source: "channel > 3", errors: [e("`>` compares numbers, but `channel` is a choice slot", 0)]),
    CheckCase(source: "days > 3 or has_account <= 1", errors: [e("`<=` compares numbers, but `has_account` is a yesno slot", 12)]),
    // Flags are used alone.
    CheckCase(source: "scam == yes", errors: [e("`scam` is a flag: write `scam` or `not scam` instead of comparing it", 0)]),
    CheckCase(source: "not_my_debt in [yes]", errors: [e("`not_my_debt` is a flag; `in` needs a slot", 0)]),
    CheckCase(source: "scam is known", errors: [e("`scam` is a flag and is always known; use `scam` or `not scam`", 0)]),
    // Only yes/no slots stand alone.
    CheckCase(source: "channel", errors: [e("`channel` is a choice slot, so it cannot stand alone; compare it, e.g. `channel == …` or `channel is known`", 0)]),
    CheckCase(source: "scam and days", errors: [e("`days` is a number slot, so it cannot stand alone; compare it, e.g. `days == …` or `days is known`", 9)]),
    // Every error is reported, in order.
    CheckCase(source: "ghost or channel == fax", errors: [
        e("`ghost` is neither a slot nor a flag; define it under `slots:` or `flags:`, or fix the spelling", 0),
        e("`fax` is not a value of `channel`; its values are `sms`, `call`", 20),
    ]),
]

@Test(arguments: checkCases)
func typeChecksCondition(_ c: CheckCase) throws {
    let condition = try ConditionParser.parse(c.source)
    #expect(checker.check(condition) == c.errors)
}
