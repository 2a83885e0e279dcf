namespace CableTest.Domain.Risk;

/// <summary>
/// The warning rules' thresholds. A group is judged only once it has <see cref="MinimumSamples"/> samples; the margin
/// rules look at the median over the group's last <see cref="WindowSamples"/> samples (by evaluation time) that have the ratio.
/// A threshold left null switches its rule off.
/// </summary>
public sealed record RiskRules
{
    /// <summary>Samples a group needs before any rule judges it.</summary>
    public int MinimumSamples { get; init; } = 10;

    /// <summary>N: the margin rules' window, the group's most recent samples.</summary>
    public int WindowSamples { get; init; } = 30;

    /// <summary>Warn when the window's median R20/limit is above this (0.98: passing, but just).</summary>
    public double? ConductorMedianRatioAbove { get; init; } = 0.98;

    /// <summary>Warn when the window's median insulation R/minimum is below this.</summary>
    public double? InsulationMedianRatioBelow { get; init; } = 1.5;

    /// <summary>Warn when the failure rate's Wilson 95 % lower bound is above this.</summary>
    public double? FailureRateLowerBoundAbove { get; init; } = 0.05;

    /// <summary>What is wrong, each as (property name, problem); empty when the rules are usable.</summary>
    public IReadOnlyList<(string Name, string Problem)> Problems()
    {
        var problems = new List<(string, string)>();
        if (MinimumSamples < 1)
        {
            problems.Add((nameof(MinimumSamples), $"must be at least 1 (is {MinimumSamples})"));
        }

        if (WindowSamples < 1)
        {
            problems.Add((nameof(WindowSamples), $"must be at least 1 (is {WindowSamples})"));
        }

        if (ConductorMedianRatioAbove is { } conductor && !(conductor > 0 && conductor <= 2))
        {
            problems.Add((nameof(ConductorMedianRatioAbove), $"must be a ratio R20/limit above 0 and at most 2, e.g. 0.98 (is {conductor})"));
        }

        if (InsulationMedianRatioBelow is { } insulation && !(insulation > 0 && insulation <= 1_000))
        {
            problems.Add((nameof(InsulationMedianRatioBelow), $"must be a ratio R/minimum above 0 and at most 1000, e.g. 1.5 (is {insulation})"));
        }

        if (FailureRateLowerBoundAbove is { } rate && !(rate >= 0 && rate < 1))
        {
            problems.Add((nameof(FailureRateLowerBoundAbove), $"must be a failure rate from 0 up to (not including) 1, e.g. 0.05 (is {rate})"));
        }

        return problems;
    }
}
