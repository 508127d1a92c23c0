import Testing
@testable import LineEditor

@Suite("Tab completion") struct TabCompletionTests {
    let platforms = ["优品商城", "京东白条", "借呗", "借贷宝", "花呗"]

    @Test func aUniqueCandidateIsCompleted() {
        #expect(TabCompletion(word: "优", candidates: platforms) == .insert("品商城"))
        #expect(TabCompletion(word: "京东", candidates: platforms) == .insert("白条"))
    }

    @Test func severalCandidatesAreListedAfterTheirCommonPart() {
        #expect(TabCompletion(word: "借", candidates: platforms) == .list(insert: "", candidates: ["借呗", "借贷宝"]))
        #expect(
            TabCompletion(word: "a", candidates: ["abcx", "abcy", "zzz"])
                == .list(insert: "bc", candidates: ["abcx", "abcy"]))
    }

    @Test func theEndOfAWordWrittenWithoutSpacesIsCompleted() {
        #expect(TabCompletion(word: "我在优品", candidates: platforms) == .insert("商城"))
    }

    @Test func theLongestContinuedEndWins() {
        #expect(TabCompletion(word: "ab", candidates: ["abc", "bcd"]) == .insert("c"))
    }

    @Test func nothingToDo() {
        #expect(TabCompletion(word: "微信", candidates: platforms) == .nothing)
        #expect(TabCompletion(word: "借呗", candidates: ["借呗"]) == .nothing)
        #expect(TabCompletion(word: "优", candidates: []) == .nothing)
    }

    @Test func repeatedCandidatesCountOnce() {
        #expect(TabCompletion(word: "优", candidates: ["优品商城", "优品商城"]) == .insert("品商城"))
    }
}
