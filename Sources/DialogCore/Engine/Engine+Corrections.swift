/// How the earlier answers a line changed are said back.
///
/// Each change is a `corrected` event with the slot and its old and new value, for hosts that show them their own
/// way. One change carries its sentence (`corrected`: "明白，我把“平台”从“分期乐”改成了“美团”，其他回答保持不变。"). Two or
/// more changes of one line ("其实是我借的" after "没注册过" and "没借过": an account and a loan) were two or three
/// sentences of the same shape, one under the other, for one thing the person said; they are said in one
/// (`corrected_several`: "明白，我把“在该平台有账号”改成了“是”，“本人买过东西或借过钱”改成了“是”，其他回答保持不变。"),
/// a message after the changes, whose own texts are then empty, so a host that prints every event's text prints
/// the one sentence. A dialog without `corrected_several` says each change alone.
extension Engine {
    func correctionEvents(_ changes: [SlotChange], _ s: Session) -> [DialogEvent] {
        let r = MessageRenderer(compiled: compiled, language: s.language)
        func parameters(_ change: SlotChange) -> [String: String] {
            ["slot": r.label(ofSlot: change.slot), "old": r.display(change.old, of: change.slot),
             "new": r.display(change.new, of: change.slot)]
        }
        let together = MessageID.correctedTogether.allSatisfy { compiled.dialog.messages[$0.rawValue] != nil }
        guard changes.count > 1, together else {
            return changes.map { .corrected($0, text: r.message(.corrected, parameters($0))) }
        }
        let said = changes.map { r.message(.correctedChange, parameters($0)) }
            .joined(separator: r.message(.correctedSeparator))
        return changes.map { .corrected($0, text: "") }
            + [.message(id: MessageID.correctedSeveral.rawValue, text: r.message(.correctedSeveral, ["changes": said]))]
    }
}
