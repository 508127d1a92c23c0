import Foundation
import Testing

/// The default dialog travels with the program: a program copied out of the repository, run from `/`, reads the dialog
/// installed beside it, and says where it looked when there is none. `--dialog` and `NOTICE_ASSISTANT_DIALOG` name a
/// dialog the same way in every subcommand.
@Suite struct DialogLocationTests {
    static let fixture = PackagePaths.root.appendingPathComponent("Tests/terminal/fixture-dialog")
    static let root = URL(fileURLWithPath: "/")
    static let noDialogVariable = ["NOTICE_ASSISTANT_DIALOG": ""]

    /// PREFIX/bin/notice-assistant, a copy of the built program, and (when `withDialog`) the fixture dialog as
    /// PREFIX/share/notice-assistant/dialogs/notice-help.
    static func installedCopy(withDialog: Bool) throws -> (TemporaryFolder, URL) {
        let prefix = try TemporaryFolder()
        let bin = prefix.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let program = bin.appendingPathComponent("notice-assistant")
        try FileManager.default.copyItem(at: PackagePaths.executable, to: program)
        if withDialog {
            let share = prefix.url.appendingPathComponent("share/notice-assistant/dialogs")
            try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: fixture, to: share.appendingPathComponent("notice-help"))
        }
        return (prefix, program)
    }

    @Test func anInstalledProgramReadsItsOwnDialogFromAnyDirectory() throws {
        let (prefix, program) = try Self.installedCopy(withDialog: true)
        let check = try Executable.run(["check"], environment: Self.noDialogVariable, executable: program, directory: Self.root)
        #expect(check.status == 0, "\(check.output)\(check.error)")
        #expect(check.output.contains("share/notice-assistant/dialogs/notice-help: ok"), "\(check.output)")
        let chat = try Executable.run(["--lang", "en", "--no-transcript"], input: "quit\n", environment: Self.noDialogVariable,
                                      executable: program, directory: Self.root)
        #expect(chat.status == 0, "\(chat.error)")
        #expect(!chat.output.isEmpty)
        withExtendedLifetime(prefix) {}
    }

    @Test func aLinkToTheProgramFindsTheRealPrefix() throws {
        let (prefix, program) = try Self.installedCopy(withDialog: true)
        let elsewhere = try TemporaryFolder()
        let link = elsewhere.url.appendingPathComponent("notice-assistant")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: program)
        let check = try Executable.run(["check"], environment: Self.noDialogVariable, executable: link, directory: Self.root)
        #expect(check.status == 0, "\(check.output)\(check.error)")
        withExtendedLifetime((prefix, elsewhere)) {}
    }

    @Test func aMissingDialogIsReportedAsMissingWithWhereItLooked() throws {
        let (prefix, program) = try Self.installedCopy(withDialog: false)
        for arguments in [["check"], ["test"], ["--lang", "en", "--no-transcript"], ["serve", "--stdio", "--no-transcript"]] {
            let result = try Executable.run(arguments, environment: Self.noDialogVariable, executable: program, directory: Self.root)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.error.contains("the dialog is missing"), "\(arguments): \(result.error)")
            #expect(result.error.contains(prefix.url.appendingPathComponent("share/notice-assistant/dialogs/notice-help").path), "\(result.error)")
            #expect(result.error.contains("--dialog FOLDER"), "\(result.error)")
            #expect(!result.error.contains("error"), "a missing folder is not an error in the dialog: \(result.error)")
        }
    }

    @Test func aNamedFolderWithoutADialogSaysSo() throws {
        let empty = try TemporaryFolder()
        for arguments in [["check", "--dialog", empty.url.path], ["test", empty.url.path], ["run", "--script", "-", "--dialog", empty.url.path]] {
            let result = try Executable.run(arguments, environment: Self.noDialogVariable, directory: Self.root)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.error.contains("no dialog in \(empty.url.path)"), "\(arguments): \(result.error)")
        }
    }

    @Test(arguments: ["check", "test", "graph"])
    func checkAndTestTakeTheDialogEveryWay(_ command: String) throws {
        let folder = Self.fixture.path
        // The terminal fixture has no scripted conversations of its own; `test` is asked to allow that.
        let extra = command == "test" ? ["--allow-empty"] : []
        let ways: [([String], [String: String])] = [
            ([command, "--dialog", folder] + extra, Self.noDialogVariable),
            ([command, folder] + extra, Self.noDialogVariable),
            ([command] + extra, ["NOTICE_ASSISTANT_DIALOG": folder]),
        ]
        for (arguments, environment) in ways {
            let result = try Executable.run(arguments, environment: environment, directory: Self.root)
            #expect(result.status == 0, "\(arguments) \(environment): \(result.output.suffix(400))\(result.error)")
        }
        let both = try Executable.run([command, "--dialog", folder, "/elsewhere"], directory: Self.root)
        #expect(both.status == 64, "two different dialogs are refused")
    }
}
