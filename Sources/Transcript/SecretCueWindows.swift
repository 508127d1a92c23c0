/// The secrets of a text that can hold no number and no e-mail address, found by reading only around the words that
/// may announce them.
///
/// The assistant's own warnings say "never give anyone a verification code or password" on many screens, so most texts
/// a transcript stores that have a cue word hold nothing to mask; folding and scanning the whole of a long advice text
/// for each of them was most of the cost of redaction. What `RedactionScanner.secret(at:)` reads after a cue is
/// bounded: the cue word (at most 8 characters), at most 8 fillers (at most 24 characters), then a token of printable
/// ASCII up to the first space, or digit groups up to the first character that is neither a digit nor a separator. So
/// a window from just before the cue to a point where both must have ended — a character that is neither printable
/// ASCII nor a separator, or a space followed by a letter — at least ``minimumReach`` characters on, decides it exactly
/// as the whole text would. `RedactionPrecheckTests` compares the two on generated texts.
enum SecretCueWindows {
    /// Characters from a cue's site that every window covers before it looks for its end.
    static let minimumReach = 48

    /// The matches in `text`, in original scalar positions, when `precheck` located every cue word and ruled out
    /// numbers and e-mail addresses; nil when the whole text must be scanned instead.
    static func matches(in text: String, precheck: RedactionPrecheck) -> [RedactionScanner.Match]? {
        guard !precheck.mayHaveNumber, !precheck.mayHaveEmail, let sites = precheck.secretCueSites else { return nil }
        let found: [RedactionScanner.Match]?? = text.utf8.withContiguousStorageIfAvailable { bytes -> [RedactionScanner.Match]? in
            var found: [RedactionScanner.Match] = []
            // Scalars counted so far, up to `countedBytes`: the original position of each window's start.
            var countedBytes = 0, countedScalars = 0
            var coveredUpTo = 0
            for site in sites {
                let start = Self.start(of: site, in: bytes)
                // Windows start in order (a later cue backs up at most as far as an earlier one); were one ever to
                // start before the last, the whole text is scanned instead.
                guard start.byte >= countedBytes else { return nil }
                countedScalars += Self.scalarCount(bytes, countedBytes..<start.byte)
                countedBytes = start.byte
                let end = Self.end(after: site.byte, in: bytes)
                let window = FoldedScalars(String(decoding: UnsafeBufferPointer(rebasing: bytes[start.byte..<end]), as: UTF8.self))
                let scanner = RedactionScanner(window.scalars, precheck: precheck)
                // The cue word starts at the site (English) or up to two characters before it (Chinese).
                let siteIndex = start.scalarsBack
                for candidate in max(0, siteIndex - site.scalarsBefore)...siteIndex
                where countedScalars + candidate >= coveredUpTo {
                    guard var match = scanner.match(at: candidate) else { continue }
                    match.range = (countedScalars + match.range.lowerBound)..<(countedScalars + match.range.upperBound)
                    coveredUpTo = match.range.upperBound
                    found.append(match)
                    break
                }
            }
            return found
        }
        return found ?? nil
    }

    /// Where a site's window starts: the cue word's earliest start and the character before it (the scanner asks
    /// whether an English cue follows a letter), as a byte offset and how many characters that is before the site.
    private static func start(of site: RedactionPrecheck.SecretCueSite, in bytes: UnsafeBufferPointer<UInt8>)
        -> (byte: Int, scalarsBack: Int)
    {
        var byte = site.byte, back = 0
        while back < site.scalarsBefore + 1, byte > 0 {
            byte -= 1
            while byte > 0, bytes[byte] & 0xC0 == 0x80 { byte -= 1 }
            back += 1
        }
        return (byte, back)
    }

    /// The byte offset where a site's window ends: at least ``minimumReach`` characters after the site, at the first
    /// character boundary where a secret's token and digit groups have surely ended.
    private static func end(after siteByte: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = siteByte, passed = 0
        while index < bytes.count {
            let (scalar, length) = decode(bytes, at: index)
            index += length
            passed += 1
            guard passed >= minimumReach, index < bytes.count else { continue }
            if endsEverything(scalar) { return index }
            let next = bytes[index]
            if (scalar == " " || scalar == "\t"), (next | 0x20) >= 0x61, (next | 0x20) <= 0x7A { return index }
        }
        return bytes.count
    }

    /// A character that ends a secret's token and its digit groups alike: neither printable ASCII, nor a digit, nor a
    /// separator, once folded.
    private static func endsEverything(_ scalar: Unicode.Scalar) -> Bool {
        let folded = scalar.foldedToASCII
        if (0x21...0x7E).contains(folded.value) { return false }
        return !folded.isDigitGroupSeparator && folded.redactionDigit == nil
    }

    /// The scalar starting at `index` of valid UTF-8 (a Swift string's bytes), and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// How many scalars start in `range` of valid UTF-8.
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
