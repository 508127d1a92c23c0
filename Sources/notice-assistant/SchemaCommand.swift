import ArgumentParser
import Foundation
import NoticeAssistant

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of dialog files (manifest, dialog or test), or write all three into a folder.",
        discussion: "The schemas come from the table of keys the parser reads; the repository ships them in docs/schema, and each YAML file names its schema on its first line (`# yaml-language-server: $schema=…`) for editors.")

    @Argument(help: "manifest (dialog.yaml), dialog (the files it includes) or test (tests/*.yaml).")
    var kind: String = "dialog"

    @Option(name: .long, help: "Write the three schemas into this folder (e.g. docs/schema) instead of printing one.")
    var write: String?

    func run() throws {
        if let write {
            for kind in DialogSchema.Kind.allCases {
                try Data(DialogSchema.json(kind).utf8).write(to: URL(fileURLWithPath: write).appendingPathComponent(kind.fileName))
            }
            return
        }
        guard let kind = DialogSchema.Kind(rawValue: kind) else {
            throw ValidationError("the schema is one of: \(DialogSchema.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        Console.write(1, DialogSchema.json(kind))
    }
}
