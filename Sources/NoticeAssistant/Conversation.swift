import DialogCore
import Foundation
import Transcript

/// One person's conversation with an ``Assistant``, recorded as it goes: the embedding counterpart of a `chat`
/// session. It writes the same transcript records as the command line (start, one per line, a recommendation when
/// advice is given, end) to the sink its ``TranscriptDestination`` gives, each before the reply is returned.
///
/// A value: copy it, keep it in a dictionary, move it between tasks. Two copies write to the same sink, so keep one
/// copy live.
///
/// ```swift
/// var conversation = try Conversation(assistant: assistant, language: "en", transcript: .none)
/// show(conversation.opening)
/// show(conversation.respond(to: "I got a text and I never registered"))
/// conversation.end(.completed)
/// ```
public struct Conversation: Sendable {
    /// The session id: in the transcript's `start` record and its file name.
    public let id: String
    /// The assistant the conversation runs on.
    public let assistant: Assistant
    /// The session as it is now.
    public private(set) var session: Session
    /// What to show first: the opening messages and question, or, for a resumed session, the open question again.
    public let opening: [DialogEvent]
    /// The file the transcript is written to, when it is a file (nil once forgotten).
    public private(set) var transcriptFile: URL?
    /// The first transcript write that failed, if any. The conversation goes on without its record; the host decides
    /// whether to warn the person or stop.
    public private(set) var transcriptError: (any Error)?
    /// True once the `end` record is written: after ``end(_:detail:at:)`` or a line that quit.
    public private(set) var isFinished = false

    private var recorder: SessionRecorder?

    /// Starts a new conversation, or resumes `session` (from ``Assistant/resume(from:)``), and writes its `start`
    /// record.
    ///
    /// - Parameters:
    ///   - id: The session id; by default six random hex digits.
    ///   - language: The language to start in (the dialog's default when nil or not declared); for a resumed session,
    ///     a language to switch to.
    ///   - session: A session to go on with, instead of a new one.
    ///   - opening: What to show first, when the host has worked it out itself (a resumption that says what it
    ///     restored); by default the opening of a new session, or the open question again for `session`.
    ///   - transcript: Where the records go; a new file in the default directory unless told otherwise.
    ///   - mode: How the session is driven, for the `start` record.
    ///   - programVersion: The host's version, for the `start` record.
    /// - Throws: when the transcript sink cannot be made or the `start` record cannot be written; nothing has been
    ///   said yet, so the host can report it and not start.
    public init(assistant: Assistant, id: String = TranscriptLocation.makeSessionID(), language: String? = nil,
                resuming session: Session? = nil, opening: [DialogEvent]? = nil,
                transcript: TranscriptDestination = .defaultDirectory,
                mode: TranscriptRecord.Start.Mode = .embedded, programVersion: String = Conversation.libraryVersion,
                at time: Date = Date()) throws {
        self.id = id
        self.assistant = assistant
        if var resumed = session {
            if let language, assistant.dialog.languages.contains(language) { resumed.language = language }
            self.session = resumed
            self.opening = opening ?? assistant.reminder(for: resumed)
        } else {
            let started = assistant.start(language: language)
            self.session = started.session
            self.opening = opening ?? started.events
        }
        let sink = try transcript.makeSink(sessionID: id, startedAt: time, redactor: assistant.redactor)
        self.transcriptFile = (sink as? FileTranscriptSink)?.file
        self.recorder = sink.map { SessionRecorder(sink: $0, assistant: assistant, sessionID: id) }
        do {
            try recorder?.start(self.session, mode: mode, programVersion: programVersion, at: time)
        } catch {
            try? sink?.close()
            throw error
        }
    }

    /// The version written in `start` records when the host gives none.
    public static let libraryVersion = "0.1.0"

    /// Steps the conversation with the person's line, records the turn, and returns what to show. A line that quits
    /// also writes the `end` record. After the end, lines are ignored and nothing is returned.
    public mutating func respond(to line: String, at time: Date = Date()) -> [DialogEvent] {
        turn(line, at: time)?.events ?? []
    }

    /// The same step, with everything the engine worked out about the line (what changed, which command ran, the
    /// open question, the advice); nil after the end. The one place a line is stepped and recorded: the command line,
    /// `serve` and embedding hosts all come through here.
    public mutating func turn(_ line: String, at time: Date = Date()) -> TurnResult? {
        guard !isFinished else { return nil }
        let result = assistant.turn(line, in: session)
        session = result.session
        note(recording { try $0.turn(line: line, result, at: time) })
        if result.session.ended { end(.quit, at: time) }
        return result
    }

    /// What the conversation knows so far (nothing is recorded).
    public var summary: Summary { assistant.summary(of: session) }

    /// The session as data, for ``Assistant/resume(from:)``.
    public func snapshot() -> Data { assistant.snapshot(session) }

    /// Writes the `end` record and closes the sink. Calling it again does nothing.
    public mutating func end(_ reason: TranscriptRecord.End.Reason, detail: String? = nil, at time: Date = Date()) {
        guard !isFinished else { return }
        isFinished = true
        let session = self.session
        note(recording { try $0.end(session, reason: reason, detail: detail, at: time) })
    }

    /// The person asked that this conversation not be kept: the sink is closed, nothing more is recorded, and a
    /// transcript file is deleted. The conversation itself goes on. A host's own sink is closed but cannot be deleted
    /// from here: ``TranscriptForgetting/closed`` tells the host to delete what it stored.
    public mutating func forgetTranscript() -> TranscriptForgetting {
        guard let recorder else { return .nothingKept }
        self.recorder = nil
        try? recorder.sink.close()
        guard let file = transcriptFile else { return .closed }
        transcriptFile = nil
        do {
            try FileManager.default.removeItem(at: file)
            return .deleted(file)
        } catch {
            return .notDeleted(file, reason: error.localizedDescription)
        }
    }

    /// Runs one write on the recorder; the error it threw, if any.
    private func recording(_ write: (SessionRecorder) throws -> Void) -> (any Error)? {
        guard let recorder else { return nil }
        do {
            try write(recorder)
            return nil
        } catch {
            return error
        }
    }

    private mutating func note(_ failure: (any Error)?) {
        if transcriptError == nil { transcriptError = failure }
    }
}
