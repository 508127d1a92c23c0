import Foundation
import NoticeAssistant
import Testing

/// `serve --stdio` as a hostile host or an unlucky deployment meets it (issue 17): tampered snapshots, ids that are
/// phone numbers, ids used twice, few file descriptors. Every test runs the real process.
@Suite(.serialized) struct ServeUnderFaultsTests {
    /// A snapshot of a session of the serve fixture at its first question, changed by `tamper` before encoding.
    static func snapshot(_ tamper: (inout Session) -> Void) throws -> String {
        let assistant = ServeFixture.assistant
        var (session, _) = assistant.start(language: "en")
        tamper(&session)
        let data = try JSONEncoder().encode(SessionSnapshot(session: session, dialog: assistant.dialog))
        return data.base64EncodedString()
    }

    static func responses(_ all: [[String: Any]], of session: String) -> [[String: Any]] {
        all.filter { $0["session"] as? String == session }
    }

    @Test(arguments: [
        "counter at Int.max", "noMatchCount at Int.max", "unknown state", "number in a choice slot", "unknown choice",
        "turn below zero", "ended",
    ])
    func aTamperedSnapshotIsRefusedAndEverySessionGoesOn(_ tampering: String) throws {
        let snapshot = try Self.snapshot { session in
            switch tampering {
            case "counter at Int.max": session.turn = .max
            case "noMatchCount at Int.max": session.turn = .max; session.noMatchCount = .max
            case "unknown state": session.current = "nowhere"
            case "number in a choice slot": session.values["channel"] = .number(3)
            case "unknown choice": session.values["channel"] = .choices(["pigeon"])
            case "turn below zero": session.turn = -5
            default: session.ended = true
            }
        }
        let (status, responses, _) = try ServeProcessTests.serve(ServeProcessTests.lines([
            #"{"type":"start","session":"fine","language":"en","ref":"1"}"#,
            #"{"type":"start","session":"bad","snapshot":"\#(snapshot)","ref":"2"}"#,
            #"{"type":"line","session":"bad","text":"hmm","ref":"3"}"#,
            #"{"type":"line","session":"fine","text":"sms","ref":"4"}"#,
        ]))
        #expect(status == 0, "the server must not die of a snapshot")
        let bad = Self.responses(responses, of: "bad")
        #expect(bad.map { $0["code"] as? String } == ["bad_snapshot", "unknown_session"])
        #expect(bad.map { $0["ref"] as? String } == ["2", "3"])
        #expect(bad.allSatisfy { $0["last"] as? Bool == true })
        let fine = Self.responses(responses, of: "fine")
        #expect(fine.contains { $0["ref"] as? String == "4" && $0["type"] as? String == "ask" })
        #expect(fine.last?["type"] as? String == "end")
    }

    @Test func aSnapshotThatIsFineStillResumes() throws {
        let snapshot = try Self.snapshot { _ in }
        let (status, responses, _) = try ServeProcessTests.serve(ServeProcessTests.lines([
            #"{"type":"start","session":"again","snapshot":"\#(snapshot)"}"#,
        ]))
        #expect(status == 0)
        #expect(responses.first?["resumed"] as? Bool == true)
    }

    @Test func everyRequestGetsExactlyOneLast() throws {
        let snapshot = try Self.snapshot { _ in }
        let requests = [
            #"{"type":"start","session":"a","language":"en"}"#,
            #"{"type":"start","session":"b","snapshot":"\#(snapshot)"}"#,
            #"{"type":"line","session":"a","text":"quit"}"#,
            #"{"type":"line","session":"a","text":"anyone there?"}"#,
            #"{"type":"start","session":"c","snapshot":"not base64"}"#,
            #"{"type":"line","session":"b","text":"sms"}"#,
            #"{"type":"end","session":"b"}"#,
        ]
        let (status, responses, _) = try ServeProcessTests.serve(ServeProcessTests.lines(requests))
        #expect(status == 0)
        // Every session has ended before the input does, so the end of input adds no answer of its own.
        #expect(responses.filter { $0["last"] as? Bool == true }.count == requests.count)
    }

    @Test func anErrorCarriesTheRequestsRefAndSession() throws {
        let (_, responses, _) = try ServeProcessTests.serve(ServeProcessTests.lines([
            #"{"type":"line","session":"c1","ref":"r9","text":5}"#,
            #"{"type":"line","session":"c1","ref":"r10","v":2}"#,
            #"{"type":"end","session":"c1","ref":"r11"}"#,
        ]))
        let errors = responses.filter { $0["type"] as? String == "error" }
        #expect(errors.map { $0["code"] as? String } == ["bad_request", "unsupported_version", "unknown_session"])
        #expect(errors.map { $0["ref"] as? String } == ["r9", "r10", "r11"])
        #expect(errors.allSatisfy { $0["session"] as? String == "c1" })
    }

    @Test(arguments: ["13812345678", "138-1234-5678", "11010519491231002X", "11010519491231002x", "6222021234567894"])
    func aSessionIDThatIsPersonalDataIsRefused(_ id: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-ids-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, responses, _) = try ServeProcessTests.serve(
            ServeProcessTests.lines([#"{"type":"start","session":"\#(id)"}"#]), ["--transcript-dir", directory.path])
        #expect(status == 0)
        #expect(responses.first?["code"] as? String == "bad_session_id")
        let message = responses.first?["message"] as? String ?? ""
        #expect(message.contains(id) == false)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        #expect(files.filter { $0.hasSuffix(".jsonl") }.isEmpty)
    }

    /// An id with letters is accepted, and what the redactor recognises in it never reaches the transcript.
    @Test func anIDHoldingAPhoneNumberIsMaskedWhereItIsWritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-masked-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, responses, _) = try ServeProcessTests.serve(
            ServeProcessTests.lines([#"{"type":"start","session":"user-138-1234-5678","language":"en"}"#]),
            ["--transcript-dir", directory.path])
        #expect(status == 0)
        #expect(responses.first?["type"] as? String == "started")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 1)
        #expect(files.allSatisfy { !$0.contains("1234") && $0.contains("redacted") })
        let text = try files.map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }.joined()
        #expect(!text.contains("138-1234-5678"))
        #expect(text.contains(#""sessionId":"user-138****5678""#))
    }

    /// Hosts use UUIDs; their hex digits sometimes hold a card- or ID-shaped run, which must not get them refused.
    @Test func uuidsAreNeverRefused() throws {
        let ids = (0..<400).map { _ in UUID().uuidString.lowercased() }
            + ["12345678-1234-5678-1234-567812345678", "54cacf48-6208-4667-9112-78c31c303c4e"]
        let (status, responses, _) = try ServeProcessTests.serve(ServeProcessTests.lines(
            ids.map { #"{"type":"start","session":"\#($0)","language":"en"}"# }))
        #expect(status == 0)
        let refused = responses.filter { $0["type"] as? String == "error" }.compactMap { $0["session"] as? String }
        #expect(refused.isEmpty, "refused: \(refused)")
    }

    @Test func theSameIDCanStartAgainAfterItEnded() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-again-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, responses, _) = try ServeProcessTests.serve(ServeProcessTests.lines([
            #"{"type":"start","session":"c1","language":"en"}"#,
            #"{"type":"end","session":"c1"}"#,
            #"{"type":"start","session":"c1","language":"en"}"#,
            #"{"type":"end","session":"c1"}"#,
        ]), ["--transcript-dir", directory.path])
        #expect(status == 0)
        #expect(responses.filter { $0["type"] as? String == "started" }.count == 2)
        #expect(!responses.contains { $0["type"] as? String == "error" })
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 2)
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains(#""sessionId":"c1""#))
        }
    }

    /// With 64 descriptors, 300 sessions with transcripts all start: no session holds a descriptor.
    @Test func manySessionsFitUnderASmallDescriptorLimit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-fds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let requests = (0..<300).map { #"{"type":"start","session":"s\#($0)","language":"en"}"# }
            + (0..<300).map { #"{"type":"line","session":"s\#($0)","text":"sms"}"# }
        let binary = try ServeProcessTests.product("notice-assistant").path
        let result = try ServeProcessTests.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", #"ulimit -n 64 && exec "$0" serve --stdio --dialog "$1" --transcript-dir "$2""#, binary, ServeProcessTests.dialog,
             directory.path],
            input: ServeProcessTests.lines(requests))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.contains(#""type":"started""#) }.count == 300)
        #expect(!lines.contains { $0.contains(#""type":"error""#) })
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 300)
    }
}
