import Testing

@testable import DialogCore

/// A matcher over `phrases`, each carrying itself as payload; matches shown as "start..<end:payloads".
private func matches(_ phrases: [String], in text: String) -> [String] {
    var matcher = PhraseMatcher<String>()
    for phrase in phrases { matcher.add(phrase, phrase) }
    matcher.compile()
    return matcher.matches(in: Array(text.unicodeScalars)).map { match in
        "\(match.range.lowerBound)..<\(match.range.upperBound):\(match.payloads.joined(separator: "|"))"
    }
}

struct MatchCase: Sendable, CustomTestStringConvertible {
    var phrases: [String]
    var text: String
    var expected: [String]
    var testDescription: String { "\(phrases) in \(text.debugDescription)" }
}

private let matchCases: [MatchCase] = [
    // Overlapping phrases are all found, ordered by end.
    MatchCase(phrases: ["abc", "bcd"], text: "abcd", expected: ["0..<3:abc", "1..<4:bcd"]),
    MatchCase(phrases: ["he", "she", "his", "hers"], text: "ushers", expected: ["1..<4:she", "2..<4:he", "2..<6:hers"]),
    // A phrase that is a suffix of another: longer first at the same end.
    MatchCase(phrases: ["注册过", "没注册过"], text: "我没注册过", expected: ["1..<5:没注册过", "2..<5:注册过"]),
    MatchCase(phrases: ["没注册过", "注册过"], text: "注册过，没注册过", expected: ["0..<3:注册过", "4..<8:没注册过", "5..<8:注册过"]),
    // A phrase that is a prefix of another.
    MatchCase(phrases: ["短信", "短信说"], text: "短信说", expected: ["0..<2:短信", "0..<3:短信说"]),
    // A chain of suffixes, found through the dictionary links.
    MatchCase(phrases: ["a", "aa", "aaa"], text: "aaa", expected: ["0..<1:a", "0..<2:aa", "1..<2:a", "0..<3:aaa", "1..<3:aa", "2..<3:a"]),
    // Repeated and adjacent occurrences.
    MatchCase(phrases: ["逾期"], text: "逾期逾期", expected: ["0..<2:逾期", "2..<4:逾期"]),
    // A failure in the middle of a long phrase falls back to a shorter one.
    MatchCase(phrases: ["从来没有注册", "没有"], text: "从来没有借", expected: ["2..<4:没有"]),
    MatchCase(phrases: ["abcx", "bcd"], text: "abcd", expected: ["1..<4:bcd"]),
    // Nothing to find.
    MatchCase(phrases: ["花呗"], text: "借呗", expected: []),
    MatchCase(phrases: ["花呗"], text: "", expected: []),
    MatchCase(phrases: [], text: "任何文字", expected: []),
    // Scalars outside the BMP.
    MatchCase(phrases: ["𠮷野"], text: "吉野𠮷野家", expected: ["2..<4:𠮷野"]),
]

@Test(arguments: matchCases)
func findsEveryOccurrence(_ c: MatchCase) {
    #expect(matches(c.phrases, in: c.text) == c.expected)
}

@Test func samePhraseTwiceKeepsBothPayloads() {
    var matcher = PhraseMatcher<Int>()
    matcher.add("没有", 1)
    matcher.add("没有", 2)
    matcher.add("有", 3)
    matcher.compile()
    #expect(matcher.meaningCount == 2)
    let found = matcher.matches(in: Array("没有".unicodeScalars))
    #expect(found.map(\.range) == [0..<2, 1..<2])
    #expect(found.map(\.payloads) == [[1, 2], [3]])
}

@Test func phrasesWithTheSamePayloadsShareOneMeaning() {
    // The hundreds of synonyms of one value carry the same payload: it is held once, not once per phrase.
    var matcher = PhraseMatcher<Int>()
    for phrase in ["没有", "没借", "不是我", "没有借"] { matcher.add(phrase, 7) }
    matcher.add("是我", 8)
    matcher.add("借", 7)
    matcher.add("借", 9)
    matcher.compile()
    #expect(matcher.meaningCount == 3)
    let found = matcher.matches(in: Array("不是我没有借".unicodeScalars))
    #expect(found.map(\.range) == [0..<3, 1..<3, 3..<5, 3..<6, 5..<6])
    #expect(found.map { Array($0.payloads) } == [[7], [8], [7], [7], [7, 9]])
}

@Test func aMatcherNotYetCompiledFindsNothing() {
    var matcher = PhraseMatcher<Int>()
    #expect(matcher.matches(in: Array("没有".unicodeScalars)).isEmpty)
    #expect(matcher.meaningCount == 0 && matcher.nodeCount == 1)
    matcher.add("没有", 1)
    matcher.compile()
    #expect(matcher.matches(in: Array("没有".unicodeScalars)).count == 1)
}

@Test func emptyPhraseIsIgnored() {
    var matcher = PhraseMatcher<Int>()
    matcher.add("", 1)
    matcher.compile()
    #expect(matcher.meaningCount == 0)
    #expect(matcher.matches(in: Array("abc".unicodeScalars)).isEmpty)
    #expect(matcher.matches(in: []).isEmpty)
}

/// The matcher read back from its binary form finds exactly what the compiled one finds.
@Test(arguments: matchCases)
func matcherSurvivesTheBinaryRoundTrip(_ example: MatchCase) throws {
    var matcher = PhraseMatcher<String>()
    for phrase in example.phrases { matcher.add(phrase, phrase) }
    matcher.compile()
    var writer = BinaryWriter()
    matcher.write(to: &writer) { payload, w in w.string(payload) }
    var reader = try BinaryReader(writer.bytes)
    let decoded = try PhraseMatcher<String>(from: &reader) { r throws(BinaryFormatError) in try r.string() }
    #expect(reader.isAtEnd)
    let text = Array(example.text.unicodeScalars)
    #expect(decoded.matches(in: text).map { "\($0.range):\($0.payloads.joined(separator: "|"))" }
            == matcher.matches(in: text).map { "\($0.range):\($0.payloads.joined(separator: "|"))" })
}

/// The automaton is held in 16-bit numbers while everything fits, and in 32-bit ones when a scalar lies beyond the
/// BMP or the nodes outgrow 16 bits; either way, compiled or read back, it finds the same.
@Test func automatonWidensOnlyWhenItMust() throws {
    func roundTrip(_ matcher: PhraseMatcher<Int>) throws -> PhraseMatcher<Int> {
        var writer = BinaryWriter()
        matcher.write(to: &writer) { payload, w in w.unsigned(UInt64(payload)) }
        var reader = try BinaryReader(writer.bytes)
        return try PhraseMatcher<Int>(from: &reader) { r throws(BinaryFormatError) in Int(try r.unsigned()) }
    }
    func found(_ matcher: PhraseMatcher<Int>, _ text: String) -> [String] {
        matcher.matches(in: Array(text.unicodeScalars)).map { "\($0.range):\($0.payloads.map(String.init))" }
    }
    // Phrases of eight CJK characters from a block of 300: ~80,000 nodes for 12,000 of them, more than 16 bits can
    // number.
    let block = (0..<300).map { Character(Unicode.Scalar(0x4E00 + $0)!) }
    func phrase(_ n: Int) -> String { String([n % 300, n / 300, n * 7, n * 13, n * 17, n * 19, n * 23, n * 29].map { block[$0 % 300] }) }
    var small = PhraseMatcher<Int>(), large = PhraseMatcher<Int>(), beyondBMP = PhraseMatcher<Int>()
    for n in 0..<50 { small.add(phrase(n), n) }
    for n in 0..<12_000 { large.add(phrase(n), n) }
    for n in 0..<50 { beyondBMP.add(phrase(n), n) }
    beyondBMP.add("𠮷野", 99)
    small.compile()
    large.compile()
    beyondBMP.compile()
    #expect(small.isNarrow)
    #expect(!large.isNarrow && large.nodeCount > 65_535)
    #expect(!beyondBMP.isNarrow)
    let text = (0..<60).map(phrase).joined(separator: "，") + "吉野𠮷野家"
    for matcher in [small, large, beyondBMP] {
        let read = try roundTrip(matcher)
        #expect(read.isNarrow == matcher.isNarrow)
        #expect(found(read, text) == found(matcher, text))
    }
    let beyond = found(beyondBMP, text)
    #expect(found(small, text) == beyond.filter { !$0.hasSuffix(#"["99"]"#) })
    let length = text.unicodeScalars.count
    #expect(beyond.last == "\(length - 3)..<\(length - 1):[\"99\"]")
    #expect(found(large, text).count == 60)
}
