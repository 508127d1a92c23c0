import Foundation

extension TranscriptRecord {
    /// The first record of a session: which program ran which dialog, in which language, and how it was driven.
    ///
    /// The dialog's content hash lets staff tell apart two sessions that ran the same dialog version with different files.
    public struct Start: Sendable, Hashable, Codable {
        static let type = "start"

        /// How a session is driven.
        public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
            /// A person typing at a terminal.
            case interactive
            /// Lines played from a script or a pipe.
            case script
            /// A host application using the library or the JSON-lines protocol.
            case embedded
        }

        public var time: Date
        /// The version of `notice-assistant` that wrote the transcript.
        public var programVersion: String
        public var dialogID: String
        public var dialogVersion: String
        /// A hash of the dialog's files, e.g. `sha256:3a7bd3e2…`; its format is the dialog loader's business.
        public var dialogContentHash: String
        /// A language tag such as `zh-Hans` or `en`.
        public var language: String
        public var mode: Mode
        /// The session's random id; the transcript's file name ends with it.
        public var sessionID: String

        public init(
            time: Date, programVersion: String, dialogID: String, dialogVersion: String, dialogContentHash: String,
            language: String, mode: Mode, sessionID: String
        ) {
            self.time = time
            self.programVersion = programVersion
            self.dialogID = dialogID
            self.dialogVersion = dialogVersion
            self.dialogContentHash = dialogContentHash
            self.language = language
            self.mode = mode
            self.sessionID = sessionID
        }

        private enum CodingKeys: String, CodingKey {
            case programVersion, dialogID = "dialogId", dialogVersion, dialogContentHash, language, mode
            case sessionID = "sessionId"
        }

        public func encode(to encoder: any Encoder) throws {
            var header = encoder.container(keyedBy: RecordHeaderKey.self)
            try header.encodeHeader(type: Self.type, time: time)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(programVersion, forKey: .programVersion)
            try container.encode(dialogID, forKey: .dialogID)
            try container.encode(dialogVersion, forKey: .dialogVersion)
            try container.encode(dialogContentHash, forKey: .dialogContentHash)
            try container.encode(language, forKey: .language)
            try container.encode(mode, forKey: .mode)
            try container.encode(sessionID, forKey: .sessionID)
        }

        public init(from decoder: any Decoder) throws {
            time = try decoder.container(keyedBy: RecordHeaderKey.self).decodeTime()
            let container = try decoder.container(keyedBy: CodingKeys.self)
            programVersion = try container.decode(String.self, forKey: .programVersion)
            dialogID = try container.decode(String.self, forKey: .dialogID)
            dialogVersion = try container.decode(String.self, forKey: .dialogVersion)
            dialogContentHash = try container.decode(String.self, forKey: .dialogContentHash)
            language = try container.decode(String.self, forKey: .language)
            mode = try container.decode(Mode.self, forKey: .mode)
            sessionID = try container.decode(String.self, forKey: .sessionID)
        }
    }
}
