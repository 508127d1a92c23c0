/// Everything about one line that the rules of understanding share, worked out once: the dialog's phrases found in it
/// (the longest winning), its clauses, and where negation, reported speech and the person's own worries reach. Each
/// rule is a file of this folder: `Negation`, `Announcements`, `ReportedSpeech`, `Worries`, `BareAnswers`, `Hedges`, `NameCapture`,
/// `NumberFilling`, `UnknownPerson`, `KinAccount`,
/// `KinPronoun`, `KinBorrower`, `QuotedKin`, `MoneyAndCode`, `Consequences`, `Agent`, `CodeDelivery`, `LenderName`, `CallInstruction`,
/// `ClosedAccount`, `Possessive`, `DeathEuphemism`, `NotThatName`, `HarmThreat`, `PersonalPayee`, `PrivateChat`, `DueAhead`,
/// `CancelOrElse`, `VisitPlace`, `AtTheDoorNow`, `KinLate`, `KinInTrouble`, `OwnAccount`, `KinStory`, `SpokenCourtClaim`, `KinTells`, `KinNamed`, `KinGuarantee`, `BorrowedForMe`, `OwnUse`, `TheBorrower`; `SlotExtractor` runs
/// them over the line's phrases and puts the values together.
///
/// **One reading of the line.** The line is read twice, each time once for every rule: by the dialog's automaton (its
/// phrases and the lexicon's words) and by the automaton of the rules' own trigger words (`LineTriggers`). A rule works
/// from what those found — the relatives, the negations, the names of platforms, or its trigger words — and never
/// scans the line for a word of its own: a rule that looks for words the dialog does not list declares them as a case
/// of `LineRule` with its `triggers` (taken from the lists it reads), is called here only when `triggers.has(.rule)`,
/// and walks `triggers.starts(of: .rule)` rather than every position. So a new rule costs nothing on a line that holds
/// none of its words.
///
/// A class: the rules hold it (`NumberFilling` keeps it), and copying a struct of a dozen arrays cost a retain and a
/// release of each at every hand-over, ~3 % of a turn.
final class LineAnalysis {
    let text: NormalizedText
    var scalars: [Unicode.Scalar] { text.scalars }
    /// The quantities of the line (十五天, 3k, ￥800), scanned once when the dialog has number slots or number phrases.
    let quantities: [Quantity]
    /// Slot phrases: yes/no phrases, choices, names, cues of numbers, suffixes and cues of names.
    let content: [PhraseHit]
    /// The lexicon's words (`WordList`), after content phrases have hidden the ones inside them.
    let functional: [PhraseHit]
    let clauses: Clauses
    let negation: Negation
    let reported: ReportedSpeech
    let worries: Worries
    let announcements: Announcements

    /// Where the line's phone numbers start (`CallInstruction`).
    let phoneNumbers: [Int]

    /// The kin words that are the subject of borrowing or of using the person's name (`KinBorrower`): "是我弟弟用我的
    /// 名字借的" names the borrower, not someone the collectors reached.
    let borrowingKin: [Range<Int>]
    /// The relatives earlier lines of the session named as the borrower (`Session.borrowerKin`): "是我弟弟借的" before
    /// "他们一直打给我弟弟".
    let earlierBorrowers: [[Unicode.Scalar]]

    /// Whether `range` names, as someone reached, a relative the line names as the borrower: "my dad used my ID … they
    /// keep calling **my dad**", "我爸用我的身份证借的，他们一直打给**我爸**". Calls to the borrower are no calls to anyone
    /// else. The same kin word, written the same way, outside the borrowing itself.
    ///
    /// A relative an earlier line named as the borrower (`earlierBorrowers`) is the borrower here too: "是我弟弟借的" and
    /// then "他们一直打给我弟弟". There the phrase need only reach into the relative's word ("打给我弟" of "打给我弟弟").
    func reachesBorrower(_ range: Range<Int>) -> Bool {
        guard !borrowingKin.isEmpty || !earlierBorrowers.isEmpty, !borrowingKin.contains(where: { $0.overlaps(range) }) else { return false }
        func standsAlone(_ index: Int, _ count: Int) -> Bool {
            (index == 0 || !scalars[index - 1].isASCIILetter) && (index + count == scalars.count || !scalars[index + count].isASCIILetter)
        }
        var index = range.lowerBound
        while index < range.upperBound {
            for borrower in borrowingKin where index + borrower.count <= range.upperBound
                && scalars[index..<(index + borrower.count)].elementsEqual(scalars[borrower]) && standsAlone(index, borrower.count) {
                return true
            }
            index += 1
        }
        guard !earlierBorrowers.isEmpty else { return false }
        let longest = earlierBorrowers.map(\.count).max() ?? 1
        index = max(0, range.lowerBound - longest + 1)
        while index < range.upperBound {
            for borrower in earlierBorrowers where index + borrower.count <= scalars.count && index + borrower.count > range.lowerBound
                && scalars[index..<(index + borrower.count)].elementsEqual(borrower) && standsAlone(index, borrower.count) {
                return true
            }
            index += 1
        }
        return false
    }

    /// The line's whole kin words, and the known names in it (`Agent`: the 借 of 借呗 is no verb).
    let kinRanges: [Range<Int>]
    let nameRanges: [Range<Int>]

    /// Whether the phrase at `range` holds a verb of borrowing or opening whose subject is someone else, and none of the
    /// person's (`Agent`): "有人用它在微粒贷**借了**一万五" is not the person's loan.
    func othersAct(_ range: Range<Int>) -> Bool {
        Agent.othersAct(range, in: scalars, clauses: clauses, kin: kinRanges, names: nameRanges)
    }

    /// Where a pronoun stands for the person's own relative named in an earlier clause (`KinPronoun.toldOf`): "我女儿在上
    /// 大学，有人打电话说**她**在分期乐借钱逾期了".
    let kinPronouns: Set<Int>

    /// Whether the phrase at `range` opens with the person's own word for someone of theirs, or with a pronoun that stands
    /// for one (`kinPronouns`): inside someone else's words it still says who the person is to the borrower ("说我儿子
    /// 欠了钱", "催收说**他**在拍拍贷逾期了" after "我儿子在外地打工").
    func opensWithOwnRelative(_ range: Range<Int>) -> Bool {
        ReportedSpeech.opensWithOwnPossessive(range, in: scalars) || kinPronouns.contains(range.lowerBound)
    }

    /// The stretches that say how a verification code came (`CodeDelivery`): "the code **they texted me**" is no notice
    /// by text.
    let codeDeliveries: [Range<Int>]
    /// Where the line says a due date is still ahead (`DueAhead`): no number there counts days late.
    let dueAhead: [Range<Int>]
    /// Stretches a rule reads as words a topic asks: "现在就在我家楼道里" as "就在门口" (`AtTheDoorNow`). The topics are
    /// matched over these readings too, at the stretch they stand for.
    let topicReadings: [(reading: [Unicode.Scalar], range: Range<Int>)]

    /// The slots that hold a number: their cues are facts ("逾期"); any other slot's cues only license phrases.
    let numberSlots: [Int]

    init(_ text: NormalizedText, compiled: CompiledDialog, borrowers: [[Unicode.Scalar]] = []) {
        numberSlots = compiled.numberSlots
        earlierBorrowers = borrowers
        self.text = text
        let scalars = text.scalars
        // Every rule's trigger words, found once: a rule that has none in the line is not run (`LineRule`).
        let triggers = LineTriggers(scalars)
        // The matches as the automaton finds them, each payload straight into its list: no array of matches between.
        // Room for as many as the line has scalars (most lines hold fewer phrases), not one reallocation after another.
        var content: [PhraseHit] = []
        var functional: [PhraseHit] = []
        content.reserveCapacity(scalars.count)
        functional.reserveCapacity(scalars.count)
        compiled.matcher.forEachMatch(in: scalars) { range, cues in
            guard Self.hasWordBoundaries(range, in: scalars) else { return }
            for cue in cues {
                if case .word = cue {
                    functional.append(PhraseHit(range: range, cue: cue))
                } else {
                    content.append(PhraseHit(range: range, cue: cue))
                }
            }
        }
        // The phrases written once for every relative ("我*的贷款", "my * owes"), where the line names one: longer
        // phrases hide what is inside them as any phrase does.
        // Whole kin words only: 老公 inside 老公公 (father-in-law) is no husband (`Possessive`).
        let allKin = functional.of(.kin)
        let kinWords = Possessive.wholeKin(allKin)
        borrowingKin = kinWords.isEmpty ? [] : KinBorrower.ranges(scalars, kin: kinWords)
        content += KinPatterns.hits(scalars, kin: kinWords, matcher: compiled.matcher)
        // "我弟说用我手机号注册了…": the relative telling of their own doing, read as if they were its subject (`KinTells`).
        if !kinWords.isEmpty { content += KinTells.hits(scalars, kin: kinWords, matcher: compiled.matcher) }
        // "我妈的身份证被我舅舅拿去办了…": a relative's identity used by someone else; the person is that relative's (`KinNamed`).
        if !kinWords.isEmpty { content += KinNamed.hits(KinNamed.ranges(scalars, kin: kinWords.map(\.range)), matcher: compiled.matcher) }
        // "我老公给他同学担保了…": a relative's guarantee for anyone, read as the written one for a friend (`KinGuarantee`).
        if !kinWords.isEmpty { content += KinGuarantee.hits(scalars, kin: kinWords, matcher: compiled.matcher) }
        // "是我弟帮我借的", "my brother borrowed it for me": borrowed on the person's behalf, the person's debt (`BorrowedForMe`).
        if !kinWords.isEmpty { content += BorrowedForMe.hits(scalars, kin: kinWords.map(\.range), matcher: compiled.matcher) }
        let numberPhrases = compiled.numberPhraseIndex
        quantities = compiled.numberSlots.isEmpty && numberPhrases.isEmpty ? [] : QuantityScanner.scan(scalars)
        // A number phrase whose first word ends a denial, a worry or a number's cue before it is read by that phrase:
        // "没有|逾期|三天" is a denial, "怕|逾期|三天" a worry, "已|逾期|45天" a notice's cue, and none of them the
        // person's own "逾期三天". (A yes before it stays beside it: "i paid" and "paid #" in "I paid 500".)
        let numbered = NumberPhrase.hits(numberPhrases, in: scalars, quantities: quantities)
        if !numbered.isEmpty {
            let worryStarts = Set(functional.of(.conditions).map(\.range.lowerBound))
            func readsFirstWord(_ other: PhraseHit, of hit: PhraseHit) -> Bool {
                guard other.range.lowerBound < hit.range.lowerBound, other.range.upperBound - hit.range.lowerBound >= 2,
                      other.range.upperBound < hit.range.upperBound else { return false }
                switch other.cue {
                case .slotNo, .numberCue: return true
                default: return worryStarts.contains(other.range.lowerBound)
                }
            }
            content += numbered.filter { hit in !content.contains { readsFirstWord($0, of: hit) } }
        }
        let mobiles = PrivateMobile.ranges(in: scalars)
        phoneNumbers = Self.phoneNumberStarts(scalars, mobiles: mobiles)
        // The rules that read a stretch as other words get the matcher (a copy of it costs a retain and a release of
        // each of its tables) only when the cheap scan found something to read.
        if !mobiles.isEmpty { content += PrivateMobile.hits(scalars, numbers: mobiles, matcher: compiled.matcher) }
        let serviceNumbers = PrivateMobile.serviceRanges(in: scalars)
        if !serviceNumbers.isEmpty { content += PrivateMobile.serviceHits(numbers: serviceNumbers, matcher: compiled.matcher) }
        // "叫张某某还款，我又不是张某某": the person is not the one the notice names (`NotThatName`).
        if triggers.has(.notThatName) { content += NotThatName.hits(text, matcher: compiled.matcher) }
        if triggers.has(.unknownPerson) {
            let strangers = UnknownPerson.ranges(in: text, phrases: content)
            if !strangers.isEmpty { content += UnknownPerson.hits(strangers, matcher: compiled.matcher) }
        }
        // "找人卸了我的腿", "they know where my daughter goes to school": a threat to someone's safety (`HarmThreat`); "打到一个
        // 王先生的银行卡上", "pay to Mr Wang's card": a person's account to pay into (`PersonalPayee`).
        // The line's English words, worked out once for the three (none for a line without Latin letters).
        let latinWords = HarmThreat.englishWords(scalars)
        if triggers.has(.harmThreat) {
            let harms = HarmThreat.ranges(in: scalars, words: latinWords, starts: triggers.starts(of: .harmThreat))
            if !harms.isEmpty { content += HarmThreat.hits(harms, matcher: compiled.matcher) }
        }
        if triggers.has(.personalPayee) {
            let payees = PersonalPayee.ranges(in: scalars, words: latinWords, starts: triggers.starts(of: .personalPayee))
            if !payees.isEmpty { content += PersonalPayee.hits(payees, matcher: compiled.matcher) }
        }
        // "叫我加客服LINE处理", "add their WeChat": a move to a private chat (`PrivateChat`).
        if triggers.has(.privateChat) {
            let chats = PrivateChat.ranges(in: scalars, words: latinWords, starts: triggers.starts(of: .privateChat))
            if !chats.isEmpty { content += PrivateChat.hits(chats, matcher: compiled.matcher) }
        }
        // "到期日是下周五", "due date is next Friday": a due date still ahead (`DueAhead`).
        if triggers.has(.dueAhead) {
            let dues = DueAhead.ranges(in: scalars, words: latinWords, starts: triggers.starts(of: .dueAhead))
            if !dues.isEmpty { content += DueAhead.hits(dues, matcher: compiled.matcher) }
            dueAhead = dues
        } else {
            dueAhead = []
        }
        // "说我开通了抖音月付要关掉，不然每月扣费": the fake customer-service script (`CancelOrElse`).
        if triggers.has(.cancelOrElse) {
            let cancels = CancelOrElse.ranges(in: scalars, words: latinWords, starts: triggers.starts(of: .cancelOrElse))
            if !cancels.isEmpty { content += CancelOrElse.hits(cancels, matcher: compiled.matcher) }
        }
        // "他们说明天来我公司", "跑到我们单位": someone coming to the person's place (`VisitPlace`).
        if triggers.has(.visitPlace) {
            let visits = VisitPlace.ranges(in: scalars, starts: triggers.starts(of: .visitPlace))
            if !visits.isEmpty { content += VisitPlace.hits(visits, matcher: compiled.matcher) }
        }
        // "my brother is 3 months overdue": a relative of the person's who is late (`KinLate`).
        if triggers.has(.kinLate), !kinWords.isEmpty, !latinWords.isEmpty {
            let late = KinLate.ranges(in: scalars, words: latinWords, kin: kinWords.map(\.range))
            if !late.isEmpty { content += KinLate.hits(late, in: scalars, matcher: compiled.matcher) }
        }
        // "现在就在我家楼道里，不肯走", "喺我屋企外面唔肯走": someone at the door now (`AtTheDoorNow`), also the words a
        // topic asks ("就在门口" of `at_the_door`).
        var topicReadings: [(reading: [Unicode.Scalar], range: Range<Int>)] = []
        if triggers.has(.atTheDoorNow) {
            let present = AtTheDoorNow.ranges(in: scalars, starts: triggers.starts(of: .atTheDoorNow), words: latinWords)
            if !present.isEmpty {
                content += AtTheDoorNow.hits(present, matcher: compiled.matcher)
                topicReadings += present.map { (AtTheDoorNow.reading, $0) }
            }
        }
        self.topicReadings = topicReadings
        // "有人打电话说我儿子出车祸了在医院，要我马上转两万过去": a relative in trouble and money to send (`KinInTrouble`).
        if !kinWords.isEmpty {
            let troubles = KinInTrouble.stretches(in: scalars, kin: kinWords.map(\.range), words: latinWords)
            if !troubles.isEmpty { KinInTrouble.read(troubles, into: &content, matcher: compiled.matcher) }
        }
        // "我儿子的花呗", "my son's Huabei": the relative's account, read as "我儿子的贷款" (`KinAccount`).
        if !kinWords.isEmpty { content += KinAccount.hits(scalars, kin: kinWords, content: content, matcher: compiled.matcher) }
        // "我的花唄下星期才到期", "my Huabei": the person's own account (`OwnAccount`).
        let owned = OwnAccount.ranges(scalars, content: content)
        if !owned.isEmpty { content += OwnAccount.hits(owned, matcher: compiled.matcher) }
        // "借款人不还了", "the borrower stopped paying": the borrower named as someone else, read as 他 / he (`TheBorrower`).
        if triggers.has(.theBorrower) { content += TheBorrower.hits(scalars, starts: triggers.starts(of: .theBorrower), matcher: compiled.matcher) }
        // "i'm the borrower's mother", "我同事的老婆借了", "我老公公", "丢过身份证": phrases read as whole words about the
        // right person (`Possessive`).
        let slots = compiled.dialog.slots
        let aboutThePerson: (Int) -> Bool = { !slots[$0].skipsReportedSpeech }
        content = Possessive.wholeWords(content, in: scalars, kin: kinWords, allKin: allKin, aboutThePerson: aboutThePerson)
        // Before the longest phrases hide what is inside them: the "打给" of a cut "打给我老公" (of 打给我老公公) still counts.
        content = Self.longestPhrases(content, numberSlots: compiled.numberSlots)
        content = Self.acrossNames(content, in: scalars, matcher: compiled.matcher, slots: compiled.dialog.slots)
        // "花呗早就关了", "I closed my Huabei": an account closed, over the name and its verb (`ClosedAccount`).
        let closed = ClosedAccount.stretches(scalars, content: content)
        if !closed.isEmpty { content += ClosedAccount.hits(closed, matcher: compiled.matcher) }
        // "我从来没开过花呗", "I never activated Huabei": no account there, over the name and its negated verb (`NeverOpened`).
        let denied = NeverOpened.stretches(scalars, content: content)
        if !denied.isEmpty { content += NeverOpened.hits(denied, matcher: compiled.matcher) }
        // Negation words inside content phrases ("没借过", "haven't paid") make a phrase a denial in form, whatever
        // value it gives; conditions inside ("再不还就上门") make it a threat by itself. Both are taken before the
        // longer content phrases hide them.
        var negationsInside = functional.of(.negations).map(\.range)
        let conditionsInside = (functional.of(.conditions) + functional.of(.suppositions)).map(\.range)
        // A phrase that opens with a worry ("怕到时候还不上", "scared i can't pay") is a fact of its own, but the
        // worry still reaches what follows it in the clause: "我怕到时候还不上他们会打给我爸妈" is no threat told.
        // (The worry words taken once, not once for every phrase of the line.)
        let conditionWords = functional.of(.conditions)
        let worryPhrases = conditionWords.isEmpty ? [] : content.compactMap { hit -> PhraseHit? in
            guard conditionWords.contains(where: { $0.range.lowerBound == hit.range.lowerBound && $0.range.upperBound < hit.range.upperBound })
            else { return nil }
            return PhraseHit(range: hit.range, cue: .word(.conditions))
        }
        // An announcing word inside a threat phrase ("will tell my", "不还就告诉") still announces what follows it:
        // "they will tell my boss" is a threat, not "my boss was contacted".
        // "they say they call my family", "if you don't pay, we call your mom": a threat in the plain present (`PresentThreat`).
        let announcementsInside = functional.of(.announcements)
            + (triggers.has(.presentThreat) ? PresentThreat.hits(scalars, words: latinWords, starts: triggers.starts(of: .presentThreat)) : [])
        // Likewise a word that foresees ("'ll" in "'ll call my parents"): a worry goes on into its clause (`Worries`).
        let predictionsInside = functional.of(.predictions)
        // …but not into someone else's words, also where a longer word hides the reporting one ("said they would").
        let reportedInside = functional.of(.reported)
        // `kinWords` (above): the person's own people, also inside longer phrases ("儿子借" holds 儿子), for `OwnKin`.
        // Likewise among the lexicon's words: the "有" inside "没有" is not also a yes.
        // A choice slot's cue ("说我" for who was reached) only licenses its `with_cue` phrases and hides no word of the
        // lexicon: the "说" of "说我逾期" is still reported speech.
        let numberSlots = compiled.numberSlots
        let hiding = content.filter { hit in
            guard case .numberCue(let slot) = hit.cue else { return true }
            return numberSlots.contains(slot)
        }
        let containedFunctional = Self.containedInLonger(hiding.map { $0.range } + functional.map { $0.range })
        // A reporting word inside a phrase still reports a phrase of the same slot that begins inside that one after it
        // and goes on past its end: "上周刚还的，怎么又说我逾期了" holds "又说我逾期" (a yes to "paid": their claim,
        // again) and "逾期了" (a no to it), which is the same claim, not the person's own word. A cue of the slot is no
        // such phrase: "背着我用|我的身份证" (the cue of `id_consent`) is the husband's doing, not words reported.
        func isCue(_ hit: PhraseHit) -> Bool { if case .numberCue = hit.cue { true } else { false } }
        func reportsOnward(_ word: Range<Int>) -> Bool {
            hiding.contains { outer in
                guard outer.range.lowerBound <= word.lowerBound, word.upperBound <= outer.range.upperBound, outer.range != word,
                      let slot = outer.cue.slot else { return false }
                return content.contains { inner in
                    inner.range.lowerBound >= word.upperBound && inner.range.lowerBound < outer.range.upperBound
                        && inner.range.upperBound > outer.range.upperBound && inner.cue.slot == slot && !isCue(inner)
                }
            }
        }
        functional = functional.indices.filter { index in
            guard containedFunctional[hiding.count + index] else { return true }
            guard case .word(.reported) = functional[index].cue else { return false }
            return reportsOnward(functional[index].range)
        }.map { functional[$0] }
        // "我同事在…逾期了", "有个员工在…", "老公借了": a relative and a verb of the debt open the relative's story
        // (`KinStory`), whichever relative the lexicon knows.
        if !kinWords.isEmpty {
            let stories = KinStory.hits(scalars, kin: kinWords.map(\.range))
            if !stories.isEmpty {
                functional.removeAll { hit in
                    guard case .word(.reported) = hit.cue else { return false }
                    return stories.contains { $0.range.overlaps(hit.range) && $0.range != hit.range }
                        && !stories.contains { hit.range.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= hit.range.upperBound }
                }
                functional += stories
            }
        }
        let clauses = Clauses(scalars, breaks: functional.of(.breaks))
        // "朋友借了我的身份证": someone borrowed the person's ID, not money; "朋友借" (a friend's loan, a friend's words)
        // is no reading of it (`Agent`).
        let kinRanges = kinWords.map(\.range)
        self.kinRanges = kinRanges
        // "我瞒着老婆借了钱": the person borrowed behind the wife's back; "老婆借" (the wife borrowed) is no reading.
        if !kinRanges.isEmpty {
            content = content.filter { !Agent.misnamesBorrower($0.range, in: scalars, clauses: clauses, kin: kinRanges) }
            functional = functional.filter { hit in
                guard case .word(.reported) = hit.cue else { return true }
                return !Agent.misnamesBorrower(hit.range, in: scalars, clauses: clauses, kin: kinRanges)
                    && !Agent.opensWithKinAsObject(hit.range, in: scalars, kin: kinRanges)
            }
        }
        let lent = Agent.lentID(scalars, clauses: clauses, kin: kinRanges)
        if !lent.isEmpty {
            content = content.filter { !Agent.stopsBeforeID($0.range, lent: lent) }
            // Each lending read as its plain form ("借了我的身份证", however it was written: "借了我身份证", "借走我的手机").
            for match in compiled.matcher.matches(in: Agent.lentIDForm) where match.range == 0..<Agent.lentIDForm.count {
                for cue in match.payloads {
                    guard case .choice = cue else { continue }
                    for range in lent { content.append(PhraseHit(range: range, cue: cue)) }
                }
            }
            functional = functional.filter { hit in
                guard case .word(.reported) = hit.cue else { return true }
                return !Agent.stopsBeforeID(hit.range, lent: lent)
            }
        }
        // "我用我的手机号注册了安逸花", "I used my ID to sign up": the person's own use, no one else's (`OwnUse`).
        let ownUses = triggers.has(.ownUse) ? OwnUse.verbs(in: scalars, starts: triggers.starts(of: .ownUse), clauses: clauses, kin: kinRanges) : []
        if !ownUses.isEmpty { content.removeAll { OwnUse.owns($0.range, verbs: ownUses, in: scalars) }; functional.removeAll { OwnUse.owns($0.range, verbs: ownUses, in: scalars) } }
        // "我帮我弟借的", "我和老公一起借的", "we took the loan together": the person's own borrowing, for a relative or
        // with one (`BorrowedFor`).
        if !kinRanges.isEmpty || scalars.contains(where: { $0.isASCIILetter || $0 == "借" }) {
            let names = content.compactMap { hit -> Range<Int>? in
                if case .known = hit.cue { return hit.range }
                return nil
            }
            let borrowedFor = BorrowedFor.stretches(scalars, clauses: clauses, kin: kinRanges, names: names, triggered: triggers.has(.borrowedFor))
            if !borrowedFor.isEmpty { content += BorrowedFor.hits(borrowedFor, matcher: compiled.matcher) }
        }
        codeDeliveries = triggers.has(.codeDelivery) ? CodeDelivery.stretches(scalars, clauses: clauses) : []
        // "我爸走了，留下一笔…": a death in the words people use, read as 去世 (`DeathEuphemism`).
        // The 没 of "我爸没了" is then no negation.
        if !kinWords.isEmpty {
            let deaths = DeathEuphemism.hits(scalars, kin: kinWords, clauses: clauses, matcher: compiled.matcher)
            if !deaths.isEmpty {
                content += deaths
                func inDeath(_ range: Range<Int>) -> Bool { deaths.contains { $0.range.lowerBound <= range.lowerBound && range.upperBound <= $0.range.upperBound } }
                functional = functional.filter { !inDeath($0.range) }
                negationsInside = negationsInside.filter { !inDeath($0) }
            }
        }
        // "我儿子确实在安逸花借了钱": the person telling of their own people (`OwnKin`), and the relative and the debt
        // with a place or other words between them (`KinAtPlace`).
        let kin = OwnKin(scalars, kin: kinWords, reported: functional.of(.reported), clauses: clauses, content: content,
                         keptFromPerson: { slots[$0].skipsReportedSpeech && !slots[$0].countsKinStory },
                         settles: { slots[$0].values[$1].prevails })
        let namedLenders = content.compactMap { hit -> Range<Int>? in
            if case .known = hit.cue { return hit.range }
            return nil
        }
        var readAgain = KinAtPlace.hits(scalars, reported: functional.of(.reported), stories: kin.stories, kin: kinWords.map(\.range),
                                        clauses: clauses, matcher: compiled.matcher, names: namedLenders)
        // "my father …, they call him": the relative read in place of the pronoun (`KinPronoun`).
        var kinPronouns = Set<Int>()
        if !kinWords.isEmpty {
            let pronouns = KinPronoun.hits(scalars, kin: kinWords, clauses: clauses, borrowers: borrowingKin, matcher: compiled.matcher)
            kinPronouns = pronouns.toldOf
            readAgain += pronouns.hits
            // "我爸根本不会用智能手机": the relative read as 他 ("他根本不会用").
            readAgain += KinPronoun.relativeAsPronoun(scalars, kin: kinWords, clauses: clauses, matcher: compiled.matcher)
        }
        self.kinPronouns = kinPronouns
        // "催收说：'你妈那边我们已经打过了'": the person's relative in the collector's words (`QuotedKin`).
        if !kinWords.isEmpty {
            let reportedWords = functional.of(.reported)
            if !reportedWords.isEmpty {
                readAgain += QuotedKin.hits(scalars, kin: kinWords, reported: reportedWords, clauses: clauses, matcher: compiled.matcher)
            }
        }
        // "they didn't ask me for money or codes": one denial of both (`MoneyAndCode`).
        let negationWords = functional.of(.negations)
        if !negationWords.isEmpty, triggers.has(.moneyAndCode) {
            let denials = MoneyAndCode.ranges(scalars, negations: negationWords, clauses: clauses)
            if !denials.isEmpty { content += MoneyAndCode.hits(denials, in: scalars, matcher: compiled.matcher) }
        }
        if !readAgain.isEmpty { content += Possessive.wholeWords(readAgain, in: scalars, kin: kinWords, allKin: allKin, aboutThePerson: aboutThePerson) }
        let reported = ReportedSpeech(scalars, functional: functional, stories: kin.stories, clauses: clauses)
        // "他们说…还说下周就开庭": a court step in someone's spoken words is their threat, not a court paper (`SpokenCourtClaim`).
        content = SpokenCourtClaim.read(content, in: scalars, reported: reported, clauses: clauses, sayings: functional.of(.reported), matcher: compiled.matcher)
        self.content = content
        nameRanges = content.compactMap { hit in
            if case .known = hit.cue { return hit.range }
            return nil
        }
        self.functional = functional
        self.clauses = clauses
        negation = Negation(scalars, functional: functional, inside: negationsInside, clauses: clauses, announcements: announcementsInside,
                            phrases: content.map(\.range), triggers: triggers)
        self.reported = reported
        // "你不还，我们就打给你通讯录": the consequence of a condition announces too (`Consequences`).
        let consequences = triggers.has(.consequences) ? Consequences.hits(scalars, clauses: clauses, suppositions: functional.of(.suppositions)) : []
        announcements = Announcements(text, words: announcementsInside + consequences, clauses: clauses)
        worries = Worries(scalars, functional: functional + worryPhrases, inside: conditionsInside, clauses: clauses,
                          reported: reported, negation: negation, announcements: announcementsInside,
                          predictions: predictionsInside, reportedInside: reportedInside)
    }

    /// The longest phrase wins: "没注册过" is a "no" phrase, so the "注册过" inside it is not also a "yes"; across
    /// slots too ("never borrowed" hides an admission "borrowed"). A number's cue only licenses a number, so only its
    /// own slot's phrases hide it: "i owe them" (bought or borrowed) leaves the amount's cue "i owe". Another slot's
    /// cue is hidden by a longer yes or no phrase only, which says what its words are: the 法院 of "向您户籍地法院提起
    /// 诉讼" (a collector's threat to sue) is no court acting, and licenses nothing beside it, while the "ringing" of
    /// "keep ringing my mum" (a call) still says someone was reached.
    ///
    /// A `when_asked` phrase hides nothing: it may name nothing at all (its question is not on screen), so "打电话来"
    /// of `harassment: none` leaves the channel's "打电话" inside it; it is itself hidden by a longer phrase.
    private static func longestPhrases(_ content: [PhraseHit], numberSlots: [Int]) -> [PhraseHit] {
        func answersOnlyAsked(_ hit: PhraseHit) -> Bool { if case .askedChoice = hit.cue { true } else { false } }
        guard content.contains(where: answersOnlyAsked) else {
            let contained = containedOrHidden(content, numberSlots: numberSlots)
            return content.indices.filter { !contained[$0] }.map { content[$0] }
        }
        // The other phrases as above, by where they stand in `content` (identical hits fare alike), and each
        // `when_asked` phrase unless one of those kept is longer around it.
        let others = content.indices.filter { !answersOnlyAsked(content[$0]) }
        let contained = containedOrHidden(others.map { content[$0] }, numberSlots: numberSlots)
        var keptOther = [Bool](repeatElement(false, count: content.count))
        for (k, index) in others.enumerated() where !contained[k] { keptOther[index] = true }
        return content.indices.filter { index in
            let hit = content[index]
            guard answersOnlyAsked(hit) else { return keptOther[index] }
            return !content.indices.contains { keptOther[$0] && content[$0].range.count > hit.range.count
                && content[$0].range.lowerBound <= hit.range.lowerBound && hit.range.upperBound <= content[$0].range.upperBound }
        }.map { content[$0] }
    }

    /// Which of `content` a longer phrase hides (the number cues of a number slot only by their own slot's phrases).
    private static func containedOrHidden(_ content: [PhraseHit], numberSlots: [Int]) -> [Bool] {
        var contained = containedInLonger(content.map { $0.range })
        var hiddenCueSlots = Set<Int>()
        for (index, found) in content.enumerated() where contained[index] {
            guard case .numberCue(let slot) = found.cue else { continue }
            if numberSlots.contains(slot) {
                hiddenCueSlots.insert(slot)
            } else {
                contained[index] = content.contains { other in
                    switch other.cue {
                    case .slotYes, .slotNo: break
                    default: return false
                    }
                    return other.range != found.range && other.range.lowerBound <= found.range.lowerBound && found.range.upperBound <= other.range.upperBound
                }
            }
        }
        for slot in hiddenCueSlots {
            let indices = content.indices.filter { content[$0].cue.slot == slot }
            let ownContained = containedInLonger(indices.map { content[$0].range })
            for (k, index) in indices.enumerated() {
                if case .numberCue = content[index].cue { contained[index] = ownContained[k] }
            }
        }
        return contained
    }

    /// A phrase with a known name inside it: "没有**安逸花**账户", "don't have an **Anyihua** account", "冇**安逸花**戶口"
    /// say "没有账户" of that platform. Around each known name the phrases are looked for once more with the name (and,
    /// in Latin script, one space after it; a 的 after it) taken out; a yes/no or choice phrase found across the gap counts over the
    /// whole stretch, name included, and hides the shorter yes/no phrases inside it ("我**拍拍贷**逾期" is "我逾期").
    /// The name stays a name, and a number's cue inside stays a cue. Only yes/no phrases, and the choices whose value
    /// `prevails` (its evidence settles the question: "一笔我不知道的**马上消费金融**贷款" is someone else's loan in the
    /// person's name): any other choice across a name says where rather than what ("a coupon in the Meituan app" is
    /// not an app notification).
    private static func acrossNames(_ content: [PhraseHit], in scalars: [Unicode.Scalar], matcher: PhraseMatcher<CompiledDialog.Cue>,
                                    slots: [Slot]) -> [PhraseHit] {
        var added: [PhraseHit] = []
        for name in content {
            guard case .known = name.cue else { continue }
            let start = name.range.lowerBound
            var end = name.range.upperBound
            if scalars[start].isASCII, end < scalars.count, scalars[end] == " " { end += 1 }
            if end < scalars.count, scalars[end] == "的" { end += 1 }  // "没有安逸花的账户"
            guard start > 0, end < scalars.count else { continue }
            let reach = scalars[start].isASCII ? 24 : 8
            let from = max(0, start - reach)
            let to = min(scalars.count, end + reach)
            let window = Array(scalars[from..<start]) + Array(scalars[end..<to])
            let gap = start - from
            for match in matcher.matches(in: window) where match.range.lowerBound < gap && match.range.upperBound > gap
                && hasWordBoundaries(match.range, in: window) {
                let range = (from + match.range.lowerBound)..<(end + match.range.upperBound - gap)
                for cue in match.payloads {
                    switch cue {
                    case .slotYes, .slotNo: added.append(PhraseHit(range: range, cue: cue))
                    case .choice(let slot, let value) where slots[slot].values[value].prevails:
                        added.append(PhraseHit(range: range, cue: cue))
                    default: break
                    }
                }
            }
        }
        guard !added.isEmpty else { return content }
        // "don't have an Anyihua account" holds "have an Anyihua account" too: the longest wins here as well.
        let shorter = containedInLonger(added.map(\.range))
        added = added.indices.filter { !shorter[$0] }.map { added[$0] }
        let kept = content.filter { hit in
            switch hit.cue {
            case .slotYes, .slotNo: break
            default: return true
            }
            // A yes that is the name itself stays, as the name does: "说我欠**裕融**的钱" is still a lender outside the mainland.
            if content.contains(where: { if case .known = $0.cue { $0.range == hit.range } else { false } }) { return true }
            return !added.contains { $0.range != hit.range && $0.range.lowerBound <= hit.range.lowerBound && hit.range.upperBound <= $0.range.upperBound }
        }
        return kept + added
    }

    /// For each range, whether another range of a different extent contains it (and so is longer): one that ends
    /// later and starts no later, or ends with it and starts earlier. Walked by where the ranges end, from the last
    /// end back, keeping the earliest start among the ranges that end later: no comparison sort (it was ~4k
    /// instructions a line). The dialog's automaton finds its matches by where they end, so most lists come in that
    /// order and are walked as they are; the others (a rule's hits added after the automaton's, two lists joined) are
    /// put in order by a count of the ranges per end, in scratch space on the stack.
    static func containedInLonger(_ ranges: [Range<Int>]) -> [Bool] {
        var contained = [Bool](repeatElement(false, count: ranges.count))
        guard ranges.count > 1 else { return contained }
        var lastEnd = ranges[0].upperBound
        var inOrder = true
        for index in 1..<ranges.count {
            let end = ranges[index].upperBound
            if end < ranges[index - 1].upperBound { inOrder = false }
            if end > lastEnd { lastEnd = end }
        }
        /// The walk over the ranges as `at(k)` orders them by end.
        func walk(_ at: (Int) -> Int) {
            var earliestLater = Int.max  // the earliest start among the ranges that end after the current end
            var last = ranges.count - 1
            while last >= 0 {
                let end = ranges[at(last)].upperBound
                var first = last
                var earliest = ranges[at(last)].lowerBound
                while first > 0, ranges[at(first - 1)].upperBound == end {
                    first -= 1
                    earliest = min(earliest, ranges[at(first)].lowerBound)
                }
                for k in first...last {
                    let start = ranges[at(k)].lowerBound
                    if earliestLater <= start || earliest < start { contained[at(k)] = true }
                }
                earliestLater = min(earliestLater, earliest)
                last = first - 1
            }
        }
        if inOrder {
            walk { $0 }
            return contained
        }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: lastEnd + 2 + ranges.count) { scratch in
            // Counted per end, then placed.
            let place = UnsafeMutableBufferPointer(rebasing: scratch[0..<(lastEnd + 2)])
            let order = UnsafeMutableBufferPointer(rebasing: scratch[(lastEnd + 2)...])
            place.initialize(repeating: 0)
            order.initialize(repeating: 0)
            for range in ranges { place[range.upperBound + 1] += 1 }
            for end in 0...lastEnd { place[end + 1] += place[end] }
            for index in ranges.indices {
                let end = ranges[index].upperBound
                order[place[end]] = index
                place[end] += 1
            }
            walk { order[$0] }
        }
        return contained
    }

    /// Phrases made of ASCII letters must stand as words: "no" is not inside "notice".
    static func hasWordBoundaries(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        func isWordScalar(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) }
        if isWordScalar(scalars[range.lowerBound]), range.lowerBound > 0, isWordScalar(scalars[range.lowerBound - 1]) { return false }
        if isWordScalar(scalars[range.upperBound - 1]), range.upperBound < scalars.count, isWordScalar(scalars[range.upperBound]) { return false }
        return true
    }

    /// Words for "anyone else" as the object of a contact word: "打给**别人**", "打給**其他人**", "call **anyone**".
    private static let anyone: [[Unicode.Scalar]] = ["别人", "其他人", "任何人", "别的人", "anyone", "anybody", "other people"]
        .map { Array($0.unicodeScalars) }

    /// Whether an "anyone else" word follows `range` (spaces, and at most two Chinese characters such as 过 or 了,
    /// between): "没有打给**别人**", "沒聯絡過**其他人**", "didn't call **anyone**".
    func anyoneFollows(_ range: Range<Int>) -> Bool {
        var index = range.upperBound
        while index < scalars.count, scalars[index] == " " { index += 1 }
        for skip in 0...2 {
            let start = index + skip
            if skip > 0, start - 1 >= scalars.count || !TextNormalizer.isHan(scalars[start - 1]) { return false }
            if Self.anyone.contains(where: { word in start + word.count <= scalars.count && scalars[start..<(start + word.count)].elementsEqual(word) }) {
                return true
            }
        }
        return false
    }

    /// Whether two denials at `first` and `last` are two, not one said twice: they stand in two clauses, or a joining
    /// word stands between them (也, 亦, 又, 并且, and).
    func separatesDenials(_ first: Range<Int>, _ last: Range<Int>) -> Bool {
        guard first.upperBound <= last.lowerBound else { return false }
        if clauses.of(first.lowerBound) != clauses.of(last.lowerBound) { return true }
        var index = first.upperBound
        while index < last.lowerBound {
            let scalar = scalars[index]
            if scalar == "也" || scalar == "亦" || scalar == "又" { return true }
            if scalar == "a", index + 3 <= last.lowerBound, scalars[index + 1] == "n", scalars[index + 2] == "d",
               index > 0, scalars[index - 1] == " ", index + 3 < scalars.count, scalars[index + 3] == " " { return true }
            index += 1
        }
        return false
    }

    /// The ASCII word (letters and apostrophes, at most 12) that starts at `index`; "" when none does.
    static func asciiWord(_ scalars: [Unicode.Scalar], from index: Int) -> String {
        var word = ""
        var index = index
        while index < scalars.count, word.utf8.count < 12 {
            let scalar = scalars[index]
            guard scalar.isASCIILetter || scalar == "'" else { break }
            word.unicodeScalars.append(scalar)
            index += 1
        }
        return word
    }
}
