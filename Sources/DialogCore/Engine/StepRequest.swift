/// A whole line that asks to open one step of the advice by its number: "第2步", "第二步", "步骤2", "看第3条",
/// "step 2", "open step 2", "#2" — and a bare "2" or "二" where no question is open (a bare number may be the
/// answer to one).
///
/// Read from the folded line (simplified characters, half-width digits, lower case), so "第２步" and "第2步" (in
/// traditional script, the same characters) are read alike.
enum StepRequest {
    /// The step number the line asks for, if it is such a request. `bare`: whether a number alone counts.
    static func number(in text: NormalizedText, bare: Bool) -> Int? {
        guard let line = request(in: text, bare: bare, openers: ":/ ") else { return nil }
        if bare, let number = SpokenNumber.value(line) { return number }
        for prefix in prefixes where line.hasPrefix(prefix) {
            if let number = afterPrefix(line.dropFirst(prefix.count)) { return number }
        }
        return afterPrefix(line)
    }

    /// A number alone ("2", "二", "two", "#2"), with nothing that names a step: what a line that picks from a list
    /// other than the steps (the letters) may be.
    static func numberAlone(in text: NormalizedText) -> Int? {
        request(in: text, bare: true, openers: ":/ #").flatMap { SpokenNumber.value($0) }
    }

    /// The line without the punctuation around a request, or nil when it cannot be one. Every line is asked, and
    /// nearly none is a step: one pass over the scalars turns away a line too long to be one, or with no numeral and
    /// none of the English words a request needs ("no", "yes", a story).
    private static func request(in text: NormalizedText, bare: Bool, openers: String) -> Substring? {
        guard text.scalars.count <= maximumScalars, mayAskForStep(text.scalars, bare: bare) else { return nil }
        var line = Substring(text.string)
        while let first = line.first, openers.contains(first) { line.removeFirst() }
        while let last = line.last, ".!?,~ ".contains(last) { line.removeLast() }
        guard !line.isEmpty, line.count <= 16 else { return nil }
        return line
    }

    /// Longer than any request: 16 characters, with room for the punctuation around them.
    private static let maximumScalars = 48

    /// Whether the folded line holds what every request holds: a digit or a Chinese numeral, "step", "number" or "#",
    /// or (where a bare number counts) an English number word.
    /// (Compared scalar by scalar: `String.contains` costs more than the whole rest of a turn's reading.)
    private static func mayAskForStep(_ scalars: [Unicode.Scalar], bare: Bool) -> Bool {
        for scalar in scalars where ("0"..."9").contains(scalar) || scalar == "#" || chineseNumerals.contains(scalar) { return true }
        func holds(_ word: [Unicode.Scalar]) -> Bool {
            guard word.count <= scalars.count else { return false }
            return (0...(scalars.count - word.count)).contains { start in scalars[start..<(start + word.count)].elementsEqual(word) }
        }
        if requestWords.contains(where: holds) { return true }
        return bare && SpokenNumber.englishScalars.contains(where: holds)
    }

    private static let requestWords: [[Unicode.Scalar]] = ["step", "number"].map { Array($0.unicodeScalars) }

    private static let chineseNumerals: Set<Unicode.Scalar> = Set("一二三四五六七八九十".unicodeScalars)

    /// Words before the step itself: "看第2步", "open step 2".
    private static let prefixes = ["看看", "看", "打开", "展开", "查看", "show me ", "show ", "open ", "see "]

    private static func afterPrefix(_ line: Substring) -> Int? {
        var rest = line
        for suffix in suffixes where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        if rest.hasPrefix("第") {
            var inner = rest.dropFirst()
            if let last = inner.last, "步项条".contains(last) { inner = inner.dropLast() }
            return SpokenNumber.value(inner)
        }
        for word in ["步骤", "step ", "step", "steps ", "number ", "#"] where rest.hasPrefix(word) {
            return SpokenNumber.value(rest.dropFirst(word.count))
        }
        return nil
    }

    /// Words after the step: "第2步详细", "第2步怎么做", "step 2 details".
    private static let suffixes = ["的详细做法", "详细做法", "的详细", "详细", "详情", "具体怎么做", "怎么做", " in full", " details"]

}

