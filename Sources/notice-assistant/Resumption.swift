import Foundation
import NoticeAssistant

/// Rebuilds a session from its transcript by replaying the person's lines through the current dialog. Answers whose
/// slots still exist come back; a state that no longer exists is simply not reached, so the walk stops at the
/// nearest open question of the dialog as it is now.
enum Resumption {
    static func replay(_ path: String, assistant: Assistant, language: String?) throws -> (session: Session, opening: [DialogEvent]) {
        let contents = try TranscriptFile.read(path)
        var recordedLanguage: String?
        var recordedHash: String?
        var lines: [String] = []
        for record in contents.records {
            switch record {
            case .start(let start):
                recordedLanguage = start.language
                recordedHash = start.dialogContentHash
            case .turn(let turn):
                if let line = turn.userLine { lines.append(line) }
            default: break
            }
        }
        var session = assistant.start(language: language ?? recordedLanguage).session
        for line in lines where !isQuit(line, assistant) {
            session = assistant.respond(to: line, in: session).session
        }
        session.ended = false
        let changed = recordedHash != nil && recordedHash != assistant.dialog.contentHash
        let note = Messages.pick(session.language,
                                 "（已从对话记录恢复：\(lines.count) 句。\(changed ? "对话规则在这之后改过，仍适用的回答都保留了，请看下面的问题。" : "")）",
                                 "（已從對話記錄恢復：\(lines.count) 句。\(changed ? "對話規則在這之後改過，仍適用的回答都保留了，請看下面的問題。" : "")）",
                                 "(Resumed from the transcript: \(lines.count) lines.\(changed ? " The dialog has changed since; the answers that still apply were kept — see the question below." : ""))")
        return (session, [.message(id: "resumed", text: note)] + assistant.engine.pending(session))
    }

    private static func isQuit(_ line: String, _ assistant: Assistant) -> Bool {
        assistant.engine.compiled.commandName(for: line) == "quit"
    }
}
