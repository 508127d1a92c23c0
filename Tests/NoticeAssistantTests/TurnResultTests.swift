import Foundation
import NoticeAssistant
import Testing

/// What the engine says a line did (`TurnResult`), which every host records without working it out again, and what
/// `Conversation.forgetTranscript()` does for each kind of sink.
@Suite struct TurnResultTests {
    let assistant = ServeFixture.assistant

    @Test func anAnswerListsWhatItChangedAndTheQuestionNowOpen() {
        let start = assistant.start(language: "en").session
        let turn = assistant.turn("a text", in: start)
        #expect(turn.changes == [SlotChange(slot: "channel", old: nil, new: .choices(["sms"]))])
        #expect(turn.command == nil)
        #expect(turn.stateBefore == start.current)
        #expect(turn.question?.slots == ["has_account"], "\(turn.events)")
        #expect(turn.advice == nil)
    }

    @Test func aCommandChangesNothingAndSaysWhichItWas() {
        let answered = assistant.turn("a text", in: assistant.start(language: "en").session).session
        let summary = assistant.turn("summary", in: answered)
        #expect(summary.command == .command(.summary))
        #expect(summary.changes.isEmpty)
        let back = assistant.turn("back", in: answered)
        #expect(back.command == .command(.back))
        #expect(back.changes == [SlotChange(slot: "channel", old: .choices(["sms"]), new: nil)])
    }

    @Test func theAdviceTurnCarriesTheAdvice() {
        var session = assistant.start(language: "en").session
        session = assistant.turn("a text", in: session).session
        let turn = assistant.turn("never registered", in: session)
        #expect(turn.advice != nil, "\(turn.events)")
        #expect(turn.question == nil)
    }

    @Test func theRecordIsMadeFromTheResult() throws {
        let sink = MemoryTranscriptSink()
        var conversation = try Conversation(assistant: assistant, language: "en", transcript: .sink(sink))
        _ = conversation.respond(to: "help")
        _ = conversation.respond(to: "a text")
        let turns = userTurns(in: sink)
        #expect(turns.map(\.intent) == ["help", nil])
        #expect(turns[1].slotsChanged == [.init(slot: "channel", old: nil, new: "text message")])
    }

    /// A line the engine found nothing in is recorded as not understood, and the line that started over as a
    /// restart (so that a transcript sets the old case's advice apart); answers and commands are neither.
    @Test func unansweredLinesAndRestartsAreRecorded() throws {
        let sink = MemoryTranscriptSink()
        var conversation = try Conversation(assistant: assistant, language: "en", transcript: .sink(sink))
        _ = conversation.respond(to: "blah blah")
        _ = conversation.respond(to: "a text")
        _ = conversation.respond(to: "restart")
        _ = conversation.respond(to: "yes")
        _ = conversation.respond(to: "back")
        let turns = userTurns(in: sink)
        #expect(turns.map(\.understood) == [false, nil, nil, nil, nil])
        #expect(turns.map(\.restarted) == [nil, nil, nil, true, false])
    }

    /// A topic with an `alert` (notice-help's thoughts of ending one's life) puts it on the turn's record; other turns
    /// have none.
    @Test func alertsOfTopicsAreRecorded() throws {
        let sink = MemoryTranscriptSink()
        var conversation = try Conversation(assistant: PromptLabelTests.assistant, language: "en", transcript: .sink(sink))
        _ = conversation.respond(to: "I am 3 months late on Fenqile and I want to kill myself")
        _ = conversation.respond(to: "no")
        let turns = userTurns(in: sink)
        #expect(turns.count == 2)
        #expect(turns.first?.alerts?.first?.contains("ending their life") == true)
        #expect(turns.last?.alerts == nil)
    }

    @Test func forgettingAHostsSinkClosesItAndRecordsNothingMore() throws {
        let sink = MemoryTranscriptSink()
        var conversation = try Conversation(assistant: assistant, language: "en", transcript: .sink(sink))
        #expect(conversation.forgetTranscript() == .closed)
        #expect(sink.isClosed)
        let recorded = sink.records.count
        _ = conversation.respond(to: "a text")
        #expect(sink.records.count == recorded, "nothing is recorded after forget")
        #expect(conversation.forgetTranscript() == .nothingKept)
    }

    @Test func forgettingAFileDeletesIt() throws {
        let folder = try TemporaryFolder()
        var conversation = try Conversation(assistant: assistant, language: "en", transcript: .directory(folder.url))
        let file = try #require(conversation.transcriptFile)
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(conversation.forgetTranscript() == .deleted(file))
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(conversation.transcriptFile == nil)
    }

    @Test func withoutATranscriptThereIsNothingToForget() throws {
        var conversation = try Conversation(assistant: assistant, language: "en", transcript: .none)
        #expect(conversation.forgetTranscript() == .nothingKept)
    }

    /// A yes or no right after a hedge, in answer to the question on screen, is a guess: unknown, and `--trace` says so.
    @Test func aGuessIsUnknownAndTheTraceSaysWhy() {
        var session = assistant.start(language: "en").session
        session = assistant.turn("a text", in: session).session
        let turn = assistant.turn("not sure registered", in: session)
        #expect(turn.changes == [SlotChange(slot: "has_account", old: nil, new: .unknown)], "\(turn.changes)")
        let explained = assistant.engine.explain(session, "not sure registered").lines.joined(separator: "\n")
        #expect(explained.contains("after a hedge: a guess"), "\(explained)")
    }

    /// A borrower named on an earlier line is remembered, and `--trace` shows it: the brother reached on the next line
    /// is the borrower, no one else, and the trace says why the call to him filled nothing.
    /// (notice-help: the fixture dialog has no relatives.)
    @Test func theTraceShowsABorrowerRememberedFromAnEarlierLine() throws {
        let noticeHelp = try Assistant(folder: PropertyDialogs.packageFolder.appendingPathComponent("Dialogs/notice-help"))
        var session = noticeHelp.start(language: "en").session
        let first = noticeHelp.engine.explain(session, "my brother borrowed it on Fenqile").lines.joined(separator: "\n")
        #expect(first.contains("remembers from now on: the borrower is brother"), "\(first)")
        session = noticeHelp.turn("my brother borrowed it on Fenqile", in: session).session
        let explained = noticeHelp.engine.explain(session, "they keep calling my brother").lines.joined(separator: "\n")
        #expect(explained.contains("remembered: the borrower from an earlier line is brother"), "\(explained)")
        #expect(explained.contains("names the borrower"), "\(explained)")
    }

    /// The turn records of the lines a person typed (not the greeting).
    private func userTurns(in sink: MemoryTranscriptSink) -> [TranscriptRecord.Turn] {
        sink.records.compactMap { record -> TranscriptRecord.Turn? in
            if case .turn(let turn) = record { return turn }
            return nil
        }.filter { $0.userLine != nil }
    }
}
