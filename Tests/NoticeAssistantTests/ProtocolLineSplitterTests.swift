import Testing
import NoticeAssistant

/// Cutting the input into lines without holding more than one line's limit.
@Suite struct ProtocolLineSplitterTests {
    @Test func linesMayArriveInAnyChunks() {
        var splitter = ProtocolLineSplitter(maximumLineLength: 100)
        var pieces = splitter.feed(Array("{\"a\"".utf8))
        #expect(pieces.isEmpty)
        pieces += splitter.feed(Array(":1}\n{\"b\":2}\n{\"c\"".utf8))
        pieces += splitter.feed(Array(":3}".utf8))
        pieces += splitter.finish()
        #expect(pieces == [.line(Array("{\"a\":1}".utf8)), .line(Array("{\"b\":2}".utf8)), .line(Array("{\"c\":3}".utf8))])
    }

    @Test func aLineOverTheLimitIsReportedOnceAndSkippedToItsNewline() {
        var splitter = ProtocolLineSplitter(maximumLineLength: 10)
        var pieces: [ProtocolLineSplitter.Piece] = []
        pieces += splitter.feed(Array("0123456".utf8))
        pieces += splitter.feed(Array("789abcdef".utf8))
        #expect(pieces == [.tooLong])
        pieces += splitter.feed([UInt8](repeating: 0x41, count: 1_000))
        pieces += splitter.feed(Array("tail\nok\n".utf8))
        #expect(pieces == [.tooLong, .line(Array("ok".utf8))])
    }

    @Test func aLineOfExactlyTheLimitIsALine() {
        var splitter = ProtocolLineSplitter(maximumLineLength: 4)
        #expect(splitter.feed(Array("abcd\nabcde\n".utf8)) == [.line(Array("abcd".utf8)), .tooLong])
    }

    @Test func anUnfinishedLongLineAtTheEndIsNotALine() {
        var splitter = ProtocolLineSplitter(maximumLineLength: 4)
        #expect(splitter.feed(Array("abcdefgh".utf8)) == [.tooLong])
        #expect(splitter.finish().isEmpty)
    }

    @Test func emptyLinesAreLines() {
        var splitter = ProtocolLineSplitter()
        #expect(splitter.feed(Array("\n\n".utf8)) == [.line([]), .line([])])
    }
}
