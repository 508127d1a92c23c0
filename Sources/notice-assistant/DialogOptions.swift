import ArgumentParser
import Foundation
import NoticeAssistant

/// The options every conversation shares: which dialog, which language.
struct DialogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The dialog folder (default: $NOTICE_ASSISTANT_DIALOG, else the dialog installed with the program).", valueName: "folder"),
            completion: .directory)
    var dialog: String?

    @Option(name: .long, help: "The language to start in: zh-Hans, zh-Hant or en (default: the dialog's first).",
            completion: .list(DialogOptions.languages))
    var lang: String?

    @ArgumentParser.Flag(name: .long, help: "Load the dialog from its YAML files, not from the compiled copy cached by an earlier start ($NOTICE_ASSISTANT_CACHE=off does the same).")
    var noDialogCache = false

    func validate() throws {
        if let lang, !Self.languages.contains(lang) {
            throw ValidationError("--lang must be zh-Hans, zh-Hant or en, not “\(lang)”")
        }
    }

    /// The languages `--lang` takes; the shell completions offer them.
    static let languages = ["zh-Hans", "zh-Hant", "en"]

    /// The dialog folder, or exit 1 with where it was looked for and how to name another.
    func folder() throws -> URL { try DialogLocation.resolveOrExit(dialog) }

    /// Loads the dialog or exits with its diagnostics: the assistant never starts on a broken dialog.
    func loadAssistant() throws -> Assistant {
        let folder = try folder()
        do {
            let assistant = try Assistant(folder: folder, cache: noDialogCache ? nil : DialogCache.standard())
            for warning in assistant.warnings { Console.error(warning.description) }
            return assistant
        } catch {
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Console.error("notice-assistant: the dialog in \(DialogLoader.displayPath(folder.path)) has \(count) error\(count == 1 ? "" : "s"); fix them and start again (`notice-assistant check` lists them).")
            throw ExitCode(1)
        }
    }
}
