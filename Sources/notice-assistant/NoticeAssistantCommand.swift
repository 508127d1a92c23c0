import ArgumentParser
import NoticeAssistant

@main
struct NoticeAssistantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice-assistant",
        abstract: "A rule-based helper for people who received a repayment or collection notice.",
        discussion: "Not a lawyer and not the platform: it asks a few questions and says what to do, in order, through the real channels.",
        version: ProgramInfo.version,
        subcommands: [ChatCommand.self, RunCommand.self, TestCommand.self, CheckCommand.self, GraphCommand.self, ExploreCommand.self, SchemaCommand.self, TranscriptCommand.self, ServeCommand.self],
        defaultSubcommand: ChatCommand.self)

    /// A command line that names no subcommand is a chat: it is parsed as `ChatCommand` alone, which spares the
    /// root's reflection (~2M instructions, a tenth of a cached start; docs/performance.md). Anything else — a
    /// subcommand, a request for help or the version, or a line `ChatCommand` refuses — goes through the root
    /// parser, so help, errors and exit codes are exactly those of the full command tree.
    static func main() {
        ProcessSignals.prepare()
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard isPlainChat(arguments), let chat = try? ChatCommand.parse(arguments) else {
            return main(nil)
        }
        do {
            try chat.run()
        } catch {
            exit(withError: error)
        }
    }

    private static func isPlainChat(_ arguments: [String]) -> Bool {
        let rootWords = ["help", "-h", "--help", "--version", "--generate-completion-script",
                                      "--experimental-dump-help"]
        if arguments.contains(where: { rootWords.contains($0) || $0.hasPrefix("--generate-completion-script=") }) {
            return false
        }
        guard let first = arguments.first else { return true }
        return !configuration.subcommands.contains { $0.configuration.commandName == first }
    }
}

enum ProgramInfo {
    static let version = Conversation.libraryVersion
}
