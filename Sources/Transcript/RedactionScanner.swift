/// The single pass behind `Redactor`: walks the scalars once and reports each piece of personal data with its mask.
///
/// Numbers are tried only where a run of digits starts, and a run that is not recognised is skipped whole, so digits
/// inside a longer number (an order number that contains a phone-shaped slice) are never masked on their own. Each try
/// looks ahead a bounded distance, which keeps the pass linear. No regular expressions: this runs on every line written.
struct RedactionScanner {
    struct Match {
        var kind: Redactor.Kind
        /// Indices into the scanned scalars.
        var range: Range<Int>
        var masked: String
    }

    private let scalars: [Unicode.Scalar]

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// A cheap test that lets text with no digit and no `@` (most assistant messages) through untouched.
    static func mightContainPersonalData(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.redactionDigit != nil || $0 == "@" }
    }

    func matches() -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < scalars.count {
            if let match = match(at: index) {
                found.append(match)
                index = match.range.upperBound
            } else if isDigitRunStart(index) {
                index = endOfDigitRun(from: index)
            } else {
                index += 1
            }
        }
        return found
    }

    private func match(at index: Int) -> Match? {
        let scalar = scalars[index]
        let previous = index > 0 ? scalars[index - 1] : nil
        if scalar.isEmailLocalPart, previous?.isEmailLocalPart != true, let email = email(at: index) {
            return email
        }
        if isDigitRunStart(index) {
            let groups = DigitGroups(scalars, from: index)
            return idCard(groups) ?? bankCard(groups) ?? mobilePhone(groups) ?? landline(groups)
        }
        if scalar.isOpeningParenthesis, previous?.redactionDigit == nil {
            return landlineWithParenthesizedAreaCode(at: index)
        }
        return nil
    }

    private func isDigitRunStart(_ index: Int) -> Bool {
        scalars[index].redactionDigit != nil && (index == 0 || scalars[index - 1].redactionDigit == nil)
    }

    private func endOfDigitRun(from index: Int) -> Int {
        var end = index
        while end < scalars.count, scalars[end].redactionDigit != nil { end += 1 }
        return end
    }

    // MARK: ID-card numbers

    private func idCard(_ groups: DigitGroups) -> Match? {
        // 18 digits, 17 digits and X, or the same written 6-8-4 as on the card.
        let candidates: [(groupCount: Int, endsInLetter: Bool)] = [
            (1, false), (1, true), (3, false), (3, true),
        ]
        for (groupCount, endsInLetter) in candidates {
            let layout = groupCount == 1 ? [endsInLetter ? 17 : 18] : [6, 8, endsInLetter ? 3 : 4]
            guard groups.hasLayout(layout) else { continue }
            guard !endsInLetter || groups.isFollowedByCheckLetter(groupCount - 1) else { continue }
            var digits = groups.digits(ofFirst: groupCount)
            let check = endsInLetter ? 10 : digits.removeLast()
            guard NumberChecks.isIDCardNumber(body: digits, check: check) else { continue }
            let start = groups.first.range.lowerBound
            let end = groups.groups[groupCount - 1].range.upperBound + (endsInLetter ? 1 : 0)
            let tail = digits[14...].map(String.init).joined() + (check == 10 ? "X" : String(check))
            let masked = digits[..<6].map(String.init).joined() + String(repeating: "*", count: 8) + tail
            return Match(kind: .idCard, range: start..<end, masked: masked)
        }
        return nil
    }

    // MARK: Bank cards

    private func bankCard(_ groups: DigitGroups) -> Match? {
        // One run of 16-19 digits, or groups of four with a shorter last group; the longest that passes Luhn wins.
        var candidateGroupCounts: [Int] = []
        if (16...19).contains(groups.first.count) { candidateGroupCounts.append(1) }
        if groups.hasLayout([4, 4, 4, 4]) {
            if groups.groups.count > 4, (1...3).contains(groups.groups[4].count) { candidateGroupCounts.append(5) }
            candidateGroupCounts.append(4)
        }
        for groupCount in candidateGroupCounts {
            let digits = groups.digits(ofFirst: groupCount)
            guard NumberChecks.passesLuhn(digits) else { continue }
            let range = groups.first.range.lowerBound..<groups.groups[groupCount - 1].range.upperBound
            let masked = Self.text(digits.prefix(4)) + String(repeating: "*", count: digits.count - 8)
                + Self.text(digits.suffix(4))
            return Match(kind: .bankCard, range: range, masked: masked)
        }
        return nil
    }

    // MARK: Mobile phones

    private func mobilePhone(_ groups: DigitGroups) -> Match? {
        let first = groups.first.digits
        let countryPrefix: [UInt8]
        let groupCount: Int
        if first.count == 13, first.starts(with: [8, 6]) {
            (countryPrefix, groupCount) = ([8, 6], 1)
        } else if first.count == 15, first.starts(with: [0, 0, 8, 6]) {
            (countryPrefix, groupCount) = ([0, 0, 8, 6], 1)
        } else if let layout = [[11], [3, 4, 4], [3, 8], [7, 4]].first(where: groups.hasLayout) {
            (countryPrefix, groupCount) = ([], layout.count)
        } else {
            return nil
        }
        let number = groups.digits(ofFirst: groupCount).dropFirst(countryPrefix.count)
        guard NumberChecks.isMobileNumber(number) else { return nil }
        let range = groups.first.range.lowerBound..<groups.groups[groupCount - 1].range.upperBound
        let masked = Self.text(countryPrefix) + Self.text(number.prefix(3)) + "****" + Self.text(number.suffix(4))
        return Match(kind: .mobilePhone, range: range, masked: masked)
    }

    // MARK: Landlines

    private func landline(_ groups: DigitGroups) -> Match? {
        let first = groups.first.digits
        guard let areaLength = NumberChecks.areaCodeLength(first) else { return nil }
        if first.count > areaLength {
            // Written without a separator: 01062751234.
            let subscriber = Array(first[areaLength...])
            guard NumberChecks.isSubscriberNumber(subscriber, areaLength: areaLength) else { return nil }
            return landlineMatch(area: Array(first[..<areaLength]), subscriber: subscriber, range: groups.first.range)
        }
        return landline(area: first, subscriberGroups: Array(groups.groups.dropFirst()), start: groups.first.range.lowerBound)
    }

    /// `(010)62751234`, `（0755）2688 1234`: the area code in parentheses, the number right after or after one space.
    private func landlineWithParenthesizedAreaCode(at index: Int) -> Match? {
        var position = index + 1
        guard position < scalars.count, scalars[position].redactionDigit != nil else { return nil }
        let area = DigitGroups(scalars, from: position).first
        position = area.range.upperBound
        guard NumberChecks.areaCodeLength(area.digits) == area.count,
            position < scalars.count, scalars[position].isClosingParenthesis
        else { return nil }
        position += 1
        if position < scalars.count, scalars[position].isDigitGroupSeparator { position += 1 }
        guard position < scalars.count, scalars[position].redactionDigit != nil else { return nil }
        let subscriber = DigitGroups(scalars, from: position)
        return landline(area: area.digits, subscriberGroups: subscriber.groups, start: index)
    }

    /// The local number after an area code, in one group or split in two (`2688 1234`, `688-1234`).
    private func landline(area: [UInt8], subscriberGroups: [DigitGroups.Group], start: Int) -> Match? {
        let layouts: [[ClosedRange<Int>]] = [[7...8], [3...4, 4...4]]
        for layout in layouts where subscriberGroups.count >= layout.count {
            let used = subscriberGroups.prefix(layout.count)
            guard zip(used, layout).allSatisfy({ $1.contains($0.count) }), let last = used.last else { continue }
            let subscriber = used.flatMap(\.digits)
            guard NumberChecks.isSubscriberNumber(subscriber, areaLength: area.count) else { continue }
            return landlineMatch(area: area, subscriber: subscriber, range: start..<last.range.upperBound)
        }
        return nil
    }

    private func landlineMatch(area: [UInt8], subscriber: [UInt8], range: Range<Int>) -> Match {
        let visible = subscriber.count - 4
        let masked = Self.text(area) + "-****" + Self.text(subscriber.suffix(visible))
        return Match(kind: .landline, range: range, masked: masked)
    }

    // MARK: E-mail addresses

    /// An address whose local part starts at `index`, the start of a run of local-part characters.
    private func email(at index: Int) -> Match? {
        var at = index
        while at < scalars.count, scalars[at].isEmailLocalPart { at += 1 }
        guard at < scalars.count, scalars[at] == "@" else { return nil }
        // Punctuation before the first letter or digit is not part of the address (".zhang@…" after a full stop).
        guard let start = (index..<at).first(where: { scalars[$0].isASCIIAlphanumeric }) else { return nil }
        guard let end = endOfDomain(from: at + 1) else { return nil }
        var domain = String.UnicodeScalarView()
        domain.append(contentsOf: scalars[(at + 1)..<end])
        let masked = String(scalars[start]) + "***@" + String(domain)
        return Match(kind: .email, range: start..<end, masked: masked)
    }

    /// Where a domain name of at least two labels, ending in a top-level domain of letters, ends.
    private func endOfDomain(from start: Int) -> Int? {
        var position = start
        var labels = 0
        var lastLabel = start..<start
        while true {
            let labelStart = position
            while position < scalars.count, scalars[position].isDomainLabel { position += 1 }
            guard position > labelStart else { return nil }
            labels += 1
            lastLabel = labelStart..<position
            // A full stop ends the address unless another label follows: "…@example.com。" or "…@example.com.".
            guard position + 1 < scalars.count, scalars[position] == ".", scalars[position + 1].isDomainLabel else {
                break
            }
            position += 1
        }
        let topLevelIsLetters = lastLabel.count >= 2 && lastLabel.allSatisfy { scalars[$0].isASCIILetter }
        return labels >= 2 && topLevelIsLetters ? position : nil
    }

    private static func text(_ digits: some Sequence<UInt8>) -> String {
        String(String.UnicodeScalarView(digits.map { Unicode.Scalar($0 + 0x30) }))
    }
}
