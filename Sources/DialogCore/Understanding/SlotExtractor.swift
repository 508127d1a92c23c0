/// Finds values for every slot in one line. Pure: the same line, asked slots and dialog always give the same values.
///
/// The line is analysed once (`LineAnalysis`: its phrases, clauses, and where negation, reported speech and worries
/// reach); then each slot phrase is read through those rules, names and numbers are taken, and finally what only
/// makes sense as a reply to the question on screen (a bare yes or no, a line of denials, a name typed alone).
struct SlotExtractor {
    /// Whether one of `words` stands before `range` in its clause (`Slot.Value.notAfter`). Only for a value that lists
    /// such words, so the folding is paid only when such a phrase is found.
    static func standsAfter(_ words: PhraseList, _ range: Range<Int>, in line: LineAnalysis) -> Bool {
        standsAfter(folded: words.all.map { Array(TextNormalizer.fold($0).unicodeScalars) }, range, in: line)
    }

    /// The same, for words folded once with the dialog (a text slot's `capture.not_after`).
    static func standsAfter(folded words: [[Unicode.Scalar]], _ range: Range<Int>, in line: LineAnalysis) -> Bool {
        guard !words.isEmpty else { return false }
        let clause = line.clauses.of(range.lowerBound)
        var start = range.lowerBound
        while start > 0, line.clauses.of(start - 1) == clause { start -= 1 }
        guard start < range.lowerBound else { return false }
        // Compared in place: no copy of the stretch before the phrase, nor of each place a word may start.
        let scalars = line.scalars
        for folded in words {
            guard !folded.isEmpty, folded.count <= range.lowerBound - start else { continue }
            for at in start...(range.lowerBound - folded.count) where scalars[at] == folded[0] {
                if scalars[at..<(at + folded.count)].elementsEqual(folded) { return true }
            }
        }
        return false
    }

    /// What a line said.
    struct Extraction {
        /// Values found, by slot index, in the order they were found.
        var values: [(slot: Int, value: SlotValue)] = []
        /// The line hedged ("不知道") and gave no value for an asked slot.
        var hedged = false
        /// The line answered yes or no without saying to what.
        var bareAnswer: SlotValue?
        /// The asked slot that got its value only from a plain yes/no or from the whole line.
        var answeredByContext: Int?
        /// The line holds a correction word of the lexicon (不对, 其实, actually).
        var corrects = false
        /// The line takes back the last answer given and says only a plain yes or no ("刚才说错了，有的", "I was wrong
        /// earlier, yes there was"): it answers the question before, not the one on screen (`correctsEarlierAnswer`).
        var correctsEarlier = false
        /// A clause of the line is nothing but a hedge ("…, no amount"): asked slots the line left empty are unknown.
        var hedgesTheRest = false
        /// Slots a value of the line opens again (`implies: {slot: unset}`): what an earlier answer implied of them no
        /// longer holds, so their question is asked. Only slots the line says nothing of.
        var reopened: [Int] = []
        /// Choice values the line denies ("不是**电话**", "not my **parents**"), by slot index.
        var denied: [(slot: Int, value: String)] = []
        /// The topics the line asks about, in the dialog's order; not those inside someone else's words ("不然影响
        /// 征信" in a pasted text asks nothing).
        var topics: [Int] = []
        /// The relatives the line names as the borrower (`KinBorrower`), folded: kept in `Session.borrowerKin`.
        var borrowers: [String] = []
        /// What someone else's words in the line claim of a slot whose claims the person must own (`reported_owned_by`),
        /// when the line does not make them the person's own ("【分期乐】您的账单已逾期45天" alone): held by the session
        /// (`Session.heldClaims`) until the person says whose debt it is.
        var unownedClaims: [(slot: Int, value: SlotValue)] = []
        /// Slots whose value only a yes to another slot implies (`yes_implies`), with that slot.
        var implied: [(slot: Int, by: Int)] = []

        /// Whether the line takes back `value` of `slot`: it denies one of its choices.
        func denies(_ value: SlotValue, of slot: Int) -> Bool {
            guard case .choices(let ids) = value else { return false }
            return denied.contains { $0.slot == slot && ids.contains($0.value) }
        }
    }

    let compiled: CompiledDialog

    /// What earlier lines of the session settled that changes how a line reads.
    struct Context {
        /// The relatives named as the borrower in earlier lines (`Session.borrowerKin`), as folded scalars.
        var borrowers: [[Unicode.Scalar]] = []
        /// The session holds a value whose debt is someone else's (`others_debt`: "I'm his emergency contact"): a later
        /// "我一分钱都没还" says the person paid nothing for the borrower, as in the line that names the value.
        var othersDebtHeld = false
        /// The choice slots the session holds a value of other than `none`, for `yes_beside` (`Slot.yesBeside`).
        var choicesHeld = Set<Int>()
        static let none = Context()
    }

    /// `asked`: the slots of the question on screen. `lastAnswered`: after the advice, the slots the last answer gave,
    /// whose question is still what the person is replying to ("no, I haven't paid" right after "have you sent money?").
    func extract(_ text: NormalizedText, asked: [Int], lastAnswered: [Int] = [], context: Context = .none) -> Extraction {
        // The slots are read in place: through the array, each `slots[slot].skipsReportedSpeech` of the rules below
        // copied the whole `Slot` (its phrase lists, values and texts retained and released), ~15 copies and ~10 % of a
        // step (the fourteenth session's profile).
        compiled.dialog.slots.withUnsafeBufferPointer { slots in
            extract(text, asked: asked, lastAnswered: lastAnswered, context: context, slots: slots)
        }
    }

    private func extract(_ text: NormalizedText, asked: [Int], lastAnswered: [Int], context: Context,
                         slots: UnsafeBufferPointer<Slot>) -> Extraction {
        let line = LineAnalysis(text, compiled: compiled, borrowers: context.borrowers)
        let claimOwners = compiled.claimOwners
        var result = Extraction()
        if !line.borrowingKin.isEmpty {
            result.borrowers = line.borrowingKin.map { String(String.UnicodeScalarView(line.scalars[$0])) }
        }
        var choiceSets: [Int: [String]] = [:]
        var textValues: [Int: SlotValue] = [:]
        var yesNo: [Int: SlotValue] = [:]
        // Where each yes/no came from, for a question whose answering words answer only it (`answersAlone`, below).
        var yesNoAt: [Int: Range<Int>] = [:]
        var cuesBySlot: [Int: [Range<Int>]] = [:]
        var order: [Int] = []
        func note(_ slot: Int) { if !order.contains(slot) { order.append(slot) } }
        // Only announced ("说要", will), for a slot that does not listen for what a caller announces or demands.
        func announced(_ range: Range<Int>, _ slot: Int) -> Bool { !slots[slot].countsAnnounced && line.announcements.cover(range) }

        // Whether `range` is a known name right after a phrase that is a denial in form ("haven't paid my Atome", "没还借呗"):
        // the negation is that phrase's, and what the name says of itself (its region) stands. "不是WeLab" still denies.
        func nameAfterNotPaid(_ range: Range<Int>) -> Bool {
            line.nameRanges.contains(range) && line.content.contains { hit in
                hit.range.upperBound <= range.lowerBound && range.lowerBound - hit.range.upperBound <= 4
                    && line.negation.hasInside(hit.range, whole: true)
            }
        }
        // A choice phrase that passed the rules: the slot holds its value (a single-value slot, the last one named,
        // unless an earlier one `prevails`).
        var heldAt: [Int: [Range<Int>]] = [:]
        // Where each denied choice was named, for a line of two denials (`answeredNoBy` on a choice slot).
        var deniedAt: [(slot: Int, range: Range<Int>)] = []
        // Slots that hear requests ("让我转账") whose value the line denies as a request: "nobody asked me to send money".
        var requestDenied: [Int] = []
        func take(_ slot: Int, _ valueIndex: Int, at range: Range<Int>, meantByAnnouncement: Bool = false) {
            let id = slots[slot].values[valueIndex].id
            // "不交手续费就冻结", "unless I pay a fee": what a condition a caller sets demands, for a slot that listens
            // for demands (`DemandedCondition`): neither a denial nor a hypothetical.
            let demanded = slots[slot].countsAnnounced && DemandedCondition.holds(range, in: line.scalars, clauses: line.clauses)
            if line.worries.cover(range) && !demanded { return }
            // "asked for the code they texted me": how the code came, not the notice (`CodeDelivery`).
            if line.codeDeliveries.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) { return }
            // "Call 170xxxxxxxx to settle", "请致电4008…": what a notice asks, not what happened (`CallInstruction`).
            if line.asksToCall(range) { return }
            if !slots[slot].values[valueIndex].notAfter.isEmpty,
               Self.standsAfter(slots[slot].values[valueIndex].notAfter, range, in: line) { return }
            // "说再不还就去我单位闹": a value only threatened is the slot's value for the threat (`announced_as`).
            if !meantByAnnouncement, let threatened = slots[slot].values[valueIndex].announcedAs, line.announcements.cover(range),
               let other = slots[slot].values.firstIndex(where: { $0.id == threatened }) {
                take(slot, other, at: range, meantByAnnouncement: true)
                return
            }
            if !meantByAnnouncement, announced(range, slot) {
                // Not done, only announced; where the slot says so, the announcement is itself a value of another
                // slot: "they will tell my boss" is a threat.
                if let meaning = compiled.announcedMeaning(of: slot, value: id) {
                    take(meaning.slot, meaning.value, at: range, meantByAnnouncement: true)
                }
                return
            }
            // Inside someone else's words a choice still counts when it opens with the person's own word for someone
            // of theirs: "说**我儿子**欠了钱" says who the person is to the borrower (`ReportedSpeech.opensWithOwnPossessive`).
            // Nor a phrase of the person's own ID or name inside their relative's story: "我女兒喺台灣**用我的名字**辦了…".
            if slots[slot].skipsReportedSpeech, line.reported.covers(range),
               !line.opensWithOwnRelative(range), !line.ownThingInRelativesStory(range) { return }
            // A value that settles who the person is (`prevails`: a guarantee) told of their relative is the
            // relative's: "my father was the guarantor", "我爸是担保人" (`OwnKin`).
            if slots[slot].values[valueIndex].prevails, slots[slot].skipsReportedSpeech, !slots[slot].countsKinStory,
               line.reported.inKinStory(range), !OwnKin.mentionsPerson(range, in: line.scalars) { return }
            // "担保人不是我，是他爸", "the guarantor is his dad, not me": a value that settles who the person is, said to
            // be someone else's, is denied like a negated one.
            // What a known name says of itself (its region) is a fact beside a not-paid: "I haven't paid my Atome".
            if !demanded, !nameAfterNotPaid(range), line.negation.negates(range) || line.negation.continuesDenial(range)
                || (slots[slot].values[valueIndex].prevails && line.negation.namesSomeoneElse(range)) {
                result.denied.append((slot, id))
                deniedAt.append((slot, range))
                if slots[slot].countsAnnounced, line.negation.deniesRequest(range) { requestDenied.append(slot) }
                return
            }
            if slots[slot].multiple {
                if !(choiceSets[slot] ?? []).contains(id) { choiceSets[slot, default: []].append(id) }
            } else if let held = choiceSets[slot]?.first, held != id,
                      slots[slot].values.first(where: { $0.id == held })?.prevails == true, !slots[slot].values[valueIndex].prevails {
                // The value named earlier in the line prevails over this one (see `Slot.Value.prevails`).
            } else {
                choiceSets[slot] = [id]
            }
            heldAt[slot, default: []].append(range)
            note(slot)
        }
        // A guess ("好像注册过吧", "应该没买过", "i thot i paid it") is not a yes or no: in answer to the question on
        // screen it is "not sure" (unknown); about another slot it says nothing yet, so that slot's own question is
        // still asked (a guess at "already paid" given to "are you overdue?" must not become a dispute letter).
        // A doubt that closes the line after the answer ("不是我的名字吧，我不知道", "no, not sure") makes it a guess too,
        // but only for the question on screen: an aside about another slot keeps what it said.
        func guessed(_ slot: Int, _ range: Range<Int>) -> Bool {
            guard !slots[slot].countsGuesses else { return false }
            let doubted = asked.contains(slot) && line.doubtedAfter(range)
            guard doubted || line.hedged(range) else { return false }
            if asked.contains(slot) {
                yesNo[slot] = .unknown
                note(slot)
            }
            return true
        }
        // In a slot where a maybe must be acted on (`guesses: count`), a yes the line has said is not taken back by a
        // no beside it: "我把验证码告诉他了，没转钱", "I told him the code but didn't send money" gave a code, and a
        // wrong yes costs a call to the bank while a wrong no costs the money.
        func keepsYes(_ slot: Int) -> Bool { slots[slot].countsGuesses && yesNo[slot] == .yes }
        // `with_cue` phrases wait until the whole line is read: they count beside a cue or another phrase of their slot.
        var waiting: [(slot: Int, value: Int, range: Range<Int>)] = []
        // The known names of text slots, in the order of the line, and whether each was named after a negation.
        var knownNames: [Int: [(value: Int, negated: Bool, inKinStory: Bool)]] = [:]
        var announcedCues: [Int: [Range<Int>]] = [:]
        // Yes/no phrases skipped as someone else's claim, kept in case the person owns the claim (`reportedOwnedBy`).
        var claims: [(slot: Int, value: SlotValue, range: Range<Int>)] = []

        // The denials of yes/no slots so far ("没收到法院"): a yes phrase of the same slot right after one, in its
        // clause, is the same denial's object ("没收到法院的**传票**"), not a yes.
        var denials: [(slot: Int, range: Range<Int>)] = []
        // Where each denial phrase ends: a name right after one is what is denied ("I don't even have **Alipay credit**").
        var denialEnds: [Int] = []
        func continuesDenial(_ slot: Int, _ range: Range<Int>) -> Bool {
            let reach = line.scalars[range.lowerBound].isASCII ? 16 : 6
            return denials.contains { $0.slot == slot && $0.range.upperBound <= range.lowerBound && range.lowerBound - $0.range.upperBound <= reach
                && line.clauses.of($0.range.lowerBound) == line.clauses.of(range.lowerBound) }
        }

        // A phrase that says someone was reached (a value of the slot of people reached, and whatever else the same
        // words say: "calling my dad" is also "the calls go to a relative") does not count when that someone is the
        // borrower the line names (`LineAnalysis.reachesBorrower`).
        var reachingBorrower: [Range<Int>] = []
        if !line.borrowingKin.isEmpty || !line.earlierBorrowers.isEmpty {
            for found in line.content {
                guard case .choice(let slot, _) = found.cue else { continue }
                // Knowing where the borrower works or lives is a lender finding its debtor, no threat to anyone's
                // safety: "我儿子借的钱，他们知道我儿子在哪上班", "my son borrowed…, they know where my son works". A
                // child's school, or a relative with no part in the debt, stays a threat (`HarmThreat.isKnowing`).
                let findsDebtor = HarmThreat.isKnowing(found.range, in: line.scalars)
                guard slots[slot].whenAnnounced != nil || findsDebtor, line.reachesBorrower(found.range) else { continue }
                reachingBorrower.append(found.range)
            }
        }

        // Phrases that are denials in form and still say yes of the person's debt: "没还" (overdue), "haven't paid" (an
        // account, a purchase). In a line that says the debt is someone else's they are about paying for the borrower.
        var notPaidAt: [Range<Int>] = []
        // The yes/no slots said yes to in the person's own plain words (not a denial in form such as "还不上").
        var plainYes = Set<Int>()

        // Phrases that say yes to a claim (`reported_owned_by`: overdue) and to what the claim rests on (a purchase, an
        // account): "有逾期", "没缴". A negation before one ("我哪有逾期", "我不是没缴") denies the claim, not the loan.
        // Linear in the line: the owners' yes ranges in a Set, looked up once per claim.
        var claimRanges = Set<Range<Int>>()
        var claimCues: [(range: Range<Int>, owner: Int)] = []
        var ownerYes = Set<Range<Int>>()
        for found in line.content {
            guard case .slotYes(let slot) = found.cue else { continue }
            if let owner = claimOwners.owner[slot] { claimCues.append((found.range, owner)) }
        }
        if !claimCues.isEmpty {
            let owners = Set(claimCues.map(\.owner))
            for found in line.content {
                if case .slotYes(let slot) = found.cue, owners.contains(slot) { ownerYes.insert(found.range) }
            }
            for claim in claimCues where ownerYes.contains(claim.range) { claimRanges.insert(claim.range) }
        }

        // A `yes_when_asked` phrase says yes also beside a value of a slot of its `yes_beside`, named in the line or held:
        // "网上找了个停息挂账的中介，交了两千块" (a scam named) is money gone.
        func namesBeside(_ slot: Int) -> Bool {
            slots[slot].yesBeside.contains { name in
                guard let other = compiled.slotIndex[name] else { return false }
                return context.choicesHeld.contains(other) || line.content.contains { hit in
                    guard case .choice(other, let value) = hit.cue else { return false }
                    return slots[other].values[value].id != "none" && !line.negation.negates(hit.range)
                }
            }
        }
        // Each slot phrase, read through the rules. A `yes_when_asked` phrase is a yes only to the question on screen.
        for found in line.content {
            if !reachingBorrower.isEmpty, reachingBorrower.contains(found.range) { continue }
            var cue = found.cue
            if case .askedYes(let slot) = cue {
                guard asked.contains(slot) || namesBeside(slot) else { continue }
                cue = .slotYes(slot)
            }
            // A `when_asked` phrase is the answer only when it is all the line says, but for a word or two ("就是打电话",
            // "just calls"): "他们还给我老公打过一次电话" at the same question tells of a call, not of nothing more.
            if case .askedChoice(let slot, let valueIndex) = cue {
                guard asked.contains(slot), Self.saysLittleBeside(found.range, in: line.scalars) else { continue }
                cue = .choice(slot, value: valueIndex)
            }
            switch cue {
            case .slotYes(let slot):
                if line.worries.cover(found.range) || announced(found.range, slot) { continue }
                // "有人用它在微粒贷借了一万五", "他是离婚以后才在借呗借的钱": someone else's borrowing is no admission of the
                // person's own loan, account or purchase (`Agent`); what speaks of the person ("用我的身份证") still is.
                if slots[slot].skipsReportedSpeech, !slots[slot].countsKinStory, line.othersAct(found.range),
                   !OwnKin.mentionsPerson(found.range, in: line.scalars) { continue }
                if guessed(slot, found.range) { continue }
                // "我又不是没还": what a denial of paying implies (overdue, "an account I have not paid") is not said by
                // a payer; its no below becomes the yes ("already paid").
                if line.negation.doublyNegated(found.range) { continue }
                let negated = !nameAfterNotPaid(found.range) && (line.negation.negates(found.range) || continuesDenial(slot, found.range))
                if negated, !claimOwners.isOwned[slot], claimRanges.contains(found.range) { continue }
                // "due today and I haven't paid yet": not paid before the due day is not late (`DueAhead`).
                if !negated, line.negation.hasInside(found.range, whole: true), line.dueAheadDenies(slot) { continue }
                // "I haven't paid it yet": "paid it" over the "paid" of "haven't paid", which read its negation already,
                // is no second reading of those words, negated ("no account, no purchase").
                if negated, line.content.contains(where: { other in
                    other.cue.slot == slot && other.range.lowerBound < found.range.lowerBound && found.range.lowerBound < other.range.upperBound
                        && other.range.upperBound < found.range.upperBound && line.negation.hasInside(other.range, whole: true)
                }) { continue }
                // A phrase written with the comma that opens its clause ("，逾期#", ", # overdue") has no subject of its
                // own: "是我借的，逾期三天" goes on with the person's admission, "收到短信，逾期三天" with the text's claim.
                // Like a claim, it is the person's only when the line owns it (`reportedOwnedBy`, `agrees(after:)`).
                if line.scalars[found.range.lowerBound] == "," || (slots[slot].skipsReportedSpeech
                    && line.reported.covers(found.range, claim: !negated, kinStory: !slots[slot].countsKinStory)) {
                    claims.append((slot, negated ? .no : .yes, found.range))
                    continue
                }
                if negated, keepsYes(slot) { continue }
                yesNo[slot] = negated ? .no : .yes
                yesNoAt[slot] = found.range
                if !negated, line.negation.hasInside(found.range, whole: true) { notPaidAt.append(found.range) } else if !negated { plainYes.insert(slot) }
                note(slot)
            case .slotNo(let slot):
                if line.worries.cover(found.range) || announced(found.range, slot) { continue }
                if guessed(slot, found.range) { continue }
                // "逾期" is a no to "already paid" but a claim in form; "没借过" is a denial.
                let denial = line.negation.isDenial(found.range)
                // A claim denied from outside ("我哪有逾期") says nothing of what it would have said no to.
                if claimRanges.contains(found.range), line.negation.negates(found.range) { continue }
                if denial { denials.append((slot, found.range)); denialEnds.append(found.range.upperBound) }
                if slots[slot].skipsReportedSpeech, line.reported.covers(found.range, claim: !denial, kinStory: !slots[slot].countsKinStory) {
                    claims.append((slot, .no, found.range))
                    continue
                }
                if keepsYes(slot) { continue }
                // "我又不是没还", "it's not like I didn't pay": the person's own record reads as paid; a slot that hears
                // more than the person's own debt (money gone to a scammer, `kin_story: counts`) hears nothing.
                let doubly = line.negation.doublyNegated(found.range)
                if doubly, !slots[slot].skipsReportedSpeech || slots[slot].countsKinStory { continue }
                yesNo[slot] = doubly ? .yes : .no
                yesNoAt[slot] = found.range
                note(slot)
            case .choice(let slot, let valueIndex):
                // "someone used my ID to take a loan on Kakadai": a sign of what the person was told to do ("take a loan
                // on") is no sign when someone else did it (`Agent`).
                if !slots[slot].skipsReportedSpeech, line.othersAct(found.range), !OwnKin.mentionsPerson(found.range, in: line.scalars) { continue }
                take(slot, valueIndex, at: found.range)
            case .cuedChoice(let slot, let valueIndex):
                waiting.append((slot, valueIndex, found.range))
            case .known(let slot, let valueIndex):
                // A name is a fact even in a denial: "我从来没注册过花呗" still names 花呗.
                // A name that the line's name begins with is the same name said shorter: the brand "京东金融" in a
                // text about 京东白条 leaves 京东白条.
                let id = slots[slot].values[valueIndex].id
                if case .text(let held)? = textValues[slot], held != id, held.hasPrefix(id) { continue }
                // "我记成花呗了", "I confused it with Huabei": the lender the notice was mixed up with, not the notice's.
                if Self.standsAfter(folded: compiled.foldedNotAfter[slot], found.range, in: line) { continue }
                // A name denied, or the object of a denial, after another name the line gave ("收到借呗的短信…，我没有
                // **花呗**", "'Ant Jiebei' says I owe 12,000. I don't even have **Alipay credit**", "是借呗，不是花呗"), is
                // not the case's platform: the name given stands.
                let start = found.range.lowerBound
                let negated = line.negation.negates(found.range)
                if negated || denialEnds.contains(start) || (start > 0 && line.scalars[start - 1] == " " && denialEnds.contains(start - 1)),
                   knownNames[slot]?.contains(where: { !$0.negated && $0.value != valueIndex }) == true { continue }
                textValues[slot] = .text(id)
                knownNames[slot, default: []].append((valueIndex, negated, line.reported.inKinStory(found.range)))
                note(slot)
            case .suffix(let slot):
                // "信用卡分期" is a product, not a lender called "卡分期" (the slot's `not_names`).
                guard textValues[slot] == nil, let name = line.capturedName(endingAt: found.range),
                      !LineAnalysis.isNotAName(name, foldedNotNames: compiled.foldedNotNames[slot], exactly: true),
                      !Self.standsAfter(folded: compiled.foldedNotAfter[slot], found.range, in: line) else { continue }
                textValues[slot] = .text(name)
                note(slot)
            case .nameCue(let slot):
                guard textValues[slot] == nil, let name = line.capturedName(after: found.range),
                      !LineAnalysis.isNotAName(name, foldedNotNames: compiled.foldedNotNames[slot]),
                      !Self.standsAfter(folded: compiled.foldedNotAfter[slot], found.range, in: line) else { continue }
                textValues[slot] = .text(name)
                note(slot)
            case .numberCue(let slot):
                if line.worries.cover(found.range) { continue }
                if announced(found.range, slot) {
                    // "they will tell my boss": an announced cue licenses its names only as announced, which means
                    // something only where the slot says so (`when_announced`).
                    if slots[slot].kind == .choice, slots[slot].whenAnnounced != nil, !line.negation.negates(found.range) {
                        announcedCues[slot, default: []].append(found.range)
                    }
                    continue
                }
                if slots[slot].skipsReportedSpeech, line.reported.covers(found.range) { continue }
                // A denied contact licenses nothing: "没告诉我家人", "never told my brother". Denied of anyone
                // else ("沒有打給別人", "they didn't call anyone"), it says nobody was: the slot's `none`.
                if slots[slot].kind != .number, line.negation.negates(found.range) {
                    if slots[slot].kind == .choice, compiled.valueIndex[slot]["none"] != nil, line.anyoneFollows(found.range) {
                        if slots[slot].multiple {
                            if !(choiceSets[slot] ?? []).contains("none") { choiceSets[slot, default: []].append("none") }
                        } else if choiceSets[slot] == nil {
                            choiceSets[slot] = ["none"]
                        }
                        note(slot)
                    }
                    continue
                }
                cuesBySlot[slot, default: []].append(found.range)
            case .word, .askedYes, .askedChoice: break
            }
        }

        // A claim the person owns: "收到短信说我逾期两个月了，是我借的" says yes to the loan in the person's own words, so
        // the overdue the text claims is theirs too; "…，可我根本没借过" does not. Not when their own words say yes to a
        // slot that disowns it ("I paid it off but they say I owe 3000"), nor when they say otherwise of a slot the same
        // phrase speaks to ("…，是我借的，但上周已经还了" contradicts the claim's "not paid").
        // A plain yes in a clause of its own right after the claim agrees with it and owns it the same way: "短信说我
        // 逾期了，没错", "…，说得没错", "短信說我逾期了，沒錯" (`LineAnalysis.agrees(after:)`).
        // A plain no right after the claim, in the person's own voice, takes it back: "they said I owe 3000 but I never
        // did", "他们说我借了3000，可我没有". It denies what the claim is about: the slot that a claim can be owned for
        // (`reportedOwnedBy`: "I owe", "我逾期了" deny the overdue, not the account behind it), else the slot that owns
        // such claims ("said I borrowed" denies the loan), never what a phrase only implies besides.
        // A line holds a claim or two: looked through, not hashed into Sets.
        for claim in claims where claim.value == .yes && yesNo[claim.slot] == nil {
            let atRange = claims.filter { $0.range == claim.range && $0.value == .yes }
            let owned = atRange.filter { claimOwners.isOwned[$0.slot] }
            let denied = owned.isEmpty ? atRange.filter { claimOwners.ownsOthers[$0.slot] } : owned
            guard denied.contains(where: { $0.slot == claim.slot }), line.disagrees(after: claim.range) else { continue }
            yesNo[claim.slot] = .no
            note(claim.slot)
        }
        for claim in claims where yesNo[claim.slot] == nil {
            let owned = claimOwners.owner[claim.slot].map { yesNo[$0] == .yes } ?? false
            // A slot of `reported_disowned_by` disowns it when the line says yes to it, or names a value of it other
            // than `none` (a scam sign: "自称美团的人说我月付逾期了" is the scammer's claim, whatever the person bought).
            let disowned = slots[claim.slot].reportedDisownedBy.contains { name in
                guard let other = compiled.slotIndex[name] else { return false }
                return yesNo[other] == .yes || (choiceSets[other] ?? []).contains { $0 != "none" }
            }
            if disowned { continue }
            let contradicted = claims.contains { $0.range == claim.range && yesNo[$0.slot] != nil && yesNo[$0.slot] != $0.value }
            if contradicted { continue }
            guard owned || line.agrees(after: claim.range) else {
                // Not the person's yet: held by the session until they say whose debt it is (`Engine+HeldClaims`), unless
                // the line already says it is not theirs ("短信说我逾期了，可我根本没借过").
                if !slots[claim.slot].heldOwnedBy.isEmpty, let owner = claimOwners.owner[claim.slot], yesNo[owner] != .no {
                    result.unownedClaims.removeAll { $0.slot == claim.slot }
                    result.unownedClaims.append((claim.slot, claim.value))
                }
                continue
            }
            yesNo[claim.slot] = claim.value
            note(claim.slot)
        }

        // Whether the line admits the person's own debt (a yes, in plain words, to a slot that owns a claim or is owned
        // by one: the loan, the overdue), and whether the values of `slot` whose debt is someone else's were named only
        // by phrases that end at the person's own relative ("要找我家里人", "looking for my mom"): whom the collectors
        // seek, not the borrower (used below).
        func admitsOwnDebt() -> Bool {
            yesNo.contains { slot, value in
                value == .yes && slots[slot].skipsReportedSpeech && !slots[slot].countsKinStory
                    && (claimOwners.isOwned[slot] || claimOwners.ownsOthers[slot])
                    && (plainYes.contains(slot) || !notPaidAt.contains { $0 == yesNoAt[slot] })
            }
        }
        func soughtRelativeOnly(_ slot: Int) -> Bool {
            guard !line.kinRanges.isEmpty, let ids = choiceSets[slot],
                  ids.contains(where: { id in slots[slot].values.first { $0.id == id }?.othersDebt == true }),
                  let ranges = heldAt[slot], !ranges.isEmpty else { return false }
            return ranges.allSatisfy { range in line.kinRanges.contains { kin in
                kin.upperBound == range.upperBound && OwnKin.possessiveStart(before: kin.lowerBound, in: line.scalars) != nil
            } } && plainYes.contains { slot in
                slots[slot].skipsReportedSpeech && !slots[slot].countsKinStory && (claimOwners.isOwned[slot] || claimOwners.ownsOthers[slot])
            }
        }

        // "我儿子在安逸花借了钱，…，我一分钱都没还", "my son borrowed…, I haven't paid them anything": in a line that names
        // a value whose debt is someone else's (`others_debt`), the person's own denial of paying says they paid nothing
        // for the borrower. It is not their own overdue, account or purchase (the slots that keep someone else's words
        // from the person): every such value of that phrase is taken back.
        // In a later line too, when the session holds such a value and this line names no other value of its slot
        // ("其实是我自己借的，我一分钱都没还" is the person's own overdue).
        func othersDebt(_ slot: Int, _ id: String) -> Bool { slots[slot].values.first { $0.id == id }?.othersDebt == true }
        // Not when that value only names the person's own relative as whom the collectors seek, beside the person's own
        // admission in plain words (`soughtRelativeOnly`, below): "我在手机店分期买了个苹果…，现在还不上了，店里说要找我家里人".
        if !notPaidAt.isEmpty, choiceSets.contains(where: { slot, ids in ids.contains { othersDebt(slot, $0) } && !soughtRelativeOnly(slot) })
            || (context.othersDebtHeld && !choiceSets.contains(where: { slot, ids in
                slots[slot].values.contains(where: \.othersDebt) && ids.contains { !othersDebt(slot, $0) } })) {
            // A denial overlapping one ("还没还" beside "没还过") is the same words.
            for (slot, range) in yesNoAt where notPaidAt.contains(where: { $0.overlaps(range) }) && slots[slot].skipsReportedSpeech
                && !slots[slot].countsKinStory {
                yesNo[slot] = nil
                yesNoAt[slot] = nil
            }
        }

        // Beside: in its clause or the one before ("打给了我的紧急联系人，是我表弟"), or in a line that corrects an earlier
        // answer ("不对，是我同事", "actually it was my colleagues").
        // Also when its question is on screen, or when it is the whole line ("phone" typed alone at any question: a
        // word that says nothing else). A slot that holds one value keeps what a plain phrase named: "a text on my
        // phone" is a text message, though "phone" alone would be a call.
        let corrects = !line.functional.of(.corrections).isEmpty
        // A line of nothing but people ("我妈和我同事", "my mom and my boss") answers who was reached wherever it is
        // typed (`PeopleList`): the names of a slot of several values, and those it already holds.
        var listed = Set<Int>()
        for slot in Set(waiting.map(\.slot)) where slots[slot].multiple && slots[slot].whenAnnounced != nil {
            let names = waiting.filter { $0.slot == slot }.map(\.range) + (heldAt[slot] ?? [])
            if PeopleList.isList(line.scalars, names: names) { listed.insert(slot) }
        }
        let namedPlainly = Set(choiceSets.keys)
        for (slot, value, range) in waiting {
            if !slots[slot].multiple, namedPlainly.contains(slot) { continue }
            // Someone close who borrowed or used the person's name was not reached: "是我弟弟用我的名字借的" (`KinBorrower`).
            // Only for the slot of the people reached (the one that hears announcements of whom they will tell).
            if slots[slot].whenAnnounced != nil, line.borrowingKin.contains(where: { range.overlaps($0) }) || line.reachesBorrower(range) { continue }
            let clause = line.clauses.of(range.lowerBound)
            let beside = (cuesBySlot[slot] ?? []) + (heldAt[slot] ?? [])
            let near = { (ranges: [Range<Int>]) in ranges.contains { (clause - 1...clause).contains(line.clauses.of($0.lowerBound)) } }
            if asked.contains(slot) || corrects || near(beside) || line.isWholeLine(range) || listed.contains(slot) {
                take(slot, value, at: range)
            } else if near(announcedCues[slot] ?? []), announced(range, slot),
                      let meaning = compiled.announcedMeaning(of: slot, value: slots[slot].values[value].id) {
                take(meaning.slot, meaning.value, at: range, meantByAnnouncement: true)
            }
        }

        for slot in compiled.captureSlots where textValues[slot] == nil && slots[slot].capture?.brackets == true {
            if let name = line.bracketedName, !LineAnalysis.isNotAName(name, foldedNotNames: compiled.foldedNotNames[slot]) {
                textValues[slot] = .text(name)
                note(slot)
            }
        }

        // A lender named in Latin letters beside a word of lending: "Kredivo loan app", "WeLab Bank" (`LenderName`).
        for slot in compiled.captureSlots where textValues[slot] == nil {
            if let name = line.latinLenderName(phrases: line.content),
               !LineAnalysis.isNotAName(name, foldedNotNames: compiled.foldedNotNames[slot]) {
                textValues[slot] = .text(name)
                note(slot)
            }
        }

        // "在吉用花借的", "闪电借的分期": the name in the place of a loan (`LineAnalysis.nameAtPlace`).
        for slot in compiled.captureSlots where textValues[slot] == nil {
            if let name = line.nameAtPlace(names: line.nameRanges),
               !LineAnalysis.isNotAName(name, foldedNotNames: compiled.foldedNotNames[slot]) {
                textValues[slot] = .text(name)
                note(slot)
            }
        }

        let numbering = NumberFilling(compiled: compiled, analysis: line)
        let quantities = numbering.quantities()
        var numbers: [Int: SlotValue] = [:]
        for (slot, value) in numbering.values(quantities, cues: cuesBySlot, asked: asked) {
            numbers[slot] = value
            note(slot)
        }

        result.bareAnswer = line.bareAnswer
        // A name of a slot that is not the question on screen, given as a correction: a plain no and then the name
        // ("不是，是美团", "no, it's Meituan"), or one name denied and another named ("不是京东是美团"). The line
        // corrects that slot, and its no takes back the old name: it does not answer the question on screen, so
        // "did you register there?" is asked again rather than answered "no account".
        // Several known names said together, none denied ("花呗和借呗都逾期了", "I owe on both Huabei and JD"): all of
        // them are kept, in the order said, so neither the advice nor a letter silently drops one. A name that another
        // one begins with is the same name said shorter (the brand "京东" beside "京东白条"). A denied name ("不是花呗，
        // 是借呗", "meituan. actually no, it was jd") is a correction, read as before: the last name stands.
        // A line that tells of a relative's loan and of the person's own ("我儿子在安逸花借的钱逾期了，…，我自己的花呗也逾期
        // 了三天"): the names in the relative's story are what the line is about for the person as a third party (the
        // letter saying "I am not the borrower" goes there), so the person's own platform is not joined to them.
        let correcting = !line.functional.of(.corrections).isEmpty
        for (slot, said) in knownNames where said.count > 1 && !correcting && !said.contains(where: \.negated) {
            let story = said.filter(\.inKinStory)
            let names = story.isEmpty ? said : story
            var ids: [String] = []
            for name in names {
                let id = slots[slot].values[name.value].id
                if ids.contains(where: { $0.hasPrefix(id) }) { continue }
                ids.removeAll { id.hasPrefix($0) }
                ids.append(id)
            }
            if ids.count > 1 { textValues[slot] = .text(ids.joined(separator: String(SlotValue.namesJoiner))) } else if let id = ids.first { textValues[slot] = .text(id) }
        }
        for (slot, names) in knownNames where !asked.contains(slot) {
            guard let last = names.last else { continue }
            let replacesDenied = names.dropLast().contains { $0.negated && $0.value != last.value }
            if replacesDenied || (result.bareAnswer == .no && !last.negated) {
                result.corrects = true
                result.bareAnswer = nil
            }
        }
        // Someone else's words ask nothing ("不然影响征信" in a pasted text), unless the person asks about them: in
        // their own clause ("…会影响我的征信吗") or at the end of the line ("催收说不还就影响孩子上学，是真的吗").
        // A topic's `feared` words ask it only behind the person's own worry ("我怕他们起诉我", "I'm afraid they'll sue"),
        // as whole words in English ("sue" is not inside "issue").
        var topics = Set<Int>()
        var topicPhrases = compiled.topicPhrases(in: line.scalars, kin: line.kinRanges)
        for (reading, range) in line.topicReadings {
            for found in compiled.topicPhrases(in: reading) where found.range == 0..<reading.count && !line.negation.negates(range) {
                topicPhrases.append((found.topic, range, found.feared))
            }
        }
        // "如果我不还携程拿去花会怎样", "要是下个月还不上分期乐会怎么样": a topic's words across a lender's name, as a
        // slot's phrases are read across one (`LineAnalysis.acrossNames`), over the whole stretch.
        for name in line.content where !name.range.isEmpty {
            guard case .known = name.cue, name.range.lowerBound > 0, name.range.upperBound < line.scalars.count,
                  TextNormalizer.isHan(line.scalars[name.range.lowerBound]) else { continue }
            let from = max(0, name.range.lowerBound - 8), to = min(line.scalars.count, name.range.upperBound + 8)
            let gap = name.range.lowerBound - from
            let window = Array(line.scalars[from..<name.range.lowerBound]) + Array(line.scalars[name.range.upperBound..<to])
            for found in compiled.topicPhrases(in: window) where found.range.lowerBound < gap && found.range.upperBound > gap {
                topicPhrases.append((found.topic, (from + found.range.lowerBound)..<(name.range.upperBound + found.range.upperBound - gap), found.feared))
            }
        }
        for (topic, range, feared) in topicPhrases {
            if feared {
                guard line.worries.cover(range), !line.reported.covers(range),
                      LineAnalysis.hasWordBoundaries(range, in: line.scalars) else { continue }
            } else {
                guard !line.reported.covers(range) || line.asks(at: range) || line.isQuestion || compiled.dialog.topics[topic].answersQuoted else { continue }
            }
            topics.insert(topic)
        }
        result.topics = topics.sorted()
        let hedged = !line.hedges.isEmpty
        result.corrects = result.corrects || !line.functional.of(.corrections).isEmpty
        result.hedgesTheRest = line.hedgesTheRest(quantities: quantities, asked: asked)

        // The words that answer a question marked `answers: alone` answer only it: "no, I haven't paid" to "have you
        // sent them any money?" is not also "I have an account and I am overdue".
        // A choice slot's question likewise: "我没同意" to "did you agree to them using your ID?" is not also "a
        // promotion enrolled me without my consent".
        for slot in asked + lastAnswered where slots[slot].answersAlone {
            if slots[slot].kind == .choice {
                guard let ranges = heldAt[slot], choiceSets[slot] != nil else { continue }
                for (other, otherRange) in yesNoAt where ranges.contains(otherRange) { yesNo[other] = nil }
                continue
            }
            guard let range = yesNoAt[slot] else { continue }
            for (other, otherRange) in yesNoAt where other != slot && otherRange == range { yesNo[other] = nil }
        }

        // A request denied ("没人让我转账", "nobody asked me to transfer money", "冇人叫我過數") says nothing of the kind
        // was asked: the slot's `none`, when the line names none of its values as happening. Only for a slot that
        // hears requests (`announced: counts`); a denied threat ("没说要上门") leaves the harassment question open.
        for slot in requestDenied where choiceSets[slot] == nil && compiled.valueIndex[slot]["none"] != nil {
            choiceSets[slot] = ["none"]
            note(slot)
        }

        // "我没有给过他们钱，也没点过什么链接", "I have not sent them any money and did not click any links": two denials of
        // what a choice question asks (its values denied, or a no to a slot of its `answered_no_by`) and nothing of it
        // named as happening answer it `none`.
        // Two denials, not one said twice: "我冇轉過錢去任何私人戶口" (no money, no transfer) is one; they stand in two
        // clauses or are joined by 也 / 亦 / 又 / "and".
        for slot in compiled.deniableChoiceSlots where choiceSets[slot] == nil {
            var places = deniedAt.filter { $0.slot == slot }.map(\.range)
            for name in slots[slot].answeredNoBy {
                if let other = compiled.slotIndex[name], yesNo[other] == .no, let range = yesNoAt[other] { places.append(range) }
            }
            guard places.count >= 2 else { continue }
            places.sort { $0.lowerBound < $1.lowerBound }
            guard let first = places.first, let last = places.last, line.separatesDenials(first, last) else { continue }
            choiceSets[slot] = ["none"]
            note(slot)
        }

        // "I'm 2 months late on Fenqile and they called … looking for **my mom**", "…逾期咗兩個月，佢哋…搵**我阿媽**": a
        // relative of the person's own named as the object of the words (the phrase ends at "my mom", "我阿媽") is someone the collectors sought,
        // not the borrower, when the line admits the person's own debt in their own words (a yes to a slot that owns a
        // claim or is owned by one: the loan, the overdue). The value whose debt is someone else's (`others_debt`) is
        // then not who the person is.
        if !line.kinRanges.isEmpty, admitsOwnDebt() {
            for (slot, ids) in choiceSets where soughtRelativeOnly(slot) {
                let others = ids.filter { id in slots[slot].values.first { $0.id == id }?.othersDebt == true }
                let kept = ids.filter { !others.contains($0) }
                choiceSets[slot] = kept.isEmpty ? nil : kept
            }
        }

        // What a value named in the line implies is said too, over anything else the line says of those slots. An
        // `unset` opens a slot that another value of the line only implied: "我朋友借我的身份证贷款，当时我同意了" names
        // the borrower of record (whose loan was someone else's doing: not overdue) and the consent (the loan is theirs:
        // overdue is a real question), and the consent settles it.
        var impliedHere = Set<Int>()
        var unsetHere = Set<Int>()
        for (slot, ids) in choiceSets.sorted(by: { $0.key < $1.key }) {
            for id in ids {
                guard let index = compiled.valueIndex[slot][id] else { continue }
                for implied in slots[slot].values[index].implies {
                    guard let target = compiled.slotIndex[implied.slot] else { continue }
                    if implied.value == Slot.Value.Implication.unset {
                        if impliedHere.contains(target) {
                            yesNo[target] = nil
                            choiceSets[target] = nil
                            impliedHere.remove(target)
                        }
                        unsetHere.insert(target)
                        if yesNo[target] == nil, choiceSets[target] == nil, !result.reopened.contains(target) { result.reopened.append(target) }
                        continue
                    }
                    // Whichever of the two the line's order of slots reaches first.
                    if unsetHere.contains(target), result.reopened.contains(target) { continue }
                    impliedHere.insert(target)
                    switch slots[target].kind {
                    case .yesno: yesNo[target] = implied.value == "yes" ? .yes : .no
                    case .choice where slots[target].multiple:
                        if !(choiceSets[target] ?? []).contains(implied.value) { choiceSets[target, default: []].append(implied.value) }
                    case .choice: choiceSets[target] = [implied.value]
                    case .number, .text: continue
                    }
                    note(target)
                }
            }
        }

        // What a yes says besides (`yes_implies`), for slots the line says nothing of: "分期买了个手机" has an account.
        for slot in order where yesNo[slot] == .yes {
            for implied in slots[slot].yesImplies {
                guard let target = compiled.slotIndex[implied.slot], slots[target].kind == .yesno, yesNo[target] == nil else { continue }
                yesNo[target] = implied.value == "yes" ? .yes : .no
                result.implied.append((target, slot))
                note(target)
            }
        }

        for slot in order {
            if let value = yesNo[slot] { result.values.append((slot, value)) }
            if let ids = choiceSets[slot] {
                let kept = ids.count > 1 ? ids.filter { $0 != "none" } : ids
                result.values.append((slot, .choices(slots[slot].multiple ? kept.sorted() : kept)))
            }
            if let value = textValues[slot] { result.values.append((slot, value)) }
            if let value = numbers[slot] { result.values.append((slot, value)) }
        }

        result.correctsEarlier = result.bareAnswer != nil && result.values.isEmpty && line.correctsEarlierAnswer

        // Answers that only make sense as a reply to the question just asked.
        // A line gives a few values: looked through, not hashed into a Set.
        var namesNone = false
        // "我没点" (didn't click) to "are you yourself overdue?": a no that denies a deed the question does not speak of
        // answers nothing. "没收到" to "有没有真的收到法院…?", "没过" to "是不是已经过了还款日?", "没点" to "点链接…?" do:
        // the deed is in the question (its prompts, in any language, or the slot's phrases).
        let deniedVerb = result.bareAnswer == .no ? line.verbAfterNo : nil
        func deniesAnotherDeed(_ slot: Int) -> Bool {
            guard let verb = deniedVerb else { return false }
            func holdsVerb(_ text: String) -> Bool { TextNormalizer.fold(text).unicodeScalars.contains(verb) }
            let id = slots[slot].id
            for state in compiled.dialog.states {
                guard case .ask(let asks, let prompt) = state.kind, asks.contains(id) else { continue }
                if ([prompt] + state.reprompts).contains(where: { $0.byLanguage.values.contains(where: holdsVerb) }) { return false }
            }
            let phrases = slots[slot].yes.all + slots[slot].no.all + slots[slot].yesWhenAsked.all
                + slots[slot].values.flatMap { $0.synonyms.all + $0.cued.all + $0.withKin.all }
            return !phrases.contains(where: holdsVerb)
        }
        for slot in asked where !result.values.contains(where: { $0.slot == slot }) {
            if deniesAnotherDeed(slot) { continue }
            switch slots[slot].kind {
            case .yesno:
                // A plain yes to a two-part question whose yes would do harm if wrong says neither part: asked again.
                // Nor is a yes beside another yes/no fact an answer to this question: "yes I really am overdue" at
                // "did any money go?" says yes to being overdue.
                let yesToAnother = result.bareAnswer == .yes && result.values.contains { found in
                    found.slot != slot && found.value == .yes && slots[found.slot].kind == .yesno
                }
                if let answer = result.bareAnswer, !(answer == .yes && slots[slot].plainYesAsksWhich), !yesToAnother {
                    // "没有吧，我不知道", "no, not sure": a plain answer with a doubt after it is a guess.
                    if !slots[slot].countsGuesses, let word = line.lastAnswerWord, line.doubtedAfter(word) {
                        return answered(slot, .unknown, result)
                    }
                    return answered(slot, answer, result)
                }
                // "我没开通过" at "could a promotion have switched it on?": a denial it lists answers it no.
                if result.bareAnswer != .yes, !slots[slot].answeredNoBy.isEmpty, result.values.contains(where: { found in
                    found.value == .no && slots[slot].answeredNoBy.contains(slots[found.slot].id)
                }) {
                    return answered(slot, .no, result)
                }
            case .choice:
                // "没链接，也没让转账", "短信，没打过电话": a line that names only what did not happen, and none of this
                // question's choices as happening, answers "none of those".
                // A plain yes or no picks the value marked with that `answer` ("是" → "I know them"); a plain no, or
                // a line of denials, picks `none` where no value is marked `answer: no`.
                if let bare = result.bareAnswer, let value = slots[slot].values.first(where: { $0.bareAnswer == bare }) {
                    return answered(slot, .choices([value.id]), result)
                }
                let deniesOnly = result.bareAnswer != .yes && !hedged && !result.denied.isEmpty
                if result.bareAnswer == .no || deniesOnly, slots[slot].value("none") != nil {
                    return answered(slot, .choices(["none"]), result)
                }
            case .text:
                // The whole line is the name only when it said nothing else: "他们还打给了我同事" is not a platform; nor
                // a question of the person's own ("要不要给他们地址"), nor what the slot says is no name ("一个陌生号码").
                // An answer word that opens the name ("好还 (Haohuan)") is part of it, not a yes.
                if !hedged, result.bareAnswer == nil || line.answerRunsIntoName, result.values.isEmpty, !line.worries.any,
                   let name = line.wholeLineName,
                   !LineAnalysis.isNotAName(name, foldedNotNames: compiled.foldedNotNames[slot]) {
                    return answered(slot, .text(name), result)
                }
                // A plain "没有" / "冇" / "no" to "which platform?" says the notice named none: not known, as a hedge.
                if result.bareAnswer == .no, result.values.isEmpty { namesNone = true }
            case .number: break
            }
        }
        let answeredAsked = asked.contains { slot in result.values.contains { $0.slot == slot } }
        result.hedged = (line.hedgesAsked(asked) || namesNone) && !answeredAsked
        return result
    }

    /// The extraction with the asked `slot` answered by the context of the question.
    private func answered(_ slot: Int, _ value: SlotValue, _ extraction: Extraction) -> Extraction {
        var extraction = extraction
        extraction.values.append((slot, value))
        extraction.answeredByContext = slot
        extraction.hedged = false
        return extraction
    }
}

extension SlotExtractor {
    /// Whether the line outside `range` holds at most three Chinese characters and two Latin words (fillers: 就是, 啊,
    /// "just", "only").
    static func saysLittleBeside(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        var han = 0
        var words = 0
        var inWord = false
        for index in scalars.indices where !range.contains(index) {
            let scalar = scalars[index]
            if scalar.isASCIILetter {
                if !inWord { words += 1 }
                inWord = true
                continue
            }
            inWord = false
            if TextNormalizer.isHan(scalar) || scalar.properties.numericType != nil { han += 1 }
            if han > 3 || words > 2 { return false }
        }
        return han <= 3 && words <= 2
    }
}
