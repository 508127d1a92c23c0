/// A line folded for matching, with a map back to the characters the person typed.
public struct NormalizedText: Sendable, Equatable {
    /// The folded scalars: simplified Chinese, half-width ASCII, lower case, ASCII punctuation, single spaces.
    public var scalars: [Unicode.Scalar]
    /// For each folded scalar, the index of the scalar in `original` it came from.
    public var origin: [Int]
    /// The line as typed, without control or invisible formatting characters.
    public var original: [Unicode.Scalar]

    public var isEmpty: Bool { scalars.isEmpty }
    /// Built through UTF-8 bytes: appending scalars to a String one by one was a tenth of a cold start (every phrase
    /// of a dialog is folded when it is compiled).
    public var string: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The typed text behind folded scalars `range`.
    public func originalText(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.upperBound <= origin.count else { return "" }
        let lower = origin[range.lowerBound], upper = origin[range.upperBound - 1] + 1
        return String(String.UnicodeScalarView(original[lower..<upper]))
    }
}
