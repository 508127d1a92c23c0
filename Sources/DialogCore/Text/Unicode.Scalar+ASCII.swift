extension Unicode.Scalar {
    /// An ASCII letter: exactly the ASCII scalars with the Unicode Alphabetic property, tested by range rather than by a
    /// look-up in the Unicode property tables (which the understanding asked for on every scalar of a word).
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
