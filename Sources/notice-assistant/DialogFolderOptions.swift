import ArgumentParser
import Foundation

/// How `check`, `test`, `graph` and `explore` name the dialog: `--dialog FOLDER`, as every other subcommand does, or the older positional
/// `FOLDER`, kept as an alias; with neither, `$NOTICE_ASSISTANT_DIALOG`, else the dialog that travels with the program
/// (``DialogLocation``).
struct DialogFolderOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The dialog folder (default: $NOTICE_ASSISTANT_DIALOG, else the dialog installed with the program).", valueName: "folder"),
            completion: .directory)
    var dialog: String?

    @Argument(help: ArgumentHelp("The same as --dialog (kept for older scripts).", valueName: "folder"), completion: .directory)
    var positionalFolder: String?

    func validate() throws {
        if let dialog, let positionalFolder, dialog != positionalFolder {
            throw ValidationError("--dialog \(dialog) and the folder \(positionalFolder) name two dialogs; give one")
        }
    }

    /// The dialog folder, or exit 1 with where it was looked for and how to name another.
    func folder() throws -> URL { try DialogLocation.resolveOrExit(dialog ?? positionalFolder) }
}
