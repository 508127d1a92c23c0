/// The names in a text's `{holes}` (`{platform}`), skipping `{{` literal braces: what a text shows of the answers.
public enum TemplateHoles {
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        var chars = Array(text)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "{", chars.first == "{" { chars = chars.dropFirst(); continue }
            guard c == "{", let close = chars.firstIndex(of: "}") else { continue }
            var name = chars[chars.startIndex..<close]
            while name.first == " " { name = name.dropFirst() }
            while name.last == " " { name = name.dropLast() }
            names.append(String(name))
            chars = chars[chars.index(after: close)...]
        }
        return names
    }
}

extension Remedy {
    /// Every text of the remedy in every language: title, steps, what to prepare, where to go.
    var allTexts: [String] {
        var texts = steps.values.flatMap { $0 }
        for text in [title, prepare, channel].compactMap({ $0 }) { texts += text.byLanguage.values }
        return texts
    }
}
