namespace CableTest.Storage.Runs;

/// <summary>
/// Filters for listing verdicts joined with their sample's sampling record (only samples that have one); oldest first
/// (by sequence). Empty filters match everything.
/// </summary>
public sealed record SampledVerdictQuery
{
    /// <summary>Exact manufacturer name as registered.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>Product spec id, e.g. "gbt5023.3-227iec01-bv-450/750".</summary>
    public string? SpecId { get; init; }

    /// <summary>Inclusive lower bound on evaluated_at.</summary>
    public DateTimeOffset? EvaluatedFrom { get; init; }

    /// <summary>Exclusive upper bound on evaluated_at.</summary>
    public DateTimeOffset? EvaluatedTo { get; init; }

    /// <summary>Continue after this sequence (the previous page's <see cref="SampledVerdictPage.NextAfterSequence"/>).</summary>
    public long AfterSequence { get; init; }

    /// <summary>1..10,000 (clamped).</summary>
    public int PageSize { get; init; } = 1_000;
}
