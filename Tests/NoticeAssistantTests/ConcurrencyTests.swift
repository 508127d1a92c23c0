import Foundation
import Testing
import NoticeAssistant

/// One assistant serving many sessions from many tasks at once: each ends exactly as it would alone.
@Suite struct ConcurrencyTests {
    let assistant = ServeFixture.assistant

    /// What a conversation shows and records, without the times.
    struct Outcome: Equatable, Sendable {
        var texts: [String]
        var remedies: [String]?
        var records: [String]
    }

    static func play(_ assistant: Assistant, id: String, script: Int, language: String, yielding: Bool) async throws -> Outcome {
        let sink = MemoryTranscriptSink()
        var conversation = try Conversation(assistant: assistant, id: id, language: language, transcript: .sink(sink),
                                            at: Date(timeIntervalSince1970: 0))
        var events = conversation.opening
        for line in ServeFixture.scripts[script].lines {
            if yielding { await Task.yield() }
            events += conversation.respond(to: line, at: Date(timeIntervalSince1970: 0))
        }
        conversation.end(.completed, at: Date(timeIntervalSince1970: 0))
        let records = sink.records.map { record -> String in
            switch record {
            case .start(let start): return "start \(start.sessionID) \(start.language) \(start.mode.rawValue)"
            case .turn(let turn): return "turn \(turn.number) \(turn.userLine ?? "") → \(turn.stateAfter)"
            case .recommendation(let recommendation): return "recommendation \(recommendation.remedies.map(\.id))"
            case .end(let end): return "end \(end.reason.rawValue) \(end.finalSlots.sorted { $0.key < $1.key })"
            }
        }
        return Outcome(texts: events.map(\.text), remedies: ServeFixture.remedies(events), records: records)
    }

    @Test func aThousandSessionsInterleavedEndAsTheyDoAlone() async throws {
        var alone: [String: Outcome] = [:]
        for script in ServeFixture.scripts.indices {
            for language in ServeFixture.languages {
                alone["\(script) \(language)"] = try await Self.play(assistant, id: "same", script: script, language: language, yielding: false)
            }
        }
        for (script, expected) in ServeFixture.scripts.enumerated() {
            #expect(alone["\(script) en"]?.remedies ?? [] == expected.remedies, "script \(script) alone")
        }

        let assistant = self.assistant
        let outcomes = try await withThrowingTaskGroup(of: (Int, Outcome).self) { group in
            for index in 0..<1_000 {
                group.addTask {
                    let outcome = try await Self.play(assistant, id: "same", script: index % ServeFixture.scripts.count,
                                                      language: ServeFixture.languages[index % 3], yielding: true)
                    return (index, outcome)
                }
            }
            var outcomes: [Int: Outcome] = [:]
            for try await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes
        }
        #expect(outcomes.count == 1_000)
        for (index, outcome) in outcomes {
            let key = "\(index % ServeFixture.scripts.count) \(ServeFixture.languages[index % 3])"
            #expect(outcome == alone[key], "session \(index)")
        }
    }

    /// The tables only lines and advice need are built by whichever turn first asks (`CompiledDialog.LineTables`):
    /// sessions giving their first lines at once to an assistant just loaded, so that they race to build them, still
    /// end as they do alone. (`Scripts/check-sanitizers` runs this under the thread sanitizer.)
    @Test func firstLinesAtOnceOnAFreshAssistantEndAsTheyDoAlone() async throws {
        var alone: [String: Outcome] = [:]
        for script in ServeFixture.scripts.indices {
            for language in ServeFixture.languages {
                alone["\(script) \(language)"] = try await Self.play(assistant, id: "same", script: script, language: language,
                                                                   yielding: false)
            }
        }
        for _ in 0..<5 {
            let fresh = try Assistant(folder: ServeFixture.folder)
            let outcomes = try await withThrowingTaskGroup(of: (Int, Outcome).self) { group in
                for index in 0..<24 {
                    group.addTask {
                        (index, try await Self.play(fresh, id: "same", script: index % ServeFixture.scripts.count,
                                                    language: ServeFixture.languages[index % 3], yielding: false))
                    }
                }
                var outcomes: [Int: Outcome] = [:]
                for try await (index, outcome) in group { outcomes[index] = outcome }
                return outcomes
            }
            for (index, outcome) in outcomes {
                #expect(outcome == alone["\(index % ServeFixture.scripts.count) \(ServeFixture.languages[index % 3])"],
                        "session \(index)")
            }
        }
    }

    /// The protocol core is a value; a host that shares it between tasks puts it in an actor.
    actor SharedServer {
        var server = ProtocolServer(assistant: ServeFixture.assistant, configuration: .init(transcripts: .none))

        func handle(_ fields: [String: String]) -> [ProtocolResponse] {
            server.handle(line: ServeFixture.request(fields))
        }
    }

    @Test func manyTasksShareOneProtocolServer() async {
        let shared = SharedServer()
        let advice = await withTaskGroup(of: (Int, [String]?).self) { group in
            for index in 0..<300 {
                group.addTask {
                    let id = "t\(index)"
                    _ = await shared.handle(["type": "start", "session": id, "language": ServeFixture.languages[index % 3]])
                    var remedies: [String]?
                    for line in ServeFixture.scripts[index % ServeFixture.scripts.count].lines {
                        await Task.yield()
                        for response in await shared.handle(["type": "line", "session": id, "text": line]) {
                            #expect(response.session == id)
                            if case .dialog(.recommendation(let recommendation)) = response.event { remedies = recommendation.remedies.map(\.id) }
                        }
                    }
                    _ = await shared.handle(["type": "end", "session": id])
                    return (index, remedies)
                }
            }
            var advice: [Int: [String]?] = [:]
            for await (index, remedies) in group { advice[index] = remedies }
            return advice
        }
        for (index, remedies) in advice {
            #expect(remedies ?? [] == ServeFixture.scripts[index % ServeFixture.scripts.count].remedies, "session t\(index)")
        }
    }
}
