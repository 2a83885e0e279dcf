using System.Text.Json;
using CableTest.Domain.Risk;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Risk;

/// <summary>The one-pass analysis gives the reference analysis's every figure, warning and trend point on varied populations.</summary>
public sealed class RiskAnalysisEquivalenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Outcome[] Outcomes = [Outcome.Pass, Outcome.Pass, Outcome.Pass, Outcome.Fail, Outcome.ConditionalPass, Outcome.ConditionalFail, Outcome.Incomplete, Outcome.Invalid];

    [Theory]
    [InlineData(1, 50, false)]
    [InlineData(2, 600, false)]
    [InlineData(3, 2_000, true)]
    [InlineData(4, 5_000, true)]
    public void Summarize_RandomPopulation_SameAsTheReference(int seed, int verdicts, bool shuffled)
    {
        var random = new Random(seed);
        var observations = new List<RiskObservation>(verdicts);
        for (var i = 0; i < verdicts; i++)
        {
            // Re-tests (a sample id seen before), equal times (whole hours), values missing, months over two years, offsets.
            var sample = random.Next(4) == 0 && i > 0 ? observations[random.Next(i)].SampleId : $"S-{i}";
            var at = Start.AddHours(random.Next(0, 24 * 700)).ToOffset(TimeSpan.FromHours(random.Next(0, 2) * 8));
            observations.Add(new RiskObservation(sample, "spec-" + random.Next(3), "maker-" + random.Next(5), at, Outcomes[random.Next(Outcomes.Length)],
                random.Next(10) == 0 ? null : 0.85 + (random.NextDouble() * 0.2), random.Next(10) == 0 ? null : 0.8 + (random.NextDouble() * 100)));
        }

        if (!shuffled)
        {
            observations.Sort((a, b) => a.EvaluatedAt.CompareTo(b.EvaluatedAt));
        }

        var rules = new RiskRules { MinimumSamples = 5, WindowSamples = 7, InsulationMedianRatioBelow = 30, FailureRateLowerBoundAbove = 0.1 };
        var expected = ReferenceRiskAnalysis.Summarize(observations, rules);
        var actual = RiskAnalysis.Summarize(observations, rules);

        Assert.Equal(Json(expected), Json(actual));
        Assert.NotEmpty(actual.Warnings); // the rules above fire somewhere, so warnings are compared too
    }

    private static string Json(RiskSummary summary) =>
        JsonSerializer.Serialize(new { summary.BySpec, summary.ByManufacturer, summary.Warnings });
}
