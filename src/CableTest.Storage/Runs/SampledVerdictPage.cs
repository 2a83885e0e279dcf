namespace CableTest.Storage.Runs;

/// <summary>One page of sampled verdicts; <see cref="NextAfterSequence"/> is null on the last page.</summary>
public sealed record SampledVerdictPage(IReadOnlyList<SampledVerdict> Verdicts, long? NextAfterSequence);
