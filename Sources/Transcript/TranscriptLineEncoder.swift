import Foundation

/// Writes a record as one transcript line, in one pass, into a byte buffer it keeps between records.
///
/// The bytes are exactly those `JSONEncoder` (sorted keys, slashes unescaped) writes for the record's `Codable` form,
/// followed by the extra escapes of ``TranscriptLine`` and a newline: keys in the order of their UTF-8 bytes,
/// `"` `\` and the C0 controls escaped as `JSONEncoder` escapes them (`\b` `\f` `\n` `\r` `\t`, else `\u00xx` in lower
/// case), and DEL, the C1 controls, the bidirectional controls, the zero-width characters, the line and paragraph
/// separators and the byte-order mark as `\uXXXX` in upper case. The tests compare the two on randomised records.
///
/// A hand-written encoder, because the `Codable` path cost more than anything else in a record's life but redaction;
/// it writes into ``LineBytes``, memory of its own, because an `Array`'s checks on every small append were most of
/// what was left.
struct TranscriptLineEncoder {
    /// The last line encoded, newline included. Each `encode` starts it again in the same memory.
    private var line = LineBytes(capacity: 4096)

    init() {}

    /// The last line encoded, newline included, as an array (for tests and one-off lines).
    var bytes: [UInt8] { line.withBytes { Array($0) } }

    /// The last line encoded, newline included, in place: what a sink writes.
    func withLine<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try line.withBytes(body)
    }

    /// Replaces the line with the one for `record`.
    mutating func encode(_ record: TranscriptRecord) {
        line.clear()
        switch record {
        case .start(let start): encode(start)
        case .turn(let turn): encode(turn)
        case .recommendation(let recommendation): encode(recommendation)
        case .end(let end): encode(end)
        }
        line.write(0x0A)
    }

    // Each kind writes its keys in sorted order by hand; the header's schema, time and type fall in among them.

    private mutating func encode(_ start: TranscriptRecord.Start) {
        key("dialogContentHash", first: true)
        string(start.dialogContentHash)
        key("dialogId")
        string(start.dialogID)
        key("dialogVersion")
        string(start.dialogVersion)
        key("language")
        string(start.language)
        key("mode")
        string(start.mode.rawValue)
        key("programVersion")
        string(start.programVersion)
        schema()
        key("sessionId")
        string(start.sessionID)
        timeAndType(start.time, TranscriptRecord.Start.type)
        line.write(UInt8(ascii: "}"))
    }

    private mutating func encode(_ turn: TranscriptRecord.Turn) {
        if let alerts = turn.alerts {
            key("alerts", first: true)
            array(alerts) { $0.string($1) }
        }
        key("assistant", first: turn.alerts == nil)
        array(turn.assistantMessages) { $0.string($1) }
        if let intent = turn.intent {
            key("intent")
            string(intent)
        }
        key("number")
        integer(turn.number)
        if let restarted = turn.restarted {
            key("restarted")
            boolean(restarted)
        }
        schema()
        key("slotsChanged")
        array(turn.slotsChanged) { encoder, change in
            var first = true
            if let new = change.new {
                encoder.key("new", first: first)
                encoder.string(new)
                first = false
            }
            if let old = change.old {
                encoder.key("old", first: first)
                encoder.string(old)
                first = false
            }
            encoder.key("slot", first: first)
            encoder.string(change.slot)
            encoder.line.write(UInt8(ascii: "}"))
        }
        key("stateAfter")
        string(turn.stateAfter)
        key("stateBefore")
        string(turn.stateBefore)
        timeAndType(turn.time, TranscriptRecord.Turn.type)
        if let understood = turn.understood {
            key("understood")
            boolean(understood)
        }
        if turn.userLine == nil { line.write(UInt8(ascii: "}")) }
        if let user = turn.userLine {
            key("user")
            string(user)
            line.write(UInt8(ascii: "}"))
        }
    }

    private mutating func encode(_ recommendation: TranscriptRecord.Recommendation) {
        key("remedies", first: true)
        array(recommendation.remedies) { encoder, remedy in
            encoder.key("id", first: true)
            encoder.string(remedy.id)
            encoder.key("reasons")
            encoder.array(remedy.reasons) { $0.string($1) }
            encoder.key("title")
            encoder.string(remedy.title)
            encoder.line.write(UInt8(ascii: "}"))
        }
        schema()
        key("situations")
        array(recommendation.situations) { $0.string($1) }
        timeAndType(recommendation.time, TranscriptRecord.Recommendation.type)
        line.write(UInt8(ascii: "}"))
    }

    private mutating func encode(_ end: TranscriptRecord.End) {
        var first = true
        if let detail = end.detail {
            key("detail", first: true)
            string(detail)
            first = false
        }
        key("reason", first: first)
        string(end.reason.rawValue)
        schema()
        key("slots")
        object(end.finalSlots) { $0.string($1) }
        timeAndType(end.time, TranscriptRecord.End.type, closing: end.finalValues == nil)
        if let values = end.finalValues {
            key("values")
            object(values) { encoder, list in encoder.array(list) { $0.string($1) } }
            line.write(UInt8(ascii: "}"))
        }
    }

    // MARK: Pieces

    /// `{"key":` for the first key of an object, `,"key":` for the others. Keys here are plain ASCII.
    private mutating func key(_ name: StaticString, first: Bool = false) {
        let length = name.utf8CodeUnitCount
        let out = line.room(for: length + 4)
        out[0] = first ? UInt8(ascii: "{") : UInt8(ascii: ",")
        out[1] = UInt8(ascii: "\"")
        (out + 2).update(from: name.utf8Start, count: length)
        out[length + 2] = UInt8(ascii: "\"")
        out[length + 3] = UInt8(ascii: ":")
        line.advance(by: length + 4)
    }

    private mutating func schema() {
        key("schema")
        integer(TranscriptRecord.schemaVersion)
    }

    /// The `time` and `type` keys, which follow each other in every kind; `closing` ends the object after them.
    private mutating func timeAndType(_ time: Date, _ type: String, closing: Bool = false) {
        key("time")
        line.write(UInt8(ascii: "\""))
        TranscriptTimestamp.append(time, to: &line)
        line.write(UInt8(ascii: "\""))
        key("type")
        string(type)
        if closing { line.write(UInt8(ascii: "}")) }
    }

    private mutating func boolean(_ value: Bool) {
        let word: StaticString = value ? "true" : "false"
        line.write(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    /// Decimal digits, most significant first, as `String(value)` writes them.
    private mutating func integer(_ value: Int) {
        if value < 0 { line.write(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var length = 1
        var scale: UInt = 10
        while length < 20, rest >= scale {
            length += 1
            scale = scale.multipliedReportingOverflow(by: 10).partialValue
        }
        let out = line.room(for: length)
        for index in stride(from: length - 1, through: 0, by: -1) {
            out[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        line.advance(by: length)
    }

    private mutating func array<Element>(_ elements: [Element], _ encodeElement: (inout Self, Element) -> Void) {
        line.write(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { line.write(UInt8(ascii: ",")) }
            encodeElement(&self, element)
        }
        line.write(UInt8(ascii: "]"))
    }

    /// An object with the keys of `dictionary` in the order of their UTF-8 bytes, as `JSONEncoder` sorts them.
    private mutating func object<Value>(_ dictionary: [String: Value], _ encodeValue: (inout Self, Value) -> Void) {
        line.write(UInt8(ascii: "{"))
        let sorted = dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (index, entry) in sorted.enumerated() {
            if index > 0 { line.write(UInt8(ascii: ",")) }
            string(entry.key)
            line.write(UInt8(ascii: ":"))
            encodeValue(&self, entry.value)
        }
        line.write(UInt8(ascii: "}"))
    }

    /// A JSON string with every escape described on the type.
    mutating func string(_ text: String) {
        line.write(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
        line.write(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var copied = 0  // bytes of `utf8` before this index are in the line
        var index = 0
        let count = utf8.count
        Self.needsLook.withUnsafeBufferPointer { needsLook in
            while index < count {
                // Eight bytes at a time while none needs a look: most of an English record.
                if index + 8 <= count, Self.isPlainASCII(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                // Else those eight byte by byte: printable ASCII, or a multi-byte character none of whose lead bytes
                // could need an escape, passes on one table load.
                let end = min(index + 8, count)
                while index < end {
                    if !needsLook[Int(utf8[index])] {
                        index += 1
                        continue
                    }
                    let (length, escape) = Self.escape(utf8, at: index)
                    if let escape {
                        line.write(UnsafeBufferPointer(rebasing: utf8[copied..<index]))
                        escape.write(to: &line)
                        copied = index + length
                    }
                    index += length
                }
            }
        }
        line.write(UnsafeBufferPointer(rebasing: utf8[copied..<count]))
    }

    /// Whether none of the eight bytes of `word` needs a look: each is printable ASCII (0x20 to 0x7E) and none is `"`
    /// or `\`. The usual word tests ("has a zero byte", "has a byte below n"), which never miss one.
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        let belowSpace = (word &- ones &* 0x20) & ~word
        let quote = hasZeroByte(word ^ (ones &* 0x22)), backslash = hasZeroByte(word ^ (ones &* 0x5C))
        let delete = hasZeroByte(word ^ (ones &* 0x7F))
        return (word | belowSpace | quote | backslash | delete) & highs == 0
    }

    /// Per byte: whether it needs a look — below 0x20, `"`, `\\`, DEL, or a lead byte of the characters
    /// `TranscriptLine` escapes (0xC2, 0xD8, 0xE2, 0xEF). One load per byte instead of eight comparisons.
    private static let needsLook: [Bool] = (0...255).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x7F, 0xC2, 0xD8, 0xE2, 0xEF].contains(byte)
    }

    /// How a character is escaped.
    private enum Escape {
        /// A backslash and one ASCII character: `\"`, `\\`, `\n`.
        case short(UInt8)
        /// `\u00xx` with lower-case hex, as `JSONEncoder` writes the C0 controls.
        case lowercaseHex(UInt32)
        /// `\uXXXX` with upper-case hex, as ``TranscriptLine`` escapes what a terminal would act on.
        case uppercaseHex(UInt32)

        func write(to line: inout LineBytes) {
            line.write(UInt8(ascii: "\\"))
            switch self {
            case .short(let letter):
                line.write(letter)
            case .lowercaseHex(let value):
                line.write(UInt8(ascii: "u"))
                Self.hex(value, letterA: UInt8(ascii: "a"), to: &line)
            case .uppercaseHex(let value):
                line.write(UInt8(ascii: "u"))
                Self.hex(value, letterA: UInt8(ascii: "A"), to: &line)
            }
        }

        /// Four hex digits, the letters counted from `letterA`.
        private static func hex(_ value: UInt32, letterA: UInt8, to line: inout LineBytes) {
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8((value >> UInt32(shift)) & 0xF)
                line.write(digit < 10 ? UInt8(ascii: "0") + digit : letterA + digit - 10)
            }
        }
    }

    /// The length of the character at `index` and its escape, if it needs one. Called for ASCII controls, `"`, `\`,
    /// DEL and the characters whose lead byte is one of those that the escaped characters start with.
    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Escape?) {
        let byte = utf8[index]
        switch byte {
        case 0x22: return (1, .short(UInt8(ascii: "\"")))
        case 0x5C: return (1, .short(UInt8(ascii: "\\")))
        case 0x08: return (1, .short(UInt8(ascii: "b")))
        case 0x0C: return (1, .short(UInt8(ascii: "f")))
        case 0x0A: return (1, .short(UInt8(ascii: "n")))
        case 0x0D: return (1, .short(UInt8(ascii: "r")))
        case 0x09: return (1, .short(UInt8(ascii: "t")))
        case 0x00..<0x20: return (1, .lowercaseHex(UInt32(byte)))
        case 0x7F: return (1, .uppercaseHex(0x7F))
        default: break
        }
        // A multi-byte character, valid UTF-8: decode it and ask the same question TranscriptLine asks of a scalar.
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            value = value << 6 | UInt32(utf8[index + offset] & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value), TranscriptLine.needsEscape(scalar) else { return (length, nil) }
        return (length, .uppercaseHex(value))
    }
}
