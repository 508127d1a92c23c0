/// The person's own relative, then where they borrowed, then the debt: "我儿子在**分期乐**欠了钱", "我女儿在借呗欠了两万".
/// "我儿子在" is a reported-speech word of the lexicon (what follows may be what the son was told or did, not the
/// person's admission), and the place between the relative and the debt word keeps every phrase list from seeing
/// "我儿子欠". So, where such a word ends in a word of place (在, 喺) and opens with the person's own word for someone
/// of theirs, the line is read once more with the place left out: the relative put right before each later position of
/// the same clause. A choice phrase of the dialog that then starts at the relative (or just after its 我: "同事借" in
/// "我同事喺度借錢") and reaches past it ("我儿子欠", "我女儿欠") counts as found across the whole span. The place may not hold 我 (the person speaking again: "我妈在家接
/// 电话我欠了钱" is the person's own debt) nor another reported-speech word ("我妈在家接到电话说欠了钱" is the caller's
/// claim), and is at most `maximumPlace` characters (a list of platforms: "我老公在抖音月付和京东白条都欠了钱"); a comma ends it ("我妈在家，我欠了钱").
enum KinAtPlace {
    /// Whether `index` opens its clause (only spaces before it in the clause).
    static func opensClause(_ index: Int, clauses: Clauses, in scalars: [Unicode.Scalar]) -> Bool {
        var start = clauses.start[index]
        while start < index, scalars[start] == " " || Clauses.isClauseMark(scalars[start]) { start += 1 }
        return start == index
    }

    static let places: Set<Unicode.Scalar> = ["在", "喺"]
    static let maximumPlace = 12

    /// The relatives told of with words between them and the debt (`OwnKin`: "我儿子确实在安逸花借了钱", "我老公背着我
    /// 在招联金融借了钱") are read the same way, up to `maximumBetween` characters on, within the story.
    static let maximumBetween = 12

    /// The characters that negate what follows (没, 不, 未, 冇, 唔, 无): the words between stop at them.
    private static let negating: Set<Unicode.Scalar> = ["没", "沒", "不", "未", "冇", "唔", "无", "無", "别", "別"]

    /// `kin`: where the line's kin words are; a relative is read with them as the stand-in of the `with_kin` patterns
    /// ("我*借" holds "我表哥借").
    ///
    /// `names`: where the line names a lender; a relative right before one is told of the same way, the 在 left out
    /// ("小姑子抖音月付欠了钱", "我弟弟分期乐欠了三千"). A relative who opens the clause is read so whatever follows
    /// ("隔壁欠钱不还", "弟弟欠了钱"): the person's own, 我 left out.
    static func hits(_ scalars: [Unicode.Scalar], reported: [PhraseHit], stories: [OwnKin.Story], kin: [Range<Int>],
                     clauses: Clauses, matcher: PhraseMatcher<CompiledDialog.Cue>, names: [Range<Int>] = []) -> [PhraseHit] {
        // Each opener: the relative, where the words after it may start, and how far they may reach.
        var openers: [(relative: Range<Int>, from: Int, limit: Int)] = []
        for relative in kin {
            var start = relative.lowerBound
            if start >= 1, scalars[start - 1] == "我" {
                // "我弟弟分期乐欠了三千": only before a lender's name (the 在 left out); the rest is `OwnKin`'s.
                guard names.contains(where: { $0.lowerBound == relative.upperBound }) else { continue }
                start -= 1
            } else if !Self.opensClause(start, clauses: clauses, in: scalars) {
                continue
            }
            openers.append((start..<relative.upperBound, relative.upperBound + 1, min(scalars.count, relative.upperBound + 1 + maximumPlace)))
        }
        for word in reported {
            let end = word.range.upperBound
            guard end - word.range.lowerBound >= 2, places.contains(scalars[end - 1]) else { continue }
            // Where the person's word for their relative starts: "我儿子在", or "儿子在" right after 我. A relative who opens
            // the clause needs no 我: Chinese drops it for one's own people ("弟弟在分期乐欠了钱", "小姑子在抖音月付借的":
            // probe17 S1), and the relative is then read as "我弟弟".
            var start = word.range.lowerBound
            if scalars[start] != "我" {
                if start >= 1, scalars[start - 1] == "我" {
                    start -= 1
                } else if Self.opensClause(start, clauses: clauses, in: scalars), kin.contains(start..<(end - 1)) {
                    openers.append((start..<(end - 1), end + 1, min(scalars.count, end + 1 + maximumPlace)))
                    continue
                } else {
                    continue
                }
            }
            guard end - 1 - start >= 2, ReportedSpeech.opensWithOwnPossessive(start..<(end - 1), in: scalars) else { continue }
            openers.append((start..<(end - 1), end + 1, min(scalars.count, end + 1 + maximumPlace)))
        }
        // A story is bounded by its own end, which may go on past a time told of the relative ("我儿子大学的时候借了").
        var storyOpeners = 0
        for story in stories where story.relative.upperBound < story.end {
            openers.append((story.relative, story.relative.upperBound + 1, min(story.end, story.relative.upperBound + 1 + maximumBetween)))
            storyOpeners += 1
        }
        var found: [PhraseHit] = []
        let reportedStarts = Set(reported.map(\.range.lowerBound))
        for (number, opener) in openers.enumerated() {
            let bounded = number >= openers.count - storyOpeners
            let start = opener.relative.lowerBound
            // The relative as written ("我老公借了" is a spouse's loan), and with its kin word as the patterns' stand-in.
            var relatives = [Array(scalars[opener.relative])]
            if !kin.isEmpty {
                let standing = KinPatterns.substitute(scalars[opener.relative], kin: kin).scalars
                if standing != relatives[0] { relatives.append(standing) }
            }
            // A relative's relative ("我老公的**妈妈**去世了", `OwnKin`) is read as the person's own too ("我妈妈去世"): what
            // the story says of them counts; whether they are the person's spouse is left to `Possessive`.
            // Only the phrase that takes in the whole "我" + relative counts there.
            let owned = TextNormalizer.isHan(scalars[start]) && scalars[start] != "我"
            let plain = relatives.count
            if owned {
                relatives.append(["我"] + relatives[0])
                // …and with the stand-in, for the patterns written once for every relative ("我*欠").
                if plain > 1 { relatives.append(["我"] + relatives[1]) }
            }
            let clause = clauses.of(start)
            // An owned relative is read from right after the word as well: "我老公的妈妈去世了" → "我妈妈去世".
            var position = owned ? opener.relative.upperBound : opener.from
            while position < opener.limit, bounded || clauses.of(position) == clause {
                let skipped = position - 1
                // 我 starts the person's own words again, unless it is the object of the relative's doing ("背着我").
                // (Not the 我 of a lender's name: "我弟在你我贷借了钱".)
                let ownWord = OwnKin.isPersonAsSubject(at: skipped, in: scalars) && !names.contains { $0.contains(skipped) }
                // Nor past a negation: "我老公都没借过" is no "我老公借".
                if ownWord || Self.negating.contains(scalars[skipped]) || reportedStarts.contains(skipped)
                    || (!bounded && clauses.of(skipped) != clause) { break }
                let foundBefore = found.count
                let tail = scalars[position..<min(scalars.count, position + 16)]
                // The phrase may leave out the 我 ("同事借" in "我同事喺度借錢"), but must be about the relative.
                for (reading, relative) in relatives.enumerated() {
                    let firstAt = reading < plain && !owned ? 1 : 0
                    for match in matcher.matches(in: relative + Array(tail))
                    where match.range.lowerBound <= firstAt && match.range.upperBound > relative.count {
                        for cue in match.payloads {
                            // Who the relative is ("我儿子欠": a choice), and whether the borrower is a spouse ("我老公借了":
                            // a yes of its own).
                            switch cue {
                            case .choice, .slotYes: break
                            default: continue
                            }
                            found.append(PhraseHit(range: start..<(position + match.range.upperBound - relative.count), cue: cue))
                        }
                    }
                }
                // Right after an owned relative ("我老婆喺" of "…嘅老婆喺安逸花借咗") the reading goes on to the debt word.
                if found.count > foundBefore, !(owned && position == opener.relative.upperBound) { return found }
                position += 1
            }
        }
        return found
    }
}

extension LineAnalysis {
    /// Whether the phrase at `range` speaks of the person's own ID or name ("用我的名字", `OwnKin.mentionsPerson`) inside
    /// their relative's story: after a reporting word that opens with the relative ("我女儿在台湾**用我的名字**办了…",
    /// probe19 T16), or inside a story (`OwnKin`). What the relative did with the person's name says who the person is.
    func ownThingInRelativesStory(_ range: Range<Int>) -> Bool {
        guard !kinRanges.isEmpty, OwnKin.mentionsPerson(range, in: scalars) else { return false }
        if reported.inKinStory(range) { return true }
        let clause = clauses.of(range.lowerBound)
        guard let word = functional.of(.reported).last(where: { $0.range.upperBound <= range.lowerBound && clauses.of($0.range.lowerBound) == clause })
        else { return false }
        let start = scalars[word.range.lowerBound] == "我" ? word.range.lowerBound + 1 : word.range.lowerBound
        return kinRanges.contains { $0.lowerBound == start }
    }
}
