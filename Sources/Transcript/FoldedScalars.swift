/// The text the redaction scanner reads: full-width forms folded to ASCII and invisible characters left out, each
/// scalar remembering where it came from, so a match found in the folded text masks the original characters.
///
/// `１３８\u{200B}1234．5678` is read as `1381234.5678`; a mask over it replaces the original span, the zero-width
/// space included. Everything outside a match is copied from the original unchanged.
struct FoldedScalars {
    /// The folded scalars.
    let scalars: [Unicode.Scalar]
    /// For each folded scalar, its index in the original scalars; nil when nothing was left out, so that every folded
    /// scalar sits where it came from (most texts: then no second array is built).
    private let origins: [Int]?
    /// The number of original scalars.
    private let originalCount: Int

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var origins: [Int]?
        scalars.reserveCapacity(text.utf8.count)
        var index = 0
        for scalar in text.unicodeScalars {
            defer { index += 1 }
            if scalar.isASCII {
                // Neither invisible nor full-width: most of the text, kept as it is.
                scalars.append(scalar)
                origins?.append(index)
                continue
            }
            if scalar.isInvisibleFormatCharacter {
                if origins == nil {
                    origins = Array(0..<scalars.count)
                    origins?.reserveCapacity(text.utf8.count)
                }
                continue
            }
            scalars.append(scalar.foldedToASCII)
            origins?.append(index)
        }
        self.scalars = scalars
        self.origins = origins
        self.originalCount = index
    }

    /// The original span of a range of folded scalars: from the first one's origin to just after the last one's.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        guard let origins else { return range }
        guard !range.isEmpty else {
            let position = range.lowerBound < origins.count ? origins[range.lowerBound] : originalCount
            return position..<position
        }
        return origins[range.lowerBound]..<(origins[range.upperBound - 1] + 1)
    }
}
