/// What one line did, worked out once by the engine so that no host works it out again: the session after it, what
/// to show, which slots changed, which command ran, the question now open and the advice given.
///
/// Every host — the command line, `serve`, an embedding app — records a turn from this value alone.
///
/// ```swift
/// let turn = engine.turn(session, "it's Huabei, 15 days overdue")
/// show(turn.events)
/// for change in turn.changes { print(change.slot, change.new as Any) }
/// session = turn.session
/// ```
public struct TurnResult: Sendable {
    /// The session after the line.
    public var session: Session
    /// What to show, in order.
    public var events: [DialogEvent]
    /// The state the session was in before the line (nil before the first question).
    public var stateBefore: String?
    /// The slots the line set, changed or cleared, in the dialog's slot order.
    public var changes: [SlotChange]
    /// The global command the line was, if it was one.
    public var command: CompiledDialog.LineCommand?
    /// The line found nothing to take (see `Engine.Trace.unanswered`).
    public var unanswered = false
    /// The line started the conversation over: advice given before it no longer stands.
    public var restarted = false
    /// The line undid the last restart: the advice before it stands again.
    public var restartUndone = false
    /// What the help desk should see first about this line (a topic's `alert`: "spoke of ending their life").
    public var alerts: [String] = []

    /// The question open after the line: the last one asked, if the line ended at a question.
    public var question: Question? {
        for event in events.reversed() {
            if case .ask(let question) = event { return question }
        }
        return nil
    }

    /// The advice this line gave, if it gave any (a new or changed advice, or `more` of it).
    public var advice: Recommendation? {
        for case .recommendation(let recommendation) in events { return recommendation }
        return nil
    }
}

extension Engine {
    /// Steps the session with one line and says what the line did.
    public func turn(_ session: Session, _ utterance: String) -> TurnResult {
        let (after, events, trace) = stepTraced(session, utterance)
        return TurnResult(session: after, events: events, stateBefore: session.current,
                          changes: changes(from: session.values, to: after.values), command: trace.command,
                          unanswered: trace.unanswered, restarted: trace.restarted, restartUndone: trace.restartUndone,
                          alerts: trace.alerts)
    }

    /// The slots whose value differs between two sets of values, in the dialog's slot order. Values the line left
    /// alone share their storage with the session before it, so a command or a line that changed nothing costs one
    /// comparison; otherwise each value is looked up once in the other set (not every slot of the dialog in both).
    func changes(from before: [String: SlotValue], to after: [String: SlotValue]) -> [SlotChange] {
        guard before != after else { return [] }
        let slotIndex = compiled.slotIndex
        var changed: [(index: Int, change: SlotChange)] = []
        var added = 0
        for (slot, new) in after {
            let old = before[slot]
            if old == nil { added += 1 }
            guard old != new, let index = slotIndex[slot] else { continue }
            changed.append((index, SlotChange(slot: slot, old: old, new: new)))
        }
        // Some value was cleared only if `after` has fewer keys than `before`'s plus those it added.
        if before.count + added != after.count {
            for (slot, old) in before where after[slot] == nil {
                guard let index = slotIndex[slot] else { continue }
                changed.append((index, SlotChange(slot: slot, old: old, new: nil)))
            }
        }
        if changed.count > 1 { changed.sort { $0.index < $1.index } }
        return changed.map(\.change)
    }
}
