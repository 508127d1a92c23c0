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
            redactor.redactEach(&turn.assistantMessages)
            for index in turn.slotsChanged.indices {
                if let old = turn.slotsChanged[index].old, let masked = redactor.masked(old) { turn.slotsChanged[index].old = masked }
                if let new = turn.slotsChanged[index].new, let masked = redactor.masked(new) { turn.slotsChanged[index].new = masked }
            }
            return .turn(turn)
        case .recommendation(var recommendation):
            for index in recommendation.remedies.indices {
                if let masked = redactor.masked(recommendation.remedies[index].title) { recommendation.remedies[index].title = masked }
                redactor.redactEach(&recommendation.remedies[index].reasons)
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

extension Redactor {
    /// Masks each text of `texts` in place; an array with nothing to mask is not copied.
    func redactEach(_ texts: inout [String]) {
        for index in texts.indices {
            if let masked = masked(texts[index]) { texts[index] = masked }
        }
    }
}
