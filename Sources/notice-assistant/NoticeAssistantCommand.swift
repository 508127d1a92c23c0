import ArgumentParser
import NoticeAssistant

@main
struct NoticeAssistantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice-assistant",
        abstract: "A rule-based helper for people who received a repayment or collection notice.",
        discussion: "Not a lawyer and not the platform: it asks a few questions and says what to do, in order, through the real channels.",
        version: ProgramInfo.version,
        subcommands: [ChatCommand.self, RunCommand.self, TestCommand.self, CheckCommand.self, TranscriptCommand.self, ServeCommand.self],
        defaultSubcommand: ChatCommand.self)
}

enum ProgramInfo {
    static let version = Conversation.libraryVersion
}
