import Foundation
import Testing

/// The tools for the people who write dialogs, through the real binary: `test` checking tests against the dialog,
/// `graph`, `explore`, the trace.
struct AuthorToolsTests {
    static let mini = PackagePaths.root.appendingPathComponent("Tests/DialogFilesTests/Fixtures/mini")

    /// A copy of the mini dialog in a temporary folder, with `tests` written as `tests/t.yaml` when given.
    static func miniCopy(tests: String? = nil) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let copy = folder.url.appendingPathComponent("mini")
        try FileManager.default.copyItem(at: mini, to: copy)
        if let tests {
            try FileManager.default.createDirectory(at: copy.appendingPathComponent("tests"), withIntermediateDirectories: true)
            try tests.write(to: copy.appendingPathComponent("tests/t.yaml"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aTestNamingWhatTheDialogLacksIsAnErrorAtItsLineBeforeAnythingIsPlayed() throws {
        let folder = try Self.miniCopy(tests: """
            name: mistakes
            language: fr
            turns:
              - user: 短信
                expect:
                  state: ask_platfrom
                  slots: {chanel: sms, channel: letter, has_account: maybe}
            end:
              situations: [not_my_debt, nobody]
              remedies: [dispute]
              not_remedies: [negotiate_repayment]
            """)
        let dialog = folder.url.appendingPathComponent("mini").path
        let result = try Executable.run(["test", dialog])
        #expect(result.status == 1)
        let file = "\(dialog)/tests/t.yaml"
        for expected in [
            "\(file):2:11: error: `fr` is not a language of this dialog",
            "\(file):6:14: error: `ask_platfrom` is not a state of this dialog; did you mean `ask_platform`?",
            "\(file):7:15: error: `chanel` is not a slot of this dialog; did you mean `channel`?",
            "\(file):7:37: error: `letter` is not a value of `channel` (sms, call, `unknown` or `unset`)",
            "\(file):7:58: error: `has_account` is a yes/no slot: expect `yes`, `no`, `unknown` or `unset`, not `maybe`",
            "\(file):9:29: error: `nobody` is not a situation of this dialog",
            "\(file):11:18: error: `negotiate_repayment` is not a remedy of this dialog",
            "7 errors in the tests; nothing was played",
        ] {
            #expect(result.output.contains(expected), "missing: \(expected)\nin:\n\(result.output)")
        }
        #expect(!result.output.contains("PASS") && !result.output.contains("FAIL"))
        // `check` reports the same.
        let check = try Executable.run(["check", dialog])
        #expect(check.status == 1)
        #expect(check.output.contains("\(file):7:15: error: `chanel` is not a slot"))
    }

    @Test func aFolderWithoutTestsFailsUnlessEmptyIsAllowed() throws {
        let folder = try Self.miniCopy()
        let dialog = folder.url.appendingPathComponent("mini").path
        let strict = try Executable.run(["test", dialog])
        #expect(strict.status == 1)
        #expect(strict.output.contains("no tests: \(dialog)/tests holds no *.yaml conversations; write one"), "\(strict.output)")
        let allowed = try Executable.run(["test", dialog, "--allow-empty"])
        #expect(allowed.status == 0, "\(allowed.output)")
        #expect(allowed.output.contains("0 passed, 0 failed"))
    }
}
