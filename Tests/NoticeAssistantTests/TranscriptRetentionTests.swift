import Foundation
import NoticeAssistant
import Testing

/// A person can take back what was recorded, and a help desk can keep transcripts only as long as its rule says:
/// `forget` during the chat, `transcript delete FILE`, `transcript purge --older-than AGE`. Nothing that is not a
/// transcript is ever deleted.
@Suite struct TranscriptRetentionTests {
    let fixture = PackagePaths.root.appendingPathComponent("Tests/terminal/fixture-dialog").path

    /// A real transcript, written by the program, in `folder`.
    func record(_ name: String, in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent(name)
        let result = try Executable.run(["run", "--script", "-", "--dialog", fixture, "--lang", "en", "--transcript", file.path],
                                        input: "I got a text\n")
        #expect(result.status == 0, "\(result.error)")
        return file
    }

    func age(_ file: URL, days: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-days * 86_400)], ofItemAtPath: file.path)
    }

    @Test(arguments: ["forget", ":forget", " Forget ", "删除记录", "刪除記錄"])
    func forgetDeletesThisConversationsTranscriptAndTheChatGoesOn(_ word: String) throws {
        let folder = try TemporaryFolder()
        let transcript = folder.url.appendingPathComponent("chat.jsonl")
        let result = try Executable.run(["chat", "--plain", "--dialog", fixture, "--lang", "en", "--transcript", transcript.path],
                                        input: "I got a text\n\(word)\nsummary\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: transcript.path), "the transcript is gone")
        #expect(result.output.contains("This conversation's transcript is deleted"), "\(result.output)")
        let after = result.output.components(separatedBy: "transcript is deleted").last ?? ""
        #expect(!after.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "the summary still comes after")
        #expect(!result.output.contains("Transcript: "), "no closing line points at a deleted file")
    }

    @Test func forgetWithoutATranscriptSaysNothingIsSaved() throws {
        let result = try Executable.run(["chat", "--plain", "--no-transcript", "--dialog", fixture, "--lang", "en"], input: "forget\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Nothing of this conversation is being saved"), "\(result.output)")
    }

    @Test func deleteRemovesTranscriptsAndNothingElse() throws {
        let folder = try TemporaryFolder()
        let transcript = try record("one.jsonl", in: folder.url)
        let notes = folder.url.appendingPathComponent("notes.jsonl")
        try #"{"hello":"world"}"#.write(to: notes, atomically: true, encoding: .utf8)
        let result = try Executable.run(["transcript", "delete", transcript.path, notes.path])
        #expect(result.status == 1, "one file was refused")
        #expect(!FileManager.default.fileExists(atPath: transcript.path))
        #expect(FileManager.default.fileExists(atPath: notes.path), "a file that is not a transcript stays")
        #expect(result.output.contains("deleted \(transcript.path)"))
        #expect(result.error.contains("\(notes.path) was not deleted"), "\(result.error)")
    }

    @Test func purgeDeletesOnlyTranscriptsOlderThanTheAge() throws {
        let folder = try TemporaryFolder()
        let old = try record("old.jsonl", in: folder.url)
        let recent = try record("recent.jsonl", in: folder.url)
        let oldNotes = folder.url.appendingPathComponent("old-notes.jsonl")
        try "not a transcript\n".write(to: oldNotes, atomically: true, encoding: .utf8)
        try age(old, days: 40)
        try age(recent, days: 3)
        try age(oldNotes, days: 40)

        let dry = try Executable.run(["transcript", "purge", "--older-than", "30d", "--dir", folder.url.path, "--dry-run"])
        #expect(dry.output.contains("would delete \(old.path)"), "\(dry.output)")
        #expect(FileManager.default.fileExists(atPath: old.path), "a dry run deletes nothing")

        let purge = try Executable.run(["transcript", "purge", "--older-than", "30d", "--dir", folder.url.path])
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: recent.path))
        #expect(FileManager.default.fileExists(atPath: oldNotes.path))
        #expect(purge.output.contains("deleted 1 transcript "), "\(purge.output)")
        #expect(purge.status == 1, "the file that is not a transcript is reported")

        let weeks = try Executable.run(["transcript", "purge", "--older-than", "0w", "--dir", folder.url.path])
        #expect(!FileManager.default.fileExists(atPath: recent.path), "0w: everything written before now")
        #expect(weeks.output.contains("deleted 1 transcript"))
    }

    @Test(arguments: ["30", "thirty days", "30y", "-3d"])
    func purgeRefusesAnAgeItCannotRead(_ age: String) throws {
        let folder = try TemporaryFolder()
        let result = try Executable.run(["transcript", "purge", "--older-than", age, "--dir", folder.url.path])
        #expect(result.status == 64)
        #expect(result.error.contains("--older-than"))
    }

    @Test func purgeReadsTheDefaultDirectory() throws {
        let state = try TemporaryFolder()
        let directory = state.url.appendingPathComponent("notice-assistant/transcripts")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let old = try record("old.jsonl", in: directory)
        try age(old, days: 31)
        let result = try Executable.run(["transcript", "purge", "--older-than", "30d"], environment: ["XDG_STATE_HOME": state.url.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: old.path))
    }
}
