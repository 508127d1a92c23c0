import Testing
@testable import DialogCore

/// The ways people name one step of the advice, and lines that look like it but are not: a number alone opens a
/// step only once the questions are over (before that it may answer one), and a number with another unit is no step.
@Test(arguments: [
    ("第2步", false, 2), ("第二步", false, 2), ("第十二步", false, 12), ("第２步", false, 2), ("第 3 步", false, 3),
    ("步骤3", false, 3), ("看第3条", false, 3), ("第4项", false, 4), ("第2步怎么做", false, 2), ("第2步。", false, 2),
    ("step 2", false, 2), ("Step two", false, 2), ("open step 4", false, 4), ("#3", false, 3), ("step 5 details", false, 5),
    ("2", true, 2), ("二", true, 2), ("10", true, 10),
] as [(String, Bool, Int)])
func aStepIsNamedByItsNumber(_ line: String, _ bare: Bool, _ number: Int) {
    #expect(StepRequest.number(in: TextNormalizer.normalize(line), bare: bare) == number)
}

@Test(arguments: [
    ("2", false), ("二", false), ("第0步", false), ("step 100", false), ("2个月", true), ("第2期", false),
    ("逾期第2步", false), ("02", true), ("step", false), ("第步", false), ("我逾期2个月了", true),
] as [(String, Bool)])
func aLineThatOnlyLooksLikeAStepIsNone(_ line: String, _ bare: Bool) {
    #expect(StepRequest.number(in: TextNormalizer.normalize(line), bare: bare) == nil)
}
