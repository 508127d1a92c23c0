import DialogCore
import Foundation

extension Assistant {
    /// The session as JSON data, to store and later hand to ``resume(from:)`` (in this process or another).
    ///
    /// ```swift
    /// let data = assistant.snapshot(session)
    /// let resumed = try assistant.resume(from: data)
    /// assert(resumed.session == session)
    /// ```
    public func snapshot(_ session: Session) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A Session holds strings, numbers and sets of strings: encoding it cannot fail.
        return (try? encoder.encode(SessionSnapshot(session: session, dialog: dialog))) ?? Data()
    }

    /// Reads a snapshot back. Refuses data that is not a snapshot, a format this library does not read, and a
    /// snapshot of another dialog; tells in ``ResumedSession/dialogChanged`` whether the dialog's files changed.
    ///
    /// ```swift
    /// let resumed = try assistant.resume(from: storedData)
    /// var session = resumed.session
    /// ```
    public func resume(from data: Data) throws(SnapshotError) -> ResumedSession {
        let snapshot: SessionSnapshot
        do {
            snapshot = try JSONDecoder().decode(SessionSnapshot.self, from: data)
        } catch {
            if let format = try? JSONDecoder().decode(FormatOnly.self, from: data).format, format != SessionSnapshot.currentFormat {
                throw .unsupportedFormat(found: format, supported: SessionSnapshot.currentFormat)
            }
            throw .unreadable(reason: Self.describe(error))
        }
        guard snapshot.format == SessionSnapshot.currentFormat else {
            throw .unsupportedFormat(found: snapshot.format, supported: SessionSnapshot.currentFormat)
        }
        guard snapshot.dialogID == dialog.id, snapshot.session.dialogID == dialog.id else {
            throw .otherDialog(expected: dialog.id, found: snapshot.dialogID == dialog.id ? snapshot.session.dialogID : snapshot.dialogID)
        }
        return ResumedSession(session: adapted(snapshot.session), dialogChanged: snapshot.dialogContentHash != dialog.contentHash,
                              snapshotDialogVersion: snapshot.dialogVersion)
    }

    /// What to show a person who comes back to a session: the open question again, or the advice once it was given.
    /// The session itself does not change.
    public func reminder(for session: Session) -> [DialogEvent] {
        engine.pending(session)
    }

    /// Drops what the current dialog no longer has, so an edited dialog cannot meet an answer it does not know.
    private func adapted(_ session: Session) -> Session {
        let compiled = engine.compiled
        var s = session
        if !dialog.languages.contains(s.language) { s.language = dialog.defaultLanguage }
        s.values = s.values.filter { id, value in
            guard let slot = compiled.slot(id) else { return false }
            if case .choices(let chosen) = value, slot.kind == .choice {
                return chosen.allSatisfy { choice in slot.values.contains { $0.id == choice } }
            }
            return true
        }
        s.answers = s.answers.map { answer in
            var answer = answer
            answer.changes = answer.changes.filter { compiled.slot($0.slot) != nil }
            if let heard = answer.heard, compiled.state(heard) == nil { answer.heard = nil }
            return answer
        }
        s.said = s.said.filter { compiled.state($0) != nil }
        s.heard = s.heard.filter { compiled.state($0) != nil }
        if let current = s.current, compiled.state(current) == nil {
            s.current = nil
            s = walkedAgain(s)
        }
        return s
    }

    /// The session with the question that is open now in this dialog, found by the engine's walk from the start.
    ///
    /// The engine walks only after a line, so this steps `back` over an answer that changed nothing: that undoes
    /// nothing, then walks. Replace it with a public walk when the engine has one.
    private func walkedAgain(_ session: Session) -> Session {
        guard let nothing = try? JSONDecoder().decode(Session.Answer.self, from: Data(#"{"turn":0,"changes":[]}"#.utf8)) else {
            return session
        }
        var s = session
        s.answers.append(nothing)
        var walked = engine.step(s, ":" + Command.back.rawValue).session
        walked.turn = session.turn
        walked.answers = session.answers
        return walked
    }

    private struct FormatOnly: Decodable {
        var format: Int
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context): return context.underlyingError.map { "\($0)" } ?? context.debugDescription
        case .keyNotFound(let key, _): return "`\(key.stringValue)` is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` has the wrong type"
        @unknown default: return "\(error)"
        }
    }
}
