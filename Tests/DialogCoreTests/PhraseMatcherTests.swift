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
    #expect(matcher.phraseCount == 2)
    let found = matcher.matches(in: Array("没有".unicodeScalars))
    #expect(found.map(\.range) == [0..<2, 1..<2])
    #expect(found.map(\.payloads) == [[1, 2], [3]])
}

@Test func emptyPhraseIsIgnored() {
    var matcher = PhraseMatcher<Int>()
    matcher.add("", 1)
    matcher.compile()
    #expect(matcher.phraseCount == 0)
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
