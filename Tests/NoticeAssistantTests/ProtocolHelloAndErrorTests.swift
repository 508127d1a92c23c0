import Foundation
import Testing
@testable import NoticeAssistant

/// What a host learns before and around the conversation: `hello` says what the server speaks; an error names the
/// session the request named and speaks that session's language, while its `code` stays the same in every language;
/// a server that cannot start says why on stdout before it exits.
@Suite struct ProtocolHelloAndErrorTests {
    func makeServer(defaultLanguage: String? = nil) -> ProtocolServer {
        ProtocolServer(assistant: ServeFixture.assistant,
                       configuration: .init(transcripts: .none, defaultLanguage: defaultLanguage, programVersion: "9.9.9"))
    }

    static func line(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func helloSaysTheProtocolTheDialogAndTheLanguages() throws {
        var server = makeServer(defaultLanguage: "en")
        let responses = server.handle(line: Self.line(#"{"type":"hello","ref":"h1"}"#))
        #expect(responses.map(\.type) == ["hello"])
        let hello = try #require(responses.first)
        #expect(hello.last && hello.ref == "h1" && hello.session == nil)
        let json = hello.json
        #expect(json["protocol"] as? Int == 1)
        #expect(json["protocols"] as? [Int] == [1])
        #expect(json["program"] as? String == "9.9.9")
        #expect(json["languages"] as? [String] == ["zh-Hans", "zh-Hant", "en"])
        #expect(json["defaultLanguage"] as? String == "en")
        let dialog = try #require(json["dialog"] as? [String: String])
        #expect(dialog["id"] == "serve-fixture")
        #expect(dialog["version"] == ServeFixture.assistant.dialog.version)
        #expect(dialog["contentHash"] == ServeFixture.assistant.dialog.contentHash)
        #expect(json["text"] as? String == "")
        #expect(server.sessionIDs.isEmpty, "hello starts nothing")
    }

    @Test func anErrorNamesTheSessionEvenWhenAFieldHasTheWrongType() {
        var server = makeServer()
        _ = server.handle(line: Self.line(#"{"type":"start","session":"s1","language":"en"}"#))
        let wrongType = server.handle(line: Self.line(#"{"type":"line","session":"s1","text":42,"ref":"r"}"#))
        #expect(wrongType.map(\.errorCode) == [.badRequest])
        #expect(wrongType.first?.session == "s1")
        #expect(wrongType.first?.ref == "r")
        let unknownType = server.handle(line: Self.line(#"{"type":"dance","session":"s1"}"#))
        #expect(unknownType.map(\.errorCode) == [.unknownType])
        #expect(unknownType.first?.session == "s1")
    }

    @Test(arguments: [("zh-Hans", "没有"), ("zh-Hant", "沒有"), ("en", "unknown request type")])
    func anErrorSpeaksTheSessionsLanguage(_ language: String, _ words: String) {
        var server = makeServer()
        _ = server.handle(line: Self.line(#"{"type":"start","session":"s1","language":"\#(language)"}"#))
        let responses = server.handle(line: Self.line(#"{"type":"dance","session":"s1"}"#))
        #expect(responses.map(\.errorCode) == [.unknownType], "the code is the same in every language")
        let json = responses.first?.json ?? [:]
        #expect((json["text"] as? String ?? "").contains(words), "\(json)")
        #expect(json["message"] as? String == json["text"] as? String)
    }

    @Test func aSessionThatSwitchedLanguageGetsErrorsInItsNewLanguage() {
        var server = makeServer()
        _ = server.handle(line: Self.line(#"{"type":"start","session":"s1","language":"zh-Hans"}"#))
        _ = server.handle(line: Self.line(#"{"type":"line","session":"s1","text":"english"}"#))
        let responses = server.handle(line: Self.line(#"{"type":"dance","session":"s1"}"#))
        #expect((responses.first?.text ?? "").hasPrefix("unknown request type"), "\(responses.first?.text ?? "")")
    }

    @Test func aStartThatFailsSpeaksTheLanguageItAskedFor() {
        var server = makeServer(defaultLanguage: "en")
        _ = server.handle(line: Self.line(#"{"type":"start","session":"s1"}"#))
        let again = server.handle(line: Self.line(#"{"type":"start","session":"s1","language":"zh-Hant"}"#))
        #expect(again.map(\.errorCode) == [.sessionExists])
        #expect(again.first?.session == "s1")
        #expect((again.first?.text ?? "").contains("已經開著"))
        let noSuchLanguage = server.handle(line: Self.line(#"{"type":"start","language":"xx"}"#))
        #expect((noSuchLanguage.first?.text ?? "").hasPrefix("the dialog speaks"), "an unknown language falls back to the server's")
    }

    @Test func aLineWithoutASessionIsAnsweredInTheServersLanguage() {
        var server = makeServer(defaultLanguage: "zh-Hant")
        let responses = server.handle(line: Self.line("hello?"))
        #expect(responses.map(\.errorCode) == [.notJSON])
        #expect(responses.first?.session == nil)
        #expect((responses.first?.text ?? "").contains("這一行不是 JSON"))
    }

    // MARK: - serve --stdio that cannot start

    @Test func aMissingDialogIsAProtocolErrorOnStdout() throws {
        let result = try Executable.run(["serve", "--stdio", "--no-transcript", "--dialog", "/no/such/dialog"], input: #"{"type":"hello"}"# + "\n")
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1, "\(result.output)")
        let json = (try? JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8))) as? [String: Any] ?? [:]
        #expect(json["type"] as? String == "error")
        #expect(json["code"] as? String == "dialog_missing")
        #expect(json["last"] as? Bool == true)
        #expect((json["message"] as? String ?? "").contains("/no/such/dialog"))
        #expect(result.error.contains("no dialog in /no/such/dialog"), "people reading stderr hear it too")
    }

    @Test func aBrokenDialogIsAProtocolErrorOnStdout() throws {
        let folder = try TemporaryFolder()
        try "id: [".write(to: folder.url.appendingPathComponent("dialog.yaml"), atomically: true, encoding: .utf8)
        let result = try Executable.run(["serve", "--stdio", "--no-transcript", "--dialog", folder.url.path], input: "")
        #expect(result.status == 1)
        let json = (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [String: Any] ?? [:]
        #expect(json["code"] as? String == "dialog_invalid", "\(result.output)")
        #expect((json["message"] as? String ?? "").contains("dialog.yaml:"), "the first diagnostic, with its position")
        #expect(result.error.contains("dialog.yaml:"))
    }
}
