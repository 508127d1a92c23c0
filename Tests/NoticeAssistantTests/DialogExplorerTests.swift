import Foundation
import NoticeAssistant
import Testing

/// The explorer walks quietly (no text rendered) for speed; the quiet walk must move a session exactly as the walk
/// a person meets does, or what `explore` reports would not be what people get.
struct DialogExplorerTests {
    static func assistant(_ folder: String) throws -> Assistant {
        Assistant(dialog: try DialogLoader.load(folder: PackagePaths.root.appendingPathComponent(folder)).dialog)
    }

    @Test(arguments: [("Tests/DialogFilesTests/Fixtures/mini", 1_000), ("Dialogs/notice-help", 300)])
    func theQuietWalkMovesTheSessionAsTheFullWalkDoes(folder: String, paths: Int) throws {
        let assistant = try Self.assistant(folder)
        let engine = assistant.engine
        let report = DialogExplorer(assistant: assistant).explore(maximumPaths: paths)
        #expect(!report.paths.isEmpty)
        for path in report.paths {
            var session = engine.start().session
            for answer in path.answers {
                if let slot = answer.slot, let value = answer.value {
                    session.values[slot] = value
                } else {
                    session.heard.insert(answer.state)
                }
                let quiet = engine.rewalked(session, quietly: true)
                let full = engine.rewalked(session)
                #expect(quiet.session == full.session, "at \(answer.state)")
                #expect(quiet.events.isEmpty)
                session = quiet.session
            }
            #expect(session.current == path.session.current)
        }
    }
}
