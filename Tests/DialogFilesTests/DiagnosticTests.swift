import DialogCore
import Foundation
import Testing

@testable import DialogFiles

/// The folder of fixture dialogs: each one is broken in exactly one way (see each case).
let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

/// Every diagnostic of loading `folder`, and the dialog when it loaded.
func load(_ folder: URL) -> (dialog: LoadedDialog?, diagnostics: [Diagnostic]) {
    do {
        let loaded = try DialogLoader.load(folder: folder)
        return (loaded, loaded.warnings)
    } catch {
        return (nil, error.diagnostics)
    }
}

/// One diagnostic as the test expects it: the file inside the fixture, the exact position, and a part of the message.
struct ExpectedDiagnostic: Sendable, CustomStringConvertible {
    var severity: Diagnostic.Severity
    var file: String
    var line: Int
    var column: Int
    var message: String

    var description: String { "\(file):\(line):\(column): \(severity.rawValue): …\(message)…" }

    /// Whether `diagnostic` is this one, for a fixture folder at `folder`.
    func matches(_ diagnostic: Diagnostic, in folder: URL) -> Bool {
        let path = DialogLoader.displayPath(folder.appendingPathComponent(file).path)
        return diagnostic.severity == severity && diagnostic.location == DialogCore.SourceLocation(file: path, line: line, column: column)
            && diagnostic.message.contains(message)
            && diagnostic.description.hasPrefix("\(path):\(line):\(column): \(severity.rawValue): ")
    }
}

private func error(_ file: String, _ line: Int, _ column: Int, _ message: String) -> ExpectedDiagnostic {
    ExpectedDiagnostic(severity: .error, file: file, line: line, column: column, message: message)
}

private func warning(_ file: String, _ line: Int, _ column: Int, _ message: String) -> ExpectedDiagnostic {
    ExpectedDiagnostic(severity: .warning, file: file, line: line, column: column, message: message)
}

struct DiagnosticCase: Sendable, CustomTestStringConvertible {
    var fixture: String
    /// Every diagnostic, in the loader's order (file, line, column).
    var expected: [ExpectedDiagnostic]
    var testDescription: String { fixture }
}

private let diagnosticCases: [DiagnosticCase] = [
    DiagnosticCase(fixture: "safety-line", expected: [
        error("main.yaml", 79, 3, "remedy `check_it` names the safety line `no_lnks`, but there is no message `safety_no_lnks`: add it under `messages:` in every language; did you mean `no_links`?"),
    ]),
    DiagnosticCase(fixture: "unknown-state", expected: [
        error("main.yaml", 15, 15, "state `start` goes to `donne`, which is not a state; did you mean `done`?"),
    ]),
    DiagnosticCase(fixture: "unknown-slot-asked", expected: [
        error("main.yaml", 8, 3, "state `start` asks for `has_acount`, which is not a slot"),
    ]),
    DiagnosticCase(fixture: "unreachable-state", expected: [
        error("main.yaml", 19, 3, "state `orphan` can never be reached from `start`"),
    ]),
    DiagnosticCase(fixture: "no-way-out", expected: [
        error("main.yaml", 15, 3, "state `stuck` has no way out: add `next`, or make it an `end`"),
    ]),
    DiagnosticCase(fixture: "last-next-has-when", expected: [
        error("main.yaml", 15, 15, "state `start` may have no way out: its last `next` entry has a `when`"),
    ]),
    DiagnosticCase(fixture: "loop", expected: [
        error("main.yaml", 8, 3, "state `start` can be reached again from itself; the conversation graph must not loop"),
    ]),
    // Type errors point inside the condition: after the opening quote, at the offending value.
    DiagnosticCase(fixture: "condition-type", expected: [
        error("main.yaml", 9, 12, "`>` compares numbers, but `has_account` is a yesno slot"),
        error("main.yaml", 15, 30, "`has_account` is a yes/no slot: compare it with `yes` or `no`, not `maybe`"),
    ]),
    DiagnosticCase(fixture: "condition-syntax", expected: [
        error("main.yaml", 9, 51, "in the condition of flag `odd`: expected `)` to close the `(`"),
    ]),
    DiagnosticCase(fixture: "missing-language", expected: [
        error("main.yaml", 40, 12, "message `goodbye` is missing zh-Hans; every text needs all of zh-Hans, en"),
    ]),
    DiagnosticCase(fixture: "duplicate-synonym", expected: [
        warning("main.yaml", 7, 3, "slot `channel` is never asked, and no condition, remedy or draft uses it"),
        error("main.yaml", 16, 19, "the synonym `電話` is under both `sms` and `call` of slot `channel`; keep it under one"),
    ]),
    DiagnosticCase(fixture: "flag-cycle", expected: [
        error("main.yaml", 9, 11, "flag `scam` depends on itself: scam → not_my_debt → scam; break the cycle"),
        error("main.yaml", 13, 11, "flag `itself` depends on itself: itself → itself; break the cycle"),
    ]),
    DiagnosticCase(fixture: "unknown-key", expected: [
        error("main.yaml", 9, 5, "unknown key `lable` in state `start`; did you mean `label`?"),
    ]),
    DiagnosticCase(fixture: "missing-message", expected: [
        error("dialog.yaml", 3, 8, "the message `goodbye` is missing; add it under `messages:` in every language"),
    ]),
    // Several changes said in one sentence: `corrected_several` without the two messages it is made of.
    DiagnosticCase(fixture: "corrected-several-alone", expected: [
        error("dialog.yaml", 3, 8, "the message `corrected_change` is missing, and `corrected_several` needs it (`corrected_several`, `corrected_change`, `corrected_separator` say several changes in one sentence); add it under `messages:` in every language, or remove `corrected_several`"),
        error("dialog.yaml", 3, 8, "the message `corrected_separator` is missing, and `corrected_several` needs it (`corrected_several`, `corrected_change`, `corrected_separator` say several changes in one sentence); add it under `messages:` in every language, or remove `corrected_several`"),
    ]),
    DiagnosticCase(fixture: "yaml-syntax", expected: [
        error("extra.yaml", 4, 5, "this is not valid YAML"),
    ]),
    DiagnosticCase(fixture: "anchors", expected: [
        error("extra.yaml", 2, 8, "YAML anchors and aliases (`&name`, `*name`) are not allowed in dialog files"),
    ]),
    DiagnosticCase(fixture: "manifest-is-directory", expected: [
        error("dialog.yaml", 1, 1, "this is a folder, not a YAML file"),
    ]),
    DiagnosticCase(fixture: "invalid-utf8", expected: [
        error("dialog.yaml", 4, 22, "cannot include `extra.yaml`: this file is not valid UTF-8 text; save it as UTF-8"),
    ]),
    DiagnosticCase(fixture: "include-outside", expected: [
        error("dialog.yaml", 4, 22, "`../valid/main.yaml` is outside the dialog folder; include files inside it"),
        error("dialog.yaml", 4, 42, "`/etc/hostname` is outside the dialog folder; include files inside it"),
    ]),
    // One mistake, one error: the states behind an undefined start are not also reported as unreachable.
    DiagnosticCase(fixture: "start-missing", expected: [
        error("dialog.yaml", 3, 8, "the start state `begin` is not defined under `states:`"),
    ]),
    DiagnosticCase(fixture: "duplicate-id", expected: [
        error("extra.yaml", 2, 3, "state done is already defined at "),
    ]),
    // The keys of asking less and reading lines: each misuse is an error at its place.
    DiagnosticCase(fixture: "bad-keys", expected: [
        error("main.yaml", 5, 10, "the phrase `#逾期#` of slot `has_account` must hold one `#`"),
        error("main.yaml", 6, 16, "`announced` can only be `counts`"),
        warning("main.yaml", 8, 3, "slot `channel` is never asked"),
        error("main.yaml", 12, 80, "`answer` is the plain answer that picks this value: `yes` or `no`"),
        error("main.yaml", 23, 17, "`always_ask` belongs to `ask` states"),
    ]),
    // Every text of a remedy is checked, its steps must be as many in every language, and its key steps must be steps it has.
    DiagnosticCase(fixture: "remedy-text", expected: [
        error("main.yaml", 77, 3, "the zh-Hans text of remedy `dispute_it` steps 1 uses `{platfrom}`, which is not a slot"),
        error("main.yaml", 77, 3, "remedy `dispute_it` has a different number of steps in each language (en 1, zh-Hans 2)"),
        error("main.yaml", 91, 20, "remedy `check_it` has 1 step, so `key_steps` cannot name step 3"),
    ]),
    DiagnosticCase(fixture: "with-cue-without-cues", expected: [
        error("main.yaml", 16, 19, "`prevails` decides between values of a slot that holds one; slot `contacts` holds several (`multiple: true`)"),
    ]),
    DiagnosticCase(fixture: "when-announced-and-implies-mistakes", expected: [
        error("main.yaml", 12, 7, "`when_announced` of slot `contacts` fills `harassment: threat`, but `harassment` is not a choice slot with that value; did you mean `threats`?"),
        error("main.yaml", 12, 7, "`when_announced` of slot `contacts` excepts `emergency`, which is not a value of `contacts`"),
        error("main.yaml", 15, 7, "value `family` of slot `contacts` implies slot `harasment`, which is not defined; did you mean `harassment`?"),
        error("main.yaml", 15, 7, "value `family` of slot `contacts` implies `court: maybe`, which is not a value of `court`"),
        error("main.yaml", 15, 7, "value `family` of slot `contacts` implies `harassment: nope`, which is not a value of `harassment`"),
        error("main.yaml", 24, 7, "`when_announced` of slot `harassment` fills slot `harasment`, which is not defined; did you mean `harassment`?"),
        error("main.yaml", 33, 14, "`guesses` can only be `count`"),
        error("main.yaml", 35, 7, "`when_announced` is for a choice slot, and `court` is a yesno slot"),
        // `answers: alone` is for a yes/no or a choice slot (`other` is one); a value other than `alone` is refused.
        error("main.yaml", 39, 14, "`answers` can only be `alone`"),
        error("main.yaml", 41, 7, "`when_announced` of slot `other` needs `fills` with exactly one slot and its value, e.g. `fills: {harassment: threats}`"),
        error("main.yaml", 117, 13, "`quoted` can only be `answers`"),
        // A topic's answers: one after an answer without `when` is never given; `answer` beside `answers` is ambiguous.
        error("main.yaml", 124, 9, "answer 2 of topic `sued` can never be given: the answer at line 123 has no `when` and is given first"),
        error("main.yaml", 128, 13, "topic `both` has both `answer` and `answers`: keep one"),
    ]),
    DiagnosticCase(fixture: "unknown-placeholder", expected: [
        error("main.yaml", 10, 13, "the en text of state `start` prompt uses `{platform}`, which is not a slot"),
    ]),
]

private func check(_ diagnostics: [Diagnostic], _ expected: [ExpectedDiagnostic], in folder: URL,
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(diagnostics.count == expected.count, "got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    for (diagnostic, expectation) in zip(diagnostics, expected) {
        #expect(expectation.matches(diagnostic, in: folder), "expected \(expectation), got \(diagnostic)", sourceLocation: sourceLocation)
    }
}

@Test(arguments: diagnosticCases)
func reportsDiagnostic(_ c: DiagnosticCase) {
    let folder = fixtures.appendingPathComponent(c.fixture)
    let (dialog, diagnostics) = load(folder)
    #expect(dialog == nil, "a dialog with errors must not load")
    check(diagnostics, c.expected, in: folder)
}

@Test func validFixtureLoadsWithoutDiagnostics() throws {
    let loaded = try DialogLoader.load(folder: fixtures.appendingPathComponent("valid"))
    #expect(loaded.warnings.isEmpty)
    #expect(loaded.dialog.id == "broken")
    #expect(loaded.dialog.languages == ["zh-Hans", "en"])
    #expect(loaded.dialog.states.map(\.id) == ["start", "dispute", "done"])
    #expect(loaded.dialog.messages.count == MessageID.allCases.filter { !$0.hasFallback }.count)
}

@Test func miniFixtureLoadsWithoutDiagnostics() throws {
    let loaded = try DialogLoader.load(folder: fixtures.appendingPathComponent("mini"))
    #expect(loaded.warnings.map(\.description) == [])
    #expect(loaded.dialog.slots.map(\.id) == ["channel", "platform", "has_account", "overdue_days", "contacts"])
    #expect(loaded.dialog.remedies.map(\.order) == [50, 20, 30, 10])
}

@Test func unusedSlotIsAWarningAndTheDialogStillLoads() throws {
    let folder = fixtures.appendingPathComponent("unused-slot")
    let loaded = try DialogLoader.load(folder: folder)
    check(loaded.warnings, [warning("main.yaml", 7, 3, "slot `amount` is never asked, and no condition, remedy or draft uses it")], in: folder)
    #expect(loaded.dialog.slots.map(\.id) == ["has_account", "amount"])
}

/// A question whose slot nothing reads would always be passed over: a warning at the state, and the dialog loads.
@Test func aQuestionThatCanNeverMatterIsAWarning() throws {
    let folder = fixtures.appendingPathComponent("never-matters")
    let loaded = try DialogLoader.load(folder: folder)
    check(loaded.warnings, [warning("main.yaml", 19, 3, "state `ask_amount` is never asked: no remedy, situation or `next` reads `amount`")], in: folder)
}

// MARK: - Folders made at test time (git keeps no empty folder, and a 4 MB fixture has no place in the repository)

/// A fresh temporary folder, removed after `body`.
private func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dialog-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder)
}

/// A copy of a fixture folder in a temporary folder.
private func withCopy(of fixture: String, _ body: (URL) throws -> Void) throws {
    try withTemporaryFolder { parent in
        let copy = parent.appendingPathComponent(fixture)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(fixture), to: copy)
        try body(copy)
    }
}

@Test func emptyFolderHasNoManifest() throws {
    try withTemporaryFolder { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("dialog.yaml", 1, 1, "no such file")], in: folder)
    }
}

@Test func missingFolderAndFileInsteadOfFolder() throws {
    try withTemporaryFolder { folder in
        let missing = folder.appendingPathComponent("nowhere")
        #expect(load(missing).diagnostics.map(\.description)
                == ["\(DialogLoader.displayPath(missing.path)):1:1: error: no such dialog folder; give the path of a folder that holds dialog.yaml"])
        let file = folder.appendingPathComponent("dialog.yaml")
        try Data("id: x\n".utf8).write(to: file)
        #expect(load(file).diagnostics.map(\.description)
                == ["\(DialogLoader.displayPath(file.path)):1:1: error: this is a file, not a dialog folder; give the folder that holds dialog.yaml"])
    }
}

@Test func fileOverTheSizeLimitIsRefusedBeforeParsing() throws {
    try withCopy(of: "oversize") { folder in
        let big = Data(repeating: UInt8(ascii: " "), count: DialogLoader.maximumFileSize + 1)
        try big.write(to: folder.appendingPathComponent("big.yaml"))
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("dialog.yaml", 4, 22, "cannot include `big.yaml`: this file is larger than 4 MB")], in: folder)
    }
}

@Test func nulByteInAnIncludedFileIsRefused() throws {
    try withCopy(of: "oversize") { folder in
        try Data("lexicon:\n  yes: [是]\n  no: [\u{0}]\n".utf8).write(to: folder.appendingPathComponent("big.yaml"))
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("dialog.yaml", 4, 22, "cannot include `big.yaml`: this file contains a NUL byte")], in: folder)
    }
}

@Test func nulByteInTheManifestIsReportedAtItsLine() throws {
    try withCopy(of: "valid") { folder in
        try Data("id: broken\nlanguages: [zh-Hans, en]\nstart: \u{0}start\ninclude: [main.yaml]\n".utf8)
            .write(to: folder.appendingPathComponent("dialog.yaml"))
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("dialog.yaml", 3, 1, "this file contains a NUL byte; it is not a text file")], in: folder)
    }
}

@Test func invalidUTF8InTheManifestIsReportedAtItsStart() throws {
    try withCopy(of: "valid") { folder in
        try Data([0x69, 0x64, 0x3A, 0x20, 0xC3, 0x28, 0x0A]).write(to: folder.appendingPathComponent("dialog.yaml"))
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("dialog.yaml", 1, 1, "this file is not valid UTF-8 text")], in: folder)
    }
}

/// A broken conversation after good ones is an error at its position, not the quiet end of the file: the sequence
/// Yams offers for many documents stops at a broken one without a word, and six conversations once went unrun so.
@Test func aBrokenConversationAfterGoodOnesIsReportedWhereItIs() throws {
    try withTemporaryFolder { folder in
        let file = folder.appendingPathComponent("tests.yaml")
        try """
        name: first
        turns: [hello]
        ---
        name: "second" is broken
        turns: [hello]
        ---
        name: third
        turns: [hello]
        """.write(to: file, atomically: true, encoding: .utf8)
        do {
            let tests = try ConversationTestLoader.load(file: file)
            Issue.record("loaded \(tests.count) conversations from a broken file")
        } catch let failure as DialogLoadFailure {
            #expect(failure.diagnostics.map(\.description)
                    == ["\(DialogLoader.displayPath(file.path)):4:16: error: this is not valid YAML: while parsing a block mapping did not find expected key"])
        }
    }
}

// MARK: - One mistake, one error, at the line of the mistake

/// A copy of the mini fixture with `edit` applied to one of its files.
private func withMini(editing file: String, _ edit: (String) -> String, _ body: (URL) throws -> Void) throws {
    try withCopy(of: "mini") { folder in
        let url = folder.appendingPathComponent(file)
        try edit(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        try body(folder)
    }
}

/// The mini dialog with a topics file of `yaml` (the mini manifest lists none).
private func withMiniTopics(_ yaml: String, _ body: (URL) throws -> Void) throws {
    try withMini(editing: "dialog.yaml", { $0.replacingOccurrences(of: "drafts.yaml]", with: "drafts.yaml, topics.yaml]") }) { folder in
        try yaml.write(to: folder.appendingPathComponent("topics.yaml"), atomically: true, encoding: .utf8)
        try body(folder)
    }
}

/// A misspelt `goto` once also reported every state behind it as unreachable: seven errors for one typo.
@Test func aMisspeltStateIsOneErrorWithItsGuess() throws {
    try withMini(editing: "states.yaml", { $0.replacingOccurrences(of: "next: ask_account", with: "next: ask_acount") }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("states.yaml", 23, 11, "state `ask_platform` goes to `ask_acount`, which is not a state; did you mean `ask_account`?")], in: folder)
    }
}

/// A `with_kin` phrase says where the relative stands with one `*`; without it (or with two) it is an error at the list.
@Test func aKinPatternWithoutItsStarIsAnError() throws {
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "        synonyms: {zh-Hans: [家人], en: [family]}",
                                with: "        synonyms: {zh-Hans: [家人], en: [family]}\n        with_kin: {zh-Hans: [我*的家人], en: [my family]}")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        // (The mini lexicon has no `kin` words, which is a warning of its own.)
        check(diagnostics, [warning("slots.yaml", 35, 7, "the `with_kin` phrases of `family` can never match"),
                            error("slots.yaml", 38, 19, "the `with_kin` phrase “my family” of `family` needs exactly one `*`")], in: folder)
    }
}

/// `answered_no_by` lets a no to another yes/no slot answer this one while it is asked (or, on a choice slot with a
/// `none`, two denials answer it `none`): a choice slot in the list (or this slot neither yes/no nor choice) is an
/// error at the slot, and the dialog does not load.
@Test func answeredNoByNamesOnlyYesNoSlots() throws {
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "    label: {zh-Hans: 是否注册, zh-Hant: 是否註冊, en: registered}",
                                with: "    answered_no_by: [channel]\n    label: {zh-Hans: 是否注册, zh-Hant: 是否註冊, en: registered}")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("slots.yaml", 20, 3, "`answered_no_by` of slot `has_account` names `channel`: it must be a yesno slot, on a yesno or choice slot")], in: folder)
    }
}

/// `yes_when_asked` phrases answer only their own question: a `#` in one (which only `yes` reads around a number) and
/// the key on a slot that is not yes/no are errors at the list.
@Test func yesWhenAskedIsPlainPhrasesOfAYesNoSlot() throws {
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "    no: {zh-Hans: [没注册过], zh-Hant: [沒註冊過], en: [never registered]}",
                                with: "    no: {zh-Hans: [没注册过], zh-Hant: [沒註冊過], en: [never registered]}\n    yes_when_asked: {zh-Hans: [\"注册了#个\"]}")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("slots.yaml", 25, 21, "the `yes_when_asked` phrase “注册了#个” of slot `has_account` holds `#`: a phrase that answers only its own question is a plain phrase; put phrases with a number under `yes`")], in: folder)
    }
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "    label: {zh-Hans: 通知方式, zh-Hant: 通知方式, en: channel}",
                                with: "    label: {zh-Hans: 通知方式, zh-Hant: 通知方式, en: channel}\n    yes_when_asked: {zh-Hans: [短信]}")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("slots.yaml", 5, 21, "`yes`/`no` phrases are only for yesno slots; a choice slot uses `values` synonyms")], in: folder)
    }
}

/// `yes_beside` lets a yes/no slot's `yes_when_asked` phrases say yes beside a value of a choice slot: on a slot with no
/// such phrases, or naming a slot that is not a choice, it is an error at the slot, and the dialog does not load.
@Test func yesBesideNamesAChoiceSlotOfASlotWithYesWhenAsked() throws {
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "    label: {zh-Hans: 是否注册, zh-Hant: 是否註冊, en: registered}",
                                with: "    yes_beside: [channel]\n    label: {zh-Hans: 是否注册, zh-Hant: 是否註冊, en: registered}")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("slots.yaml", 20, 3, "`yes_beside` of slot `has_account` names `channel`: it must be a choice slot, on a yesno slot with `yes_when_asked` phrases")], in: folder)
    }
}

/// A value's `when_asked` phrases answer only its own question: a `#` or a `*` in one is an error at the list.
@Test func whenAskedIsPlainPhrases() throws {
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "        synonyms: {zh-Hans: [短信], zh-Hant: [簡訊], en: [sms, text message]}",
                                with: "        synonyms: {zh-Hans: [短信], zh-Hant: [簡訊], en: [sms, text message]}\n        when_asked: {zh-Hans: [\"发了#条\"]}")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("slots.yaml", 9, 21, "the `when_asked` phrase “发了#条” of `sms` holds `#` or `*`: a phrase that answers only its own question is a plain phrase; put phrases with a number or a relative under `synonyms` or `with_kin`")], in: folder)
    }
}

/// `yes_implies` names slots that exist, with values they have, as a choice value's `implies` does: an error at the slot.
@Test func yesImpliesNamesAValueASlotHas() throws {
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "    label: {zh-Hans: 是否注册, zh-Hant: 是否註冊, en: registered}",
                                with: "    yes_implies: {overdue: \"yes\"}\n    label: {zh-Hans: 是否注册, zh-Hant: 是否註冊, en: registered}")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("slots.yaml", 20, 3, "a yes to slot `has_account` implies slot `overdue`, which is not defined")], in: folder)
    }
}

/// `held_owned_by` holds the claims only `reported_owned_by` makes: on a slot without it, an error at the slot.
@Test func heldOwnedByNeedsReportedOwnedBy() throws {
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "    label: {zh-Hans: 是否注册, zh-Hant: 是否註冊, en: registered}",
                                with: "    held_owned_by: {has_account: \"yes\"}\n    label: {zh-Hans: 是否注册, zh-Hant: 是否註冊, en: registered}")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("slots.yaml", 20, 3, "`held_owned_by` of slot `has_account` needs `reported_owned_by`: only such a slot's claims are held")], in: folder)
    }
}

/// Patterns for relatives in a dialog whose lexicon names no relatives can never match: a warning at the value.
@Test func kinPatternsWithoutKinWordsAreAWarning() throws {
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "        synonyms: {zh-Hans: [家人], en: [family]}",
                                with: "        synonyms: {zh-Hans: [家人], en: [family]}\n        with_kin: {zh-Hans: [我*的家人], en: [my *]}")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog != nil)
        check(diagnostics, [warning("slots.yaml", 35, 7, "the `with_kin` phrases of `family` can never match")], in: folder)
    }
}

/// A YAML mistake in one file is reported first and alone: not the undefined start state its lost definitions cause.
@Test func aBadIndentIsReportedAloneAtItsLine() throws {
    try withMini(editing: "states.yaml", { $0.replacingOccurrences(of: "    label: {zh-Hans: 平台,", with: "     label: {zh-Hans: 平台,") }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("states.yaml", 21, 6, "this line is indented by 5 spaces, which lines it up with no line above it")], in: folder)
    }
}

@Test func aBadIndentThatOpensABlockIsBlamedOnItself() throws {
    // `why:` one space too deep: libyaml notices only on the next line.
    try withMini(editing: "states.yaml", { $0.replacingOccurrences(of: "    why: {zh-Hans: 渠道", with: "     why: {zh-Hans: 渠道") }) { folder in
        let diagnostics = load(folder).diagnostics
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.location.line == 16, "\(diagnostics)")
    }
}

@Test func aTabIsCalledATab() throws {
    try withMini(editing: "states.yaml", { $0.replacingOccurrences(of: "    limit: 3", with: "\tlimit: 3") }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("states.yaml", 17, 1, "a tab character in the indentation: YAML indents with spaces only")], in: folder)
    }
}

/// The list of every text is the one the validator reads: a language missing from one text is one error at it.
@Test func aTextMissingALanguageIsFoundFromTheListOfTexts() throws {
    try withMini(editing: "states.yaml", { $0.replacingOccurrences(of: "why: {zh-Hans: 渠道决定核实办法。, zh-Hant: 管道決定核實辦法。, ", with: "why: {zh-Hans: 渠道决定核实办法。, ") }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("states.yaml", 16, 10, "state `ask_channel` why is missing zh-Hant; every text needs all of zh-Hans, zh-Hant, en")], in: folder)
    }
}

@Test func everyTextOfTheMiniDialogIsListedOnceInEachLanguage() throws {
    let dialog = try DialogLoader.load(folder: fixtures.appendingPathComponent("mini")).dialog
    let texts = dialog.texts
    let places = Dictionary(grouping: texts, by: \.place)
    #expect(places.values.allSatisfy { Set($0.map(\.language)) == Set(dialog.languages) && $0.count == 3 })
    #expect(places[TextPlace(.state, "ask_channel", "reprompts", index: 1)]?.first { $0.language == "en" }?.text == "Please answer text or call.")
    #expect(places[TextPlace(.state, "ask_channel", "why")] != nil)
    #expect(places.keys.contains { $0.owner == .remedy && $0.field == "steps" })
    #expect(places.keys.contains { $0.owner == .value && $0.id == "channel.sms" })
    #expect(places.keys.contains { $0.owner == .message })
}

/// A slot defined under a misspelt id made every use of the right one an error of its own.
@Test func aMisspeltSlotDefinitionIsOneErrorAtTheDefinition() throws {
    try withMini(editing: "slots.yaml", { $0.replacingOccurrences(of: "  channel:\n", with: "  chanel:\n") }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("slots.yaml", 2, 3, "slot `chanel` is used nowhere, but `channel`, which is not defined, is used 2 times")], in: folder)
    }
}

/// A wrong `{name}` in the same text of every language is one error that names the languages.
@Test func aWrongPlaceholderInEveryLanguageIsOneError() throws {
    try withMini(editing: "states.yaml", { $0.replacingOccurrences(of: "{platform}", with: "{platfrom}") }) { folder in
        let (_, diagnostics) = load(folder)
        check(diagnostics, [error("states.yaml", 27, 13, "the en, zh-Hans, zh-Hant text of state `ask_account` prompt uses `{platfrom}`, which is not a slot; did you mean `{platform}`?")], in: folder)
    }
}

@Test func aListEntryIndentedTooDeepIsBlamedNotTheLineAfterIt() throws {
    // `- when:` one space too deep: the YAML reader notices at the `goto:` under it.
    try withMini(editing: "states.yaml", { $0.replacingOccurrences(of: "      - when: has_account == yes\n", with: "       - when: has_account == yes\n") }) { folder in
        let diagnostics = load(folder).diagnostics
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.location.line == 29, "\(diagnostics)")
        #expect(diagnostics.first?.message.hasPrefix("this line is indented by 7 spaces, but the lines after it, in the same block, by 6") == true, "\(diagnostics)")
    }
}

/// `label_no` is the label a yes/no slot's no is shown with: on a choice slot it is an error at its value, and on a
/// yes/no slot it needs every language, like any text (an error at the map, naming the language).
@Test func labelNoIsAYesNoSlotsTextInEveryLanguage() throws {
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "    label: {zh-Hans: 通知方式, zh-Hant: 通知方式, en: channel}",
                                with: "    label: {zh-Hans: 通知方式, zh-Hant: 通知方式, en: channel}\n    label_no: {zh-Hans: 没有, zh-Hant: 沒有, en: none}")
            .replacingOccurrences(of: "    label: {zh-Hans: 是否注册, zh-Hant: 是否註冊, en: registered}",
                                  with: "    label: {zh-Hans: 是否注册, zh-Hant: 是否註冊, en: registered}\n    label_no: {zh-Hans: 没注册, zh-Hant: 沒註冊}")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("slots.yaml", 5, 15, "`label_no` is for a yes/no slot: the label its no is shown with"),
                            error("slots.yaml", 24, 15, "slot `has_account` label_no is missing en")], in: folder)
    }
}

/// A topic's `alone` is true or false: another word is an error at the value, with the word it found; a quoted "yes"
/// is read as true, as YAML writers expect.
@Test func aTopicsAloneIsTrueOrFalse() throws {
    try withMiniTopics("""
        topics:
          real:
            asked: {zh-Hans: [是真的吗], en: [is it real]}
            alone: sometimes
            answer: {zh-Hans: 先核实。, zh-Hant: 先核實。, en: Check it first.}
          jail:
            asked: {zh-Hans: [坐牢], en: [jail]}
            alone: "yes"
            answer: {zh-Hans: 不会。, zh-Hant: 不會。, en: No.}

        """) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("topics.yaml", 4, 12, "`alone` must be true or false, found `sometimes`")], in: folder)
    }
}

/// A topic's `feared` words are phrases by language, like `asked`: a bare word is an error at the value, and the
/// topic is not loaded without it being fixed.
@Test func aTopicsFearedWordsArePhrasesByLanguage() throws {
    try withMiniTopics("""
        topics:
          sue:
            asked: {zh-Hans: [会起诉我吗], en: [can they sue]}
            feared: 起诉我
            answer: {zh-Hans: 多半是施压。, zh-Hant: 多半是施壓。, en: Mostly pressure.}

        """) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("topics.yaml", 4, 13, "`feared` of topic `sue` must be a mapping of `key: value` lines")], in: folder)
    }
}

/// A `*` in a topic's phrase stands for one relative ("会不会打给我*"): two of them, or a `*` alone, is an error at the
/// list; and with no `kin` words in the lexicon such a phrase can never match, which is a warning at the topic.
@Test func aTopicPhraseHasOneStarForARelative() throws {
    try withMiniTopics("""
        topics:
          family:
            asked: {zh-Hans: [会不会打给我*], en: ["will they call my *"]}
            feared: {zh-Hans: [打给我*和*], en: ["*"]}
            answer: {zh-Hans: 只能找借款人。, zh-Hant: 只能找借款人。, en: Only the borrower.}

        """) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [warning("topics.yaml", 2, 3, "the phrases with a `*` of topic `family` can never match: the lexicon has no `kin` words"),
                            error("topics.yaml", 4, 13, "the `feared` phrase “*” of topic `family` needs words around one `*`"),
                            error("topics.yaml", 4, 13, "the `feared` phrase “打给我*和*” of topic `family` needs words around one `*`")], in: folder)
    }
}

/// A text slot's `capture.not_after` is a list of words, like `not_names`: a mapping there is an error at the value,
/// and the dialog does not load.
@Test func aCapturesNotAfterIsAList() throws {
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "      suffixes: [商城]", with: "      suffixes: [商城]\n      not_after: {zh-Hans: 记成}")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("slots.yaml", 20, 18, "`not_after` must be a list, like [a, b]")], in: folder)
    }
}

/// A choice value's `announced_as` names another value of the same slot: an unknown one is an error at the name.
@Test func announcedAsNamesAValueOfItsSlot() throws {
    try withMini(editing: "slots.yaml", {
        $0.replacingOccurrences(of: "        synonyms: {zh-Hans: [电话], en: [call, phoned]}",
                                with: "        synonyms: {zh-Hans: [电话], en: [call, phoned]}\n        announced_as: visit")
    }) { folder in
        let (dialog, diagnostics) = load(folder)
        #expect(dialog == nil)
        check(diagnostics, [error("slots.yaml", 9, 7, "`announced_as` of `channel: call` names `visit`, which is not another value of `channel`")], in: folder)
    }
}
