import ArgumentParser
import Foundation
import NoticeAssistant

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a dialog's states and transitions as Graphviz DOT or a Mermaid diagram.",
        discussion: "Arrows carry their conditions, questions their labels and the slots they ask, end states the remedies they give on some path (found by `explore`).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid
    }

    @OptionGroup var dialogFolder: DialogFolderOptions

    @Option(name: .long, help: "dot (Graphviz) or mermaid.")
    var format: Format = .mermaid

    @Option(name: .long, help: "The language of the labels: zh-Hans, zh-Hant or en (default: the dialog's first).")
    var lang: String?

    @Option(name: .long, help: "How many paths to explore to find the remedies each end state gives.")
    var maxPaths = 100_000

    func run() throws {
        let folder = try dialogFolder.folder()
        let (loaded, assistant) = try AuthoringDialog.load(folder)
        let report = DialogExplorer(assistant: assistant, conflicts: loaded.remedyConflicts).explore(maximumPaths: maxPaths, language: lang)
        let graph = DialogGraph(dialog: assistant.dialog, language: lang, remediesByEnd: report.remediesByEnd)
        Console.write(1, format == .dot ? graph.dot() : graph.mermaid())
    }
}
