import DialogCore

extension Assistant {
    /// The most turns a resumed session may have counted; far more than any conversation, far from overflowing.
    static let maximumSnapshotTurn = 1_000_000
    /// The longest text a resumed slot value may hold, in characters.
    static let maximumSnapshotText = 10_000

    /// What is wrong with a session read from a snapshot, in a sentence, or nil when it is one this dialog could have
    /// produced. A snapshot comes from outside (a host's database, a file): counters must be in range, values of the
    /// kind their slot holds and, when the snapshot was taken with these very files (`sameFiles`), every state, slot,
    /// choice and remedy must be the dialog's. With changed files, ids the dialog no longer has are dropped later
    /// (``Engine/rewalked(_:)``), but kinds and ranges are still checked.
    func problem(in session: Session, sameFiles: Bool) -> String? {
        let compiled = engine.compiled
        guard (0...Self.maximumSnapshotTurn).contains(session.turn) else {
            return "`turn` is \(session.turn), outside 0…\(Self.maximumSnapshotTurn)"
        }
        guard (0...session.turn).contains(session.noMatchCount) else {
            return "`noMatchCount` is \(session.noMatchCount), outside 0…\(session.turn)"
        }
        guard session.answers.count <= session.turn + 1 else {
            return "there are \(session.answers.count) answers for \(session.turn) turns"
        }
        if sameFiles {
            guard dialog.languages.contains(session.language) else { return "language `\(session.language)` is not the dialog's" }
            for state in [session.current].compactMap({ $0 }) + session.said.sorted() + session.heard.sorted()
            where compiled.state(state) == nil {
                return "state `\(state)` is not in the dialog"
            }
            for remedy in session.shownAdvice ?? [] where !dialog.remedies.contains(where: { $0.id == remedy }) {
                return "remedy `\(remedy)` is not in the dialog"
            }
        }
        for (slot, value) in session.values {
            if let problem = problem(with: value, of: slot, sameFiles: sameFiles) { return problem }
        }
        for answer in session.answers {
            guard (0...session.turn).contains(answer.turn) else {
                return "an answer is of turn \(answer.turn), outside 0…\(session.turn)"
            }
            if sameFiles, let heard = answer.heard, compiled.state(heard) == nil { return "state `\(heard)` is not in the dialog" }
            for change in answer.changes {
                for value in [change.old, change.new].compactMap({ $0 }) {
                    if let problem = problem(with: value, of: change.slot, sameFiles: sameFiles) { return problem }
                }
            }
        }
        return nil
    }

    private func problem(with value: SlotValue, of slotID: String, sameFiles: Bool) -> String? {
        guard let slot = engine.compiled.slot(slotID) else { return sameFiles ? "slot `\(slotID)` is not in the dialog" : nil }
        let fits: Bool
        switch (slot.kind, value) {
        case (_, .unknown): fits = true
        case (.yesno, .yes), (.yesno, .no): fits = true
        case (.number, .number(let number)): fits = number.isFinite && abs(number) < 1e15
        // An amount in another currency, as written ("HK$3,000"): an amount slot keeps it so (`NumberFilling.written`).
        case (.number, .text(let text)) where slot.unit == .yuan: fits = text.count <= Self.maximumSnapshotText
        case (.choice, .choices(let chosen)):
            fits = !chosen.isEmpty && (slot.multiple || chosen.count == 1) && chosen == chosen.sorted()
                && Set(chosen).count == chosen.count && (!sameFiles || chosen.allSatisfy { slot.value($0) != nil })
        case (.text, .text(let text)): fits = text.count <= Self.maximumSnapshotText
        default: fits = false
        }
        return fits ? nil : "slot `\(slotID)` (\(slot.kind.rawValue)) cannot hold \(value)"
    }
}
