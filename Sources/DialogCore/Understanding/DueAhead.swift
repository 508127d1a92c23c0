/// A due date still ahead, however it is said (probe14 P8): "到期日是下周五", "还款日是下个月5号", "還款日係下個禮拜",
/// "下周五才到期", "my due date is next Friday", "it's due in three days". The dialog listed "下周到期", "下个月才到期",
/// "due next week" one at a time, and "我还没还，不过到期日是下周五" was read as an overdue admission ("还没还"). Two
/// patterns, in one clause:
/// - a due-date noun (到期日, 还款日, 最后还款日 …) and, within six characters after it, a time still to come (下周,
///   下个月, 明天, 月底 …);
/// - a time still to come (today included: the due day is not late yet) and, within six characters after it, 到期,
///   才扣款, or after 今天 the due day itself ("下周五才到期", "月底才扣款", "还有三天才到期", "今天是最后一天", "今天是
///   还款日"), not 才还 ("下个月才还得上" is a borrower who cannot pay until then);
/// - in English, "due" or "deadline" and, within three words after it, next / tomorrow / in / today ("due date is next
///   Friday", "due in 3 days", "it's due today"), or today / tomorrow and then "due" ("today is the due date");
///   "was due last week" is no such thing.
/// A number inside such a stretch is no number of days late ("还有三天才到期", "最后一天"): `NumberFilling` leaves it.
/// Such a stretch reads as the words "还没到期" (not due yet), so the dialog says what it means where it stands
/// (notice-help: `overdue: no`); being later in the line than "还没还", it is the reading that stands. Negation and
/// reported speech then apply as to any phrase: "短信说还款日是明天" is the sender's word.
enum DueAhead {
    /// The words such a stretch reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("还没到期".unicodeScalars)

    // Chinese, after folding (traditional → simplified).
    private static let dueNouns = ScalarWords(["到期日", "到期时间", "到期日期", "还款日", "还款日期", "最后还款日", "还款时间", "还款期限",
                                         "缴款日", "缴费日", "截止日", "截止日期", "扣款日", "账单到期日"])
    private static let ahead = ScalarWords(["下周", "下星期", "下礼拜", "下个星期", "下个礼拜", "下下周", "下个月", "下月", "明天", "明日",
                                      "后天", "大后天", "听日", "后日", "月底", "月尾", "下旬", "过几天", "过两天", "再过", "几天后",
                                      "这周末", "这个周末", "本周末", "周末", "年底", "今晚", "今天晚上", "今天", "今日", "还有", "仲有"])
    /// Not 才还 / 才交: "下个月才还得上" is a borrower who cannot pay until then. The due day itself is not late yet
    /// (probe18 T11: "今天是最后一天", "今天是还款日", "还有三天才到期" read as overdue).
    private static let dueVerbs = ScalarWords(["到期", "才扣款", "才扣"])
    /// The due day, after 今天 only ("今天是最后一天", "今天是还款日"): "下个月还款日又要到了" beside "我已经逾期了" is the
    /// next instalment's day, not this one's.
    private static let dueDays = ScalarWords(["最后一天", "最后一日", "还款日", "还款的日子", "最后还款日", "到期日"])
    private static let today = ScalarWords(["今天", "今日"])
    /// A stretch with a negation in it says no such thing: "还款日不是下周".
    private static let negations: [Unicode.Scalar] = ["不", "没", "未", "唔", "冇"]

    // English, lower case (folding did that).
    private static let dueEn = ScalarWords(["due", "deadline"])
    private static let aheadEn = ScalarWords(["next", "tomorrow", "in", "until", "till", "today", "tonight"])
    private static let betweenEn = ScalarWords(["date", "day", "is", "isn't", "will", "be", "only", "not", "on", "of", "payment"])
    /// The day before "due" ("today is the due date", "tomorrow is my deadline"), with the words between.
    private static let dayFirst = ScalarWords(["today", "tomorrow", "tonight"])
    private static let beforeDue = ScalarWords(["is", "the", "my", "its", "it's", "final", "payment"])

    /// The words without one of which no due date is ahead (`LineRule`): the nouns and times that open the Chinese
    /// patterns, and "due" or "deadline".
    static var triggers: [[Unicode.Scalar]] { dueNouns.words + ahead.words + dueEn.words }

    /// Where the line says a due date is still ahead.
    /// `words`: the line's English words (`HarmThreat.englishWords`), empty when it has none. `starts`: where the
    /// trigger words stand (`LineTriggers`).
    static func ranges(in scalars: [Unicode.Scalar], words: [HarmThreat.Word], starts: LineTriggers.Starts) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let dueNouns = Self.dueNouns, ahead = Self.ahead, dueVerbs = Self.dueVerbs, negations = Self.negations
        var after = 0
        for index in starts where index >= after {
            let noun = dueNouns.longest(at: index, in: scalars)
            let time = noun == 0 ? ahead.longest(at: index, in: scalars) : 0
            let (start, follows) = noun > 0 ? (index + noun, ahead) : (index + time, dueVerbs)
            if noun > 0 || time > 0, let next = follows.first(from: start, reach: 6, in: scalars)
                ?? (time > 0 && today.longest(at: index, in: scalars) == time ? dueDays.first(from: start, reach: 3, in: scalars) : nil),
               !scalars[index..<next.lowerBound].contains(where: { negations.contains($0) }) {
                found.append(index..<next.upperBound)
                after = next.upperBound
            }
        }
        if !words.isEmpty {
            let dueEn = Self.dueEn, aheadEn = Self.aheadEn, betweenEn = Self.betweenEn
            for (k, word) in words.enumerated() where HarmThreat.isOne(of: dueEn, word, in: scalars) {
                var j = k + 1
                while j < words.count, j <= k + 3, HarmThreat.isOne(of: betweenEn, words[j], in: scalars) { j += 1 }
                if j < words.count, j <= k + 3, HarmThreat.isOne(of: aheadEn, words[j], in: scalars) {
                    found.append(word.range.lowerBound..<words[j].range.upperBound)
                }
            }
            // The day first: "today is the due date", "tomorrow is my deadline".
            let dayFirst = Self.dayFirst, beforeDue = Self.beforeDue
            for (k, word) in words.enumerated() where HarmThreat.isOne(of: dayFirst, word, in: scalars) {
                var j = k + 1
                while j < words.count, j <= k + 3, HarmThreat.isOne(of: beforeDue, words[j], in: scalars) { j += 1 }
                if j < words.count, j <= k + 3, HarmThreat.isOne(of: dueEn, words[j], in: scalars),
                   !found.contains(where: { $0.contains(words[j].range.lowerBound) }) {
                    found.append(word.range.lowerBound..<words[j].range.upperBound)
                }
            }
        }
        return found
    }

    /// The dialog's phrases for a due date still ahead ("还没到期"), at each stretch the line holds.
    static func hits(_ ranges: [Range<Int>], matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        PhraseHit.reading(reading, at: ranges, matcher: matcher)
    }
}

extension LineAnalysis {
    /// Whether the line says no to `slot` where it says a due date is still ahead, today included (`DueAhead`): then
    /// not having paid yet says no yes to it. "my Huabei payment is due today and I haven't paid yet", "花呗今天到期，
    /// 我还没还", "还款日是下周五，我还没还" are not late: the not-paid phrase ("haven't paid", "还没还") still says no to
    /// "already paid", but not yes to "overdue", wherever in the line it stands.
    func dueAheadDenies(_ slot: Int) -> Bool {
        guard !dueAhead.isEmpty else { return false }
        return content.contains { hit in
            guard case .slotNo(let denied) = hit.cue, denied == slot else { return false }
            return dueAhead.contains { $0.overlaps(hit.range) }
        }
    }
}
