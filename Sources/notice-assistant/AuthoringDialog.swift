import ArgumentParser
import Foundation
import NoticeAssistant

/// A dialog folder read from its YAML for an authoring tool (`graph`, `explore`): never from the compiled cache, since
/// the tools also read what only the YAML holds (declared conflicts); a dialog with errors prints them and exits 1.
enum AuthoringDialog {
    static func load(_ url: URL) throws -> (loaded: LoadedDialog, assistant: Assistant) {
        let folder = DialogLoader.displayPath(url.path)
        do {
            let loaded = try DialogLoader.load(folder: url)
            return (loaded, Assistant(dialog: loaded.dialog))
        } catch {
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Console.error("notice-assistant: the dialog in \(folder) has \(count) error\(count == 1 ? "" : "s"); `notice-assistant check \(folder)` lists them.")
            throw ExitCode(1)
        }
    }
}
