/// The person telling of someone of their own: "我儿子确实在安逸花借了钱", "我老公背着我在招联金融借了钱", "my daughter
/// bought a phone on Fenqile and is overdue". A word of the lexicon's `kin` right after the person's possessive (我,
/// 我的, 我家, my, our), or opening its clause with none ("老公在借呗借了五万"), opens that person's story; when the
/// story holds a fact of a debt before the person speaks of themselves again (a phrase of a slot that skips reported
/// speech: 借了, 逾期, bought; or a choice of such a slot whose value `prevails`, as a guarantee does: "我爸是担保人",
/// "my father was the guarantor"), the story is read as someone else's words (`ReportedSpeech`): the facts are the
/// relative's, not the speaker's, and a clause after a comma with no subject of its own goes on with it ("…，逾期三个月
/// 了": the subject carried over is the relative). Who the relative is to the borrower is then found by
/// `KinAtPlace`, which reads the relative right before the debt word.
///
/// The story ends where the person is the subject again ("我儿子借了钱，我不知道" ends at the comma anyway; "…借了钱我
/// 也不知道" at 我), at another reporting word ("我妈接到电话说…" is the caller's claim from 说 on), or at the end of the
/// clause. A 我 after 着 or 住 ("背着我", "瞒着我", "瞞住我") is the person as an object inside the story, not a new subject.
struct OwnKin {
    /// A story: the relative with the person's possessive ("我儿子", "my son"), and where the story ends.
    struct Story {
        let relative: Range<Int>
        let end: Int
    }

    let stories: [Story]

    init(_ scalars: [Unicode.Scalar], kin: [PhraseHit], reported: [PhraseHit], clauses: Clauses,
         content: [PhraseHit], keptFromPerson: (Int) -> Bool, settles: (Int, Int) -> Bool) {
        guard !kin.isEmpty else {
            stories = []
            return
        }
        let reportedStarts = Set(reported.map(\.range.lowerBound))
        let names = content.compactMap { hit -> Range<Int>? in if case .known = hit.cue { return hit.range } else { return nil } }
        var stories: [Story] = []
        let kinStarts = Set(kin.map(\.range.lowerBound))
        for word in kin {
            // "我老公的妈妈借了钱", "my son's wife borrowed": the story is the one the relative owns (the mother, the wife),
            // told from that word on; the relative before the possessive tells nothing of their own.
            if Possessive.ownsAPerson(word.range, in: scalars, kinStarts: kinStarts) { continue }
            guard let start = Self.possessiveStart(before: word.range.lowerBound, in: scalars)
                    ?? Self.ownedByOwnRelative(word.range.lowerBound, in: scalars, kin: kin)
                    ?? Self.bareSubject(word.range, in: scalars) else { continue }
            var clause = clauses.of(word.range.lowerBound)
            var end = word.range.upperBound
            // The 我 of a lender's name ("你我贷") is no person speaking.
            while end < scalars.count, !Self.personSpeaksAgain(at: end, in: scalars) || names.contains(where: { $0.contains(end) }),
                  !reportedStarts.contains(end) {
                if clauses.of(end) != clause {
                    // "我儿子大学的时候借了校园贷": a time told of the relative (的时候, 嗰陣) goes on with their story.
                    guard Self.opensTime(at: end, in: scalars) else { break }
                    clause = clauses.of(end)
                }
                end += 1
            }
            // Only a story of a debt: "我妈接到电话" or "my boss called me" tells of no debt of theirs.
            // A phrase that takes in the relative ("我爸去世", `DeathEuphemism`'s "我爸走了") tells of them from the word on.
            let tellsOfDebt = content.contains { hit in
                let from = hit.range.lowerBound == start ? word.range.upperBound : hit.range.lowerBound
                guard from >= word.range.upperBound, from < hit.range.upperBound, hit.range.lowerBound < end,
                      let slot = hit.cue.slot, !Self.mentionsPerson(from..<hit.range.upperBound, in: scalars) else { return false }
                switch hit.cue {
                case .slotYes, .slotNo: return keptFromPerson(slot)
                // A choice that settles who the person is ("my father was the guarantor", "我爸是担保人"): the
                // relative signed, not the speaker.
                case .choice(_, let value): return keptFromPerson(slot) && settles(slot, value)
                default: return false
                }
            }
            // Or a verb of borrowing whose subject is the relative, hidden inside a longer phrase of who the person
            // is ("我老婆瞒着我借了钱": "瞒着我借了" says the person is a contact, and the loan is still the wife's).
            if tellsOfDebt || Agent.othersAct(word.range.upperBound..<end, in: scalars, clauses: clauses, kin: kin.map(\.range),
                                              names: content.compactMap { if case .known = $0.cue { return $0.range } else { return nil } }) {
                stories.append(Story(relative: start..<word.range.upperBound, end: end))
            }
        }
        self.stories = stories
    }

    /// Whether a phrase speaks of the person: it holds 我, or the word "my", "me" or "I" ("用我的身份证", "used my id",
    /// "without telling me"). Inside a relative's story such a phrase is still the person's own fact.
    static func mentionsPerson(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            if scalar == "我" { return true }
            if (scalar == "m" || scalar == "i"), index == 0 || !scalars[index - 1].properties.isAlphabetic {
                let word = LineAnalysis.asciiWord(scalars, from: index)
                if word == "my" || word == "me" || word == "i" { return true }
            }
            index += 1
        }
        return false
    }

    /// Where the person's possessive before a word of `kin` starts: 我儿子, 我的儿子, 我家儿子, 我们家的儿子, 我個女, my son, our son.
    /// Not when the person is part of the subject too: "我和我老公都没借过钱" is the person's own denial; nor when the
    /// person acts for the relative ("我给我弟…做了担保").
    static func possessiveStart(before index: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var at = index
        // Cantonese says 我個女, 我個仔 ("my daughter", "my son").
        if at >= 1, scalars[at - 1] == "的" || scalars[at - 1] == "嘅" || scalars[at - 1] == "個" || scalars[at - 1] == "个" { at -= 1 }
        if at >= 1, scalars[at - 1] == "家" { at -= 1 }
        if at >= 1, scalars[at - 1] == "们" || scalars[at - 1] == "哋" { at -= 1 }
        if at >= 1, scalars[at - 1] == "我" || scalars[at - 1] == "俺" {
            if at >= 3, ["和", "跟", "与", "同", "與"].contains(scalars[at - 2]), scalars[at - 3] == "我" { return nil }
            // "我给我弟…做了担保", "我幫我細佬…": the person acts for the relative, who is no subject of the clause.
            if at >= 2, actingFor.contains(scalars[at - 2]) { return nil }
            // "用我妈的身份证借了…", "拿我爸的身份证": the person uses the relative's papers; the story is the person's own.
            if at >= 2, usingOf.contains(scalars[at - 2]) { return nil }
            return at - 1
        }
        // English: "my son", "our daughter" (a space before the word, and the possessive a word of its own).
        guard index >= 3, scalars[index - 1] == " " else { return nil }
        for possessive in ["my", "our"] {
            let length = possessive.unicodeScalars.count
            let from = index - 1 - length
            guard from >= 0, String(String.UnicodeScalarView(scalars[from..<(index - 1)])).lowercased() == possessive,
                  from == 0 || !scalars[from - 1].properties.isAlphabetic else { continue }
            // "I used my mom's ID", "with my dad's ID": the person uses the relative's papers.
            if from >= 2, scalars[from - 1] == " " {
                var wordStart = from - 1
                while wordStart > 0, scalars[wordStart - 1].isASCIILetter { wordStart -= 1 }
                let before = String(String.UnicodeScalarView(scalars[wordStart..<(from - 1)])).lowercased()
                if ["used", "using", "use", "with", "took"].contains(before) { return nil }
            }
            return from
        }
        return nil
    }

    /// Where a relative named without the possessive stands as the subject of its clause: the clause opens with it
    /// ("**老公**背着我在借呗借了五万，现在逾期了", "…，**老婆**在抖音月付欠了钱"). A bare 老公, 我妈's 妈, 弟弟 said by the
    /// person is their own; the story starts at the word itself. Chinese only: English says "my".
    static func bareSubject(_ word: Range<Int>, in scalars: [Unicode.Scalar]) -> Int? {
        guard TextNormalizer.isHan(scalars[word.lowerBound]) else { return nil }
        var at = word.lowerBound
        while at > 0, scalars[at - 1] == " " { at -= 1 }
        return at == 0 || Clauses.isClauseMark(scalars[at - 1]) ? word.lowerBound : nil
    }

    /// Where a relative's relative starts ("我儿子的**老婆**", "my son's **wife**"): right at the word, when the word
    /// before the possessive is a relative of the person's own.
    private static func ownedByOwnRelative(_ index: Int, in scalars: [Unicode.Scalar], kin: [PhraseHit]) -> Int? {
        guard Possessive.ownedByOther(index, in: scalars) else { return nil }
        let ownerEnd = scalars[index - 1] == " " ? index - 3 : index - 1
        guard let owner = kin.first(where: { $0.range.upperBound == ownerEnd }),
              possessiveStart(before: owner.range.lowerBound, in: scalars) != nil else { return nil }
        return index
    }

    /// Whether the words at `index` close a time said of the subject before them ("大学**的时候**借了", "讀書**嗰陣**借咗"),
    /// a word that breaks a clause (`breaks`) but leaves its subject standing.
    static func opensTime(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        timeWords.contains { word in index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word) }
    }

    private static let timeWords: [[Unicode.Scalar]] = ["的时候", "嗰阵", "嗰陣"].map { Array($0.unicodeScalars) }

    /// What the person does for someone before naming them: 我**给**我弟…, 我**幫**我細佬….
    private static let actingFor: Set<Unicode.Scalar> = ["给", "帮", "替", "为", "畀", "俾", "幫", "給", "為"]

    /// What the person does with the relative's papers before naming them: **用**我妈的身份证, **拿**我爸的….
    private static let usingOf: Set<Unicode.Scalar> = ["用", "拿", "拎"]

    /// Whether 我 at `index` is the person as a subject, not the object of someone's doing after 着 ("背着我", "瞒着我").
    static func isPersonAsSubject(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        scalars[index] == "我" && !(index >= 1 && (scalars[index - 1] == "着" || scalars[index - 1] == "著" || scalars[index - 1] == "住"))
    }

    /// Whether the 我 at `index` lends the relative only a phone: "我弟用**我**手机号注册了拍拍贷，现在逾期了", "拿我的手机借的".
    /// The story goes on past it, so a clause after it with no subject is still the relative's. The person's name or ID
    /// ("用我的身份证", "用我的名义") puts the loan in the person's name, and that story is the person's own (`named`).
    private static func lendsPhone(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard index >= 1, ["用", "拿", "拎"].contains(scalars[index - 1]) else { return false }
        var at = index + 1
        if at < scalars.count, ["的", "嘅", "个", "個"].contains(scalars[at]) { at += 1 }
        return phoneWords.contains { word in at + word.count <= scalars.count && scalars[at..<(at + word.count)].elementsEqual(word) }
    }

    private static let phoneWords: [[Unicode.Scalar]] = ["手机", "手機", "电话", "電話", "号码", "號碼"].map { Array($0.unicodeScalars) }

    /// Whether the person is the subject again at `index`: 我 (`isPersonAsSubject`), or "I", "I'm", "I've".
    private static func personSpeaksAgain(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        if scalars[index] == "我" {
            return isPersonAsSubject(at: index, in: scalars) && !lendsPhone(at: index, in: scalars)
        }
        guard index == 0 || !scalars[index - 1].properties.isAlphabetic else { return false }
        return ["i", "i'm", "im", "i've", "ive", "i'd"].contains(LineAnalysis.asciiWord(scalars, from: index).lowercased())
    }
}
