/// What ``LineEditor/prepareLocale()`` found and did.
///
/// The editor decodes keyboard input with the C library's character locale, so that locale must
/// use UTF-8 or Chinese text cannot be typed. Any case but ``notUTF8(codeset:)`` is fine to edit in.
public enum LocaleStatus: Sendable, Equatable {
    /// The locale from the environment already uses UTF-8.
    case utf8
    /// The environment's locale does not use UTF-8 (`LANG` unset, `C`, `POSIX`, …); the character
    /// locale was switched to the named UTF-8 locale.
    case switchedToUTF8(locale: String)
    /// No UTF-8 locale could be set; input is decoded with `codeset` and non-ASCII text may be lost.
    case notUTF8(codeset: String)

    /// Whether input will be decoded as UTF-8.
    public var isUTF8: Bool {
        if case .notUTF8 = self { return false }
        return true
    }
}
