import Foundation
import Testing
@testable import NoticeAssistant

/// The protocol core, driven without a process: each request line in, the responses out.
@Suite struct ProtocolServerTests {
    let sinks = SinkShelf()

    func makeServer(maximumSessions: Int = 10_000) -> ProtocolServer {
        let shelf = sinks
        return ProtocolServer(assistant: ServeFixture.assistant, configuration: .init(
            transcripts: .sinks { id, _ in shelf.make(id) }, programVersion: "test", maximumSessions: maximumSessions,
            clock: { Date(timeIntervalSince1970: 1_800_000_000) }))
    }

    @Test func aConversationFromStartToEnd() throws {
        var server = makeServer()
        let started = server.handle(line: ServeFixture.request(["type": "start", "session": "a", "language": "en", "ref": "r1"]))
        #expect(started.map(\.type) == ["started", "say", "ask"])
        #expect(started.map(\.last) == [false, false, true])
        #expect(started.allSatisfy { $0.session == "a" && $0.ref == "r1" })
        let ask = started[2].json
        #expect(ask["v"] as? Int == 1)
        #expect(ask["text"] as? String == "Did it come as a text or a call?")
        #expect(ask["slots"] as? [String] == ["channel"])
        #expect((ask["choices"] as? [[String: String]])?.map { $0["id"]! } == ["sms", "call"])

        let reprompt = server.handle(line: ServeFixture.request(["type": "line", "session": "a", "text": "what?"]))
        #expect(reprompt.map(\.type) == ["reprompt"])
        #expect(reprompt[0].json["attempt"] as? Int == 1)

        _ = server.handle(line: ServeFixture.request(["type": "line", "session": "a", "text": "sms"]))
        let advice = server.handle(line: ServeFixture.request(["type": "line", "session": "a", "text": "never registered"]))
        #expect(advice.map(\.type) == ["say", "recommendation", "say"])
        let recommendation = advice[1].json
        let remedies = try #require(recommendation["remedies"] as? [[String: Any]])
        #expect(remedies.map { $0["id"] as? String } == ["verify_sms", "dispute"])
        #expect(remedies[1]["reasons"] as? [String] == ["account there: no"])
        #expect((recommendation["situations"] as? [[String: String]])?.first?["id"] == "not_my_debt")

        let summary = server.handle(line: ServeFixture.request(["type": "summary", "session": "a"]))
        #expect(summary.map(\.type) == ["summary"])
        #expect(summary[0].json["situations"] as? [String] == ["not_my_debt"])

        let end = server.handle(line: ServeFixture.request(["type": "end", "session": "a"]))
        #expect(end.map(\.type) == ["end"])
        #expect(end[0].json["reason"] as? String == "requested")
        #expect(server.sessionIDs.isEmpty)

        let records = sinks.records("a")
        #expect(records.map(\.type) == ["start", "turn", "turn", "turn", "recommendation", "end"])
        guard case .start(let start) = records.first, case .end(let ending) = records.last else { return }
        #expect(start.mode == .embedded)
        #expect(start.sessionID == "a")
        #expect(start.programVersion == "test")
        #expect(ending.reason == .completed)
        #expect(sinks.isClosed("a"))
    }

    @Test func quittingEndsTheSessionWithItsGoodbye() {
        var server = makeServer()
        _ = server.handle(line: ServeFixture.request(["type": "start", "session": "q", "language": "en"]))
        let bye = server.handle(line: ServeFixture.request(["type": "line", "session": "q", "text": "quit"]))
        #expect(bye.map(\.type) == ["end"])
        #expect(bye[0].json["reason"] as? String == "quit")
        #expect(bye[0].text == "Goodbye.")
        #expect(server.handle(line: ServeFixture.request(["type": "line", "session": "q", "text": "sms"])).map(\.errorCode) == [.unknownSession])
        guard case .end(let ending)? = sinks.records("q").last else { Issue.record("no end record"); return }
        #expect(ending.reason == .quit)
    }

    @Test func interleavedSessionsEachEndAsIfAlone() {
        var server = makeServer()
        let count = ServeFixture.scripts.count
        for index in 0..<count {
            _ = server.handle(line: ServeFixture.request(["type": "start", "session": "s\(index)", "language": ServeFixture.languages[index % 3]]))
        }
        var advice: [String: [String]] = [:]
        for turn in 0..<4 {
            for (index, script) in ServeFixture.scripts.enumerated() where turn < script.lines.count {
                let responses = server.handle(line: ServeFixture.request(["type": "line", "session": "s\(index)", "text": script.lines[turn]]))
                #expect(responses.allSatisfy { $0.session == "s\(index)" })
                for case .dialog(.recommendation(let recommendation)) in responses.map(\.event) {
                    advice["s\(index)"] = recommendation.remedies.map(\.id)
                }
            }
        }
        for (index, script) in ServeFixture.scripts.enumerated() {
            #expect(advice["s\(index)"] ?? [] == script.remedies, "session s\(index)")
        }
    }

    @Test func theEndOfInputEndsEverySessionInOrder() {
        var server = makeServer()
        for id in ["x", "y", "z"] { _ = server.handle(line: ServeFixture.request(["type": "start", "session": id])) }
        _ = server.handle(line: ServeFixture.request(["type": "end", "session": "y"]))
        let closing = server.finish(.endOfInput)
        #expect(closing.map(\.session) == ["x", "z"])
        #expect(closing.map(\.type) == ["end", "end"])
        #expect(closing.map(\.last) == [false, true])
        #expect(closing.allSatisfy { $0.json["reason"] as? String == "end_of_input" })
        for id in ["x", "z"] {
            guard case .end(let ending)? = sinks.records(id).last else { Issue.record("\(id) has no end record"); continue }
            #expect(ending.reason == .endOfInput)
        }
        #expect(server.finish(.endOfInput).isEmpty)
    }

    @Test(arguments: [
        (Array("hello".utf8), ProtocolError.Code.notJSON),
        (Array("{\"type\":".utf8), .notJSON),
        ([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D], .invalidUTF8),
        (Array("[1,2]".utf8), .badRequest),
        (Array("{\"session\":\"a\"}".utf8), .badRequest),
        (Array("{\"type\":5}".utf8), .badRequest),
        (Array("{\"type\":\"dance\",\"session\":\"a\"}".utf8), .unknownType),
        (Array("{\"type\":\"line\",\"session\":\"nobody\",\"text\":\"hi\"}".utf8), .unknownSession),
        (Array("{\"type\":\"line\",\"text\":\"hi\"}".utf8), .badRequest),
        (Array("{\"type\":\"start\",\"v\":2}".utf8), .unsupportedVersion),
        (Array("{\"type\":\"start\",\"session\":\"../etc\"}".utf8), .badSessionID),
        (Array("{\"type\":\"start\",\"language\":\"fr\"}".utf8), .unknownLanguage),
        (Array("{\"type\":\"start\",\"snapshot\":\"not base64!\"}".utf8), .badSnapshot),
        (Array("{\"type\":\"start\",\"snapshot\":\"e30=\"}".utf8), .badSnapshot),
    ])
    func aBadRequestGetsAnErrorAndTheOthersGoOn(line: [UInt8], code: ProtocolError.Code) {
        var server = makeServer()
        _ = server.handle(line: ServeFixture.request(["type": "start", "session": "a", "language": "en"]))
        let responses = server.handle(line: line)
        #expect(responses.map(\.errorCode) == [code])
        #expect(responses[0].last)
        #expect(!(responses[0].json["message"] as? String ?? "").isEmpty)
        #expect(server.handle(line: ServeFixture.request(["type": "line", "session": "a", "text": "sms"])).map(\.type) == ["ask"])
    }

    @Test func anErrorNamesTheSessionAndRefItCouldRead() {
        var server = makeServer()
        let responses = server.handle(line: Array(#"{"type":"line","session":"ghost","ref":"r9","text":"x"}"#.utf8))
        #expect(responses[0].session == "ghost")
        #expect(responses[0].ref == "r9")
        #expect(responses[0].json["code"] as? String == "unknown_session")
    }

    @Test func aLineOverTheLimitIsRefusedUnread() {
        var server = makeServer()
        let long = [UInt8](repeating: 0x20, count: ProtocolServer.maximumLineLength) + Array("{}".utf8)
        #expect(server.handle(line: long).map(\.errorCode) == [.lineTooLong])
        #expect(server.lineTooLong().map(\.errorCode) == [.lineTooLong])
    }

    @Test func blankLinesAndCarriageReturnsAreForgiven() {
        var server = makeServer()
        #expect(server.handle(line: Array("   ".utf8)).isEmpty)
        #expect(server.handle(line: Array("{\"type\":\"start\",\"session\":\"r\"}\r".utf8)).first?.type == "started")
    }

    @Test func aSessionIDIsOpenOnlyOnce() {
        var server = makeServer()
        _ = server.handle(line: ServeFixture.request(["type": "start", "session": "dup"]))
        #expect(server.handle(line: ServeFixture.request(["type": "start", "session": "dup"])).map(\.errorCode) == [.sessionExists])
    }

    @Test func aStartWithoutAnIDGetsANewOne() {
        var server = makeServer()
        let first = server.handle(line: ServeFixture.request(["type": "start"]))[0].session
        let second = server.handle(line: ServeFixture.request(["type": "start"]))[0].session
        #expect(first != nil && second != nil && first != second)
        #expect(server.sessionIDs == [first!, second!])
    }

    @Test func theNumberOfOpenSessionsIsBounded() {
        var server = makeServer(maximumSessions: 2)
        _ = server.handle(line: ServeFixture.request(["type": "start"]))
        _ = server.handle(line: ServeFixture.request(["type": "start"]))
        #expect(server.handle(line: ServeFixture.request(["type": "start"])).map(\.errorCode) == [.tooManySessions])
    }

    @Test func aSessionWhoseTranscriptCannotBeOpenedDoesNotStart() {
        var server = ProtocolServer(assistant: ServeFixture.assistant, configuration: .init(
            transcripts: .sinks { _, _ in throw TranscriptError.noStateDirectory }))
        #expect(server.handle(line: ServeFixture.request(["type": "start", "session": "t"])).map(\.errorCode) == [.transcriptFailed])
        #expect(server.sessionIDs.isEmpty)
    }

    @Test func aTranscriptThatFailsLaterIsReportedOnceAndTheSessionGoesOn() {
        let sink = FailingSink(failAfter: 1)
        var server = ProtocolServer(assistant: ServeFixture.assistant, configuration: .init(transcripts: .sink(sink)))
        _ = server.handle(line: ServeFixture.request(["type": "start", "session": "f", "language": "en"]))
        let first = server.handle(line: ServeFixture.request(["type": "line", "session": "f", "text": "sms"]))
        #expect(first.map(\.type) == ["ask", "error"])
        #expect(first.last?.errorCode == .transcriptFailed)
        let second = server.handle(line: ServeFixture.request(["type": "line", "session": "f", "text": "yes"]))
        #expect(second.map(\.type) == ["say", "recommendation", "say"])
    }

    @Test func everyResponseIsOneLineOfJSON() {
        var server = makeServer()
        var responses = server.handle(line: ServeFixture.request(["type": "start", "session": "j", "language": "zh-Hant"]))
        responses += server.handle(line: ServeFixture.request(["type": "line", "session": "j", "text": "簡訊\n沒有"]))
        responses += server.handle(line: Array("nope".utf8))
        responses += server.finish(.signal("SIGTERM"))
        for response in responses {
            let line = response.jsonLine()
            #expect(line.last == 0x0A)
            #expect(!line.dropLast().contains(0x0A))
            #expect(String(decoding: line.prefix(8), as: UTF8.self) == #"{"v":1,""#)
            #expect(response.json["type"] as? String == response.type)
        }
    }
}

/// Memory sinks by session id, made by the server's transcript factory.
final class SinkShelf: Sendable {
    private let sinks = TestLocked<[String: MemoryTranscriptSink]>([:])

    func make(_ id: String) -> MemoryTranscriptSink {
        let sink = MemoryTranscriptSink()
        sinks.withLock { $0[id] = sink }
        return sink
    }

    func records(_ id: String) -> [TranscriptRecord] { sinks.withLock { $0[id] }?.records ?? [] }
    func isClosed(_ id: String) -> Bool { sinks.withLock { $0[id] }?.isClosed ?? false }
}

/// A sink that takes `failAfter` records, then fails every write.
final class FailingSink: TranscriptSink {
    private let written = TestLocked(0)
    private let failAfter: Int

    init(failAfter: Int) {
        self.failAfter = failAfter
    }

    func write(_ record: TranscriptRecord) throws {
        try written.withLock { count in
            guard count < failAfter else { throw TranscriptError.writeFailed(path: "test", reason: "the disk is full") }
            count += 1
        }
    }

    func close() throws {}
}
