import ArgumentParser
import Foundation
import NoticeAssistant

/// The options every conversation shares: which dialog, which language.
struct DialogOptions: ParsableArguments {
    @Option(name: .long, help: "The dialog folder (default: $NOTICE_ASSISTANT_DIALOG, or Dialogs/notice-help).")
    var dialog: String?

    @Option(name: .long, help: "The language to start in: zh-Hans, zh-Hant or en (default: the dialog's first).")
    var lang: String?

    @ArgumentParser.Flag(name: .long, help: "Load the dialog from its YAML files, not from the compiled copy cached by an earlier start ($NOTICE_ASSISTANT_CACHE=off does the same).")
    var noDialogCache = false

    func validate() throws {
        if let lang, !["zh-Hans", "zh-Hant", "en"].contains(lang) {
            throw ValidationError("--lang must be zh-Hans, zh-Hant or en, not “\(lang)”")
        }
    }

    var folder: URL { DialogLocation.resolve(dialog) }

    /// Loads the dialog or exits with its diagnostics: the assistant never starts on a broken dialog.
    func loadAssistant() throws -> Assistant {
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

/// Where the dialog is when no `--dialog` is given.
enum DialogLocation {
    static func resolve(_ explicit: String?) -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let value = getenv("NOTICE_ASSISTANT_DIALOG"), value.pointee != 0 {
            return URL(fileURLWithPath: String(cString: value))
        }
        let local = URL(fileURLWithPath: "Dialogs/notice-help")
        if FileManager.default.fileExists(atPath: local.appendingPathComponent("dialog.yaml").path) { return local }
        // Next to the package the executable was built in: .build/<config>/notice-assistant → ../../Dialogs.
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("Dialogs/notice-help")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("dialog.yaml").path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return local
    }
}
