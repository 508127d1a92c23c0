import Foundation
import Testing

@testable import Transcript

@Suite struct TranscriptLocationTests {
    @Test func prefersXDGStateHome() throws {
        let directory = try TranscriptLocation.defaultDirectory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/li"])
        #expect(directory.path == "/s/notice-assistant/transcripts")
    }

    @Test(arguments: [["HOME": "/home/li"], ["HOME": "/home/li", "XDG_STATE_HOME": ""], ["HOME": "/home/li", "XDG_STATE_HOME": "rel"]])
    func fallsBackToHome(_ environment: [String: String]) throws {
        let directory = try TranscriptLocation.defaultDirectory(environment: environment)
        #expect(directory.path == "/home/li/.local/state/notice-assistant/transcripts")
    }

    @Test func explainsWhenThereIsNoHome() {
        #expect(throws: TranscriptError.noStateDirectory) { try TranscriptLocation.defaultDirectory(environment: [:]) }
        #expect(TranscriptError.noStateDirectory.description.contains("--no-transcript"))
    }

    @Test func namesFilesByTimeAndSession() {
        #expect(
            TranscriptLocation.fileName(startedAt: Fixtures.time(plus: 999), sessionID: "3f9a1c")
                == "2026-11-24T21-30-05Z-3f9a1c.jsonl")
        #expect(
            TranscriptLocation.fileName(startedAt: Fixtures.startTime, sessionID: "../../etc/passwd")
                == "2026-11-24T21-30-05Z-______etc_passwd.jsonl")
        #expect(
            TranscriptLocation.fileName(startedAt: Fixtures.startTime, sessionID: "c1", suffix: "0a1b2c3d")
                == "2026-11-24T21-30-05Z-c1-0a1b2c3d.jsonl")
    }

    @Test func neverPutsPersonalDataInAFileName() {
        #expect(
            TranscriptLocation.fileName(startedAt: Fixtures.startTime, sessionID: "user_138-1234-5678")
                == "2026-11-24T21-30-05Z-redacted.jsonl")
    }

    @Test func makesSixHexDigitSessionIDs() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let id = TranscriptLocation.makeSessionID(using: &generator)
            #expect(id.count == 6)
            #expect(id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }
}
