import Foundation
import NoticeAssistant
import Testing

/// `notice-assistant` parses a line that names no subcommand as `chat` directly (it spares the root's reflection at
/// start-up); help, the version, subcommands and every mistake must still read exactly as the full command tree says.
@Suite struct CommandLineParsingTests {
    @Test(arguments: [["--lang", "xx"], ["--bogus"], ["--plain", "--resume"]])
    func aMistakeReadsTheSameWithAndWithoutChat(_ arguments: [String]) throws {
        let bare = try Executable.run(arguments + ["--no-transcript"])
        let named = try Executable.run(["chat"] + arguments + ["--no-transcript"])
        #expect(bare.status == 64)
        #expect(bare.status == named.status)
        #expect(bare.error == named.error)
        #expect(bare.error.contains("Usage: notice-assistant chat"), "\(bare.error)")
    }

    @Test func helpAndVersionAreTheRootCommands() throws {
        let help = try Executable.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("SUBCOMMANDS"), "\(help.output)")
        let version = try Executable.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.trimmingCharacters(in: .whitespacesAndNewlines) == Conversation.libraryVersion)
    }

    @Test func aPlainChatLineChats() throws {
        let result = try Executable.run(["--plain", "--no-transcript", "--lang", "en"], input: "quit\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("I am not a lawyer"))
    }
}
