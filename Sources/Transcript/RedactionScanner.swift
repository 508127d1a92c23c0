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

    /// The folded text (full-width forms as ASCII, no invisible characters): see ``FoldedScalars``.
    let scalars: [Unicode.Scalar]
    /// Which kinds the text can hold at all; the others are not tried.
    private let looksForNumbers: Bool
    private let looksForEmails: Bool
    private let looksForSecrets: Bool

    /// A scanner over folded `scalars`; `precheck`, made from the same text, lets it skip what cannot match. Without
    /// one, everything is tried (the reference the pre-check is tested against).
    init(_ scalars: [Unicode.Scalar], precheck: RedactionPrecheck? = nil) {
        self.scalars = scalars
        looksForNumbers = precheck?.mayHaveNumber ?? true
        looksForEmails = precheck?.mayHaveEmail ?? true
        looksForSecrets = precheck?.mayHaveSecret ?? true
    }

    func matches() -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < scalars.count {
            // Go straight to the next character that can start something looked for.
            while index < scalars.count, !mayStartMatch(scalars[index]) { index += 1 }
            guard index < scalars.count else { break }
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

    /// Whether `match(at:)` can find anything at a character: a cue word's first character, a character of an e-mail
    /// address, a digit or an opening parenthesis, for the kinds the pre-check left in.
    private func mayStartMatch(_ scalar: Unicode.Scalar) -> Bool {
        (looksForSecrets && Self.mayStartCue(scalar)) || (looksForEmails && scalar.isEmailLocalPart)
            || (looksForNumbers && (scalar.redactionDigit != nil || scalar.isOpeningParenthesis))
            || (looksForSecrets && scalar.redactionDigit != nil)
    }

    /// What starts at `index`, if anything; internal for the tests' position-by-position reference loop.
    func match(at index: Int) -> Match? {
        if looksForSecrets, let secret = secret(at: index) { return secret }
        let scalar = scalars[index]
        let previous = index > 0 ? scalars[index - 1] : nil
        if looksForEmails, scalar.isEmailLocalPart, previous?.isEmailLocalPart != true, let email = email(at: index) {
            return email
        }
        if isDigitRunStart(index) {
            if looksForNumbers {
                let groups = DigitGroups(scalars, from: index)
                if let number = idCard(groups) ?? bankCard(groups) ?? mobilePhone(groups) ?? landline(groups) { return number }
            }
            // A code told with no code word ("我把482913告诉他了"): see `bareCode(at:)`.
            return looksForSecrets ? bareCode(at: index) : nil
        }
        guard looksForNumbers else { return nil }
        if scalar.isOpeningParenthesis, previous?.redactionDigit == nil {
            return landlineWithParenthesizedAreaCode(at: index)
        }
        return nil
    }

    func isDigitRunStart(_ index: Int) -> Bool {
        scalars[index].redactionDigit != nil && (index == 0 || scalars[index - 1].redactionDigit == nil)
    }

    func endOfDigitRun(from index: Int) -> Int {
        var end = index
        while end < scalars.count, scalars[end].redactionDigit != nil { end += 1 }
        return end
    }

    // MARK: ID-card numbers

    private func idCard(_ groups: DigitGroups) -> Match? {
        // 18 characters in any grouping (one run, 6-8-4 as on the card, groups of four), the last one a digit or an X
        // right after the 17th digit. The check character is not required to be right: a mistyped ID is still someone's.
        if let count = groups.groupCount(holding: 18) {
            var body = groups.digits(ofFirst: count)
            let check = body.removeLast()
            if NumberChecks.isIDCardShaped(body: body) || isNear(Self.idCardWords, groups) {
                return idCardMatch(body: body, check: check, groups, groupCount: count, endsInLetter: false)
            }
        }
        if let count = groups.groupCount(holding: 17), groups.isFollowedByCheckLetter(count - 1) {
            let body = groups.digits(ofFirst: count)
            if NumberChecks.isIDCardShaped(body: body) || isNear(Self.idCardWords, groups) {
                return idCardMatch(body: body, check: 10, groups, groupCount: count, endsInLetter: true)
            }
        }
        // The first-generation card: 15 digits, a two-digit year.
        if let count = groups.groupCount(holding: 15) {
            let digits = groups.digits(ofFirst: count)
            if NumberChecks.isOldIDCardNumber(digits) || isNear(Self.idCardWords, groups) {
                let masked = Self.text(digits.prefix(6)) + String(repeating: "*", count: 6) + Self.text(digits.suffix(3))
                return Match(kind: .idCard, range: groups.range(ofFirst: count), masked: masked)
            }
        }
        // Near an ID-card word, 16 or 17 digits are a number with a digit lost.
        for total in [17, 16] {
            guard let count = groups.groupCount(holding: total), isNear(Self.idCardWords, groups) else { continue }
            let digits = groups.digits(ofFirst: count)
            let masked = Self.text(digits.prefix(6)) + String(repeating: "*", count: total - 9) + Self.text(digits.suffix(3))
            return Match(kind: .idCard, range: groups.range(ofFirst: count), masked: masked)
        }
        return nil
    }

    private func idCardMatch(body: [UInt8], check: UInt8, _ groups: DigitGroups, groupCount: Int, endsInLetter: Bool) -> Match {
        let range = groups.range(ofFirst: groupCount)
        let end = range.upperBound + (endsInLetter ? 1 : 0)
        let tail = Self.text(body[14...]) + (check == 10 ? "X" : String(check))
        let masked = Self.text(body[..<6]) + String(repeating: "*", count: 8) + tail
        return Match(kind: .idCard, range: range.lowerBound..<end, masked: masked)
    }

    // MARK: Bank cards

    private func bankCard(_ groups: DigitGroups) -> Match? {
        // 16-19 digits in any grouping; the longest that passes Luhn wins. Near a card word, Luhn is not asked: a
        // mistyped card number is still the person's card.
        for total in (16...19).reversed() {
            guard let count = groups.groupCount(holding: total) else { continue }
            let digits = groups.digits(ofFirst: count)
            guard NumberChecks.passesLuhn(digits) || isNear(Self.cardWords, groups) else { continue }
            let masked = Self.text(digits.prefix(4)) + String(repeating: "*", count: digits.count - 8)
                + Self.text(digits.suffix(4))
            return Match(kind: .bankCard, range: groups.range(ofFirst: count), masked: masked)
        }
        return nil
    }

    // MARK: Mobile phones

    private func mobilePhone(_ groups: DigitGroups) -> Match? {
        let first = groups.first.digits
        // A country code glued to the number (8613812345678); one written apart (`+86 138…`) is left as it is and the
        // number after it is matched on its own.
        let countryPrefix: [UInt8]
        if first.count > 2, first.starts(with: [8, 6]) {
            countryPrefix = [8, 6]
        } else if first.count > 4, first.starts(with: [0, 0, 8, 6]) {
            countryPrefix = [0, 0, 8, 6]
        } else {
            countryPrefix = []
        }
        if let count = groups.groupCount(holding: countryPrefix.count + 11) {
            let number = groups.digits(ofFirst: count).dropFirst(countryPrefix.count)
            if NumberChecks.isMobileNumber(number) {
                let masked = Self.text(countryPrefix) + Self.text(number.prefix(3)) + "****" + Self.text(number.suffix(4))
                return Match(kind: .mobilePhone, range: groups.range(ofFirst: count), masked: masked)
            }
        }
        // Near a phone word, 10 to 12 digits starting with 1 are a mobile number mistyped: masked too.
        guard countryPrefix.isEmpty, first.first == 1 else { return nil }
        for total in [11, 12, 10] {
            guard let count = groups.groupCount(holding: total), isNear(Self.phoneWords, groups) else { continue }
            let digits = groups.digits(ofFirst: count)
            let masked = Self.text(digits.prefix(3)) + String(repeating: "*", count: total - 5) + Self.text(digits.suffix(2))
            return Match(kind: .mobilePhone, range: groups.range(ofFirst: count), masked: masked)
        }
        return nil
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

    static func text(_ digits: some Sequence<UInt8>) -> String {
        String(String.UnicodeScalarView(digits.map { Unicode.Scalar($0 + 0x30) }))
    }
}
