import Testing

@testable import DialogCore

struct ParseCase: Sendable, CustomTestStringConvertible {
    var source: String
    var expected: Condition
    var testDescription: String { source }
}

private func name(_ n: String, _ offset: Int) -> Condition { .name(n, offset: offset) }

private func compare(_ n: String, _ op: Condition.Comparison, _ literal: Condition.Literal, _ offset: Int, _ literalOffset: Int) -> Condition {
    .compare(n, op, literal, offset: offset, literalOffset: literalOffset)
}

private let parseCases: [ParseCase] = [
    // `and` binds tighter than `or`, both associate to the left.
    ParseCase(source: "a or b and c", expected: .or(name("a", 0), .and(name("b", 5), name("c", 11)))),
    ParseCase(source: "a and b or c", expected: .or(.and(name("a", 0), name("b", 6)), name("c", 11))),
    ParseCase(source: "a or b or c", expected: .or(.or(name("a", 0), name("b", 5)), name("c", 10))),
    ParseCase(source: "a and b and c", expected: .and(.and(name("a", 0), name("b", 6)), name("c", 12))),
    // `not` binds tighter than `and`; parentheses override.
    ParseCase(source: "not a and b", expected: .and(.not(name("a", 4)), name("b", 10))),
    ParseCase(source: "not (a or b)", expected: .not(.or(name("a", 5), name("b", 10)))),
    ParseCase(source: "(a or b) and c", expected: .and(.or(name("a", 1), name("b", 6)), name("c", 13))),
    ParseCase(source: "not not a", expected: .not(.not(name("a", 8)))),
    ParseCase(source: "((a))", expected: name("a", 2)),
    // Comparisons.
    ParseCase(source: "has_account == no", expected: compare("has_account", .equal, .word("no"), 0, 15)),
    ParseCase(source: "purchase != yes", expected: compare("purchase", .notEqual, .word("yes"), 0, 12)),
    ParseCase(source: "days > 30", expected: compare("days", .greater, .number(30), 0, 7)),
    ParseCase(source: "days>=1.5", expected: compare("days", .greaterOrEqual, .number(1.5), 0, 6)),
    ParseCase(source: "days<=30", expected: compare("days", .lessOrEqual, .number(30), 0, 6)),
    ParseCase(source: "days < 7", expected: compare("days", .less, .number(7), 0, 7)),
    ParseCase(source: "balance == -3", expected: compare("balance", .equal, .number(-3), 0, 11)),
    ParseCase(source: "has_account == no and purchase != yes",
              expected: .and(compare("has_account", .equal, .word("no"), 0, 15), compare("purchase", .notEqual, .word("yes"), 22, 34))),
    // Quoted strings keep spaces and keywords; both quote marks work.
    ParseCase(source: "platform == \"优品 商城\"", expected: compare("platform", .equal, .string("优品 商城"), 0, 12)),
    ParseCase(source: "platform != 'and or'", expected: compare("platform", .notEqual, .string("and or"), 0, 12)),
    // Chinese words are names and values; offsets count characters, not bytes.
    ParseCase(source: "平台 == 花呗", expected: compare("平台", .equal, .word("花呗"), 0, 6)),
    ParseCase(source: "已注册 and not 逾期", expected: .and(name("已注册", 0), .not(name("逾期", 12)))),
    // Membership.
    ParseCase(source: "channel in [sms, call]",
              expected: .member("channel", [.word("sms"), .word("call")], offset: 0, literalOffsets: [12, 17])),
    ParseCase(source: "days in [1,2.5, \"x\"]",
              expected: .member("days", [.number(1), .number(2.5), .string("x")], offset: 0, literalOffsets: [9, 11, 16])),
    ParseCase(source: "contacts in [家人]", expected: .member("contacts", [.word("家人")], offset: 0, literalOffsets: [13])),
    // Known / unknown.
    ParseCase(source: "platform is unknown", expected: .known("platform", isKnown: false, offset: 0)),
    ParseCase(source: "channel is known", expected: .known("channel", isKnown: true, offset: 0)),
    ParseCase(source: "overdue is unsure", expected: .unsure("overdue", offset: 0)),
    ParseCase(source: "not x is known or y",
              expected: .or(.not(.known("x", isKnown: true, offset: 4)), name("y", 18))),
    // Names with `-` and digits; surrounding spaces.
    ParseCase(source: "  step-2_ok  ", expected: name("step-2_ok", 2)),
]

@Test(arguments: parseCases)
func parsesCondition(_ c: ParseCase) throws {
    #expect(try ConditionParser.parse(c.source) == c.expected)
}

struct ParseErrorCase: Sendable, CustomTestStringConvertible {
    var source: String
    var error: ConditionError
    var testDescription: String { source }
}

private let errorCases: [ParseErrorCase] = [
    ParseErrorCase(source: "a ==", error: ConditionError("expected a value, found the end of the condition", offset: 4)),
    ParseErrorCase(source: "a = b", error: ConditionError("`=` is not a comparison: write `==`", offset: 2)),
    ParseErrorCase(source: "a in b", error: ConditionError("expected `[` after `in`, as in `a in [a, b]`", offset: 5)),
    ParseErrorCase(source: "(a", error: ConditionError("expected `)` to close the `(` at column 1", offset: 2)),
    ParseErrorCase(source: "x and (a or b", error: ConditionError("expected `)` to close the `(` at column 7", offset: 13)),
    ParseErrorCase(source: "a b", error: ConditionError("unexpected `b` after a complete condition; join conditions with `and` or `or`", offset: 2)),
    ParseErrorCase(source: "a)", error: ConditionError("unexpected `)` after a complete condition; join conditions with `and` or `or`", offset: 1)),
    ParseErrorCase(source: "!a", error: ConditionError("`!` is not an operator here: write `not` or `!=`", offset: 0)),
    ParseErrorCase(source: "a == \"abc", error: ConditionError("this quoted string is never closed", offset: 5)),
    ParseErrorCase(source: "平台 == '花呗", error: ConditionError("this quoted string is never closed", offset: 6)),
    ParseErrorCase(source: "", error: ConditionError("the condition ends too early: expected a slot or flag name", offset: 0)),
    ParseErrorCase(source: "a and", error: ConditionError("the condition ends too early: expected a slot or flag name", offset: 5)),
    ParseErrorCase(source: "and", error: ConditionError("expected a slot or flag name, found `and`", offset: 0)),
    ParseErrorCase(source: "a == and", error: ConditionError("expected a value, found `and`", offset: 5)),
    ParseErrorCase(source: "a in [x, ]", error: ConditionError("expected a value, found `]`", offset: 9)),
    ParseErrorCase(source: "a in [x y]", error: ConditionError("expected `,` or `]` in the list after `in`", offset: 8)),
    ParseErrorCase(source: "a in [x", error: ConditionError("expected `,` or `]` in the list after `in`", offset: 7)),
    ParseErrorCase(source: "a is maybe", error: ConditionError("expected `unknown`, `known` or `unsure` after `is`", offset: 5)),
    ParseErrorCase(source: "a == b;", error: ConditionError("unexpected character `;`", offset: 6)),
    ParseErrorCase(source: "平台 ＝＝ 花呗", error: ConditionError("unexpected character `＝`", offset: 3)),
    ParseErrorCase(source: "a == 1.2.3", error: ConditionError("`1.2.3` is not a number", offset: 5)),
]

@Test(arguments: errorCases)
func reportsSyntaxErrorWithOffset(_ c: ParseErrorCase) {
    #expect(throws: c.error) { try ConditionParser.parse(c.source) }
}

@Test func namesListsEveryMentionWithItsOffset() throws {
    let condition = try ConditionParser.parse("a == yes or not (b in [x] and c is known)")
    #expect(condition.names.map(\.name) == ["a", "b", "c"])
    #expect(condition.names.map(\.offset) == [0, 17, 30])
}

@Test func literalTextPrintsWholeNumbersWithoutAFraction() {
    #expect(Condition.Literal.number(30).text == "30")
    #expect(Condition.Literal.number(1.5).text == "1.5")
    #expect(Condition.Literal.word("yes").text == "yes")
    #expect(Condition.Literal.string("优品 商城").text == "优品 商城")
}
