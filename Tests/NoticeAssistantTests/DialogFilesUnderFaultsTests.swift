import Foundation
import NoticeAssistant
import Testing

/// Dialog files as a careless (or hostile) author writes them (issue 17), through `check` and `serve`: a long `or`
/// chain that must keep working at run time, conditions nested past the one limit, anchors hidden from a text scan.
@Suite(.serialized) struct DialogFilesUnderFaultsTests {
    /// A copy of the serve fixture with `body` edited.
    static func fixture(in dir: TemporaryFolder, _ edit: (String) -> String) throws -> URL {
        let folder = dir.url.appendingPathComponent("dialog")
        try FileManager.default.copyItem(at: ServeFixture.folder, to: folder)
        let body = folder.appendingPathComponent("dialog-body.yaml")
        try edit(try String(contentsOf: body, encoding: .utf8)).write(to: body, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aSixtyFourTermOrChainPassesCheckAndHoldsAtRunTime() throws {
        let dir = try TemporaryFolder()
        // The term that holds is the first, the deepest in the parsed tree.
        let chain = (["has_account == no"] + Array(repeating: "channel == call", count: 63))
            .joined(separator: " or ")
        let folder = try Self.fixture(in: dir) { $0.replacingOccurrences(of: "when: has_account == no", with: "when: \(chain)") }
        let check = try Executable.run(["check", folder.path])
        #expect(check.status == 0, "\(check.output)\(check.error)")
        let result = try Executable.run(
            ["serve", "--stdio", "--dialog", folder.path, "--no-transcript"],
            input: [
                #"{"type":"start","session":"s","language":"en"}"#,
                #"{"type":"line","session":"s","text":"sms"}"#,
                #"{"type":"line","session":"s","text":"never registered"}"#,
            ].joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        #expect(result.output.contains(#""id":"not_my_debt""#), "the long or chain evaluated as false")
        #expect(result.output.contains(#""id":"dispute""#))
    }

    @Test func flagsNestedPastTheLimitAreRefusedByCheckWithAPosition() throws {
        let dir = try TemporaryFolder()
        let hops = Condition.maximumDepth + 2
        var flags = "flags:\n  hop0:\n    when: has_account == no\n"
        for index in 1...hops { flags += "  hop\(index):\n    when: not hop\(index - 1)\n" }
        let folder = try Self.fixture(in: dir) {
            $0.replacingOccurrences(of: "flags:\n", with: flags)
                .replacingOccurrences(of: "when: has_account == no\n  own_account", with: "when: hop\(hops)\n  own_account")
        }
        let check = try Executable.run(["check", folder.path])
        #expect(check.status == 1)
        #expect(check.output.contains("dialog-body.yaml:") && check.output.contains("levels deep"), "\(check.output)\(check.error)")
    }

    @Test(arguments: [
        ("a tab before &", "\n  tabbed:\n    when:\t&x has_account == yes\n"),
        ("a tab before *", "\n  first:\n    when: &x has_account == yes\n  second:\n    when:\t*x\n"),
        // The closing quote starts the second line, so a scanner takes it for an opening one and skips the rest.
        ("after a quoted string over two lines",
         "\n  quoted: {label: {en: \"one\n      \"}, when: &x has_account == yes}\n  again: {label: {en: \"two\n      \"}, when: *x}\n"),
    ])
    func anchorsAreRefusedHoweverTheyAreSpelled(_ name: String, _ flags: String) throws {
        let dir = try TemporaryFolder()
        let folder = try Self.fixture(in: dir) { $0.replacingOccurrences(of: "\nflags:\n", with: "\nflags:" + flags) }
        let check = try Executable.run(["check", folder.path])
        #expect(check.status == 1, "\(name)")
        #expect(check.output.contains("anchors and aliases"), "\(name): \(check.output)\(check.error)")
    }

    @Test func aNestedAliasBombIsRefusedAtOnce() throws {
        let dir = try TemporaryFolder()
        var bomb = "\nbomb0: &b0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...12 {
            bomb += "bomb\(level): &b\(level) [" + Array(repeating: "*b\(level - 1)", count: 10).joined(separator: ",\t") + "]\n"
        }
        let folder = try Self.fixture(in: dir) { $0 + bomb }
        let started = Date()
        let check = try Executable.run(["check", folder.path])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(check.status == 1)
        #expect(check.output.contains("anchors and aliases"), "\(check.output)\(check.error)")
    }
}

