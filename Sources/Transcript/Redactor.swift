/// Masks personal numbers and addresses in free text before it is stored or shown to anyone.
///
/// A transcript belongs to someone in financial trouble; help-desk staff must be able to follow the conversation without
/// ever seeing a number that identifies the person. `Redactor` recognises, in one pass over the text:
///
/// | kind | example | masked |
/// |---|---|---|
/// | mainland mobile number, in any grouping and with any of the usual separators | `138.1234.5678` | `138****5678` |
/// | landline (`010-62751234`, `0755 2688123`, `(021)58881234`, `01062751234`) | `010-62751234` | `010-****1234` |
/// | ID-card number: 18 characters shaped like one (check character not required), or the old 15 digits | `1101 0519 4912 3100 2X` | `110105********002X` |
/// | bank-card number, 16–19 digits passing Luhn, or any after a card word (`卡号`) | `6222 0212 3456 7894` | `6222********7894` |
/// | e-mail address, also with `＠` and `．` | `zhang.san@example.com` | `z***@example.com` |
/// | a code or a password the line announces | `验证码是483920` | `验证码是******` |
/// | a code told with no code word: 4, 6–8 digits beside a word of telling or giving, not money or a date | `我把482913告诉他了` | `我把******告诉他了` |
///
/// It promises:
/// - it reads the text with full-width forms folded to ASCII and invisible characters (zero-width space and joiners,
///   word joiner, soft hyphen) left out, and a mask covers the original span;
/// - everything that is not one of these is kept exactly, character for character: amounts (`1,200元`), dates
///   (`2026-11-24`, `20261124`), hotlines (`12378`, `96110`), order numbers that fail the checks, and the surrounding text;
/// - a number is only recognised from whole digit groups: digits glued to a longer run are never treated as a phone;
/// - masks are written with ASCII digits; enough of each number stays visible to tell two numbers apart, never enough
///   to reach the person;
/// - redacting twice gives the same text as redacting once.
///
/// It errs towards masking (docs/transcript.md has the rule): a near-miss — a wrong ID check character, an order number
/// that passes Luhn, a phone number a digit off next to `电话` — is masked.
///
/// ```swift
/// Redactor().redact("我的手机号是13812345678，订单号2024112412345678")
/// // "我的手机号是138****5678，订单号2024112412345678"
/// ```
public struct Redactor: Sendable, Hashable {
    /// What kind of personal data a finding is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case mobilePhone
        case landline
        case idCard
        case bankCard
        case email
        /// A verification code the line announces (验证码是…, "the code is …"), or a card's security code ("CVV: 123").
        case verificationCode
        /// A password the line announces (密码…, "password: …").
        case password
    }

    /// One piece of personal data found in a text, with what replaces it.
    public struct Finding: Sendable, Hashable {
        /// What was recognised.
        public var kind: Kind
        /// The text as it was written, separators and prefixes included.
        public var original: String
        /// What `redact(_:)` writes in its place.
        public var masked: String

        public init(kind: Kind, original: String, masked: String) {
            self.kind = kind
            self.original = original
            self.masked = masked
        }
    }

    /// The host's own sentences, each redacted once and then known by its storage (see ``KnownTexts``); nil for none.
    public var knownTexts: KnownTexts?

    public init(knownTexts: KnownTexts? = nil) {
        self.knownTexts = knownTexts
    }

    /// The text with every recognised number and address masked and everything else unchanged.
    ///
    /// A text with nothing to mask is returned as it is, not copied.
    public func redact(_ text: String) -> String {
        masked(text) ?? text
    }

    /// The text with its personal data masked, or nil when there is none: a record redacts its texts in place and
    /// copies nothing when nothing changed. One of the host's own sentences is looked up, not read again.
    func masked(_ text: String) -> String? {
        if let knownTexts, let known = knownTexts.masked(text, by: Self.maskedAnew) { return known }
        return Self.maskedAnew(text)
    }

    /// The text with its personal data masked, or nil, worked out from its bytes.
    private static func maskedAnew(_ text: String) -> String? {
        let matches = Self.matches(in: text)
        guard !matches.matches.isEmpty else { return nil }
        if let redacted = text.utf8.withContiguousStorageIfAvailable({ Self.masking($0, with: matches) }) { return redacted }
        return Array(text.utf8).withUnsafeBufferPointer { Self.masking($0, with: matches) }
    }

    /// The text of `bytes` with each match replaced by its mask. The text between the masks is copied as UTF-8, a span
    /// at a time: rebuilding it scalar by scalar cost more than all the rest of a record's redaction (~200k
    /// instructions for a long reply with one mask).
    private static func masking(
        _ bytes: UnsafeBufferPointer<UInt8>, with matches: (folded: FoldedScalars, matches: [RedactionScanner.Match])
    ) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var offsets = ScalarByteOffsets(bytes)
        var copied = 0  // the bytes before this offset are in `output`
        for match in matches.matches {
            let range = matches.folded.originalRange(of: match.range)
            let start = offsets.byteOffset(ofScalar: range.lowerBound)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
            output.append(contentsOf: match.masked.utf8)
            copied = offsets.byteOffset(ofScalar: range.upperBound)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return String(decoding: output, as: UTF8.self)
    }

    /// Everything `redact(_:)` would mask, in the order it appears; for tests and for explaining a redaction.
    public func findings(in text: String) -> [Finding] {
        let matches = Self.matches(in: text)
        guard !matches.matches.isEmpty else { return [] }
        let scalars = Array(text.unicodeScalars)
        return matches.matches.map { match in
            var original = String.UnicodeScalarView()
            original.append(contentsOf: scalars[matches.folded.originalRange(of: match.range)])
            return Finding(kind: match.kind, original: String(original), masked: match.masked)
        }
    }

    /// The scanner's matches in `text`, after the byte pre-check has ruled out the texts (and the kinds) that cannot
    /// hold any; the folded text maps them back to the original.
    private static func matches(in text: String) -> (folded: FoldedScalars, matches: [RedactionScanner.Match]) {
        let precheck = RedactionPrecheck(text)
        guard precheck.mightContainPersonalData else { return (FoldedScalars(""), []) }
        // Only secrets possible, and every cue word located: read around them (positions are the original ones, as
        // an empty folding maps them).
        if let secrets = SecretCueWindows.matches(in: text, precheck: precheck) { return (FoldedScalars(""), secrets) }
        let folded = FoldedScalars(text)
        return (folded, RedactionScanner(folded.scalars, precheck: precheck).matches())
    }
}
