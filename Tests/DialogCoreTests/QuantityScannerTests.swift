import Testing

import DialogCore

/// The part of a `Quantity` a case checks: value, unit, approximate or not.
struct ExpectedQuantity: Sendable, Equatable, CustomStringConvertible {
    var value: Double
    var unit: QuantityUnit
    var approximate: Bool

    init(_ value: Double, _ unit: QuantityUnit, _ approximate: Bool = false) {
        self.value = value
        self.unit = unit
        self.approximate = approximate
    }

    init(_ quantity: Quantity) {
        self.init(quantity.value, quantity.unit, quantity.isApproximate)
    }

    func matches(_ quantity: Quantity) -> Bool {
        abs(quantity.value - value) < 1e-6 && quantity.unit == unit && quantity.isApproximate == approximate
    }

    var description: String { "\(value) \(unit.rawValue)\(approximate ? " ~" : "")" }
}

struct QuantityCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: [ExpectedQuantity]
    var testDescription: String { text }
}

private func q(_ value: Double, _ unit: QuantityUnit, _ approximate: Bool = false) -> ExpectedQuantity {
    ExpectedQuantity(value, unit, approximate)
}

private func c(_ text: String, _ expected: ExpectedQuantity...) -> QuantityCase {
    QuantityCase(text: text, expected: expected)
}

/// Lines as the normaliser hands them over: simplified, half-width, lower case, ASCII punctuation.
private let cases: [QuantityCase] = [
    // Thousands in groups of three with a space; English multipliers; other currencies (understand12)
    c("欠了3 000元", q(3000, .yuan)),
    c("欠了12 500", q(12500, .none)),
    c("验证码483 920", q(483, .none), q(920, .none)),
    c("欠了483 920元", q(483920, .yuan)),
    c("i owe 3 million rupiah", q(3_000_000, .foreign)),
    c("i owe 1.5 million", q(1_500_000, .none)),
    c("欠5万日元", q(50000, .foreign)),
    c("欠2000港币", q(2000, .foreign)),
    c("欠了2000元港币", q(2000, .foreign)),
    c("欠五千蚊", q(5000, .none)),
    c("3 months", q(3, .month)),
    // Durations
    c("短信说我逾期十五天了", q(15, .day)),
    c("已经逾期15天了", q(15, .day)),
    c("15日", q(15, .day)),
    c("逾期一天", q(1, .day)),
    c("逾期两个多月", q(2, .month, true)),
    c("一个多月没还了", q(1, .month, true)),
    c("两个月", q(2, .month)),
    c("俩月没还", q(2, .month)),
    c("仨月了", q(3, .month)),
    c("3个月", q(3, .month)),
    c("三周", q(3, .week)),
    c("两个星期", q(2, .week)),
    c("两个礼拜了", q(2, .week)),
    c("一年多", q(1, .year, true)),
    c("两年", q(2, .year)),
    c("半年", q(0.5, .year)),
    c("一年半", q(1.5, .year)),
    c("大半年没还", q(0.75, .year, true)),
    c("半个月", q(0.5, .month)),
    c("一个半月", q(1.5, .month)),
    c("十几天", q(15, .day, true)),
    c("二十多天", q(20, .day, true)),
    c("三五天", q(4, .day, true)),
    c("七八天", q(7.5, .day, true)),
    c("十七八天", q(17.5, .day, true)),
    c("一两天", q(1.5, .day, true)),
    c("好几天", q(3, .day, true)),
    c("十来天", q(10, .day, true)),
    c("快一年了", q(1, .year, true)),
    c("大概三个月", q(3, .month, true)),
    c("差不多有两个月", q(2, .month, true)),
    c("个把月", q(1, .month, true)),
    c("3-5天", q(4, .day, true)),
    c("三到五个工作日", q(4, .day, true)),
    c("逾期三期", q(3, .installment)),
    c("分12期还", q(12, .installment)),
    // Amounts
    c("欠了一千二百元", q(1200, .yuan)),
    c("1,200元", q(1200, .yuan)),
    c("1,200.50元", q(1200.5, .yuan)),
    c("¥800", q(800, .yuan)),
    c("￥800", q(800, .yuan)),
    c("800块钱", q(800, .yuan)),
    c("800元钱", q(800, .yuan)),
    c("人民币5000元", q(5000, .yuan)),
    c("约800元", q(800, .yuan, true)),
    c("三块五", q(3.5, .yuan)),
    c("两万块", q(20000, .yuan)),
    c("1.5万元", q(15000, .yuan)),
    c("一千零五十块", q(1050, .yuan)),
    c("壹仟贰佰元", q(1200, .yuan)),
    c("几百块", q(500, .yuan, true)),
    c("零元", q(0, .yuan)),
    // Numbers with no unit
    c("一千二", q(1200, .none)),
    c("一万五", q(15000, .none)),
    c("欠了两万三", q(23000, .none)),
    c("三千五", q(3500, .none)),
    c("十五", q(15, .none)),
    c("二十", q(20, .none)),
    c("一百二", q(120, .none)),
    c("1.2万", q(12000, .none)),
    c("1.2w", q(12000, .none)),
    c("我借了1w2", q(12000, .none)),
    c("8k", q(8000, .none)),
    c("3.5k", q(3500, .none)),
    c("都3k多了", q(3000, .none, true)),
    c("借了5000多", q(5000, .none, true)),
    c("二十多万", q(200_000, .none, true)),
    c("两三千", q(2500, .none, true)),
    c("好几万", q(30000, .none, true)),
    c("一亿", q(100_000_000, .none)),
    c("打12378投诉", q(12378, .none)),
    c("12315", q(12315, .none)),
    c("一直在催,每天打二十多次", q(20, .none, true)),
    // Several in one line
    c("逾期3个月,欠了两万三", q(3, .month), q(23000, .none)),
    c("借款3000,逾期45天", q(3000, .none), q(45, .day)),
    c("3天,1000元", q(3, .day), q(1000, .yuan)),
    c("2026年3月借了5000", q(5000, .none)),
    // English
    c("it's 15 days overdue, 1,200 yuan", q(15, .day), q(1200, .yuan)),
    c("2 months", q(2, .month)),
    c("3 weeks", q(3, .week)),
    c("1 year", q(1, .year)),
    c("800 yuan", q(800, .yuan)),
    c("rmb 800", q(800, .yuan)),
    c("800rmb", q(800, .yuan)),
    c("fifteen days", q(15, .day)),
    c("two months", q(2, .month)),
    c("a month ago", q(1, .month)),
    c("twenty five days", q(25, .day)),
    c("about 2 months", q(2, .month, true)),
    c("a few days", q(3, .day, true)),
    c("half a year", q(0.5, .year)),
    // Clock times for night calls
    c("晚上十一点打电话", q(23, .hour)),
    c("凌晨两点", q(2, .hour)),
    c("23:30还在打", q(23.5, .hour)),
    c("晚上11:30", q(23.5, .hour)),
    c("11pm", q(23, .hour)),
    c("夜里十二点", q(0, .hour)),
    c("十一点半", q(11.5, .hour)),
    c("下午3点", q(15, .hour)),
    c("3点多", q(3, .hour, true)),
    // Dates, phone numbers, ids: nothing
    c("i paid it on the 5th"),
    c("the 2nd time they called, then the 3rd"),
    c("my id last 4 number correct"),
    c("the first 6 digits"),
    c("上个月5号到期的"),
    c("十五号还款"),
    c("11月5号"),
    c("2026-11-24"),
    c("2026/11/24"),
    c("2026年11月24日"),
    c("每月15日还款"),
    c("3月借的"),
    c("去年3月份"),
    c("我的手机号13812345678"),
    c("+86 138 1234 5678"),
    c("6222 0212 3456 7890"),
    c("400-820-8820"),
    c("身份证号11010519491231002x"),
    // Words that contain numerals
    c("千万别转账"),
    c("第一次"),
    c("第3期"),
    c("等一下"),
    c("一直打电话"),
    c("一样的"),
    c("一起"),
    c("一定要还"),
    c("一些"),
    c("一般"),
    c("统一"),
    c("万一是诈骗呢"),
    c("一旦"),
    c("唯一"),
    c("十分生气"),
    c("百度一下"),
    c("三星手机"),
    c("扫二维码"),
    c("五一假期"),
    c("一点都不想"),
    c("一块去"),
    c("三个人"),
    c("三十岁"),
    c("两个小时"),
    c("十分钟"),
    c("逾期m2了"),
    c("大半夜打电话"),
    c("收拾东西"),
    c("三天两头打电话"),
    c("一天到晚催"),
    c("一五一十地说了"),
    c("乱七八糟的短信"),
    c("一二三四五"),
    // More phrasings
    c("逾期十天半个月了", q(12.5, .day, true)),
    c("一年半载", q(1, .year, true)),
    c("两个半月", q(2.5, .month)),
    c("二三十天", q(25, .day, true)),
    c("三四十万", q(350_000, .none, true)),
    c("一万零五", q(10005, .none)),
    c("2万5", q(25000, .none)),
    c("上万元", q(10000, .yuan, true)),
    c("3000左右", q(3000, .none, true)),
    c("欠款¥1,234.56", q(1234.56, .yuan)),
    c("二零二六年三月"),
    c("打一一零", q(110, .none)),
    c("逾期 15 天", q(15, .day)),
    c("还剩两期", q(2, .installment)),
    c("晚上10点以后还打", q(22, .hour)),
    c("一点钟", q(1, .hour)),
    c("夜里1点多", q(1, .hour, true)),
    c("12345678元", q(12_345_678, .yuan)),
    c("1234567"),
    c("最近三个月", q(3, .month)),
    c("近三个月", q(3, .month, true)),
    c("三十多岁"),
    c("80年代"),
    c("一年级"),
    c("三周年"),
    c("v1.2.3"),
]

@Suite struct QuantityScannerTests {
    @Test(arguments: cases)
    func scans(_ testCase: QuantityCase) {
        let found = QuantityScanner.scan(Array(testCase.text.unicodeScalars))
        let ok = found.count == testCase.expected.count && zip(found, testCase.expected).allSatisfy { $1.matches($0) }
        #expect(ok, "\(testCase.text): got \(found), want \(testCase.expected)")
    }

    @Test func enoughCases() {
        #expect(cases.count >= 70)
    }

    @Test func rangesCoverNumberAndUnit() {
        func ranges(_ text: String) -> [Range<Int>] { QuantityScanner.scan(text).map(\.range) }
        #expect(ranges("逾期十五天了") == [2..<5])
        #expect(ranges("¥800") == [0..<4])
        #expect(ranges("一个半月") == [0..<4])
        #expect(ranges("800块钱") == [0..<5])
        #expect(ranges("人民币5000元") == [0..<8])
        #expect(ranges("rmb 800") == [0..<7])
        #expect(ranges("都3k多了") == [1..<4])
        #expect(ranges("it's 15 days overdue, 1,200 yuan") == [5..<12, 22..<32])
    }

    @Test func days() {
        let scan = { (text: String) in QuantityScanner.scan(text).first?.days }
        #expect(scan("两周") == 14)
        #expect(scan("三个月") == 90)
        #expect(scan("一年") == 365)
        #expect(scan("逾期三期") == 90)
        #expect(scan("800元") == nil)
        #expect(scan("12378") == nil)
    }

    @Test func emptyAndNoise() {
        #expect(QuantityScanner.scan([Unicode.Scalar]()).isEmpty)
        #expect(QuantityScanner.scan("你好,我收到一条短信").isEmpty)
        #expect(QuantityScanner.scan("...,,,--").isEmpty)
    }

    @Test func fast() {
        let line = Array("短信说我逾期十五天了,欠了一千二百元,每天晚上十一点打电话,手机号13812345678,上个月5号到期".unicodeScalars)
        var total = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<2000 { total += QuantityScanner.scan(line).count }
        }
        #expect(total == 6000)
        // Generous even for a debug build: 2,000 lines well under a second.
        #expect(elapsed < .seconds(1))
    }
}
