import Foundation
import Testing

@testable import Transcript

@Suite struct TranscriptRecordTests {
    private func object(_ record: TranscriptRecord) throws -> [String: Any] {
        let line = try TranscriptLine.encode(record)
        return try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
    }

    @Test func everyRecordCarriesTypeSchemaAndTime() throws {
        for record in Fixtures.session {
            let json = try object(record)
            #expect(json["type"] as? String == record.type)
            #expect(json["schema"] as? Int == 1)
            #expect((json["time"] as? String).flatMap(TranscriptTimestamp.date) == record.time)
        }
    }

    @Test func startUsesTheDocumentedFieldNames() throws {
        let json = try object(Fixtures.start)
        #expect(
            Set(json.keys) == [
                "type", "schema", "time", "programVersion", "dialogId", "dialogVersion", "dialogContentHash",
                "language", "mode", "sessionId",
            ])
        #expect(json["time"] as? String == "2026-11-24T21:30:05.000Z")
        #expect(json["mode"] as? String == "interactive")
    }

    @Test func turnUsesTheDocumentedFieldNames() throws {
        let json = try object(Fixtures.firstAnswer)
        #expect(
            Set(json.keys) == [
                "type", "schema", "time", "number", "stateBefore", "stateAfter", "user", "assistant", "slotsChanged",
            ])
        let changes = try #require(json["slotsChanged"] as? [[String: Any]])
        #expect(changes.first?["slot"] as? String == "channel")
        #expect(changes.first?["old"] == nil)
        #expect(try object(Fixtures.help)["intent"] as? String == "help")
        #expect(try object(Fixtures.greeting)["user"] == nil)
    }

    @Test func endAndRecommendationUseTheDocumentedFieldNames() throws {
        #expect(Set(try object(Fixtures.end).keys) == ["type", "schema", "time", "reason", "slots"])
        #expect(Set(try object(Fixtures.recommendation).keys) == ["type", "schema", "time", "situations", "remedies"])
        let signal = TranscriptRecord.end(.init(time: Fixtures.startTime, reason: .signal, detail: "SIGTERM", finalSlots: [:]))
        #expect(try object(signal)["detail"] as? String == "SIGTERM")
        #expect(try object(signal)["reason"] as? String == "signal")
    }

    @Test(arguments: Fixtures.session)
    func roundTrips(_ record: TranscriptRecord) throws {
        #expect(try TranscriptLine.decode(TranscriptLine.encode(record)) == record)
    }

    @Test func isOneLine() throws {
        let line = try TranscriptLine.encode(Fixtures.greeting)
        #expect(line.last == 0x0A)
        #expect(line.dropLast().contains(0x0A) == false)
    }

    @Test func ignoresFieldsAddedLater() throws {
        let line = #"{"type":"end","schema":1,"time":"2026-11-24T21:30:05.000Z","reason":"quit","slots":{},"rating":5}"#
        #expect(try TranscriptLine.decode(Data(line.utf8)) == .end(.init(time: Fixtures.startTime, reason: .quit, finalSlots: [:])))
    }

    @Test func refusesANewerSchema() {
        let line = #"{"type":"end","schema":2,"time":"2026-11-24T21:30:05.000Z","reason":"quit","slots":{}}"#
        #expect(throws: TranscriptRecord.UnsupportedSchemaError(schema: 2)) { try TranscriptLine.decode(Data(line.utf8)) }
    }

    @Test(arguments: [
        ("2026-11-24T21:30:05.123Z", 1_795_555_805_123),
        ("1969-12-31T23:59:59.000Z", -1000),
        ("2000-02-29T12:00:00.000Z", 951_825_600_000),
        ("1970-01-01T00:00:00.001Z", 1),
    ])
    func formatsTimesInUTCWithMilliseconds(_ text: String, _ milliseconds: Int) {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        #expect(TranscriptTimestamp.string(from: date) == text)
        #expect(TranscriptTimestamp.date(from: text) == date)
    }

    @Test func readsTimesWithoutOrWithLongerFractions() {
        #expect(TranscriptTimestamp.date(from: "2026-11-24T21:30:05Z") == Fixtures.startTime)
        #expect(TranscriptTimestamp.date(from: "2026-11-24T21:30:05.123456Z") == Fixtures.time(plus: 123))
        #expect(TranscriptTimestamp.date(from: "2026-11-24T21:30:05+08:00") == nil)
        #expect(TranscriptTimestamp.date(from: "2026-13-24T21:30:05Z") == nil)
    }

    @Test func redactionMasksPeopleButNotProgramIDs() throws {
        let hash = TranscriptRecord.start(
            .init(
                time: Fixtures.startTime, programVersion: "0.1.0", dialogID: "notice-help", dialogVersion: "1.0.0",
                dialogContentHash: "6222021234567894", language: "zh-Hans", mode: .script, sessionID: "3f9a1c"))
        #expect(hash.redacted(by: Redactor()) == hash)
        // A session id chosen by a host is the one id that may hold personal data.
        let phoneID = TranscriptRecord.start(
            .init(
                time: Fixtures.startTime, programVersion: "0.1.0", dialogID: "notice-help", dialogVersion: "1.0.0",
                dialogContentHash: "6222021234567894", language: "zh-Hans", mode: .script, sessionID: "13812345678"))
        guard case .start(let start) = phoneID.redacted(by: Redactor()) else { Issue.record("not a start"); return }
        #expect(start.sessionID == "138****5678")
        #expect(start.dialogContentHash == "6222021234567894")
        let turn = try #require(
            { if case .turn(let turn) = Fixtures.firstAnswer.redacted(by: Redactor()) { turn } else { nil } }())
        #expect(turn.userLine == "我收到优品商城的短信说逾期十五天了，我电话138****5678")
        #expect(turn.slotsChanged.last?.new == "138****5678")
        guard case .end(let end) = Fixtures.end.redacted(by: Redactor()) else { Issue.record("not an end"); return }
        #expect(end.finalSlots["phone"] == "138****5678")
        guard case .recommendation(let recommendation) = Fixtures.recommendation.redacted(by: Redactor()) else { return }
        #expect(recommendation.remedies[1].reasons == ["催收方打了138****5678以外的电话"])
        #expect(recommendation.remedies[1].title == "向12378投诉催收")
    }
}
