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

    /// Reads a snapshot back. Refuses data that is not a snapshot, a format this library does not read, a snapshot of
    /// another dialog, one of a session that had ended, and one that holds what the dialog could not have produced
    /// (counters out of range, unknown states or choices, values of the wrong kind: ``SnapshotError/invalid(reason:)``);
    /// tells in ``ResumedSession/dialogChanged`` whether the dialog's files changed.
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
        let sameFiles = snapshot.dialogContentHash == dialog.contentHash
        if let problem = problem(in: snapshot.session, sameFiles: sameFiles) { throw .invalid(reason: problem) }
        guard !snapshot.session.ended else { throw .ended }
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
        var s = session
        if !dialog.languages.contains(s.language) { s.language = dialog.defaultLanguage }
        return engine.rewalked(s).session
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
