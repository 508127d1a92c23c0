extension TranscriptRecord {
    /// The record with every text a person wrote or could have filled in masked by `redactor`.
    ///
    /// Masks the user's line, the assistant's messages (they quote slot values back), slot values, remedy titles and
    /// reasons (they may interpolate slots) and the end detail. Ids, versions, hashes and state names are the program's
    /// own words and are kept, so a hash that happens to contain a long run of digits is never mangled. The session id
    /// is the exception: a host may choose it, and one that is a phone number is masked like one.
    public func redacted(by redactor: Redactor) -> TranscriptRecord {
        switch self {
        case .start(var start):
            start.sessionID = redactor.redact(start.sessionID)
            return .start(start)
        case .turn(var turn):
            turn.userLine = turn.userLine.map(redactor.redact)
            turn.assistantMessages = turn.assistantMessages.map(redactor.redact)
            turn.slotsChanged = turn.slotsChanged.map { change in
                Turn.SlotChange(slot: change.slot, old: change.old.map(redactor.redact), new: change.new.map(redactor.redact))
            }
            return .turn(turn)
        case .recommendation(var recommendation):
            recommendation.remedies = recommendation.remedies.map { remedy in
                Recommendation.Remedy(
                    id: remedy.id, title: redactor.redact(remedy.title), reasons: remedy.reasons.map(redactor.redact))
            }
            return .recommendation(recommendation)
        case .end(var end):
            end.detail = end.detail.map(redactor.redact)
            end.finalSlots = end.finalSlots.mapValues(redactor.redact)
            end.finalValues = end.finalValues?.mapValues { $0.map(redactor.redact) }
            return .end(end)
        }
    }
}
