import ArgumentParser
import Foundation
import NoticeAssistant

/// A dialog folder read from its YAML for an authoring tool (`graph`, `explore`): never from the compiled cache, since
/// the tools also read what only the YAML holds (declared conflicts); a dialog with errors prints them and exits 1.
enum AuthoringDialog {
    static func load(_ folder: String) throws -> (loaded: LoadedDialog, assistant: Assistant) {
        do {
            let loaded = try DialogLoader.load(folder: URL(fileURLWithPath: folder))
            return (loaded, Assistant(dialog: loaded.dialog))
        } catch {
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Console.error("notice-assistant: the dialog in \(folder) has \(count) error\(count == 1 ? "" : "s"); `notice-assistant check \(folder)` lists them.")
            throw ExitCode(1)
        }
    }
}
