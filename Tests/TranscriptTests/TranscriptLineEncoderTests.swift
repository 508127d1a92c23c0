import Foundation
import Testing

@testable import Transcript

/// The hand-written encoder against the `Codable` path it replaced: the same bytes for every kind of record.
@Suite struct TranscriptLineEncoderTests {
    /// How lines were made before ``TranscriptLineEncoder``: `JSONEncoder`, then the extra escapes scalar by scalar.
    static func referenceLine(_ record: TranscriptRecord) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(record), as: UTF8.self)
        var line: [UInt8] = []
        for scalar in json.unicodeScalars {
            if TranscriptLine.needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                line += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            } else {
                UTF8.encode(scalar) { line.append($0) }
            }
        }
        line.append(0x0A)
        return line
    }

    @Test func writesTheSameBytesAsJSONEncoderForRandomRecords() throws {
        var generator = RecordGenerator(seed: 0x7E57_11E5)
        var encoder = TranscriptLineEncoder()
        var kinds: Set<String> = []
        for _ in 0..<5_000 {
            let record = generator.record()
            encoder.encode(record)
            let expected = try Self.referenceLine(record)
            #expect(encoder.bytes == expected, "\(String(decoding: expected, as: UTF8.self))")
            kinds.insert(record.type)
        }
        #expect(kinds == ["start", "turn", "recommendation", "end"])
    }

    /// The encoder skips plain text eight bytes at a time: each character that needs a look, at every offset of a
    /// run of ASCII and of Chinese, must come out as the reference writes it.
    @Test func findsEscapesAtEveryOffset() throws {
        let looked = ["\"", "\\", "\n", "\u{1}", "\u{7F}", "\u{85}", "é", "\u{61C}", "ؠ", "\u{2028}", "–", "\u{FEFF}", "，", "中"]
        var encoder = TranscriptLineEncoder()
        for padding in ["abcdefghijklmnopq", "收到通知说我逾期了请尽快还款谢谢"] {
            for character in looked {
                for offset in 0...padding.count {
                    var text = padding
                    text.insert(contentsOf: character, at: text.index(text.startIndex, offsetBy: offset))
                    let record = TranscriptRecord.end(.init(time: Fixtures.startTime, reason: .error, detail: text, finalSlots: [:]))
                    encoder.encode(record)
                    #expect(encoder.bytes == (try Self.referenceLine(record)), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func writesTheSameBytesForTheFixtures() throws {
        var encoder = TranscriptLineEncoder()
        for record in Fixtures.session {
            encoder.encode(record)
            #expect(encoder.bytes == (try Self.referenceLine(record)))
        }
    }

    @Test func escapesEveryCharacterATerminalWouldActOn() throws {
        var text = ""
        for value in Array(0x00...0xA0) + [0x061C, 0x200B, 0x200F, 0x2028, 0x202E, 0x2060, 0x2064, 0x2066, 0x2069, 0xFEFF] {
            text.unicodeScalars.append(Unicode.Scalar(UInt32(value))!)
        }
        text += "\"\\/é中文👨‍👩‍👧\u{2065}\u{2027}\u{FEFE}\u{10FFFF}"
        let record = TranscriptRecord.end(.init(time: Fixtures.startTime, reason: .error, detail: text, finalSlots: [text: text]))
        var encoder = TranscriptLineEncoder()
        encoder.encode(record)
        #expect(encoder.bytes == (try Self.referenceLine(record)))
        #expect(try TranscriptLine.decode(Data(encoder.bytes)) == record)
    }

    /// A line longer than the memory the encoder starts with grows it, and the next, shorter line reuses it; the
    /// integers are written as `String` writes them at both ends of their range.
    @Test func writesLongLinesAndEveryInteger() throws {
        var encoder = TranscriptLineEncoder()
        let long = String(repeating: "逾期 overdue \"3000\" 元\n", count: 900)
        for (number, text) in [(Int.max, long), (Int.min, "short"), (0, long), (-7, ""), (1_000_000_000_000_000_000, "x")] {
            let record = TranscriptRecord.turn(.init(time: Fixtures.startTime, number: number, stateBefore: "a", stateAfter: "b",
                                                     userLine: text, assistantMessages: [text, text]))
            encoder.encode(record)
            #expect(encoder.bytes == (try Self.referenceLine(record)))
        }
    }

    @Test func writesTimesLikeTheTimestampFormat() {
        for seconds in [0.0, -1.0, 1_795_000_000.0005, 1_795_000_000.9995, 253_402_300_799.999, 253_402_300_800.0, 3_000_000_000_000.0, -62_135_596_800.0, -62_200_000_000.0,
                        -100_000_000_000.0] {
            let date = Date(timeIntervalSince1970: seconds)
            var bytes: [UInt8] = []
            TranscriptTimestamp.append(date, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.paddedTimestamp(date))
        }
    }

    /// The timestamp as it was written before it was written as bytes.
    static func paddedTimestamp(_ date: Date) -> String {
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let c = TranscriptTimestamp.components(of: date)
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
            + ".\(pad(c.millisecond, 3))Z"
    }
}

/// Records of every kind with random fields: texts from ``TextGenerator`` and the characters JSON and terminals care
/// about, optional fields missing or present, empty and long lists, slot names that sort in surprising ways.
struct RecordGenerator {
    private var random: TextGenerator

    init(seed: UInt64) { random = TextGenerator(seed: seed) }

    static let odd = [
        "", "\"", "\\", "/", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "\u{1B}[31m", "\u{0}", "\u{1F}", "\u{8}\u{C}\n\r\t",
        "\u{202E}", "\u{2066}", "\u{200B}", "\u{2028}", "\u{FEFF}", "\u{061C}", "繁體中文", "简体中文", "😀", "👨‍👩‍👧",
        "e\u{301}", "\u{10FFFF}", "\u{FFFD}", "http://example.com/a?b=c", "<script>", "null", "1", "A", "a", "_", "Z10", "z9",
    ]

    mutating func text() -> String {
        var text = ""
        for _ in 0..<random.below(4) {
            text += random.below(2) == 0 ? random.pick(Self.odd) : random.text()
        }
        return text
    }

    mutating func optionalText() -> String? { random.below(3) == 0 ? nil : text() }

    mutating func texts() -> [String] { (0..<random.below(4)).map { _ in text() } }

    mutating func time() -> Date {
        Date(timeIntervalSince1970: Double(random.below(4_000_000_000_000)) / 1000 - 100_000_000)
    }

    mutating func record() -> TranscriptRecord {
        switch random.below(4) {
        case 0:
            return .start(.init(
                time: time(), programVersion: text(), dialogID: text(), dialogVersion: text(), dialogContentHash: text(),
                language: text(), mode: random.pick(TranscriptRecord.Start.Mode.allCases), sessionID: text()))
        case 1:
            let changes = (0..<random.below(4)).map { _ in
                TranscriptRecord.Turn.SlotChange(slot: text(), old: optionalText(), new: optionalText())
            }
            return .turn(.init(
                time: time(), number: random.below(3) == 0 ? -random.below(100) : random.below(100_000),
                stateBefore: text(), stateAfter: text(), userLine: optionalText(), assistantMessages: texts(),
                slotsChanged: changes, intent: optionalText(),
                understood: random.below(3) == 0 ? random.below(2) == 0 : nil,
                restarted: random.below(3) == 0 ? random.below(2) == 0 : nil,
                alerts: random.below(4) == 0 ? texts() : nil))
        case 2:
            let remedies = (0..<random.below(4)).map { _ in
                TranscriptRecord.Recommendation.Remedy(id: text(), title: text(), reasons: texts())
            }
            return .recommendation(.init(time: time(), situations: texts(), remedies: remedies))
        default:
            var slots: [String: String] = [:]
            var values: [String: [String]] = [:]
            for _ in 0..<random.below(6) {
                slots[text()] = text()
                values[text()] = texts()
            }
            return .end(.init(
                time: time(), reason: random.pick(TranscriptRecord.End.Reason.allCases), detail: optionalText(),
                finalSlots: slots, finalValues: random.below(3) == 0 ? nil : values))
        }
    }
}
