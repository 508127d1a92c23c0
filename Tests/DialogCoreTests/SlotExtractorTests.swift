import Testing

@testable import DialogCore

struct ExtractionCase: Sendable, CustomTestStringConvertible {
    var line: String
    /// The slots the assistant has just asked.
    var asked: [String]
    /// Every slot the line fills, and nothing else.
    var values: [String: SlotValue]
    var hedged: Bool
    var testDescription: String { asked.isEmpty ? line : "\(line) (asked \(asked.joined(separator: ", ")))" }
}

private func x(_ line: String, asked: [String] = [], _ values: [String: SlotValue], hedged: Bool = false) -> ExtractionCase {
    ExtractionCase(line: line, asked: asked, values: values, hedged: hedged)
}

private let extractionCases: [ExtractionCase] = [
    // A phrase with a number in it: `#` stands for the quantity, right next to the words around it.
    x("我拖了三个月了", ["overdue": .yes]),
    x("I'm 2 months behind, sorry", ["overdue": .yes]),
    x("im about 45 days behind", ["overdue": .yes]),
    x("aim 2 months behind", [:]),
    x("短信说我拖了三个月了", ["channel": .choices(["sms"])]),
    // yes/no slots: a phrase, its negation, and the longer "no" phrase that contains the "yes" one.
    x("我注册过这个平台", ["has_account": .yes]),
    x("我没注册过", ["has_account": .no]),
    x("我從來沒註冊過", ["has_account": .no]),
    x("我从来没有注册过", ["has_account": .no]),
    x("I never registered", ["has_account": .no]),
    x("I registered there in 2022", ["has_account": .yes]),
    x("I have not registered with them", ["has_account": .no]),
    x("I have an account", ["has_account": .yes]),
    // 没还 is "not repaid"; 还没逾期 is "not overdue yet", and its 还 is not a repayment.
    x("我没还", ["repaid": .no]),
    x("我还没还", ["repaid": .no]),
    x("还没逾期", ["overdue": .no]),
    x("逾期了，但是已经还了", ["overdue": .yes, "repaid": .yes]),
    x("钱早就还清了", ["repaid": .yes]),
    // Reported speech: the sender's claim fills the claimed days, not the person's own admission.
    x("短信说我逾期10天", ["claimed_days": .number(10), "channel": .choices(["sms"])]),
    x("他们称我超期十五天了", ["claimed_days": .number(15)]),
    x("短信说我逾期了，其实我没逾期", ["overdue": .no, "channel": .choices(["sms"])]),
    x("我确实逾期了", ["overdue": .yes]),
    x("The text says I'm 15 days overdue", ["claimed_days": .number(15)]),
    // Choice synonyms in every language.
    x("收到一条短信", ["channel": .choices(["sms"])]),
    x("我收到一則簡訊", ["channel": .choices(["sms"])]),
    x("他們打電話給我", ["channel": .choices(["call"])]),
    x("I got a text message", ["channel": .choices(["sms"])]),
    x("They phoned me twice", ["channel": .choices(["call"])]),
    x("不是短信，是电话", ["channel": .choices(["call"])]),
    // Multiple choice: every value mentioned, negated ones dropped.
    x("没有打给我家人，打给了同事", ["contacts": .choices(["colleagues"])]),
    x("打给了我父母和领导", ["contacts": .choices(["colleagues", "family"])]),
    x("他們打給我爸媽跟上司", ["contacts": .choices(["colleagues", "family"])]),
    x("They called my parents and my boss", ["contacts": .choices(["colleagues", "family"])]),
    x("They didn't call my family, only a coworker", ["contacts": .choices(["colleagues"])]),
    // Numbers with a cue in the same clause, converted to the slot's unit.
    x("逾期十五天", ["overdue": .yes, "claimed_days": .number(15)]),
    x("逾期两个月", ["overdue": .yes, "claimed_days": .number(60)]),
    x("超期一年了", ["claimed_days": .number(365)]),
    x("欠了一千二百元", ["amount": .number(1200)]),
    x("欠款1,200元", ["amount": .number(1200)]),
    x("要还￥800", ["amount": .number(800)]),
    x("逾期十五天，欠一千二百元", ["overdue": .yes, "claimed_days": .number(15), "amount": .number(1200)]),
    // No cue, not asked: a number alone means nothing.
    x("十五天", [:]),
    x("15", [:]),
    // Asked: a bare number or a number of a fitting unit is the answer.
    x("15", asked: ["claimed_days"], ["claimed_days": .number(15)]),
    x("大概两周", asked: ["claimed_days"], ["claimed_days": .number(14)]),
    x("800块", asked: ["amount"], ["amount": .number(800)]),
    x("3k", asked: ["amount"], ["amount": .number(3000)]),
    // Text: brackets, a suffix, a known value by any of its phrases.
    x("【优品商城】尊敬的用户，您已逾期", ["platform": .text("优品商城"), "overdue": .yes]),
    x("我在优品商城买过东西", ["platform": .text("优品商城")]),
    x("收到優(yōu)品商城的短信", ["platform": .text("優(yōu)品商城"), "channel": .choices(["sms"])]),
    x("是蚂蚁花呗的", ["platform": .text("花呗")]),
    x("I use Ant Credit Pay", ["platform": .text("花呗")]),
    x("【小鱼钱包】", ["platform": .text("小鱼钱包")]),
    x("小鱼贷", asked: ["platform"], ["platform": .text("小鱼贷")]),
    x("  「小鱼贷」。 ", asked: ["platform"], ["platform": .text("小鱼贷")]),
    // The whole line is the name only when it said nothing else.
    x("他们还打给了我同事", asked: ["platform"], ["contacts": .choices(["colleagues"])]),
    x("是的", asked: ["platform"], [:]),
    // A bare yes or no answers only the slot just asked.
    x("是的", asked: ["has_account"], ["has_account": .yes]),
    x("嗯", asked: ["has_account"], ["has_account": .yes]),
    x("係", asked: ["has_account"], ["has_account": .yes]),
    x("yes", asked: ["has_account"], ["has_account": .yes]),
    x("不是", asked: ["has_account"], ["has_account": .no]),
    x("沒有", asked: ["repaid"], ["repaid": .no]),
    x("nope", asked: ["has_account"], ["has_account": .no]),
    x("是的", [:]),
    x("是的，收到的是短信", asked: ["has_account"], ["has_account": .yes, "channel": .choices(["sms"])]),
    x("没有", asked: ["contacts"], ["contacts": .choices(["none"])]),
    // A question is not an answer.
    x("是不是诈骗？", asked: ["has_account"], [:]),
    x("是诈骗吗", asked: ["has_account"], [:]),
    // "no" is not inside "notice"; "yes" is not inside "eyes".
    x("I got a notice", asked: ["has_account"], [:]),
    x("my eyes", asked: ["has_account"], [:]),
    // Hedges mark the asked slot unknown (the engine does that when `hedged` is set).
    x("不知道", asked: ["platform"], [:], hedged: true),
    x("不清楚是哪个平台", asked: ["platform"], [:], hedged: true),
    x("I'm not sure", asked: ["platform"], [:], hedged: true),
    x("不曉得", asked: ["claimed_days"], [:], hedged: true),
    x("记不清了", asked: ["has_account"], [:], hedged: true),
    x("不知道", asked: ["has_account"], [:], hedged: true),
    // A clause-opening "no" before a subject is the answer, not a negation of what follows: a yes phrase that is
    // itself negative ("haven't paid" means overdue) keeps its meaning. Before anything else it still negates.
    x("no I haven't paid", ["overdue": .yes, "repaid": .no]),
    x("no, they haven't paid", ["overdue": .yes, "repaid": .no]),
    x("no calls", [:]),
    x("no overdue", ["overdue": .no]),
    // A claim goes on past a comma into a clause without a subject of its own; the person, a break word or the end of
    // a sentence stops it.
    x("短信说我欠3000，已经逾期了", ["amount": .number(3000), "channel": .choices(["sms"])]),
    x("短信说我欠3000，我确实逾期了", ["amount": .number(3000), "channel": .choices(["sms"]), "overdue": .yes]),
    x("短信说我欠3000，可我确实逾期了", ["amount": .number(3000), "channel": .choices(["sms"]), "overdue": .yes]),
    x("短信说我欠3000，但是逾期了", ["amount": .number(3000), "channel": .choices(["sms"]), "overdue": .yes]),
    x("短信说我欠3000。逾期了", ["amount": .number(3000), "channel": .choices(["sms"]), "overdue": .yes]),
    x("they said I owe 3000, overdue", ["amount": .number(3000)]),
    x("they said I owe 3000, I'm overdue", ["amount": .number(3000), "overdue": .yes]),
    // A reported-speech cue that shares its last character with the phrase still reports it: "他还|还了" is his.
    x("他还了一部分", [:]),
    x("我还了", ["repaid": .yes]),
    // The longest phrase hides shorter ones of every slot, but a number's cue only within its own slot: "owe them"
    // (overdue) leaves the amount's cue "owe".
    x("I owe them 4500", ["overdue": .yes, "amount": .number(4500)]),
    // A worry or a condition of the person's own fills nothing to the end of its clause (a negation would turn a
    // yes into a no); inside reported speech it is the sender's, and cancels nothing.
    x("怕他们找我家人", [:]),
    x("会不会算逾期", [:]),
    x("if I'm late", [:]),
    x("I'm late, if that matters", ["overdue": .yes]),
    x("如果他们找我家人，我就报警", [:]),
    x("他们已经找了我家人，如果再找同事怎么办", ["contacts": .choices(["family"])]),
    x("催收说要是拖着就找我家人", ["contacts": .choices(["family"])]),
    // A bracketed sender that is an authority or a number is not a lender.
    x("【优品商城】您已逾期", ["platform": .text("优品商城"), "overdue": .yes]),
    x("【法院通知】", [:]),
    x("【12368】", [:]),
    // A name after a cue: Chinese up to a function word, English one word and the capitalised ones after it.
    x("有一个叫闪电借的平台", ["platform": .text("闪电借")]),
    x("一个叫“速贷王”app发的短信", ["platform": .text("速贷王"), "channel": .choices(["sms"])]),
    x("an app called Cash Now Pro and they", ["platform": .text("Cash Now Pro")]),
    x("an app called cashnow phoned me", ["platform": .text("cashnow"), "channel": .choices(["call"])]),
    x("a lender named the", [:]),
    x("一个叫我", [:]),
    // A known name wins over a captured one.
    x("一个叫花呗的", ["platform": .text("花呗")]),
    // A name typed alone, when asked, without the words around it.
    x("就是闪电借", asked: ["platform"], ["platform": .text("闪电借")]),
    x("闪电借这个app", asked: ["platform"], ["platform": .text("闪电借")]),
    x("it's QuickCash", asked: ["platform"], ["platform": .text("QuickCash")]),
    x("是的", asked: ["platform"], [:]),
]

@Test(arguments: extractionCases)
func extractsSlots(_ c: ExtractionCase) {
    let compiled = ExtractionDialog.compiled
    let asked = c.asked.map { compiled.slotIndex[$0]! }
    let extraction = SlotExtractor(compiled: compiled).extract(TextNormalizer.normalize(c.line), asked: asked)
    let found = extraction.values.map { (compiled.dialog.slots[$0.slot].id, $0.value) }
    let values = Dictionary(found, uniquingKeysWith: { _, last in last })
    #expect(values == c.values)
    #expect(found.count == values.count, "a slot was filled twice: \(found)")
    #expect(extraction.hedged == c.hedged)
}

@Test func convertsQuantitiesToTheSlotsUnit() {
    func convert(_ value: Double, _ unit: QuantityUnit, to slotUnit: Slot.Unit) -> Double? {
        NumberFilling.convert(Quantity(value: value, unit: unit, range: 0..<1), to: slotUnit)
    }
    #expect(convert(2, .week, to: .days) == 14)
    #expect(convert(2, .month, to: .days) == 60)
    #expect(convert(1, .year, to: .days) == 365)
    #expect(convert(800, .yuan, to: .days) == nil)
    #expect(convert(1, .year, to: .months) == 12)
    #expect(convert(60, .day, to: .months) == 2)
    #expect(convert(800, .yuan, to: .yuan) == 800)
    #expect(convert(3, .day, to: .yuan) == nil)
    #expect(convert(6, .installment, to: .count) == 6)
    #expect(convert(6, .none, to: .count) == 6)
    #expect(convert(6, .day, to: .count) == nil)
}

@Test func anAnnouncedActionIsNeitherDoneNorDenied() {
    let compiled = ExtractionDialog.compiled
    for line in ["他们扬言要告诉我家人", "催收将会联系家人", "they will call my family", "they are going to phone my boss"] {
        let extraction = SlotExtractor(compiled: compiled).extract(TextNormalizer.normalize(line), asked: [compiled.slotIndex["contacts"]!])
        #expect(extraction.values.isEmpty, "\(line)")
        #expect(extraction.denied.isEmpty, "\(line)")
    }
    // A negation still denies: "没打给我家人" takes back "family".
    let denied = SlotExtractor(compiled: compiled).extract(TextNormalizer.normalize("没打给我家人"), asked: [])
    #expect(Set(denied.denied.map(\.value)) == ["family"])
}

@Test func copulaIsNotABareYes() {
    let compiled = ExtractionDialog.compiled
    let extraction = SlotExtractor(compiled: compiled)
        .extract(TextNormalizer.normalize("收到的是短信"), asked: [compiled.slotIndex["has_account"]!])
    let values = Dictionary(extraction.values.map { (compiled.dialog.slots[$0.slot].id, $0.value) }, uniquingKeysWith: { _, b in b })
    #expect(values == ["channel": .choices(["sms"])])
}

/// A comma or point between digits is part of a number, not the end of a clause: what a reported-speech word covers
/// goes on past "1,580.00".
@Test func aSeparatorInsideANumberDoesNotEndTheClause() {
    let scalars = Array("says 1,580.00 overdue. ok, 2".unicodeScalars)
    let ends = scalars.indices.filter { Clauses.endsClause(scalars, at: $0) }
    #expect(ends.map { scalars[$0] } == [".", ","])
    #expect(ends == [21, 25])
}

/// A correction word, or a denied choice, is what lets a line change an answer given earlier to another question
/// (the engine decides; the extractor reports).
@Test func reportsCorrectionWordsAndDeniedChoices() {
    let compiled = ExtractionDialog.compiled
    func extract(_ line: String) -> SlotExtractor.Extraction {
        SlotExtractor(compiled: compiled).extract(TextNormalizer.normalize(line), asked: [])
    }
    let channel = compiled.slotIndex["channel"]!
    #expect(extract("其实是电话").corrects)
    #expect(extract("其實是電話").corrects)
    #expect(extract("it was a call actually").corrects)
    #expect(!extract("他们打电话给我").corrects)
    let denial = extract("不是短信，是电话")
    #expect(!denial.corrects)
    #expect(denial.denies(.choices(["sms"]), of: channel))
    #expect(!denial.denies(.choices(["call"]), of: channel))
    #expect(!extract("短信").denies(.choices(["sms"]), of: channel))
}

/// "逾期5天，金额不知道": a clause that is only a hedge (with perhaps the cue naming what it is about) covers the
/// asked slots the rest of the line left empty; a hedge beside a value ("大概3000") does not.
@Test func aClauseThatIsOnlyAHedgeCoversTheRest() {
    let compiled = ExtractionDialog.compiled
    let asked = [compiled.slotIndex["claimed_days"]!, compiled.slotIndex["amount"]!]
    func extract(_ line: String) -> SlotExtractor.Extraction {
        SlotExtractor(compiled: compiled).extract(TextNormalizer.normalize(line), asked: asked)
    }
    #expect(extract("逾期5天，金额不知道").hedgesTheRest)
    #expect(extract("逾期5天，不清楚").hedgesTheRest)
    #expect(extract("overdue 5 days, not sure").hedgesTheRest)
    #expect(!extract("不知道欠3000还是5000").hedgesTheRest)
    #expect(!extract("逾期5天").hedgesTheRest)
}
