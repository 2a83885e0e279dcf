using CableTest.Domain.Risk;

namespace CableTest.Domain.Tests.Risk;

public sealed class RiskRulesTests
{
    [Fact]
    public void Problems_Defaults_None()
    {
        Assert.Empty(new RiskRules().Problems());
    }

    [Fact]
    public void Problems_OutOfRange_NameEachProperty()
    {
        var rules = new RiskRules
        {
            MinimumSamples = 0,
            WindowSamples = -1,
            ConductorMedianRatioAbove = 98,
            InsulationMedianRatioBelow = 0,
            FailureRateLowerBoundAbove = 1.5,
        };

        var names = rules.Problems().Select(p => p.Name).ToList();

        Assert.Equal(
            [nameof(RiskRules.MinimumSamples), nameof(RiskRules.WindowSamples), nameof(RiskRules.ConductorMedianRatioAbove),
                nameof(RiskRules.InsulationMedianRatioBelow), nameof(RiskRules.FailureRateLowerBoundAbove)],
            names);
        Assert.Contains("0.98", rules.Problems()[2].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_RuleSwitchedOff_IsFine()
    {
        Assert.Empty(new RiskRules { ConductorMedianRatioAbove = null, InsulationMedianRatioBelow = null, FailureRateLowerBoundAbove = null }.Problems());
    }
}
