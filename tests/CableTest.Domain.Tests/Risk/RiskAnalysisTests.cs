using CableTest.Domain.Risk;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Risk;

public sealed class RiskAnalysisTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly RiskRules Rules = new() { MinimumSamples = 10, WindowSamples = 10, InsulationMedianRatioBelow = null };

    private static RiskObservation Sample(int index, string manufacturer, double r20Ratio, Outcome outcome = Outcome.Pass,
        string spec = "bv-2.5", double? insulation = 40, double dayStep = 1) =>
        new($"{manufacturer}-{index}", spec, manufacturer, Start.AddDays(index * dayStep), outcome, r20Ratio, insulation);

    [Fact]
    public void Summarize_CopperSaver_ConductorMarginWarnedOthersNot()
    {
        // thin: 0.970 0.973 … 0.997 (step 0.003, 10 samples) → median (0.982 + 0.985)/2 = 0.9835 > 0.98
        // comfortable: 0.900 … 0.918 → median 0.909
        var thin = Enumerable.Range(0, 10).Select(i => Sample(i, "thin", 0.970 + (0.003 * i)));
        var comfortable = Enumerable.Range(0, 10).Select(i => Sample(i, "comfortable", 0.900 + (0.002 * i)));

        var summary = RiskAnalysis.Summarize([.. thin, .. comfortable], Rules);

        var warning = Assert.Single(summary.ByManufacturer.Single(g => g.Key == "thin").Warnings);
        Assert.Equal(RiskRuleNames.ConductorMarginThin, warning.Rule);
        Assert.Equal(0.9835, warning.Value, 9);
        Assert.Contains("manufacturer thin", warning.Message, StringComparison.Ordinal);
        Assert.Contains("0.984", warning.Message, StringComparison.Ordinal);
        Assert.Empty(summary.ByManufacturer.Single(g => g.Key == "comfortable").Warnings);
    }

    [Fact]
    public void Summarize_ThinOnlyBeforeTheWindow_NotWarned()
    {
        // 10 thin samples (0.99) first, then 10 comfortable (0.90): the last 10 have median 0.90
        var samples = Enumerable.Range(0, 20).Select(i => Sample(i, "improved", i < 10 ? 0.99 : 0.90));

        var group = RiskAnalysis.Summarize(samples, Rules).ByManufacturer.Single();

        Assert.Empty(group.Warnings);
        Assert.Equal(0.945, group.ConductorR20Ratio.Median!.Value, 9); // over all 20: (0.90 + 0.99)/2
    }

    [Fact]
    public void Summarize_TooFewSamples_NotJudged()
    {
        var group = RiskAnalysis.Summarize(Enumerable.Range(0, 9).Select(i => Sample(i, "new", 0.999)), Rules).ByManufacturer.Single();

        Assert.Equal(9, group.SampleCount);
        Assert.Empty(group.Warnings);
    }

    [Fact]
    public void Summarize_TenFailuresInForty_FailureRateWarned()
    {
        // 10/40: Wilson 95 % [0.1418712, 0.4019396]; lower bound 0.142 > 0.05
        var samples = Enumerable.Range(0, 40).Select(i => Sample(i, "failing", 0.9, i % 4 == 0 ? Outcome.Fail : Outcome.Pass));

        var group = RiskAnalysis.Summarize(samples, Rules).ByManufacturer.Single();

        Assert.Equal(0.25, group.FailureRate!.Value, 12);
        Assert.Equal(0.1418712, group.FailureRateInterval.Lower, 6);
        Assert.Equal(0.4019396, group.FailureRateInterval.Upper, 6);
        var warning = Assert.Single(group.Warnings);
        Assert.Equal(RiskRuleNames.FailureRateHigh, warning.Rule);
        Assert.Contains("10 of 40", warning.Message, StringComparison.Ordinal);
        Assert.Contains("14.2 %", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_TwoFailuresInTwenty_LowerBoundBelowThreshold_NotWarned()
    {
        // 2/20: lower bound 0.0279 ≤ 0.05 (chance explains two fails)
        var samples = Enumerable.Range(0, 20).Select(i => Sample(i, "unlucky", 0.9, i is 3 or 11 ? Outcome.Fail : Outcome.Pass));

        var group = RiskAnalysis.Summarize(samples, Rules).ByManufacturer.Single();

        Assert.Equal(2, group.FailureCount);
        Assert.Empty(group.Warnings);
    }

    [Fact]
    public void Summarize_ReTestedSample_CountsOnceByItsLatestVerdict()
    {
        RiskObservation[] observations =
        [
            new("s1", "bv-2.5", "m", Start, Outcome.Fail, 1.02, 40),
            new("s1", "bv-2.5", "m", Start.AddHours(2), Outcome.Pass, 0.97, 40),
            new("s2", "bv-2.5", "m", Start.AddHours(1), Outcome.Incomplete, null, null),
        ];

        var group = RiskAnalysis.Summarize(observations, Rules).ByManufacturer.Single();

        Assert.Equal(2, group.SampleCount);
        Assert.Equal(1, group.DecidedCount); // incomplete decides nothing
        Assert.Equal(0, group.FailureCount);
        Assert.Equal(1, group.ConductorR20Ratio.Count);
        Assert.Equal(0.97, group.ConductorR20Ratio.Max!.Value, 12);
    }

    [Fact]
    public void Summarize_GroupsBySpecAndManufacturer_OrderedByKey()
    {
        RiskObservation[] observations =
        [
            new("a", "rv-1.5", "zeta", Start, Outcome.Pass, 0.9, 40),
            new("b", "bv-2.5", "alpha", Start, Outcome.Pass, 0.9, 40),
            new("c", "bv-2.5", "zeta", Start, Outcome.Fail, 1.1, 40),
        ];

        var summary = RiskAnalysis.Summarize(observations, Rules);

        Assert.Equal(["bv-2.5", "rv-1.5"], summary.BySpec.Select(g => g.Key));
        Assert.Equal(["alpha", "zeta"], summary.ByManufacturer.Select(g => g.Key));
        Assert.Equal(1, summary.BySpec[0].FailureCount);
        Assert.Equal(2, summary.ByManufacturer[1].SampleCount);
    }

    [Fact]
    public void Summarize_Trend_PerUtcMonthWithMedians()
    {
        // every 10 days from 1 Oct: Oct 1, 11, 21, 31 → 2026-10 (4); Nov 10, 20, 30 → 2026-11 (3)
        var samples = Enumerable.Range(0, 7).Select(i => Sample(i, "m", 0.95 + (0.01 * i), i == 6 ? Outcome.Fail : Outcome.Pass, dayStep: 10));

        var trend = RiskAnalysis.Summarize(samples, Rules).ByManufacturer.Single().Trend;

        Assert.Equal(["2026-10", "2026-11"], trend.Select(p => p.Period));
        Assert.Equal(4, trend[0].SampleCount);
        Assert.Equal(0.965, trend[0].ConductorR20RatioMedian!.Value, 9); // (0.96 + 0.97)/2
        Assert.Equal(1, trend[1].FailureCount);
        Assert.Equal(1.00, trend[1].ConductorR20RatioMedian!.Value, 9); // 0.99 1.00 1.01
    }

    [Fact]
    public void Summarize_InsulationMedianBelowThreshold_Warned()
    {
        // insulation R/minimum 1.1 on every sample; threshold 1.5
        var samples = Enumerable.Range(0, 10).Select(i => Sample(i, "thin-insulation", 0.9, insulation: 1.1));

        var group = RiskAnalysis.Summarize(samples, Rules with { InsulationMedianRatioBelow = 1.5 }).ByManufacturer.Single();

        Assert.Equal(RiskRuleNames.InsulationMarginThin, Assert.Single(group.Warnings).Rule);
    }
}
