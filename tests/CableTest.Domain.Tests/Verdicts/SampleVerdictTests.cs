using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Verdicts;

public sealed class SampleVerdictTests
{
    private static TestVerdict T(Outcome o) => new() { Kind = TestKind.ConductorResistance, Outcome = o };

    [Theory]
    [InlineData(new Outcome[] { }, Outcome.Incomplete)]
    [InlineData(new[] { Outcome.Pass, Outcome.Pass, Outcome.Pass }, Outcome.Pass)]
    [InlineData(new[] { Outcome.Pass, Outcome.Fail, Outcome.Invalid }, Outcome.Fail)]
    [InlineData(new[] { Outcome.Pass, Outcome.Invalid }, Outcome.Incomplete)]
    [InlineData(new[] { Outcome.Pass, Outcome.Inconclusive }, Outcome.Incomplete)]
    [InlineData(new[] { Outcome.Pass, Outcome.Error }, Outcome.Incomplete)]
    [InlineData(new[] { Outcome.Pass, Outcome.Retest }, Outcome.Incomplete)]
    [InlineData(new[] { Outcome.ConditionalFail, Outcome.Retest }, Outcome.Incomplete)]
    [InlineData(new[] { Outcome.ConditionalPass, Outcome.ConditionalFail, Outcome.Pass }, Outcome.ConditionalFail)]
    [InlineData(new[] { Outcome.ConditionalPass, Outcome.Pass }, Outcome.ConditionalPass)]
    public void Derive_Outcomes_FollowDocumentedRule(Outcome[] tests, Outcome expected)
    {
        var sample = SampleVerdict.Derive(tests.Select(T));
        Assert.Equal(expected, sample.Outcome);
        Assert.Equal(tests.Length, sample.Tests.Count);
    }

    [Fact]
    public void Rule_IsStated() => Assert.Contains("any fail -> fail", SampleVerdict.Rule, StringComparison.Ordinal);
}
