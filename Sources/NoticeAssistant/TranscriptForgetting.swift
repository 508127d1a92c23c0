import Foundation

/// What ``Conversation/forgetTranscript()`` did when the person asked that the conversation not be kept.
public enum TranscriptForgetting: Sendable, Equatable {
    /// The transcript file was deleted; nothing more is recorded.
    case deleted(URL)
    /// The file could not be deleted (`reason` says why); nothing more is recorded. Tell the person where it is.
    case notDeleted(URL, reason: String)
    /// The host's own sink was closed and nothing more is recorded; what it stored is the host's to delete.
    case closed
    /// Nothing was being recorded.
    case nothingKept
}
