/// Writes values into a compact binary form that `BinaryReader` reads back: variable-length integers, and strings
/// kept once each in a table that precedes the body, so a dialog's thousands of repeated file names and language
/// codes cost one entry each. Little-endian throughout.
///
/// The form has no field names: reader and writer must agree on the order of every field, and a change to either
/// needs a new `DialogCacheFormat.version` (the cache refuses files of another version).
public struct BinaryWriter: Sendable {
    private var body: [UInt8] = []
    private var stringTable: [String] = []
    private var stringIndex: [String: Int] = [:]

    public init() {}

    public mutating func byte(_ value: UInt8) { body.append(value) }

    public mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    /// An unsigned integer in LEB128: 7 bits a byte, low bits first.
    public mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            body.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        body.append(UInt8(rest))
    }

    /// A signed integer, zigzag-encoded so small negative numbers stay short.
    public mutating func int(_ value: Int) {
        let v = Int64(value)
        unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    public mutating func double(_ value: Double) { fixed(value.bitPattern) }

    public mutating func fixed<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) }
    }

    public mutating func string(_ value: String) {
        if let index = stringIndex[value] {
            unsigned(UInt64(index))
        } else {
            stringIndex[value] = stringTable.count
            unsigned(UInt64(stringTable.count))
            stringTable.append(value)
        }
    }

    public mutating func strings(_ values: [String]) {
        unsigned(UInt64(values.count))
        for value in values { string(value) }
    }

    /// Raw bytes with their count.
    public mutating func bytes(_ values: [UInt8]) {
        unsigned(UInt64(values.count))
        body.append(contentsOf: values)
    }

    /// An array of fixed-width integers, as raw little-endian bytes (read back with one copy).
    public mutating func integers<T: FixedWidthInteger>(_ values: [T]) {
        unsigned(UInt64(values.count))
        for value in values { fixed(value) }
    }

    /// An array of 32-bit numbers that are mostly small (an automaton's node, edge and phrase numbers, -1 for none, and
    /// its scalars): two bytes a value when every value plus `bias` fits in 0...65535, else four as `integers` writes
    /// them, after a byte that says which. A dialog's automaton is some 40,000 nodes: this halves most of the cache.
    public mutating func smallIntegers<T: FixedWidthInteger>(_ values: [T], bias: Int) {
        if values.allSatisfy({ (0...0xFFFF).contains(Int($0) + bias) }) {
            byte(2)
            unsigned(UInt64(values.count))
            for value in values { fixed(UInt16(Int(value) + bias)) }
        } else {
            byte(4)
            integers(values)
        }
    }

    public mutating func value<T: BinaryCodable>(_ value: T) { value.write(to: &self) }

    public mutating func optional<T: BinaryCodable>(_ value: T?) {
        if let value {
            bool(true)
            value.write(to: &self)
        } else {
            bool(false)
        }
    }

    public mutating func array<T: BinaryCodable>(_ values: [T]) {
        unsigned(UInt64(values.count))
        for value in values { value.write(to: &self) }
    }

    /// A dictionary with String keys, in sorted key order so the same dialog always writes the same bytes.
    public mutating func dictionary<T>(_ values: [String: T], _ writeValue: (T, inout BinaryWriter) -> Void) {
        unsigned(UInt64(values.count))
        for key in values.keys.sorted() {
            string(key)
            writeValue(values[key]!, &self)
        }
    }

    /// The whole: the string table, then the body.
    public var bytes: [UInt8] {
        var head = BinaryWriter()
        head.unsigned(UInt64(stringTable.count))
        for value in stringTable {
            head.unsigned(UInt64(value.utf8.count))
            head.body.append(contentsOf: value.utf8)
        }
        return head.body + body
    }
}

/// A type with a binary form: written field by field in a fixed order, read back in the same order.
public protocol BinaryCodable {
    func write(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(BinaryFormatError)
}
