/// Something bytes are written into one at a time or a run at a time: a line being encoded, or an array.
protocol ByteWriter {
    mutating func write(_ byte: UInt8)
    mutating func write(_ run: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteWriter where Element == UInt8 {
    mutating func write(_ byte: UInt8) { append(byte) }
    mutating func write(_ run: UnsafeBufferPointer<UInt8>) { append(contentsOf: run) }
}

/// The bytes of one transcript line, written into memory kept from line to line.
///
/// An `Array`'s every append checks that it is the array's only owner and has room, and a record is a few hundred
/// small appends (a key is five, a string two quotes and its runs): that was two thirds of encoding a record. Here a
/// write checks room and stores, and the memory is checked to be this value's own once a line (``clear()``).
struct LineBytes: ByteWriter {
    /// The memory: freed when the last value holding it goes.
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    /// How many bytes the line holds so far.
    private(set) var count = 0

    init(capacity: Int) {
        storage = Storage(capacity: max(capacity, 16))
    }

    /// Starts a new line, keeping the memory (or taking new memory, if a copy of this value still holds it).
    mutating func clear() {
        count = 0
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(capacity: storage.capacity) }
    }

    /// The line so far, valid until the next write or `clear()`.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: storage.base, count: count))
    }

    mutating func write(_ byte: UInt8) {
        if count == storage.capacity { grow(toHold: count + 1) }
        storage.base[count] = byte
        count += 1
    }

    mutating func write(_ run: UnsafeBufferPointer<UInt8>) {
        guard let source = run.baseAddress, run.count > 0 else { return }
        (room(for: run.count)).update(from: source, count: run.count)
        count += run.count
    }

    /// Where the next `length` bytes go, with room for them made; the caller stores them and adds them to ``count``
    /// with ``advance(by:)``.
    mutating func room(for length: Int) -> UnsafeMutablePointer<UInt8> {
        if count + length > storage.capacity { grow(toHold: count + length) }
        return storage.base + count
    }

    /// Counts `length` bytes stored through ``room(for:)``.
    mutating func advance(by length: Int) {
        count += length
    }

    @inline(never)
    private mutating func grow(toHold needed: Int) {
        let larger = Storage(capacity: max(needed, storage.capacity * 2))
        larger.base.update(from: storage.base, count: count)
        storage = larger
    }
}
