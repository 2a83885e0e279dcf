namespace CableTest.Storage.Runs;

/// <summary>A verified position in the verdict chain: verification can resume after it.</summary>
/// <param name="Sequence">The last verified record (0: nothing verified yet).</param>
/// <param name="ChainSha256">That record's chain hash ("" for sequence 0).</param>
/// <param name="MarginsSha256">The digest of the verdict_margins rows up to <paramref name="Sequence"/> as verified against their evidence
/// (null: a store without them, or a checkpoint written before they were checked).</param>
public sealed record VerdictCheckpoint(long Sequence, string ChainSha256, string? MarginsSha256 = null)
{
    /// <summary>Whether <paramref name="other"/> names the same record (sequence and chain hash), whatever else it says.</summary>
    public bool SameRecord(VerdictCheckpoint? other) =>
        other is not null && other.Sequence == Sequence && string.Equals(other.ChainSha256, ChainSha256, StringComparison.Ordinal);

    public static VerdictCheckpoint Start { get; } = new(0, "");
}
