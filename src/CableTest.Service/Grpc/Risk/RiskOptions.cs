using CableTest.Domain.Risk;

namespace CableTest.Service.Grpc.Risk;

/// <summary>Configuration section <c>Risk</c>: the thresholds of the risk early-warning rules (<see cref="RiskRules"/>; a threshold left empty turns its rule off).</summary>
public sealed class RiskOptions
{
    public const string Section = "Risk";

    private static readonly RiskRules Defaults = new();

    /// <summary>Samples a manufacturer or spec needs before any rule judges it.</summary>
    public int MinimumSamples { get; set; } = Defaults.MinimumSamples;

    /// <summary>N: the margin rules look at the last N samples.</summary>
    public int WindowSamples { get; set; } = Defaults.WindowSamples;

    /// <summary>Warn when the median conductor R20/limit over the window is above this.</summary>
    public double? ConductorMedianRatioAbove { get; set; } = Defaults.ConductorMedianRatioAbove;

    /// <summary>Warn when the median insulation R/minimum over the window is below this.</summary>
    public double? InsulationMedianRatioBelow { get; set; } = Defaults.InsulationMedianRatioBelow;

    /// <summary>Warn when the Wilson 95 % lower bound of the failure rate is above this.</summary>
    public double? FailureRateLowerBoundAbove { get; set; } = Defaults.FailureRateLowerBoundAbove;

    public RiskRules ToRules() => new()
    {
        MinimumSamples = MinimumSamples,
        WindowSamples = WindowSamples,
        ConductorMedianRatioAbove = ConductorMedianRatioAbove,
        InsulationMedianRatioBelow = InsulationMedianRatioBelow,
        FailureRateLowerBoundAbove = FailureRateLowerBoundAbove,
    };
}
