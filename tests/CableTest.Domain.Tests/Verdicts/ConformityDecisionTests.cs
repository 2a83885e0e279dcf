using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Verdicts;

/// <summary>ILAC-G8:09/2019 4.2 zones and their boundaries, upper and lower limits.</summary>
public sealed class ConformityDecisionTests
{
    private static readonly DecisionRule NonBinary = DecisionRule.NonBinaryGuardBand(0.025m);
    private static readonly DecisionRule Binary = DecisionRule.BinaryGuardBand(0.025m);

    [Theory]
    [InlineData("7.385", "pass")]          // = AL
    [InlineData("7.3851", "conditional_pass")]
    [InlineData("7.41", "conditional_pass")] // = TL
    [InlineData("7.4101", "conditional_fail")]
    [InlineData("7.435", "conditional_fail")] // = TL + w
    [InlineData("7.4351", "fail")]
    public void Decide_UpperNonBinary_ZoneBoundaries(string measured, string expected) =>
        Assert.Equal(expected, ConformityDecision.Decide(decimal.Parse(measured, System.Globalization.CultureInfo.InvariantCulture), 7.41m, LimitType.Upper, NonBinary).Outcome.ToWireName());

    [Theory]
    [InlineData("3.87", "pass")]          // = AL = TL + w
    [InlineData("3.8699", "conditional_pass")]
    [InlineData("3.67", "conditional_pass")] // = TL
    [InlineData("3.6699", "conditional_fail")]
    [InlineData("3.47", "conditional_fail")] // = TL - w
    [InlineData("3.4699", "fail")]
    public void Decide_LowerNonBinary_MirrorsUpper(string measured, string expected) =>
        Assert.Equal(expected, ConformityDecision.Decide(decimal.Parse(measured, System.Globalization.CultureInfo.InvariantCulture), 3.67m, LimitType.Lower, DecisionRule.NonBinaryGuardBand(0.2m)).Outcome.ToWireName());

    [Fact]
    public void Decide_SimpleAndBinary_AtTheLimit()
    {
        Assert.Equal(Outcome.Pass, ConformityDecision.Decide(7.41m, 7.41m, LimitType.Upper, DecisionRule.SimpleAcceptance).Outcome);
        Assert.Equal(Outcome.Fail, ConformityDecision.Decide(7.41m, 7.41m, LimitType.Upper, Binary).Outcome);
        Assert.Equal(Outcome.Pass, ConformityDecision.Decide(7.385m, 7.41m, LimitType.Upper, Binary).Outcome);
        Assert.Equal(Outcome.Pass, ConformityDecision.Decide(3.67m, 3.67m, LimitType.Lower, DecisionRule.SimpleAcceptance).Outcome);
        Assert.Equal(Outcome.Fail, ConformityDecision.Decide(3.6699999m, 3.67m, LimitType.Lower, DecisionRule.SimpleAcceptance).Outcome);
    }

    [Fact]
    public void Decide_RelativeTolerance_OnlyWidensByItsFraction()
    {
        var justBelow = 3.67m * (1m - 1e-13m);
        Assert.Equal(Outcome.Fail, ConformityDecision.Decide(justBelow, 3.67m, LimitType.Lower, DecisionRule.SimpleAcceptance).Outcome);
        Assert.Equal(Outcome.Pass, ConformityDecision.Decide(justBelow, 3.67m, LimitType.Lower, DecisionRule.SimpleAcceptance, 1e-12m).Outcome);
        Assert.Equal(Outcome.Fail, ConformityDecision.Decide(3.67m * (1m - 1e-11m), 3.67m, LimitType.Lower, DecisionRule.SimpleAcceptance, 1e-12m).Outcome);
    }

    [Fact]
    public void DecisionRule_GuardBandDefaultsToU_AndRejectsNegative()
    {
        Assert.Equal(0.025m, DecisionRule.NonBinaryGuardBand(0.025m).GuardBand);
        Assert.Equal(0.01m, DecisionRule.BinaryGuardBand(0.025m, 2m, 0.01m).GuardBand);
        Assert.Equal(0m, DecisionRule.SimpleAcceptanceWith(0.025m).GuardBand);
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionRule.BinaryGuardBand(-0.1m));
        Assert.Throws<ArgumentException>(() => DecisionRule.Of(DecisionRuleKind.BinaryGuardBand, null, null, null));
    }
}
