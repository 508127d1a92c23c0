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

    /// Loads the dialog or exits with its diagnostics on stderr: the assistant never starts on a broken dialog.
    /// `failed` hears why first, as a protocol error (`dialog_missing`, `dialog_invalid`), for a caller that reports it
    /// somewhere besides stderr: `serve` sends it to the host.
    /// `keepingPhraseText`: read a cached dialog with every phrase (for `test`'s coverage of them); a session needs only
    /// the compiled automaton, so chat, run and serve leave the phrase text in the cache.
    func loadAssistant(keepingPhraseText: Bool = false, failed: (ProtocolError) -> Void = { _ in }) throws -> Assistant {
        let folder: URL
        switch DialogLocation.current.resolve(dialog) {
        case .success(let found): folder = found
        case .failure(let missing):
            Console.error(missing.description)
            let sentence = missing.description.replacingOccurrences(of: "notice-assistant: ", with: "")
                .replacingOccurrences(of: "\n", with: " ")
            failed(ProtocolError(.dialogMissing, sentence))
            throw ExitCode(1)
        }
        do {
            var cache = noDialogCache ? nil : DialogCache.standard()
            cache?.skipsPhraseText = !keepingPhraseText
            let assistant = try Assistant(folder: folder, cache: cache)
            for warning in assistant.warnings { Console.error(warning.description) }
            return assistant
        } catch {
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            let errors = error.diagnostics.filter { $0.severity == .error }
            let path = DialogLoader.displayPath(folder.path)
            Console.error("notice-assistant: the dialog in \(path) has \(errors.count) error\(errors.count == 1 ? "" : "s"); fix them and start again (`notice-assistant check` lists them).")
            let first = errors.first.map { "; the first: \($0.description)" } ?? ""
            failed(ProtocolError(
                .dialogInvalid, "the dialog in \(path) has \(errors.count) error\(errors.count == 1 ? "" : "s")\(first); `notice-assistant check --dialog \(path)` lists them"))
            throw ExitCode(1)
        }
    }
}
