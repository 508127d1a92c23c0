import Testing

@testable import DialogCore

/// `KinPatterns.substitute` puts the stand-in where each kin word is, the longest where two start together, and says
/// which part of the line each position stands for.
@Test func kinWordsBecomeTheStandInAndMapBack() {
    let line = Array("我前男友的贷款".unicodeScalars)
    // 前男友 (1..<4) and 男友 (2..<4): the longer one, from the leftmost start.
    let (scalars, origin) = KinPatterns.substitute(line[...], kin: [2..<4, 1..<4])
    #expect(String(String.UnicodeScalarView(scalars)) == "我\u{E000}的贷款")
    #expect(origin[1] == 1..<4)
    #expect(origin[2] == 4..<5)
}

/// A pattern hit covers the words as the person wrote them; a line without kin words is not read again.
@Test func aPatternHitCoversTheRelativeAsWritten() {
    var matcher = PhraseMatcher<CompiledDialog.Cue>()
    matcher.add("我\u{E000}的贷款", .choice(0, value: 0))
    matcher.add("my \u{E000} owes", .choice(0, value: 0))
    matcher.compile()
    let line = Array("这是我表哥的贷款".unicodeScalars)
    let hits = KinPatterns.hits(line, kin: [PhraseHit(range: 3..<5, cue: .word(.kin))], matcher: matcher)
    #expect(hits.map(\.range) == [2..<8])
    let english = Array("my brother-in-law owes them".unicodeScalars)
    let found = KinPatterns.hits(english, kin: [PhraseHit(range: 3..<17, cue: .word(.kin))], matcher: matcher)
    #expect(found.map(\.range) == [0..<22])
    #expect(KinPatterns.hits(line, kin: [], matcher: matcher).isEmpty)
}
