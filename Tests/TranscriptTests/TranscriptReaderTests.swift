import Foundation
import Testing

@testable import Transcript

@Suite struct TranscriptReaderTests {
    private func lines(_ records: [TranscriptRecord]) throws -> Data {
        try records.reduce(into: Data()) { $0 += try TranscriptLine.encode($1) }
    }

    @Test func dropsATornLastLineWithAWarning() throws {
        var data = try lines([Fixtures.start, Fixtures.firstAnswer])
        let torn = try TranscriptLine.encode(Fixtures.help)
        data += torn.prefix(torn.count / 2)  // what kill -9 in the middle of a write leaves
        let contents = try TranscriptReader().read(data, path: "t.jsonl")
        #expect(contents.records == [Fixtures.start, Fixtures.firstAnswer])
        #expect(contents.warnings == [TranscriptReadWarning(path: "t.jsonl", line: 3, problem: .truncatedLastLine)])
        #expect(contents.warnings[0].description.hasPrefix("t.jsonl:3: warning:"))
    }

    @Test func acceptsACompleteLastLineWithoutNewline() throws {
        let data = try lines([Fixtures.start, Fixtures.end]).dropLast()
        let contents = try TranscriptReader().read(Data(data))
        #expect(contents.records == [Fixtures.start, Fixtures.end])
        #expect(contents.warnings.isEmpty)
    }

    @Test func skipsUnknownRecordTypesWithAWarning() throws {
        var data = try lines([Fixtures.start])
        data += Data(#"{"type":"feedback","schema":1,"time":"2026-11-24T21:31:00.000Z","stars":5}"#.utf8) + Data([0x0A])
        data += Data("\n   \n".utf8)
        data += try lines([Fixtures.end])
        let contents = try TranscriptReader().read(data)
        #expect(contents.records == [Fixtures.start, Fixtures.end])
        #expect(contents.warnings == [TranscriptReadWarning(path: nil, line: 2, problem: .unknownRecordType("feedback"))])
    }

    @Test func reportsAMalformedMiddleLineWithItsNumber() throws {
        var data = try lines([Fixtures.start, Fixtures.greeting])
        data += Data(#"{"type":"turn","schema":1,"time":"2026-11-24T21:31:00.000Z"}"#.utf8) + Data([0x0A])
        data += try lines([Fixtures.end])
        #expect {
            try TranscriptReader().read(data, path: "t.jsonl")
        } throws: { error in
            guard let error = error as? TranscriptReadError, case .malformedRecord(let reason) = error.problem else {
                return false
            }
            return error.line == 3 && reason.contains("number") && error.description.hasPrefix("t.jsonl:3: error:")
        }
    }

    @Test func reportsGarbageInTheMiddle() throws {
        var data = try lines([Fixtures.start])
        data += Data("not json at all\n".utf8)
        data += try lines([Fixtures.end])
        #expect(throws: TranscriptReadError.self) { try TranscriptReader().read(data) }
    }

    @Test func refusesRecordsFromANewerSchema() throws {
        let data = Data(#"{"type":"start","schema":7,"time":"2026-11-24T21:31:00.000Z"}"#.utf8) + Data([0x0A])
        #expect(throws: TranscriptReadError(path: nil, line: 1, problem: .unsupportedSchema(7))) {
            try TranscriptReader().read(data)
        }
    }

    @Test func reportsAMissingFile() {
        let url = URL(fileURLWithPath: "/nonexistent/transcript.jsonl")
        #expect {
            try TranscriptReader().read(contentsOf: url)
        } throws: { error in
            (error as? TranscriptReadError)?.path == url.path && (error as? TranscriptReadError)?.line == nil
        }
    }

    @Test func saysPlainlyWhenTheFileIsMissing() {
        let url = URL(fileURLWithPath: "/nonexistent/transcript.jsonl")
        do {
            _ = try TranscriptReader().read(contentsOf: url)
            Issue.record("a missing file was read")
        } catch {
            #expect(error.description == "/nonexistent/transcript.jsonl: error: cannot read the transcript: there is no such file; check the path (transcripts are kept in $XDG_STATE_HOME/notice-assistant/transcripts, ~/.local/state/… by default)")
            #expect(!error.description.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func readsAnEmptyFile() throws {
        #expect(try TranscriptReader().read(Data()) == TranscriptContents(records: [], warnings: []))
    }
}
