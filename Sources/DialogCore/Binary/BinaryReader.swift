/// Reads what `BinaryWriter` wrote. Every read is bounds-checked: a truncated or damaged input throws
/// `BinaryFormatError`, never traps or reads past the end.
public struct BinaryReader: Sendable {
    private let data: [UInt8]
    private var position: Int
    /// Where each string of the table starts and ends in `data`: a string is made only when it is read, so one that
    /// nothing reads (a phrase list skipped, see `skipsPhraseText`) is never made.
    private var starts: [UInt32] = []
    private var ends: [UInt32] = []
    /// The strings of the table read so far, each made once and shared by every place that names it.
    private var made: [String?] = []

    /// Phrase lists that only the phrase automaton needs, once it is compiled, are passed over instead of read (they
    /// come back empty): a session that reads lines through the cached automaton never looks at their text, and ~9,000
    /// phrases are ~0.4 MB of a process that must stay small. Read by the decoders of slots and topics
    /// (`phraseList(compiledOnly:)`); lists shown to people (the names of known values, commands, draft triggers) are
    /// always read.
    public var skipsPhraseText = false
    /// Set while a slot's values are read: the synonyms of a text slot's known values are its names, shown to people.
    var keepsSynonyms = true

    /// Reads the string table at `start` (the start of `bytes` by default); the body follows.
    public init(_ bytes: [UInt8], from start: Int = 0) throws(BinaryFormatError) {
        guard start >= 0, start <= bytes.count else { throw BinaryFormatError("the data ends too early") }
        guard bytes.count <= Int(UInt32.max) else { throw BinaryFormatError("the data is too large") }
        self.data = bytes
        self.position = start
        let count = try length()
        var starts: [UInt32] = []
        var ends: [UInt32] = []
        starts.reserveCapacity(count)
        ends.reserveCapacity(count)
        for _ in 0..<count {
            let size = try length()
            starts.append(UInt32(position))
            position += size
            ends.append(UInt32(position))
        }
        self.starts = starts
        self.ends = ends
        self.made = [String?](repeating: nil, count: count)
    }

    public var isAtEnd: Bool { position == data.count }

    public mutating func byte() throws(BinaryFormatError) -> UInt8 {
        guard position < data.count else { throw BinaryFormatError("the data ends too early") }
        defer { position += 1 }
        return data[position]
    }

    public mutating func bool() throws(BinaryFormatError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw BinaryFormatError("a yes/no byte is neither 0 nor 1")
        }
    }

    public mutating func unsigned() throws(BinaryFormatError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw BinaryFormatError("a number is too long") }
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func int() throws(BinaryFormatError) -> Int {
        let raw = try unsigned()
        let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        guard let int = Int(exactly: value) else { throw BinaryFormatError("a number is out of range") }
        return int
    }

    /// A count or a size: never more than the bytes left could hold, so a damaged count cannot ask for gigabytes.
    public mutating func length() throws(BinaryFormatError) -> Int {
        let raw = try unsigned()
        guard raw <= UInt64(data.count - position) else { throw BinaryFormatError("a length runs past the end of the data") }
        return Int(raw)
    }

    public mutating func double() throws(BinaryFormatError) -> Double {
        Double(bitPattern: try fixed(UInt64.self))
    }

    public mutating func fixed<T: FixedWidthInteger>(_ type: T.Type) throws(BinaryFormatError) -> T {
        let size = MemoryLayout<T>.size
        guard data.count - position >= size else { throw BinaryFormatError("the data ends too early") }
        let value = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: T.self) }
        position += size
        return T(littleEndian: value)
    }

    public mutating func string() throws(BinaryFormatError) -> String {
        let index = try stringIndex()
        if let known = made[index] { return known }
        let start = Int(starts[index]), end = Int(ends[index])
        let string = data.withUnsafeBufferPointer { String(decoding: $0[start..<end], as: UTF8.self) }
        made[index] = string
        return string
    }

    /// A string's place in the table, checked, without making the string.
    private mutating func stringIndex() throws(BinaryFormatError) -> Int {
        let index = try unsigned()
        guard index < UInt64(starts.count) else { throw BinaryFormatError("a string refers past the string table") }
        return Int(index)
    }

    /// Passes over what `BinaryWriter.strings` wrote.
    public mutating func skipStrings() throws(BinaryFormatError) {
        let count = try length()
        for _ in 0..<count { _ = try stringIndex() }
    }

    public mutating func strings() throws(BinaryFormatError) -> [String] {
        let count = try length()
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try string()) }
        return result
    }

    public mutating func bytes() throws(BinaryFormatError) -> [UInt8] {
        let count = try length()
        defer { position += count }
        return Array(data[position..<position + count])
    }

    public mutating func integers<T: FixedWidthInteger>(_ type: T.Type) throws(BinaryFormatError) -> [T] {
        let count = try length()
        let size = MemoryLayout<T>.size
        guard count <= (data.count - position) / size else { throw BinaryFormatError("an array runs past the end of the data") }
        let start = position
        let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                // One copy; then, on a big-endian machine only, each value turned around.
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<start + count * size]))
            }
            if T(littleEndian: 1) != 1 {
                for i in 0..<count { buffer[i] = T(littleEndian: buffer[i]) }
            }
            initialized = count
        }
        position += count * size
        return result
    }

    /// An array `BinaryWriter.smallIntegers` wrote, as it was written: two bytes a number (each plus the bias), or four
    /// (each as it is).
    public enum SmallIntegers {
        case narrow([UInt16])
        case wide([UInt32])

        /// The numbers plus `bias`, 32 bits each, whichever way they were written.
        public func wide(bias: UInt32) -> [UInt32] {
            switch self {
            case .narrow(let values): values.map { UInt32($0) }
            case .wide(let values): values.map { $0 &+ bias }
            }
        }
    }

    /// Reads what `BinaryWriter.smallIntegers` wrote, without widening it: two-byte numbers still hold the writer's
    /// bias; four-byte numbers are read as `UInt32` bit patterns (so -1 is `UInt32.max`).
    public mutating func smallIntegerArray() throws(BinaryFormatError) -> SmallIntegers {
        let width = try byte()
        switch width {
        case 2: return .narrow(try integers(UInt16.self))
        case 4: return .wide(try integers(UInt32.self))
        default: throw BinaryFormatError("unknown integer width \(width)")
        }
    }

    public mutating func value<T: BinaryCodable>(_ type: T.Type = T.self) throws(BinaryFormatError) -> T {
        try T(from: &self)
    }

    public mutating func optional<T: BinaryCodable>(_ type: T.Type = T.self) throws(BinaryFormatError) -> T? {
        try bool() ? try T(from: &self) : nil
    }

    public mutating func array<T: BinaryCodable>(_ type: T.Type = T.self) throws(BinaryFormatError) -> [T] {
        let count = try length()
        var result: [T] = []
        // A damaged count is bounded by the bytes left, not by what each element takes: reserve modestly.
        result.reserveCapacity(Swift.min(count, 4096))
        for _ in 0..<count { result.append(try T(from: &self)) }
        return result
    }

    public mutating func dictionary<T>(_ readValue: (inout BinaryReader) throws(BinaryFormatError) -> T) throws(BinaryFormatError) -> [String: T] {
        let count = try length()
        var result: [String: T] = [:]
        result.reserveCapacity(Swift.min(count, 4096))
        for _ in 0..<count {
            let key = try string()
            result[key] = try readValue(&self)
        }
        return result
    }
}

/// The binary data is not what `BinaryWriter` wrote for this version: truncated, damaged or from another format.
public struct BinaryFormatError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
