/// What a notice claims, held across lines until the person says whose debt it is.
///
/// A pasted bill ("【分期乐】您的账单已逾期45天，欠款2300元") or a retelling of one ("拍拍贷欠了两千三，逾期十来天") says the
/// account is overdue, but in someone else's words, or with no subject of its own: the slot that keeps such claims from
/// the person (`overdue`, `reported: skip`) takes them only when the same line owns the debt (`reported_owned_by`:
/// "…，是我借的"). Said a line later, "是我借的" used to leave the claim behind, and "是不是已经过了还款日？" was asked of
/// someone whose bill had just said 45 days (and a reflexive "冇" to it read as "not overdue").
///
/// So a claim the line does not own is **held**, not dropped: `SlotExtractor` hands it over (`unownedClaims`, for a slot
/// with `held_owned_by`) and the session keeps one per slot, with the turn of the line it came from
/// (`Session.heldClaims`). After every line the held claims are **settled** against what the session now holds:
/// - the session holds a value of the slot's `held_owned_by` (notice-help: `role: borrower`, "是我借的", "it's my loan",
///   by whatever line or question): the debt is the person's, and the claim is **promoted** to the slot's value, as if
///   the line that owned the debt had said it; it is said back (`claim_taken`: "按您前面发来的内容记下：本人确实逾期、
///   通知所说逾期天数：45…"), with the numbers and names of the line it came from, so a wrong one can be corrected.
///   Only who the person is makes it theirs: "买过" to "did you buy there?" says they use the platform, not that this
///   bill is right, so "is it really overdue by your own records?" is still asked (a payer chased by mistake says no);
/// - the slot gets an answer of its own, or a slot that disowns such claims holds (`reported_disowned_by`: paid off,
///   enrolled by a promotion, a scam sign): the claim is **dropped**, and a promoted value still standing is taken
///   back ("其实上周已经还了" after the bill's "已逾期").
/// Otherwise it stays held, and says nothing: a claim is never a fact on its own.
///
/// `back` undoes this with the line: a claim held by an undone line is forgotten, one settled by it is held again (its
/// value is undone with the line's other changes, which record the promotion).
extension Session {
    /// One slot's claim, held (`settled` nil), promoted or dropped.
    public struct HeldClaim: Hashable, Codable, Sendable {
        public var slot: String
        public var value: SlotValue
        /// The turn of the line that made the claim.
        public var turn: Int
        /// The turn of the line at which the claim was promoted or dropped; nil while it is held.
        public var settled: Int?
        /// Whether it was promoted (its value stood for the slot) when it was settled.
        public var promoted: Bool

        public init(slot: String, value: SlotValue, turn: Int, settled: Int? = nil, promoted: Bool = false) {
            self.slot = slot
            self.value = value
            self.turn = turn
            self.settled = settled
            self.promoted = promoted
        }
    }
}

extension Engine {
    /// Keeps the claims the line did not own (a newer one of a slot replaces one still held), for slots the line gave no
    /// value of its own.
    func holdClaims(_ extraction: SlotExtractor.Extraction, _ s: inout Session) {
        guard !extraction.unownedClaims.isEmpty else { return }
        var claims = s.heldClaims ?? []
        for (slot, value) in extraction.unownedClaims where !extraction.values.contains(where: { $0.slot == slot }) {
            let id = compiled.dialog.slots[slot].id
            claims.removeAll { $0.slot == id && $0.settled == nil }
            claims.append(Session.HeldClaim(slot: id, value: value, turn: s.turn))
        }
        s.heldClaims = claims.isEmpty ? nil : claims
    }

    /// Promotes, drops or takes back the held claims by what the session now holds (see the file's header). Returns the
    /// values it changed, to be recorded with the line, and the slots it promoted, to be said back.
    func settleClaims(_ s: inout Session) -> (changes: [SlotChange], promoted: [String]) {
        guard var claims = s.heldClaims else { return ([], []) }
        let slots = compiled.dialog.slots
        var changes: [SlotChange] = []
        var promoted: [String] = []
        func disowned(_ slot: Int) -> Bool {
            slots[slot].reportedDisownedBy.contains { name in
                switch s.values[name] {
                case .yes?: return true
                case .choices(let ids)?: return ids.contains { $0 != "none" }
                default: return false
                }
            }
        }
        for index in claims.indices {
            let claim = claims[index]
            guard let slot = compiled.slotIndex[claim.slot] else { continue }
            if claim.settled != nil {
                // Promoted, and now disowned by the person's own words: the claim no longer stands for them.
                if claim.promoted, s.values[claim.slot] == claim.value, disowned(slot) {
                    s.values[claim.slot] = nil
                    changes.append(SlotChange(slot: claim.slot, old: claim.value, new: nil))
                    claims[index].promoted = false
                    claims[index].settled = s.turn
                }
                continue
            }
            if s.values[claim.slot] != nil || disowned(slot) {
                claims[index].settled = s.turn
                continue
            }
            let owned = slots[slot].heldOwnedBy.contains { owning in
                switch s.values[owning.slot] {
                case .choices(let ids)?: return ids.contains(owning.value)
                case .yes?: return owning.value == "yes"
                case .no?: return owning.value == "no"
                default: return false
                }
            }
            guard owned else { continue }
            s.values[claim.slot] = claim.value
            changes.append(SlotChange(slot: claim.slot, old: nil, new: claim.value))
            promoted.append(claim.slot)
            claims[index].settled = s.turn
            claims[index].promoted = true
        }
        s.heldClaims = claims
        return (changes, promoted)
    }

    /// `back` of the line of `turn`: claims it held are forgotten, claims it settled are held again.
    func unsettleClaims(from turn: Int, _ s: inout Session) {
        guard var claims = s.heldClaims else { return }
        claims.removeAll { $0.turn >= turn }
        for index in claims.indices where (claims[index].settled ?? Int.min) >= turn {
            claims[index].settled = nil
            claims[index].promoted = false
        }
        s.heldClaims = claims.isEmpty ? nil : claims
    }

    /// The promoted claims said back, with the numbers and names of the lines they came from ("本人确实逾期、通知所说逾期
    /// 天数：45、通知所说金额（元）：2300"): nil when the dialog has no `claim_taken` message.
    func claimTakenText(_ promoted: [String], _ s: Session) -> String? {
        guard !promoted.isEmpty, compiled.dialog.messages[MessageID.claimTaken.rawValue] != nil else { return nil }
        let r = MessageRenderer(compiled: compiled, language: s.language)
        var facts = promoted.map { slot in s.values[slot] == .yes ? r.label(ofSlot: slot) : r.fact(slot, s.values[slot]) }
        let turns = Set((s.heldClaims ?? []).filter { promoted.contains($0.slot) }.map(\.turn))
        var shown = Set(promoted)
        for answer in s.answers where turns.contains(answer.turn) {
            for change in answer.changes where !shown.contains(change.slot) && s.values[change.slot] == change.new {
                guard let index = compiled.slotIndex[change.slot],
                      [.number, .text].contains(compiled.dialog.slots[index].kind), change.new != .unknown else { continue }
                shown.insert(change.slot)
                facts.append(r.fact(change.slot, change.new))
            }
        }
        return r.message(.claimTaken, ["facts": facts.joined(separator: r.message(.listSeparator))])
    }
}
