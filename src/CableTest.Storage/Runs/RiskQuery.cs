namespace CableTest.Storage.Runs;

/// <summary>Filters for the risk observations of sampled verdicts; empty filters match everything.</summary>
public sealed record RiskQuery
{
    /// <summary>Exact manufacturer name as registered.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>Product spec id.</summary>
    public string? SpecId { get; init; }

    /// <summary>Inclusive lower bound on evaluated_at.</summary>
    public DateTimeOffset? EvaluatedFrom { get; init; }
}
