namespace CableTest.Storage.Runs;

/// <summary>A verified position in the verdict chain: verification can resume after it.</summary>
/// <param name="Sequence">The last verified record (0: nothing verified yet).</param>
/// <param name="ChainSha256">That record's chain hash ("" for sequence 0).</param>
public sealed record VerdictCheckpoint(long Sequence, string ChainSha256)
{
    public static VerdictCheckpoint Start { get; } = new(0, "");
}
