/// Negation: a word of the lexicon's `negations` (没, 不, never, not) shortly before a phrase, in the same clause,
/// flips a yes phrase to no and cancels a choice (which the line then denies). A negation inside a phrase ("没借过")
/// makes it a denial in form. Announced actions and threats (说要, will) are listed as negations too, so "说要告诉你
/// 家人" is not "they told your family".
struct Negation {
    /// Negations by where they end (linear in the line, however often a word repeats in it).
    private let startsByEnd: [Int: [Int]]
    /// The negations inside content phrases.
    private let inside: [Range<Int>]
    /// The clauses that hold a negation.
    let clausesNegated: Set<Int>
    private let clauses: Clauses
    private let scalars: [Unicode.Scalar]
    /// Where the line's announcing words start (说要, 将, will), those inside phrases too.
    private let announcementStarts: [Int]
    /// Where the negations that deny a whole clause end: "nobody" or 没人 is the subject of everything the clause
    /// goes on to say ("no one asked me for codes or a private account", "没人让我转私人账户"), and a negated demand
    /// ("never asked me to …", "没叫我…") denies all it goes on to demand.
    private let clauseWideEnds: [Int]
    /// Where the negations of a request made of the person end (`deniesRequest`).
    private let demandEnds: [Int]
    /// Where a phrase may start right after an "or" (或者, 还是, or, nor), mapped to where that word starts; empty in a
    /// line without one.
    private let afterOr: [Int: Int]
    /// The content phrases by where they end, kept only when the line has an "or".
    private let phrasesByEnd: [Int: [Range<Int>]]

    /// `announcements`: every announcing word of the line. A negation does not reach past one that does not follow it
    /// directly: "逾期不还将联系您的家人", "if I don't pay they will tell my boss" — what is negated is the paying, and
    /// what follows the announcement is what someone means to do. "没说要告诉…" still negates the announcement itself.
    ///
    /// `phrases`: the line's content phrases. A denial goes on through "or" to the phrase right after it: "没让我转账
    /// 或者点链接", "冇叫我過數或者撳連結" deny the link too, though the negation is inside the first phrase.
    init(_ scalars: [Unicode.Scalar], functional: [PhraseHit], inside: [Range<Int>], clauses: Clauses, announcements: [PhraseHit] = [],
         phrases: [Range<Int>] = []) {
        announcementStarts = announcements.map(\.range.lowerBound)
        let answerNoRanges = Set(functional.of(.no).map(\.range))
        // "no I have not paid": an English "no" that opens its clause and is followed by a subject answers the
        // question; it does not flip the clause's own phrase into its opposite. ("no calls" stays a negation.)
        func answersBeforeSubject(_ found: PhraseHit) -> Bool {
            guard answerNoRanges.contains(found.range), scalars[found.range.lowerBound].isASCII else { return false }
            var start = clauses.start[found.range.lowerBound]
            while start < found.range.lowerBound, scalars[start] == " " { start += 1 }
            guard start == found.range.lowerBound else { return false }
            var index = found.range.upperBound
            while index < scalars.count, scalars[index] == " " || scalars[index] == "," { index += 1 }
            return Self.subjects.contains(LineAnalysis.asciiWord(scalars, from: index))
        }
        // "要不要", "会不会", "有没有", "是不是", "会唔会": a 不, 没 or 唔 between the same character twice asks; it denies
        // nothing.
        func asksEitherWay(_ found: PhraseHit) -> Bool {
            let range = found.range
            guard range.count == 1, range.lowerBound > 0, range.upperBound < scalars.count,
                  ["不", "没", "唔"].contains(scalars[range.lowerBound]) else { return false }
            return scalars[range.lowerBound - 1] == scalars[range.upperBound] && !scalars[range.upperBound].isASCII
        }
        let allNegations = functional.of(.negations).filter { !asksEitherWay($0) }
        let negations = allNegations.filter { !answersBeforeSubject($0) }
        // The negations a longer phrase hid ("nobody" inside "nobody asked me to send money", 没让 inside 没让我转账)
        // still deny the rest of their clause when they are its subject or deny a request.
        let hidden = inside.filter { range in !allNegations.contains { $0.range == range } }
        let reaching = negations.map(\.range) + hidden
        var startsByEnd: [Int: [Int]] = [:]
        for negation in negations { startsByEnd[negation.range.upperBound, default: []].append(negation.range.lowerBound) }
        self.startsByEnd = startsByEnd
        // A negated demand denies everything demanded in its clause: "they never asked me to send money to a safe
        // account or scan a QR code", "没叫我下载App或者共享屏幕" (the announcing word right after the negation, or
        // sharing a character with it).
        func deniesDemand(_ negation: Range<Int>) -> Bool {
            var adjacent = negation.upperBound
            while adjacent < scalars.count, scalars[adjacent] == " " { adjacent += 1 }
            return announcements.contains { $0.range.lowerBound > negation.lowerBound && $0.range.lowerBound <= adjacent }
        }
        clauseWideEnds = reaching.filter { negation in
            Self.clauseWide.contains { $0.elementsEqual(scalars[negation]) } || (!announcements.isEmpty && deniesDemand(negation))
        }.map(\.upperBound)
        // The negations right before a request made of the person ("没人让我…", "nobody asked me to …").
        demandEnds = announcements.isEmpty ? [] : reaching.filter { negation in
            var adjacent = negation.upperBound
            while adjacent < scalars.count, scalars[adjacent] == " " { adjacent += 1 }
            return announcements.contains { request in
                request.range.lowerBound > negation.lowerBound && request.range.lowerBound <= adjacent
                    && Self.requests.contains { $0.elementsEqual(scalars[request.range]) }
            }
        }.map(\.upperBound)
        self.inside = inside
        clausesNegated = Set(negations.map { clauses.of($0.range.lowerBound) })
        self.clauses = clauses
        self.scalars = scalars
        afterOr = Self.orWords(scalars)
        var phrasesByEnd: [Int: [Range<Int>]] = [:]
        if !afterOr.isEmpty {
            for range in phrases { phrasesByEnd[range.upperBound, default: []].append(range) }
        }
        self.phrasesByEnd = phrasesByEnd
    }

    /// The words that join alternatives under one negation: 或, 或者, 或是, 还是, 定系 (定係), "or", "nor". Keyed by
    /// where the next word starts (spaces skipped), valued by where the joining word starts. Not "and" / 和: "they
    /// didn't ask for money and called my mum" goes on to say what did happen.
    private static func orWords(_ scalars: [Unicode.Scalar]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        var index = 0
        func skipSpaces(_ from: Int) -> Int {
            var next = from
            while next < scalars.count, scalars[next] == " " { next += 1 }
            return next
        }
        while index < scalars.count {
            let scalar = scalars[index]
            var end = index
            if scalar == "或" {
                end = index + 1
                if end < scalars.count, scalars[end] == "者" || scalars[end] == "是" { end += 1 }
            } else if (scalar == "还" || scalar == "定") && index + 1 < scalars.count && (scalars[index + 1] == "是" || scalars[index + 1] == "系") {
                end = index + 2
            } else if scalar == "o" || scalar == "n", index == 0 || !scalars[index - 1].isASCIILetter {
                let word: [Unicode.Scalar] = scalar == "o" ? ["o", "r"] : ["n", "o", "r"]
                if index + word.count <= scalars.count, scalars[index..<(index + word.count)].elementsEqual(word),
                   index + word.count == scalars.count || !scalars[index + word.count].isASCIILetter {
                    end = index + word.count
                }
            }
            if end > index {
                found[skipSpaces(end)] = index
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether the phrase at `position` follows an "or" that follows a denied phrase: "没让我转账或者**点链接**".
    /// A verb may stand between the "or" and the phrase: "或者撳**連結**", "或者给**验证码**" (at most two Chinese characters).
    private func deniedBeforeOr(_ position: Int) -> Bool {
        var gap = 0
        while gap < 2, afterOr[position - gap] == nil, position - gap > 0, TextNormalizer.isHan(scalars[position - gap - 1]) { gap += 1 }
        guard var end = afterOr[position - gap] else { return false }
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        guard let before = phrasesByEnd[end] else { return false }
        return before.contains { clauses.of($0.lowerBound) == clauses.of(position) && isDenial($0) }
    }

    /// The announcing words that ask something of the person, as opposed to threats ("说要上门"): a denied request
    /// ("没人让我转账", "nobody asked me to send money") says nothing of that kind was asked (`deniesRequest`).
    private static let requests: [[Unicode.Scalar]] = ["让我", "叫我", "要我", "要求我", "asked me to", "asking me to", "ask me to",
                                                        "want me to", "wanted me to", "wants me to"].map { Array($0.unicodeScalars) }

    /// Whether `range` is denied as part of a request made of the person: "没人让我**转账**", "they never asked me to
    /// send money to a **safe account**".
    func deniesRequest(_ range: Range<Int>) -> Bool {
        demandEnds.contains { end in
            end <= range.lowerBound + 1 && clauses.of(end - 1) == clauses.of(range.lowerBound) && !announcesBetween(end, range.lowerBound)
        }
    }

    /// The subjects that make a clause-opening "no" an answer: "no I …", "no, they …".
    static let subjects: Set<String> = ["i", "i've", "i'm", "i'd", "ive", "im", "we", "we've", "they", "they've", "he", "she",
                                        "it", "it's", "its", "that", "that's", "thats", "there", "my", "me"]

    /// The negations that are the subject of their clause.
    private static let clauseWide: [[Unicode.Scalar]] = ["no one", "nobody", "没人", "没有人", "无人", "冇人"].map { Array($0.unicodeScalars) }

    /// Whether a negation ends shortly before `range` (6 characters, 16 for Latin script) in its clause, or a negation
    /// that is the clause's subject ends anywhere before it in the clause, or the phrase follows a denied one and an
    /// "or" ("没让我转账或者点链接").
    func negates(_ range: Range<Int>) -> Bool {
        if !afterOr.isEmpty, deniedBeforeOr(range.lowerBound) { return true }
        for end in clauseWideEnds where end <= range.lowerBound && clauses.of(end - 1) == clauses.of(range.lowerBound)
            && !announcesBetween(end, range.lowerBound) { return true }
        let window = scalars[range.lowerBound].isASCII ? 16 : 6
        for end in max(range.lowerBound - window, 0)...range.lowerBound {
            if let starts = startsByEnd[end], starts.contains(where: { clauses.of($0) == clauses.of(range.lowerBound) }),
               !announcesBetween(end, range.lowerBound) { return true }
        }
        // A negation that shares the phrase's first characters: "没叫" before the phrase "叫我下载"; not when the
        // phrase is itself a denial in form ("they didn't" before "didn't ask for a transfer").
        guard !inside.contains(where: { range.contains($0.lowerBound) }) else { return false }
        for end in (range.lowerBound + 1)..<range.upperBound {
            if let starts = startsByEnd[end], starts.contains(where: { $0 < range.lowerBound }) { return true }
        }
        return false
    }

    /// Whether an announcing word starts after a negation ending at `end`, not right after it, and by `position`.
    private func announcesBetween(_ end: Int, _ position: Int) -> Bool {
        guard !announcementStarts.isEmpty else { return false }
        var adjacent = end
        while adjacent < scalars.count, scalars[adjacent] == " " { adjacent += 1 }
        return announcementStarts.contains { $0 > adjacent && $0 <= position }
    }

    /// Whether the phrase at `range` denies, by a negation before it or inside it ("没借过", "never borrowed").
    func isDenial(_ range: Range<Int>) -> Bool {
        negates(range) || inside.contains { range.contains($0.lowerBound) && $0.upperBound <= range.upperBound }
    }
}
