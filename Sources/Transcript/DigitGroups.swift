/// The digits starting at one position of a text, split into the groups a person typed (`138 1234 5678` is three groups).
///
/// Each group is a maximal run of digits, so a number recognised from whole groups is never a slice of a longer number.
/// Groups are joined by a short run of separator characters (spaces, dashes, dots, slashes, underscores, parentheses:
/// `138.1234.5678`, `138  1234  5678`, `(0086)138_1234_5678`); a bounded number of groups is read, which keeps the
/// scan linear however long the text is.
struct DigitGroups {
    struct Group {
        /// Where the group's digits are, as indices into the scanned scalars.
        var range: Range<Int>
        var digits: [UInt8]

        var count: Int { digits.count }
    }

    /// No number we recognise has more groups than this (`6222 0212 3456 7898 123` has five, `1 38 12 34 56 78` six);
    /// a few more let irregular groupings through.
    static let maximumGroups = 8

    /// At most this many separator characters in a row join two groups (`138 -- 1234`, four spaces).
    static let maximumSeparatorLength = 4

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
            var next = position
            while next < scalars.count, next - position < Self.maximumSeparatorLength, scalars[next].isDigitGroupSeparator {
                next += 1
            }
            guard next > position, next < scalars.count, scalars[next].redactionDigit != nil else { break }
            position = next
        }
        self.groups = groups
    }

    var first: Group { groups[0] }

    /// How many of the first groups hold `total` digits between them, if some number of whole groups does.
    func groupCount(holding total: Int) -> Int? {
        var sum = 0
        for (index, group) in groups.enumerated() {
            sum += group.count
            if sum == total { return index + 1 }
            if sum > total { return nil }
        }
        return nil
    }

    /// The digit counts of the first groups, for matching layouts such as 3-4-4.
    func hasLayout(_ counts: [Int]) -> Bool {
        guard groups.count >= counts.count else { return false }
        return zip(groups, counts).allSatisfy { $0.count == $1 }
    }

    /// Where the first `count` groups are, from the first digit to the last.
    func range(ofFirst count: Int) -> Range<Int> {
        groups[0].range.lowerBound..<groups[count - 1].range.upperBound
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
