@_exported import DialogCore
@_exported import DialogFiles
import Foundation
import Transcript

/// A dialog loaded, validated and compiled once, ready to serve any number of sessions at once.
///
/// ```swift
/// let assistant = try Assistant(folder: URL(fileURLWithPath: "Dialogs/notice-help"))
/// var (session, events) = assistant.start(language: "en")
/// (session, events) = assistant.respond(to: "I got a text from Huabei saying I'm 15 days overdue", in: session)
/// ```
public struct Assistant: Sendable {
    public let engine: Engine
    /// Warnings found while loading (errors make `init` throw).
    public let warnings: [Diagnostic]
    /// Redacts this assistant's transcripts: it knows the dialog's own sentences, so a reply said as the dialog writes
    /// it is redacted once, not at every record.
    public let redactor: Redactor

    public var dialog: Dialog { engine.compiled.dialog }

    /// Loads the dialog folder; throws `DialogLoadFailure` with every diagnostic when it has errors.
    public init(folder: URL) throws(DialogLoadFailure) {
        let loaded = try DialogLoader.load(folder: folder)
        self.init(compiled: CompiledDialog(loaded.dialog), warnings: loaded.warnings)
    }

    /// The same, through `cache`: a dialog loaded before (same files, same executable) starts from its compiled
    /// copy instead of being parsed, validated and compiled again. With a nil cache, exactly `init(folder:)`.
    public init(folder: URL, cache: DialogCache?) throws(DialogLoadFailure) {
        if let cache {
            let loaded = try cache.load(folder: folder)
            self.init(compiled: loaded.compiled, warnings: loaded.warnings)
        } else {
            try self.init(folder: folder)
        }
    }

    init(compiled: CompiledDialog, warnings: [Diagnostic]) {
        self.engine = Engine(compiled)
        self.warnings = warnings
        let dialog = compiled.dialog
        self.redactor = Redactor(knownTexts: KnownTexts {
            var sentences: [String] = []
            dialog.forEachText { _, _, text, _ in sentences.append(text) }
            return sentences
        })
    }

    public init(dialog: Dialog) {
        self.init(compiled: CompiledDialog(dialog), warnings: [])
    }

    /// A new session in `language` (the dialog's default when nil), and the opening messages.
    public func start(language: String? = nil) -> (session: Session, events: [DialogEvent]) {
        engine.start(language: language)
    }

    /// The session after the person's line, and what to show them.
    public func respond(to line: String, in session: Session) -> (session: Session, events: [DialogEvent]) {
        engine.step(session, line)
    }

    /// What a prompt should name: the open question's label, or the advice's after the questions; nil for a bare prompt.
    public func promptLabel(for session: Session) -> String? { engine.promptLabel(session) }

    /// The same step, with everything a host records about it: what changed, which command ran, the open question,
    /// the advice.
    public func turn(_ line: String, in session: Session) -> TurnResult {
        engine.turn(session, line)
    }

    public func summary(of session: Session) -> Summary { engine.summary(of: session) }

    /// Phrases a person can type now: the open question's choices and the commands.
    public func completions(for session: Session) -> [String] {
        engine.compiled.completions(at: session.current, language: session.language)
    }
}
