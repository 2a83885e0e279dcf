namespace CableTest.Storage.Runs;

/// <summary>
/// A verdict_margins row: what risk summaries count for one verdict. The table sits beside the hash chain (a summary
/// over 100,000 verdicts cannot parse their evidence), so the chain walk checks each row against the record it belongs
/// to: an edited ratio, outcome or sample id would move a manufacturer's figures without touching a hashed byte.
/// </summary>
internal readonly record struct StoredMargins(long Sequence, string SampleId, string Outcome, long EvaluatedAtMs, double? ConductorR20Ratio, double? InsulationRatio)
{
    /// <summary>What is wrong with <paramref name="row"/> as the margins of <paramref name="record"/> (null: it is what the record says).</summary>
    public static string? Problem(StoredVerdict record, StoredMargins? row)
    {
        if (row is not { } m)
        {
            return "its risk margins row is missing (verdict_margins altered: the verdict is left out of risk summaries)";
        }

        var expected = VerdictMargins.Read(record.EvidenceJson);
        var wrong = !string.Equals(m.SampleId, record.SampleId, StringComparison.Ordinal) ? "sample_id"
            : !string.Equals(m.Outcome, record.Outcome, StringComparison.Ordinal) ? "outcome"
            : m.EvaluatedAtMs != record.EvaluatedAt.ToUnixTimeMilliseconds() ? "evaluated_at_ms"
            : m.ConductorR20Ratio != expected.ConductorR20Ratio ? "conductor_r20_ratio"
            : m.InsulationRatio != expected.InsulationRatio ? "insulation_ratio"
            : null;
        return wrong is null ? null : $"its risk margins row does not match its evidence ({wrong} in verdict_margins altered)";
    }
}
