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

    @Test func graphDrawsStatesConditionsLabelsAndRemediesAsMermaidAndDot() throws {
        let mermaid = try Executable.run(["graph", Self.mini.path, "--lang", "en"])
        #expect(mermaid.status == 0, "\(mermaid.error)")
        for line in [
            "flowchart TD",
            "  start((start)) --> s_welcome",
            "  s_ask_account(\"ask_account<br/>account — ask has_account\")",
            "  s_ask_account -->|\"has_account == yes\"| s_ask_overdue",
            "  s_ask_account -->|\"else\"| s_ask_contacts",
            "  s_advice([\"advice<br/>advice: check_source, dispute, negotiate, complain\"])",
        ] {
            #expect(mermaid.output.contains(line + "\n"), "missing: \(line)\nin:\n\(mermaid.output)")
        }
        let dot = try Executable.run(["graph", Self.mini.path, "--format", "dot", "--lang", "en"])
        #expect(dot.status == 0)
        #expect(dot.output.hasPrefix("digraph \"mini\" {"))
        #expect(dot.output.contains("  \"ask_account\" -> \"ask_overdue\" [label=\"has_account == yes\"];"))
        #expect(dot.output.contains("  \"ask_account\" [label=\"ask_account\\naccount — ask has_account\", shape=box, style=rounded];"), "\(dot.output)")
    }

    @Test func exploreReportsPathsWithoutAdviceAndItsCounts() throws {
        let result = try Executable.run(["explore", Self.mini.path])
        #expect(result.status == 1)
        #expect(result.output.contains("path without advice: describe: (nothing) → ask_channel: channel = unknown → ask_platform: platform = ? → ask_account: has_account = yes → ask_overdue: overdue_days = 0 → ⇒ advice []"), "\(result.output)")
        #expect(result.output.contains("longest path: 4 questions: "))
        #expect(result.output.hasSuffix("explored 11 paths; 2 without advice, 0 situations never reached, 0 remedies never given, 0 contradictions\n"))
    }

    @Test func exploreFindsDeclaredContradictionsAndRemediesNeverGiven() throws {
        let folder = try Self.miniCopy()
        let dialog = folder.url.appendingPathComponent("mini")
        let remedies = dialog.appendingPathComponent("remedies.yaml")
        var text = try String(contentsOf: remedies, encoding: .utf8)
        text = text.replacingOccurrences(of: "    when: channel is known\n", with: "    when: channel is known\n    conflicts: [negotiate]\n")
        text = text.replacingOccurrences(of: "    when: not_my_debt\n", with: "    when: not_my_debt and has_account == yes\n")
        try text.write(to: remedies, atomically: true, encoding: .utf8)
        let result = try Executable.run(["explore", dialog.path])
        #expect(result.status == 1)
        #expect(result.output.contains("remedies.yaml:9:3: remedy `dispute` is given on no path"), "\(result.output)")
        #expect(result.output.contains("remedies.yaml:6:17: `check_source` and `negotiate` are both given on: describe: (nothing) → ask_channel: channel = sms"), "\(result.output)")
        #expect(result.output.contains("1 remedies never given, 1 contradictions"), "\(result.output)")
    }

    @Test func exploreWritesSkeletonsThatTheTestCommandPasses() throws {
        let folder = try Self.miniCopy()
        let dialog = folder.url.appendingPathComponent("mini").path
        let skeleton = folder.url.appendingPathComponent("skeleton.yaml").path
        let explored = try Executable.run(["explore", dialog, "--skeleton", skeleton])
        #expect(explored.output.contains("wrote 10 test skeletons for outcomes no test reaches to \(skeleton)"), "\(explored.output)")
        let text = try String(contentsOfFile: skeleton, encoding: .utf8)
        #expect(text.contains("  - user: \"注册过\"\n    expect: {state: ask_overdue, slots: {has_account: yes}}"))
        let played = try Executable.run(["test", dialog, "--file", skeleton, "--show-uncovered"])
        #expect(played.status == 0, "\(played.output)")
        #expect(played.output.hasSuffix("10 passed, 0 failed\n"))
        // Coverage counts the remedies given and the phrases the lines hold.
        #expect(played.output.contains("coverage: remedies given 4/4, slot phrases matched 7/24\n"), "\(played.output)")
        #expect(played.output.contains("  phrase no test uses: channel: phoned\n"))
        #expect(!played.output.contains("  phrase no test uses: channel: 短信\n"))
    }

    @Test func schemaPrintsTheShippedSchemas() throws {
        for (kind, file) in [("manifest", "dialog-manifest"), ("dialog", "dialog"), ("test", "dialog-test")] {
            let result = try Executable.run(["schema", kind])
            #expect(result.status == 0)
            let shipped = try String(contentsOf: PackagePaths.root.appendingPathComponent("docs/schema/\(file).schema.json"), encoding: .utf8)
            #expect(result.output == shipped)
        }
        #expect(try Executable.run(["schema", "nonsense"]).status != 0)
    }

    @Test func runTraceSaysWhichPhraseFilledWhatAndWhyTheNextState() throws {
        let folder = try TemporaryFolder()
        let script = folder.url.appendingPathComponent("script.txt")
        try "短信\n优品商城\n没注册过\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try Executable.run(["run", "--dialog", Self.mini.path, "--script", script.path, "--trace", "--no-dialog-cache"])
        #expect(result.status == 0, "\(result.error)")
        for line in [
            "> 短信",
            "  · phrase “短信”: `channel` = sms",
            "  · filled: channel: (empty) → sms",
            "  · stops at ask_platform: asks platform, whose answer can still change the advice",
            "  · phrase “没注册过”: no to `has_account` — a denial",
            "  · ask_account (answered) → ask_contacts: no `when` before it held",
        ] {
            #expect(result.output.contains(line + "\n"), "missing: \(line)\nin:\n\(result.output)")
        }
    }

    static let failingTest = """
        name: wrong on purpose
        language: zh-Hans
        turns:
          - user: 短信
            expect: {slots: {channel: call}}
          - user: 优品商城
        ---
        name: right
        turns:
          - user: 短信
            expect: {slots: {channel: sms}}
        """

    @Test func aFailingTestPrintsTheTraceOfItsFailingTurn() throws {
        let folder = try Self.miniCopy(tests: Self.failingTest)
        let result = try Executable.run(["test", folder.url.appendingPathComponent("mini").path])
        #expect(result.status == 1)
        #expect(result.output.contains("FAIL wrong on purpose"))
        #expect(result.output.contains("  trace of turn 1 ("), "\(result.output)")
        #expect(result.output.contains("    · phrase “短信”: `channel` = sms\n"))
        #expect(!result.output.contains("trace of turn 2"))
        let explained = try Executable.run(["test", folder.url.appendingPathComponent("mini").path, "--explain", "--filter", "right"])
        #expect(explained.output.contains("  trace of turn 1 ("), "\(explained.output)")
    }

    @Test func testWritesJUnitAndJSONForCI() throws {
        let folder = try Self.miniCopy(tests: Self.failingTest)
        let dialog = folder.url.appendingPathComponent("mini").path
        let junit = try Executable.run(["test", dialog, "--format", "junit"])
        #expect(junit.status == 1)
        #expect(junit.output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"notice-assistant test\" tests=\"2\" failures=\"1\">"))
        #expect(junit.output.contains("<testcase name=\"right\" classname=\"\(dialog)/tests/t.yaml\" file=\"\(dialog)/tests/t.yaml\" line=\"8\"/>"), "\(junit.output)")
        #expect(junit.output.contains("<failure message=\"\(dialog)/tests/t.yaml:4:5: turn 1 (“短信”): expected channel = call, but it is sms\">"))
        let json = try Executable.run(["test", dialog, "--format", "json"])
        #expect(json.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(report?["passed"] as? Int == 1)
        #expect(report?["failed"] as? Int == 1)
        #expect((report?["tests"] as? [[String: Any]])?.first?["name"] as? String == "wrong on purpose")
    }
}
