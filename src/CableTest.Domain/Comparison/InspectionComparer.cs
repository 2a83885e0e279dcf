using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Comparison;

/// <summary>
/// Compares two inspections of one sample (a re-inspection, another bench, another lab): per quantity the normalised
/// error En = (x1 − x2) / √(U1² + U2²) with the expanded uncertainties (ISO/IEC 17043, ISO 13528;
/// |En| ≤ 1 consistent), and whether the verdicts make the same statement. Pure.
/// </summary>
public static class InspectionComparer
{
    public static InspectionComparison Compare(Inspection first, Inspection second)
    {
        var seconds = new Dictionary<string, InspectedQuantity>(StringComparer.Ordinal);
        foreach (var q in second.Results)
        {
            seconds.TryAdd(q.Key, q);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<QuantityComparison>();
        foreach (var a in first.Results)
        {
            if (!seen.Add(a.Key))
            {
                continue;
            }

            rows.Add(seconds.TryGetValue(a.Key, out var b) ? Pair(a, b) : new QuantityComparison(a.Key, a, null, null, QuantityAgreement.OnlyInFirst, null));
        }

        foreach (var b in second.Results)
        {
            if (seen.Add(b.Key))
            {
                rows.Add(new QuantityComparison(b.Key, null, b, null, QuantityAgreement.OnlyInSecond, null));
            }
        }

        return new InspectionComparison(first, second, rows, SameStatement(first.Outcome, second.Outcome));
    }

    /// <summary>En = (x1 − x2) / √(U1² + U2²); null when both U are 0 (or either is negative or not finite).</summary>
    public static double? NormalisedError(double x1, double expandedUncertainty1, double x2, double expandedUncertainty2)
    {
        if (!(expandedUncertainty1 >= 0 && expandedUncertainty2 >= 0) || !double.IsFinite(expandedUncertainty1) || !double.IsFinite(expandedUncertainty2))
        {
            return null;
        }

        var denominator = Math.Sqrt((expandedUncertainty1 * expandedUncertainty1) + (expandedUncertainty2 * expandedUncertainty2));
        return denominator > 0 ? (x1 - x2) / denominator : null;
    }

    /// <summary>
    /// The statement an outcome makes: conforming (pass, conditional pass), not conforming (fail, conditional fail) or none
    /// (invalid, inconclusive, error, retest, incomplete). Two verdicts agree when they make the same statement.
    /// </summary>
    public static bool? SameStatement(Outcome? first, Outcome? second) =>
        first is { } a && second is { } b ? Statement(a) == Statement(b) : null;

    private static QuantityComparison Pair(InspectedQuantity a, InspectedQuantity b)
    {
        var verdicts = SameStatement(a.Outcome, b.Outcome);
        if (a.Quantity.Length == 0 || a.Value is not { } x1 || b.Value is not { } x2)
        {
            return new QuantityComparison(a.Key, a, b, null, QuantityAgreement.VerdictOnly, verdicts);
        }

        var en = a.ExpandedUncertainty is { } u1 && b.ExpandedUncertainty is { } u2 ? NormalisedError(x1, u1, x2, u2) : null;
        var agreement = en is not { } e ? QuantityAgreement.NoUncertainty
            : Math.Abs(e) <= 1 ? QuantityAgreement.Consistent
            : QuantityAgreement.Inconsistent;
        return new QuantityComparison(a.Key, a, b, en, agreement, verdicts);
    }

    private static int Statement(Outcome outcome) => outcome switch
    {
        Outcome.Pass or Outcome.ConditionalPass => 1,
        Outcome.Fail or Outcome.ConditionalFail => -1,
        _ => 0,
    };
}
