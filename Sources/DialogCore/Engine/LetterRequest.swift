/// A whole line that asks for one letter of the drafts list by its number: "草稿2", "第2封", "第二封信", "看第1个草稿",
/// "letter 2", "draft two", "open letter 1". The drafts list numbers the letters that fit the person, in that order.
enum LetterRequest {
    /// The letter number the line asks for, if it is such a request.
    static func number(in text: NormalizedText) -> Int? {
        // Most lines are no such request: a short line that opens as one could is the only kind read further.
        guard text.scalars.count <= 24, let first = text.scalars.first(where: { $0 != " " }), openings.contains(first) else { return nil }
        var line = Substring(text.string)
        while let first = line.first, first == " " { line.removeFirst() }
        while let last = line.last, ".!?,~ ".contains(last) { line.removeLast() }
        for prefix in ["看看", "看", "打开", "查看", "open ", "show ", "see "] where line.hasPrefix(prefix) {
            line = line.dropFirst(prefix.count)
            break
        }
        for word in ["草稿", "letter ", "letter", "draft ", "draft", "信"] where line.hasPrefix(word) {
            return SpokenNumber.value(line.dropFirst(word.count))
        }
        if line.hasPrefix("第") {
            for ending in ["封信", "个草稿", "份草稿", "封", "份"] where line.hasSuffix(ending) {
                return SpokenNumber.value(line.dropFirst().dropLast(ending.count))
            }
        }
        return nil
    }

    /// How a request can open: 草稿, 第, 信, 看, 打开, 查看, letter, draft, open, show, see.
    private static let openings: Set<Unicode.Scalar> = ["草", "第", "信", "看", "打", "查", "l", "d", "o", "s"]
}
