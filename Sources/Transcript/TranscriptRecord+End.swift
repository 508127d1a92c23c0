import Foundation

extension TranscriptRecord {
    /// The last record of a session: how it ended and what the assistant knew by then.
    ///
    /// A transcript without an `end` record was cut short (the process was killed or the machine stopped).
    public struct End: Sendable, Hashable, Codable {
        static let type = "end"

        /// Why a session ended.
        public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
            /// The dialog reached a final state.
            case completed
            /// The user asked to quit.
            case quit
            /// The input ran out (Ctrl-D, the end of a script or pipe).
            case endOfInput
            /// A signal stopped the program; `detail` names it.
            case signal
            /// Something failed; `detail` says what.
            case error
        }

        public var time: Date
        public var reason: Reason
        /// More about the reason, such as `SIGTERM` or an error message. Redacted by the sink.
        public var detail: String?
        /// Every slot that had a value at the end, as shown to people. Redacted by the sink.
        public var finalSlots: [String: String]
        /// The same slots as the dialog's own values, for tools (`transcript to-test`): `yes`, `no`, `unknown`, a
        /// number, value ids of a choice (one or more), or the text. Optional: older transcripts lack it. Redacted.
        public var finalValues: [String: [String]]?

        public init(time: Date, reason: Reason, detail: String? = nil, finalSlots: [String: String], finalValues: [String: [String]]? = nil) {
            self.time = time
            self.reason = reason
            self.detail = detail
            self.finalSlots = finalSlots
            self.finalValues = finalValues
        }

        private enum CodingKeys: String, CodingKey {
            case reason, detail, finalSlots = "slots", finalValues = "values"
        }

        public func encode(to encoder: any Encoder) throws {
            var header = encoder.container(keyedBy: RecordHeaderKey.self)
            try header.encodeHeader(type: Self.type, time: time)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reason, forKey: .reason)
            try container.encodeIfPresent(detail, forKey: .detail)
            try container.encode(finalSlots, forKey: .finalSlots)
            try container.encodeIfPresent(finalValues, forKey: .finalValues)
        }

        public init(from decoder: any Decoder) throws {
            time = try decoder.container(keyedBy: RecordHeaderKey.self).decodeTime()
            let container = try decoder.container(keyedBy: CodingKeys.self)
            reason = try container.decode(Reason.self, forKey: .reason)
            detail = try container.decodeIfPresent(String.self, forKey: .detail)
            finalSlots = try container.decodeIfPresent([String: String].self, forKey: .finalSlots) ?? [:]
            finalValues = try container.decodeIfPresent([String: [String]].self, forKey: .finalValues)
        }
    }
}
