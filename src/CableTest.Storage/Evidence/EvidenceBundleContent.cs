using CableTest.Storage.Runs;

namespace CableTest.Storage.Evidence;

/// <summary>What goes into a run's evidence bundle.</summary>
/// <param name="RunId">The run.</param>
/// <param name="BenchId">The bench that signs.</param>
/// <param name="VerdictJson">The Verdict message as proto3 JSON, as the API serves it (sequence, hashes and the hashed evidence document).</param>
/// <param name="Readings">The run's readings.</param>
/// <param name="Recording">The run's exchange recording (JSON lines); null when the run has none.</param>
/// <param name="CalibrationJson">The instruments with their calibration references.</param>
/// <param name="Chain">The chain records from the verdict's up to the head, in sequence order (at least the verdict's).</param>
public sealed record EvidenceBundleContent(
    string RunId,
    string BenchId,
    string VerdictJson,
    IReadOnlyList<ReadingRecord> Readings,
    byte[]? Recording,
    string CalibrationJson,
    IReadOnlyList<StoredVerdict> Chain);
