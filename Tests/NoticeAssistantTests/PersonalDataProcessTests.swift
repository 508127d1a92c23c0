import Foundation
import Testing

/// Personal data in the forms people really type and paste, through the real program (issue 17): what reaches a
/// transcript, what `transcript show` prints, what `serve` writes.
@Suite(.serialized) struct PersonalDataProcessTests {
    /// Lines with a personal number or secret in an unusual form, and the digits that must never be stored together.
    static let lines: [(line: String, secret: String)] = [
        ("我电话138.1234.5678", "13812345678"),
        ("号码 139\u{200B}8765\u{200B}4321", "13987654321"),
        ("手机 (+86) 137 1234  5678", "13712345678"),
        ("call 136_1234_5678", "13612345678"),
        ("卡号6222—0212—3456—7895", "6222021234567895"),
        ("身份证1101 0519 4912 3100 21", "110105194912310021"),
        ("老身份证110105491231002", "110105491231002"),
        ("邮箱zhang.san＠example．com", "zhang.san"),
        ("验证码是483920", "483920"),
        ("my password is hunter2", "hunter2"),
    ]

    static func digitsAndLetters(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || $0 == "." }.map(Character.init))
    }

    @Test func aChatTranscriptHoldsNoneOfThem() throws {
        let dir = try TemporaryFolder()
        let transcript = dir.url.appendingPathComponent("forms.jsonl").path
        let dialog = PackagePaths.root.appendingPathComponent("Dialogs/notice-help").path
        let result = try Executable.run(
            ["chat", "--plain", "--dialog", dialog, "--transcript", transcript],
            input: Self.lines.map(\.line).joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        let raw = try String(contentsOfFile: transcript, encoding: .utf8)
        for (line, secret) in Self.lines {
            #expect(!raw.contains(secret), "\(line)")
            #expect(!Self.digitsAndLetters(raw).contains(secret), "\(line)")
        }
    }

    @Test func serveTranscriptsHoldNoneOfThem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-forms-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var requests = [#"{"type":"start","session":"p","language":"en"}"#]
        for (line, _) in Self.lines {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: line, options: .fragmentsAllowed), as: UTF8.self)
            requests.append(#"{"type":"line","session":"p","text":\#(text)}"#)
        }
        let (status, _, _) = try ServeProcessTests.serve(ServeProcessTests.lines(requests), ["--transcript-dir", directory.path])
        #expect(status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 1)
        let raw = try files.map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }.joined()
        for (line, secret) in Self.lines {
            #expect(!raw.contains(secret), "\(line)")
            #expect(!Self.digitsAndLetters(raw).contains(secret), "\(line)")
        }
    }

    /// A transcript written before these forms were known (or by hand) is masked when it is shown.
    @Test func transcriptShowMasksWhatAnOlderFileHolds() throws {
        let dir = try TemporaryFolder()
        let file = dir.url.appendingPathComponent("old.jsonl")
        let user = Self.lines.map(\.line).joined(separator: "；")
        let userJSON = String(decoding: try JSONSerialization.data(withJSONObject: user, options: .fragmentsAllowed), as: UTF8.self)
        let records = [
            #"{"dialogContentHash":"sha256:00","dialogId":"notice-help","dialogVersion":"1.0.0","language":"zh-Hans","mode":"interactive","programVersion":"0.0.9","schema":1,"sessionId":"13812345678","time":"2026-11-24T21:30:05.000Z","type":"start"}"#,
            #"{"assistant":["好的。"],"number":1,"schema":1,"slotsChanged":[],"stateAfter":"describe","stateBefore":"describe","time":"2026-11-24T21:30:17.345Z","type":"turn","user":\#(userJSON)}"#,
        ]
        try (records.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        for format in ["text", "markdown"] {
            let result = try Executable.run(["transcript", "show", file.path, "--format", format])
            #expect(result.status == 0, "\(result.error)")
            if format == "text" { #expect(result.output.contains("138****5678")) }
            for (line, secret) in Self.lines {
                #expect(!result.output.contains(secret), "\(format): \(line)")
                #expect(!Self.digitsAndLetters(result.output).contains(secret), "\(format): \(line)")
            }
        }
    }
}
