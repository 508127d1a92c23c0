// The complete example of docs/embedding.md: load a dialog once, serve several people at once, record their
// transcripts to a sink of our own, and save and resume a session.
//
//     swift run EmbeddingExample Dialogs/notice-help "我收到优品商城的短信，说我逾期十五天了，可我从来没在那里注册过，名字和身份证尾号都是我的" "没有" "没有"
//
// Every argument after the dialog folder is one line a person types; each person in the example says the same lines,
// in a different language.
import Foundation
import NoticeAssistant

@main
struct EmbeddingExample {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let folder = URL(fileURLWithPath: arguments.first ?? "Dialogs/notice-help")
        let lines = Array(arguments.dropFirst())

        // 1. Load once. A broken dialog is a list of diagnostics, each with its file, line and column.
        let assistant: Assistant
        do {
            assistant = try Assistant(folder: folder)
        } catch {
            for diagnostic in error.diagnostics { print(diagnostic) }  // dialog.yaml:4:8: error: …
            exit(1)
        }

        // 2. Serve three people at once from the one assistant. Each conversation writes the same transcript records
        //    as the command line, here to memory (the default is a file in the transcript directory).
        let results = await withTaskGroup(of: (String, [String], Int).self) { group in
            for language in ["zh-Hans", "zh-Hant", "en"] {
                group.addTask {
                    let sink = MemoryTranscriptSink()
                    guard var conversation = try? Conversation(assistant: assistant, language: language, transcript: .sink(sink)) else {
                        return (language, [], 0)
                    }
                    var advice: [String] = []
                    for event in conversation.opening + lines.flatMap({ conversation.respond(to: $0) }) {
                        if case .recommendation(let recommendation) = event { advice = recommendation.remedies.map(\.id) }
                    }
                    conversation.end(.completed)
                    return (language, advice, sink.records.count)
                }
            }
            var results: [(String, [String], Int)] = []
            for await result in group { results.append(result) }
            return results
        }
        for (language, advice, records) in results.sorted(by: { $0.0 < $1.0 }) {
            print("[\(language)] \(describe(advice)); \(records) transcript records")
        }

        // 3. Typed events: a host that shows text prints `text`; a richer one uses the question's choices.
        var (session, opening) = assistant.start(language: "en")
        for event in opening {
            if case .ask(let question) = event {
                let answers = question.choices.isEmpty ? "(in their own words)" : question.choices.map(\.id).joined(separator: " / ")
                print("asks \(question.label): \(answers)")
            }
        }

        // 4. Save after the first line, resume (as another process would, from the data), and finish there.
        if let first = lines.first {
            session = assistant.respond(to: first, in: session).session
        }
        let saved: Data = assistant.snapshot(session)
        do {
            let resumed = try assistant.resume(from: saved)
            var session = resumed.session
            var advice: [String] = []
            for line in lines.dropFirst() {
                let step = assistant.respond(to: line, in: session)
                session = step.session
                for case .recommendation(let recommendation) in step.events { advice = recommendation.remedies.map(\.id) }
            }
            print("resumed (dialog changed: \(resumed.dialogChanged)) \(describe(advice))")
        } catch {
            print("cannot resume: \(error)")  // another dialog, or not a snapshot
            exit(1)
        }
    }

    /// The remedies, or a plain word that the lines given did not reach advice (more answers are needed).
    static func describe(_ advice: [String]) -> String {
        advice.isEmpty ? "no advice yet (the lines given leave questions open)" : "advice: " + advice.joined(separator: ", ")
    }
}
