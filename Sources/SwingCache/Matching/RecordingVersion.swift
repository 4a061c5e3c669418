/// A marker in a title that names another recording of the same song: a live take, a remix, an edit.
///
/// Two titles that differ only in these markers are different recordings, and score lower
/// (see ``TrackMatcher``). Markers that name the same recording — remasters, mono or stereo,
/// "single version", a year alone — are not versions: ``MatchNormalizer`` strips them.
package enum RecordingVersion: String, Hashable, Sendable, CaseIterable, Comparable {
    case live
    case acoustic
    case remix
    /// A dated or new mix of the same performance: "2019 Mix", "New Mix". Its word, "mix", is what a search finds.
    case mix
    case edit
    case extended
    case demo
    case instrumental
    case acappella
    case karaoke
    /// Another take named by a "with …" that credits no artist of either side: "- With Long-Lost Guitars".
    case variant

    package static func < (lhs: RecordingVersion, rhs: RecordingVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}
