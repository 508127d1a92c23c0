/// What the session knows about one slot.
public enum SlotValue: Hashable, Codable, Sendable {
    case yes
    case no
    case number(Double)
    /// Value ids of a choice slot, sorted; one for a single choice.
    case choices([String])
    /// A known value id or free text of a text slot; several known ids said together are joined by `namesJoiner`.
    case text(String)
    /// The user said they do not know, or gave no usable answer within the state's limit.
    case unknown

    public var isUnknown: Bool { self == .unknown }

    /// Between the known names of a text slot said together ("花呗、借呗"): each is shown as its language writes it.
    public static let namesJoiner: Character = "、"
    /// `namesJoiner` as a scalar, to look for it without breaking a text into characters.
    static let namesJoinerScalar: Unicode.Scalar = "、"
}
