import DialogCore
import DialogFiles
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

    /// The session after the opening story told `facts` (mini: channel, then platform, account, days overdue or
    /// contacts), and its key.
    static func afterStory(_ facts: [String: SlotValue], _ engine: Engine) -> (session: Session, key: FutureEquivalence.Key) {
        var session = engine.start().session
        session.heard.insert("describe")
        for (slot, value) in facts { session.values[slot] = value }
        session = engine.rewalked(session, quietly: true).session
        return (session, FutureEquivalence(engine: engine).key(session))
    }

    /// "It came by text" and "they called": only `check_source` (`channel is known`) reads the channel, and it holds
    /// either way, so nothing ahead tells the two apart and the explorer walks on from one of them.
    @Test func twoStoriesThatDifferOnlyInAFactNothingAheadReadsAreOnePlace() throws {
        let engine = try Self.assistant("Tests/DialogFilesTests/Fixtures/mini").engine
        let text = Self.afterStory(["channel": .choices(["sms"])], engine)
        let call = Self.afterStory(["channel": .choices(["call"])], engine)
        #expect(text.session.current == "ask_platform" && call.session.current == "ask_platform")
        #expect(text.key == call.key)
        // Days overdue 5 and 40 pass the one test a condition makes of them (`overdue_days > 0`): one place too.
        let five = Self.afterStory(["overdue_days": .number(5)], engine)
        let forty = Self.afterStory(["overdue_days": .number(40)], engine)
        #expect(five.key == forty.key)
    }

    /// "Overdue 5 days" and "not overdue (0 days)": `negotiate` (`has_account == yes and overdue_days > 0`) waits on
    /// the account question, and the answer "yes" gives it after the one story and not after the other. The two stay
    /// apart, and the explorer gives `negotiate` on a path.
    @Test func twoStoriesThatDifferInAFactALaterConditionReadsStayApart() throws {
        let assistant = try Self.assistant("Tests/DialogFilesTests/Fixtures/mini")
        let engine = assistant.engine
        let five = Self.afterStory(["overdue_days": .number(5)], engine)
        let none = Self.afterStory(["overdue_days": .number(0)], engine)
        #expect(five.session.current == none.session.current)
        #expect(five.key != none.key)
        var registered = five.session
        registered.values["has_account"] = .yes
        #expect(engine.holding(engine.rewalked(registered, quietly: true).session).remedies.contains("negotiate"))
        let report = DialogExplorer(assistant: assistant).explore()
        #expect(!report.truncated)
        #expect(report.paths.contains { $0.remedies.contains("negotiate") })
    }
}
