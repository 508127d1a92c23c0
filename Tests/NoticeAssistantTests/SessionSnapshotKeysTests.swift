import DialogCore
import Foundation
import Testing

/// A session is saved with every property it has, but the one a walk keeps for the next (`walkMemo`), which the
/// values give again: a property added to `Session` and forgotten in its list of keys would be lost by every snapshot.
@Suite struct SessionSnapshotKeysTests {
    @Test func everyPropertyButTheWalksMemoIsSaved() throws {
        var session = ServeFixture.assistant.start(language: "en").session
        session.values = ["channel": .choices(["sms"])]
        session.said = ["welcome"]
        session.heard = ["describe"]
        session.shownAdvice = ["a"]
        session.listedSteps = 2
        session.openedStep = 1
        session.listedDrafts = true
        session.detectsLanguage = true
        session.languageChosen = true
        session.languageHinted = true
        session.restartPending = true
        session.beforeRestart = [ServeFixture.assistant.start(language: "en").session]
        session.borrowerKin = ["brother"]
        let saved = try JSONSerialization.jsonObject(with: JSONEncoder().encode(session)) as? [String: Any]
        let properties = Set(Mirror(reflecting: session).children.compactMap(\.label)).subtracting(["walkMemo"])
        #expect(Set(saved?.keys.map { $0 } ?? []) == properties)
        #expect(try JSONDecoder().decode(Session.self, from: JSONEncoder().encode(session)) == session)
    }
}
