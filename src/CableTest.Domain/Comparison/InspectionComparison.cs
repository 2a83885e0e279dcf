namespace CableTest.Domain.Comparison;

/// <summary>Two inspections of one sample compared quantity by quantity.</summary>
/// <param name="Quantities">Every result of either inspection, paired by <see cref="InspectedQuantity.Key"/>, in the first's order then the second's.</param>
/// <param name="OverallVerdictsAgree">The overall outcomes make the same statement; null when either is not stated.</param>
public sealed record InspectionComparison(
    Inspection First,
    Inspection Second,
    IReadOnlyList<QuantityComparison> Quantities,
    bool? OverallVerdictsAgree)
{
    /// <summary>Results in both inspections whose En was computed.</summary>
    public int Compared => Quantities.Count(q => q.NormalisedError is not null);

    /// <summary>
    /// True when at least one quantity was compared and every quantity in both inspections has |En| ≤ 1 (a quantity in
    /// both without the uncertainties to compute En is not consistent). Quantities in one inspection only do not count.
    /// </summary>
    public bool Consistent => Compared > 0 && Quantities.All(q => q.Agreement is not (QuantityAgreement.Inconsistent or QuantityAgreement.NoUncertainty));

    /// <summary>The keys of the quantities that disagree (<see cref="QuantityComparison.Disagrees"/>).</summary>
    public IReadOnlyList<string> Disagreeing => [.. Quantities.Where(q => q.Disagrees).Select(q => q.Key)];
}
