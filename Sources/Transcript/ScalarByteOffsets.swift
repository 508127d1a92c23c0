/// Where the scalars of a valid UTF-8 text start, in bytes, asked for in increasing order: a redaction knows its masks
/// by scalar position and copies the text between them as bytes.
///
/// Each question goes on from the previous answer, so all the masks of a text cost one pass over its bytes.
struct ScalarByteOffsets {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The scalar at `scalar` starts at byte `byte`.
    private var scalar = 0
    private var byte = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The byte offset where scalar number `target` starts (the text's length for the scalar past its end). Targets
    /// must not decrease from one call to the next.
    mutating func byteOffset(ofScalar target: Int) -> Int {
        precondition(target >= scalar, "scalar positions are asked for in increasing order")
        while scalar < target, byte < bytes.count {
            byte += 1
            while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
            scalar += 1
        }
        return byte
    }
}
