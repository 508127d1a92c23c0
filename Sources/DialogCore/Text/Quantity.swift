/// The unit a number in a line was written with.
public enum QuantityUnit: String, Sendable, Codable {
    /// `foreign`: a sum of money in a currency other than the yuan (日元, 港币, rupiah, dollars): never an
    /// amount in yuan.
    case day, week, month, year, yuan, foreign, installment, hour, none
}

/// A number found in a normalised line, with its unit: "逾期十五天" → 15 `.day`; "1,200元" → 1200 `.yuan`.
public struct Quantity: Equatable, Sendable {
    /// The value as written: 2 for "两个月", 1200 for "一千二", 0.5 for "半年"; a midpoint for "三五天" (4).
    /// For `.hour` it is a clock time on a 24-hour clock ("晚上十一点" → 23, "23:30" → 23.5).
    public var value: Double
    /// `.none` when no unit goes with the number ("打12378投诉", "我借了1w2").
    public var unit: QuantityUnit
    /// Scalar offsets in the scanned line covering the number and its unit (and a ¥ / rmb prefix).
    public var range: Range<Int>
    /// 十几, 二十多, 3k多, 好几, 三五天, 快一年, 大概/约/about before it.
    public var isApproximate: Bool

    public init(value: Double, unit: QuantityUnit, range: Range<Int>, isApproximate: Bool = false) {
        self.value = value
        self.unit = unit
        self.range = range
        self.isApproximate = isApproximate
    }

    /// The quantity as a number of days, for the units that are lengths of time; an installment counts as a month.
    public var days: Double? {
        switch unit {
        case .day: return value
        case .week: return value * 7
        case .month: return value * 30
        case .year: return value * 365
        case .installment: return value * 30
        case .yuan, .foreign, .hour, .none: return nil
        }
    }
}

extension Quantity: CustomStringConvertible {
    public var description: String {
        let whole = value >= -1e15 && value <= 1e15 && Double(Int64(value)) == value
        let number = whole ? String(Int64(value)) : String(value)
        return "\(number) \(unit.rawValue)\(isApproximate ? " ~" : "") @\(range.lowerBound)..<\(range.upperBound)"
    }
}
