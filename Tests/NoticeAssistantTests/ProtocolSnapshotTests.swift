import Foundation
import Testing
@testable import NoticeAssistant

/// Saving a session and going on with it later: in the library and over the protocol.
@Suite struct ProtocolSnapshotTests {
    let assistant = ServeFixture.assistant

    @Test func aSnapshotResumesToTheSameSession() throws {
        var (session, _) = assistant.start(language: "zh-Hant")
        session = assistant.respond(to: "簡訊", in: session).session
        let resumed = try assistant.resume(from: assistant.snapshot(session))
        #expect(resumed.session == session)
        #expect(!resumed.dialogChanged)
        #expect(resumed.snapshotDialogVersion == "1.0.0")
        // The resumed session goes on exactly as the original would.
        #expect(assistant.respond(to: "沒有", in: resumed.session) == assistant.respond(to: "沒有", in: session))
    }

    @Test func theReminderAsksTheOpenQuestionAgainAndChangesNothing() {
        var (session, opening) = assistant.start(language: "en")
        #expect(assistant.reminder(for: session) == [opening.last!])
        session = assistant.respond(to: "sms", in: session).session
        let reminder = assistant.reminder(for: session)
        guard case .ask(let question)? = reminder.first else { Issue.record("no question: \(reminder)"); return }
        #expect(question.state == "ask_account")
        #expect(question.attempt == 0)
    }

    @Test func aSnapshotOfAnotherDialogIsRefused() throws {
        var other = assistant.dialog
        other.id = "other-dialog"
        let stranger = Assistant(dialog: other)
        let data = stranger.snapshot(stranger.start().session)
        #expect(throws: SnapshotError.otherDialog(expected: "serve-fixture", found: "other-dialog")) {
            try assistant.resume(from: data)
        }
    }

    @Test(arguments: ["", "{}", "not json", #"{"format":1}"#])
    func dataThatIsNotASnapshotIsRefused(text: String) {
        #expect {
            try assistant.resume(from: Data(text.utf8))
        } throws: { error in
            if case .unreadable = error as? SnapshotError { return true }
            return false
        }
    }

    @Test func aNewerFormatIsRefusedByName() throws {
        var object = try #require(JSONSerialization.jsonObject(with: assistant.snapshot(assistant.start().session)) as? [String: Any])
        object["format"] = 2
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: SnapshotError.unsupportedFormat(found: 2, supported: 1)) { try assistant.resume(from: data) }
    }

    @Test func anEditedDialogSaysSoAndDropsWhatItNoLongerHas() throws {
        var (session, _) = assistant.start(language: "en")
        session = assistant.respond(to: "sms", in: session).session
        session.values["removed_slot"] = .yes
        session.current = "a_state_that_was_removed"
        var edited = assistant.dialog
        edited.contentHash = "0000000000000000"
        let resumed = try Assistant(dialog: edited).resume(from: assistant.snapshot(session))
        #expect(resumed.dialogChanged)
        #expect(resumed.session.values == ["channel": .choices(["sms"])])
        #expect(resumed.session.current == "ask_account")
        #expect(resumed.session.turn == session.turn)
    }

    @Test func aConversationResumesWithItsOwnTranscript() throws {
        let first = MemoryTranscriptSink()
        var conversation = try Conversation(assistant: assistant, id: "one", language: "en", transcript: .sink(first))
        _ = conversation.respond(to: "sms")
        let saved = conversation.snapshot()
        conversation.end(.quit)

        let second = MemoryTranscriptSink()
        let resumed = try assistant.resume(from: saved)
        var again = try Conversation(assistant: assistant, id: "two", resuming: resumed.session, transcript: .sink(second))
        #expect(again.opening.map(\.text) == ["Have you registered there?"])
        let advice = again.respond(to: "never registered")
        #expect(ServeFixture.remedies(advice) == ["verify_sms", "dispute"])
        again.end(.completed)
        #expect(first.records.map(\.type) == ["start", "turn", "end"])
        #expect(second.records.map(\.type) == ["start", "turn", "recommendation", "end"])
    }

    @Test func theProtocolCarriesASnapshotFromOneSessionToANewOne() throws {
        var server = ProtocolServer(assistant: assistant, configuration: .init(transcripts: .none))
        _ = server.handle(line: ServeFixture.request(["type": "start", "session": "a", "language": "en"]))
        _ = server.handle(line: ServeFixture.request(["type": "line", "session": "a", "text": "call"]))
        let saved = server.handle(line: ServeFixture.request(["type": "snapshot", "session": "a"]))
        #expect(saved.map(\.type) == ["snapshot"])
        let snapshot = try #require(saved[0].json["snapshot"] as? String)
        _ = server.handle(line: ServeFixture.request(["type": "end", "session": "a"]))

        let resumed = server.handle(line: ServeFixture.request(["type": "start", "session": "b", "snapshot": snapshot]))
        #expect(resumed.map(\.type) == ["started", "ask"])
        #expect(resumed[0].json["resumed"] as? Bool == true)
        #expect(resumed[0].json["dialogChanged"] as? Bool == false)
        #expect(resumed[0].json["language"] as? String == "en")
        #expect(resumed[1].json["state"] as? String == "ask_account")
        let advice = server.handle(line: ServeFixture.request(["type": "line", "session": "b", "text": "yes"]))
        #expect(advice.map(\.type) == ["say", "recommendation", "say"])
        #expect((advice[1].json["remedies"] as? [[String: Any]])?.map { $0["id"] as? String } == ["check_app"])
    }

    @Test func theProtocolRefusesASnapshotOfAnotherDialog() {
        var other = assistant.dialog
        other.id = "other-dialog"
        let stranger = Assistant(dialog: other)
        let snapshot = stranger.snapshot(stranger.start().session).base64EncodedString()
        var server = ProtocolServer(assistant: assistant, configuration: .init(transcripts: .none))
        #expect(server.handle(line: ServeFixture.request(["type": "start", "snapshot": snapshot])).map(\.errorCode) == [.wrongDialog])
    }
}
