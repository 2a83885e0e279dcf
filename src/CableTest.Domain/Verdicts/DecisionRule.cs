using System.Globalization;
using CableTest.Domain.Uncertainty;

namespace CableTest.Domain.Verdicts;

/// <summary>
/// How a measured value becomes a statement (ILAC-G8:09/2019 4.2; ISO/IEC 17025:2017 7.8.6):
/// the kind, the guard band w and the expanded uncertainty U (coverage factor k) it is based on.
/// Values are in the unit of the compared quantity. Agree the rule before measuring.
/// </summary>
public sealed record DecisionRule
{
    private DecisionRule(DecisionRuleKind kind, decimal guardBand, decimal? expandedUncertainty, decimal? coverageFactor, UncertaintySource? source = null)
    {
        if (guardBand < 0m || expandedUncertainty < 0m || coverageFactor <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(guardBand), "guard band and uncertainty must not be negative, k must be positive");
        }

        Kind = kind;
        GuardBand = guardBand;
        ExpandedUncertainty = expandedUncertainty;
        CoverageFactor = coverageFactor;
        UncertaintySource = source ?? (expandedUncertainty is null && guardBand == 0m ? UncertaintySource.None : UncertaintySource.Request);
    }

    public DecisionRuleKind Kind { get; }

    /// <summary>Guard band w (0 for simple acceptance).</summary>
    public decimal GuardBand { get; }

    /// <summary>Expanded uncertainty U of the compared quantity, if stated.</summary>
    public decimal? ExpandedUncertainty { get; }

    /// <summary>Coverage factor k of U (2 for about 95 %), if stated.</summary>
    public decimal? CoverageFactor { get; }

    /// <summary>Where U (and w = U) comes from: none, the request, or the result's own uncertainty budget.</summary>
    public UncertaintySource UncertaintySource { get; }

    /// <summary>A rule that takes U from the budget and has not been given it yet (<see cref="WithBudgetUncertainty"/>).</summary>
    public bool AwaitsBudget => UncertaintySource == UncertaintySource.Budget && ExpandedUncertainty is null;

    /// <summary>4.2.1: w = 0.</summary>
    public static DecisionRule SimpleAcceptance { get; } = new(DecisionRuleKind.SimpleAcceptance, 0m, null, null);

    /// <summary>Simple acceptance that records the uncertainty of the measurement (w stays 0).</summary>
    public static DecisionRule SimpleAcceptanceWith(decimal expandedUncertainty, decimal coverageFactor = 2m) =>
        new(DecisionRuleKind.SimpleAcceptance, 0m, expandedUncertainty, coverageFactor);

    /// <summary>4.2.2 binary guarded acceptance; w defaults to U.</summary>
    public static DecisionRule BinaryGuardBand(decimal expandedUncertainty, decimal coverageFactor = 2m, decimal? guardBand = null) =>
        new(DecisionRuleKind.BinaryGuardBand, guardBand ?? expandedUncertainty, expandedUncertainty, coverageFactor);

    /// <summary>4.2.3 non-binary guarded acceptance; w defaults to U.</summary>
    public static DecisionRule NonBinaryGuardBand(decimal expandedUncertainty, decimal coverageFactor = 2m, decimal? guardBand = null) =>
        new(DecisionRuleKind.NonBinaryGuardBand, guardBand ?? expandedUncertainty, expandedUncertainty, coverageFactor);

    /// <summary>
    /// A rule of <paramref name="kind"/> whose U comes from each result's uncertainty budget (ILAC-G8: w = U for the
    /// guard-band rules; simple acceptance records U with w = 0). The engine fills U in; a result without a budget is
    /// inconclusive (no_uncertainty_budget), never judged with w = 0.
    /// </summary>
    public static DecisionRule FromBudget(DecisionRuleKind kind, decimal coverageFactor = 2m) =>
        new(kind, 0m, null, coverageFactor, UncertaintySource.Budget);

    /// <summary>This rule with U from a budget (the reported, rounded-up U): w = U except for simple acceptance (w = 0).</summary>
    public DecisionRule WithBudgetUncertainty(decimal expandedUncertainty) =>
        new(Kind, Kind == DecisionRuleKind.SimpleAcceptance ? 0m : expandedUncertainty, expandedUncertainty, CoverageFactor ?? 2m, UncertaintySource.Budget);

    /// <summary>A rule of <paramref name="kind"/>; simple acceptance ignores the guard band.</summary>
    public static DecisionRule Of(DecisionRuleKind kind, decimal? expandedUncertainty, decimal? coverageFactor, decimal? guardBand) => kind switch
    {
        DecisionRuleKind.SimpleAcceptance => new(kind, 0m, expandedUncertainty, coverageFactor),
        _ => new(kind, guardBand ?? expandedUncertainty
            ?? throw new ArgumentException("a guard-band rule needs the expanded uncertainty U or the guard band w", nameof(guardBand)),
            expandedUncertainty, coverageFactor),
    };

    /// <summary>"simple_acceptance", "binary_guard_band" or "non_binary_guard_band".</summary>
    public string WireName => Kind switch
    {
        DecisionRuleKind.SimpleAcceptance => "simple_acceptance",
        DecisionRuleKind.BinaryGuardBand => "binary_guard_band",
        _ => "non_binary_guard_band",
    };

    public static bool TryParseKind(string? name, out DecisionRuleKind kind)
    {
        switch (name?.Trim())
        {
            case "simple_acceptance" or "simple" or null or "":
                kind = DecisionRuleKind.SimpleAcceptance;
                return true;
            case "binary_guard_band" or "guarded_acceptance" or "binary":
                kind = DecisionRuleKind.BinaryGuardBand;
                return true;
            case "non_binary_guard_band" or "non_binary":
                kind = DecisionRuleKind.NonBinaryGuardBand;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>e.g. "ILAC-G8:09/2019 4.2.3 non-binary guard band, w = 0.025 (U = 0.025, k = 2)".</summary>
    public string Describe() => Kind switch
    {
        DecisionRuleKind.SimpleAcceptance => "ILAC-G8:09/2019 4.2.1 simple acceptance (w = 0)" + UncertaintyText(),
        DecisionRuleKind.BinaryGuardBand => string.Create(CultureInfo.InvariantCulture, $"ILAC-G8:09/2019 4.2.2 binary guard band, w = {GuardBand}") + UncertaintyText(),
        _ => string.Create(CultureInfo.InvariantCulture, $"ILAC-G8:09/2019 4.2.3 non-binary guard band, w = {GuardBand}") + UncertaintyText(),
    };

    private string UncertaintyText() => ExpandedUncertainty is null
        ? (AwaitsBudget ? " (U from the uncertainty budget)" : "")
        : string.Create(CultureInfo.InvariantCulture, $" (U = {ExpandedUncertainty}, k = {CoverageFactor ?? 2m}{(UncertaintySource == UncertaintySource.Budget ? ", from the uncertainty budget" : "")})");
}
