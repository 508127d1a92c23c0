/// The digits starting at one position of a text, split into the groups a person typed (`138 1234 5678` is three groups).
///
/// Each group is a maximal run of digits, so a number recognised from whole groups is never a slice of a longer number.
/// Groups are joined only by exactly one separator character; a bounded number of groups is read, which keeps the scan
/// linear however long the text is.
struct DigitGroups {
    struct Group {
        /// Where the group's digits are, as indices into the scanned scalars.
        var range: Range<Int>
        var digits: [UInt8]

        var count: Int { digits.count }
    }

    /// No number we recognise has more groups than this (`6222 0212 3456 7898 123` has five).
    static let maximumGroups = 6

    let groups: [Group]
    private let scalars: [Unicode.Scalar]

    /// Reads the groups starting at `start`, which must be a digit.
    init(_ scalars: [Unicode.Scalar], from start: Int) {
        self.scalars = scalars
        var groups: [Group] = []
        var position = start
        while groups.count < Self.maximumGroups {
            let groupStart = position
            var digits: [UInt8] = []
            while position < scalars.count, let digit = scalars[position].redactionDigit {
                digits.append(digit)
                position += 1
            }
            groups.append(Group(range: groupStart..<position, digits: digits))
            guard position + 1 < scalars.count, scalars[position].isDigitGroupSeparator,
                scalars[position + 1].redactionDigit != nil
            else { break }
            position += 1
        }
        self.groups = groups
    }

    var first: Group { groups[0] }

    /// The digit counts of the first groups, for matching layouts such as 3-4-4.
    func hasLayout(_ counts: [Int]) -> Bool {
        guard groups.count >= counts.count else { return false }
        return zip(groups, counts).allSatisfy { $0.count == $1 }
    }

    /// The digits of the first `count` groups, run together.
    func digits(ofFirst count: Int) -> [UInt8] {
        groups.prefix(count).flatMap(\.digits)
    }

    /// Whether the group at `index` is immediately followed by an X, as the check character of an ID-card number.
    func isFollowedByCheckLetter(_ index: Int) -> Bool {
        let end = groups[index].range.upperBound
        return end < scalars.count && scalars[end].isIDCardCheckLetter
    }
}
