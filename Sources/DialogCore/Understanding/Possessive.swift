/// Phrases that say who someone is, read as whole words: a phrase about a person must not be the possessor of another
/// person, nor a piece of a longer word (probe12 H8, H9, H10).
///
/// - A person phrase followed by a possessive and a person word names that person's relative, not that person: "**i'm
///   the borrower**'s mother", "我是**担保人**的老婆", "我是借款人本人的妈妈". The phrase is dropped; who the speaker is
///   comes from the rest ("i'm the borrower's *" is a phrase of its own).
/// - A yes/no phrase about how the borrower stands to the person that opens with a relative word owned by someone
///   other than the speaker is not about the speaker's relative: "my son's **wife borrowed**", "我同事的**老婆借**了网贷", "他的老婆欠了钱" (X's spouse is not
///   the person's spouse).
/// - A kin word inside a longer kin word is not that relative: 老公 in 老公公 (father-in-law), 老婆 in 老婆婆, "son" in
///   "son-in-law"; a phrase ending in a kin word of two or more characters that the line's word goes on past ("我老公"
///   of "我老公公") is cut mid-word.
/// - 身 at the end of a phrase followed by 份, 分, 体, 子, 上, 边 starts another word: the 过身 (passed away) of
///   "丢过身份证" (lost my ID card) is no death.
enum Possessive {
    /// The kin words of a line without those inside a longer kin word (老公 in 老公公, 妈 in 妈妈, "son" in "son-in-law").
    static func wholeKin(_ kin: [PhraseHit]) -> [PhraseHit] {
        guard kin.count > 1 else { return kin }
        let contained = LineAnalysis.containedInLonger(kin.map(\.range))
        guard contained.contains(true) else { return kin }
        return kin.indices.filter { !contained[$0] }.map { kin[$0] }
    }

    /// The words of a role that can own a person: "担保人的老婆", "the borrower's wife" (besides kin words).
    private static let roleWords: [[Unicode.Scalar]] = ["借款人", "担保人", "保证人", "擔保人", "保證人", "保人", "紧急联系人", "緊急聯絡人",
                                                       "borrower", "guarantor", "debtor", "emergency contact"].map { Array($0.unicodeScalars) }

    /// Where the person word after a possessive at `end` starts ("'s ", 的, 嘅, 之; "本人的" after a role), or nil.
    static func possessedStart(after end: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard end < scalars.count else { return nil }
        var at = end
        if scalars[at] == "本", at + 1 < scalars.count, scalars[at + 1] == "人" { at += 2 }
        guard at < scalars.count else { return nil }
        switch scalars[at] {
        case "的", "嘅", "之":
            return at + 1 < scalars.count ? at + 1 : nil
        case "'":
            guard at + 2 < scalars.count, scalars[at + 1] == "s", scalars[at + 2] == " " else { return nil }
            var next = at + 3
            while next < scalars.count, scalars[next] == " " { next += 1 }
            return next < scalars.count ? next : nil
        default:
            return nil
        }
    }

    /// Whether a person word starts at `index`: a kin word of the line, or a role word.
    private static func personStarts(at index: Int, in scalars: [Unicode.Scalar], kinStarts: Set<Int>) -> Bool {
        if kinStarts.contains(index) { return true }
        for word in roleWords where index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word) {
            return true
        }
        return false
    }

    /// Whether the phrase at `range` ends at a person whom a possessive makes the owner of another person.
    /// A phrase ending in a pronoun ("是他" of "我是他的紧急联系人") says whose the person is, which is what it meant.
    static func ownsAPerson(_ range: Range<Int>, in scalars: [Unicode.Scalar], kinStarts: Set<Int>) -> Bool {
        guard !endsInPronoun(range, in: scalars), let start = possessedStart(after: range.upperBound, in: scalars) else { return false }
        return personStarts(at: start, in: scalars, kinStarts: kinStarts)
    }

    private static let pronouns: Set<Unicode.Scalar> = ["他", "她", "佢", "我"]

    private static func endsInPronoun(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        let last = scalars[range.upperBound - 1]
        if pronouns.contains(last) { return true }
        guard last.isASCIILetter else { return false }
        // The last word of the phrase, compared as scalars: him, her, me.
        var start = range.upperBound - 1
        while start > range.lowerBound, scalars[start - 1].isASCIILetter { start -= 1 }
        let word = scalars[start..<range.upperBound]
        return englishPronouns.contains { word.elementsEqual($0) }
    }

    private static let englishPronouns: [[Unicode.Scalar]] = ["him", "her", "me"].map { Array($0.unicodeScalars) }

    /// Whether the word right before `start` is a possessive whose owner is not the speaker: "son's ", "同事的", "他的";
    /// not "我的", "我们的", "我家的".
    static func ownedByOther(_ start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard start >= 2 else { return false }
        let before = scalars[start - 1]
        if before == "的" || before == "嘅" {
            let owner = scalars[start - 2]
            if owner == "我" || owner == "俺" { return false }
            if start >= 3, scalars[start - 3] == "我", ["们", "哋", "家"].contains(owner) { return false }
            return TextNormalizer.isHan(owner)
        }
        guard before == " ", start >= 4, scalars[start - 2] == "s", scalars[start - 3] == "'" else { return false }
        return scalars[start - 4].isASCIILetter
    }

    /// The line's phrases without those that misread a person (see the type).
    /// `kin`: the line's whole kin words (`wholeKin`); `allKin`: all of them, also those inside longer ones.
    /// `aboutThePerson(slot)`: a yes/no slot whose phrases say how the borrower stands to the person ("wife borrowed":
    /// the person's spouse), not a fact of the borrower's own that a relative's story carries ("去世": skipped in
    /// reported speech and read by `KinAtPlace`); only those are dropped after another's possessive.
    static func wholeWords(_ content: [PhraseHit], in scalars: [Unicode.Scalar], kin: [PhraseHit], allKin: [PhraseHit],
                           aboutThePerson: (Int) -> Bool) -> [PhraseHit] {
        let kinStarts = Set(kin.map(\.range.lowerBound))
        var kept: [PhraseHit] = []
        kept.reserveCapacity(content.count)
        for hit in content {
            switch hit.cue {
            case .slotYes, .slotNo, .askedYes, .askedChoice, .choice, .cuedChoice: break
            default:
                kept.append(hit)
                continue
            }
            let range = hit.range
            if ownsAPerson(range, in: scalars, kinStarts: kinStarts) { continue }
            switch hit.cue {
            case .slotYes(let slot), .slotNo(let slot), .askedYes(let slot):
                if aboutThePerson(slot), kinStarts.contains(range.lowerBound), ownedByOther(range.lowerBound, in: scalars) { continue }
            default: break
            }
            if cutsAWord(range, in: scalars, kin: kin, shorter: allKin) { continue }
            kept.append(hit)
        }
        return kept
    }

    private static let afterBody: Set<Unicode.Scalar> = ["份", "分", "体", "體", "子", "上", "边", "邊"]

    /// Whether the phrase ends inside a longer word: a kin word of two or more characters it ends with goes on ("我老公"
    /// in 我老公公), or 身 starts a word (过身 in 丢过身份证).
    private static func cutsAWord(_ range: Range<Int>, in scalars: [Unicode.Scalar], kin: [PhraseHit], shorter: [PhraseHit]) -> Bool {
        let end = range.upperBound
        guard end < scalars.count, TextNormalizer.isHan(scalars[end - 1]) else { return false }
        if scalars[end - 1] == "身", afterBody.contains(scalars[end]) { return true }
        // A kin word of the line (already the longest) that starts inside the phrase and reaches past its end, where
        // the phrase ends with a shorter kin word of its own (老公 of 老公公; not 我屋企 of 屋企人).
        return kin.contains { longer in
            let start = longer.range.lowerBound
            return start < end && longer.range.upperBound > end && start >= range.lowerBound && end - start >= 2
                && shorter.contains { $0.range == start..<end }
        }
    }
}
