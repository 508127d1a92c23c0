import ArgumentParser
import Foundation
import NoticeAssistant

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem in a dialog folder as path:line:column: error: message.",
        discussion: "Exits 1 when there is any error, 0 when the dialog is clean (warnings are printed but do not fail).")

    @OptionGroup var dialogFolder: DialogFolderOptions

    func run() throws {
        let url = try dialogFolder.folder()
        do throws(DialogLoadFailure) {
            let loaded = try DialogLoader.load(folder: url)
            for warning in loaded.warnings { Console.out(warning.description) }
            let tests = try ConversationTestLoader.loadAll(dialogFolder: url)
            let problems = ConversationTestChecker.check(tests, against: loaded.dialog)
            guard problems.isEmpty else { throw DialogLoadFailure(diagnostics: problems) }
            let d = loaded.dialog
            Console.out("\(DialogLoader.displayPath(url.path)): ok — \(d.states.count) states, \(d.slots.count) slots, \(d.flags.count) flags, \(d.remedies.count) remedies, \(d.drafts.count) drafts, languages \(d.languages.joined(separator: ", ")); \(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s")")
        } catch {
            for diagnostic in error.diagnostics { Console.out(diagnostic.description) }
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            Console.out("\(errors) error\(errors == 1 ? "" : "s")")
            throw ExitCode(1)
        }
    }
}
