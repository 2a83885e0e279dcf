namespace CableTest.Domain.Risk;

/// <summary>Risk per product spec and per manufacturer, each list ordered by key; <see cref="Warnings"/> collects every group's.</summary>
public sealed record RiskSummary(IReadOnlyList<RiskGroup> BySpec, IReadOnlyList<RiskGroup> ByManufacturer)
{
    public IReadOnlyList<RiskWarning> Warnings => [.. BySpec.SelectMany(g => g.Warnings), .. ByManufacturer.SelectMany(g => g.Warnings)];
}
