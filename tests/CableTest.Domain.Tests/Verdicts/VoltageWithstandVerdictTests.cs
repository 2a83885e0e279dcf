using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Verdicts;

/// <summary>Voltage withstand: pass only at the required level, within tolerance, for the whole duration, without breakdown.</summary>
public sealed class VoltageWithstandVerdictTests
{
    private static readonly VerdictEngine Engine = VerdictEngine.Default;

    private static VoltageWithstandInput Ac(string rated, decimal kv, decimal heldS = 300m, decimal hz = 50m, bool breakdown = false) =>
        new(rated, VoltageKind.AC, kv, heldS, breakdown) { FrequencyHz = hz };

    [Theory]
    [InlineData("300/300 V", 2.0)]
    [InlineData("300/500 V", 2.0)]
    [InlineData("450/750 V", 2.5)]
    [InlineData("0.6/1 kV", 3.5)]
    [InlineData("1.8/3 kV", 6.5)]
    [InlineData("3.6/6 kV", 12.5)]
    public void Evaluate_RequiredLevelFromRating_PassesAtLevel(string rated, double kv)
    {
        var v = Engine.EvaluateVoltageWithstand(Ac(rated, (decimal)kv));
        Assert.Equal(Outcome.Pass, v.Outcome);
        var e = Assert.IsType<VoltageWithstandEvidence>(v.Evidence);
        Assert.Equal((decimal)kv, e.RequiredKv);
        Assert.Equal(300m, e.RequiredS);
        Assert.Equal(3m, e.VoltageTolerancePct);
    }

    [Fact]
    public void Evaluate_ToleranceBoundaries_AreInclusive()
    {
        Assert.Equal(Outcome.Pass, Engine.EvaluateVoltageWithstand(Ac("450/750 V", 2.425m)).Outcome);
        Assert.Equal(Outcome.Pass, Engine.EvaluateVoltageWithstand(Ac("450/750 V", 2.575m)).Outcome);
        Assert.Equal(ReasonCodes.VoltageTooLow, Engine.EvaluateVoltageWithstand(Ac("450/750 V", 2.424m)).ReasonCode);
        Assert.Equal(ReasonCodes.VoltageTooHigh, Engine.EvaluateVoltageWithstand(Ac("450/750 V", 2.576m)).ReasonCode);
    }

    [Fact]
    public void Evaluate_At300500LevelOn450750Cable_IsInvalidTooLow()
    {
        var v = Engine.EvaluateVoltageWithstand(Ac("450/750 V", 2.0m) with { RequiredKv = 2.0m });
        Assert.Equal(Outcome.Invalid, v.Outcome);
        Assert.Equal(ReasonCodes.VoltageTooLow, v.ReasonCode);
        Assert.Contains(v.Warnings, w => w.Contains("differs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(48.9)]
    [InlineData(61.1)]
    [InlineData(0)]
    public void Evaluate_FrequencyOutside49To61_IsInvalid(double hz)
    {
        var v = Engine.EvaluateVoltageWithstand(Ac("450/750 V", 2.5m, hz: (decimal)hz));
        Assert.Equal(Outcome.Invalid, v.Outcome);
        Assert.Equal(ReasonCodes.FrequencyOutOfRange, v.ReasonCode);
        Assert.Equal(Outcome.Pass, Engine.EvaluateVoltageWithstand(Ac("450/750 V", 2.5m, hz: 61m)).Outcome);
    }

    [Fact]
    public void Evaluate_HeldShortOrInterrupted_IsInvalidNeverPass()
    {
        Assert.Equal(ReasonCodes.DurationTooShort, Engine.EvaluateVoltageWithstand(Ac("0.6/1 kV", 3.5m, heldS: 299.9m)).ReasonCode);
        var interrupted = Engine.EvaluateVoltageWithstand(Ac("0.6/1 kV", 3.5m) with { Interrupted = true });
        Assert.Equal(Outcome.Invalid, interrupted.Outcome);
        Assert.Equal(ReasonCodes.Interrupted, interrupted.ReasonCode);
    }

    [Fact]
    public void Evaluate_Breakdown_FailsAndTerminationFlashover_Retests()
    {
        var fail = Engine.EvaluateVoltageWithstand(Ac("450/750 V", 2.5m, heldS: 42m, breakdown: true));
        Assert.Equal(Outcome.Fail, fail.Outcome);
        Assert.Equal(ReasonCodes.Breakdown, fail.ReasonCode);

        var ramp = Engine.EvaluateVoltageWithstand(Ac("450/750 V", 1.8m, heldS: 0m, breakdown: true) with { BreakdownLocation = BreakdownLocation.Insulation });
        Assert.Equal(Outcome.Fail, ramp.Outcome);

        var flashover = Engine.EvaluateVoltageWithstand(Ac("450/750 V", 2.5m, heldS: 100m, breakdown: true) with { BreakdownLocation = BreakdownLocation.Termination });
        Assert.Equal(Outcome.Retest, flashover.Outcome);
        Assert.Equal(ReasonCodes.FlashoverAtTermination, flashover.ReasonCode);

        var overStressed = Engine.EvaluateVoltageWithstand(Ac("450/750 V", 3.0m, heldS: 10m, breakdown: true));
        Assert.Equal(Outcome.Invalid, overStressed.Outcome);
        Assert.Equal(ReasonCodes.VoltageTooHigh, overStressed.ReasonCode);
    }

    [Fact]
    public void Evaluate_DcAlternative_Is2Point4TimesAc_OnlyWhereStandardAllows()
    {
        var dc = new VoltageWithstandInput("0.6/1 kV", VoltageKind.DC, 8.4m, 300m, false);
        var v = Engine.EvaluateVoltageWithstand(dc);
        Assert.Equal(Outcome.Pass, v.Outcome);
        Assert.Equal(8.4m, Assert.IsType<VoltageWithstandEvidence>(v.Evidence).RequiredKv);
        Assert.Equal(ReasonCodes.VoltageTooLow, Engine.EvaluateVoltageWithstand(dc with { AppliedKv = 3.5m }).ReasonCode);

        var noDc = Engine.EvaluateVoltageWithstand(new VoltageWithstandInput("450/750 V", VoltageKind.DC, 6m, 300m, false));
        Assert.Equal(Outcome.Error, noDc.Outcome);
        Assert.Equal(ReasonCodes.NoLimitDefined, noDc.ReasonCode);
    }

    [Fact]
    public void Evaluate_UnknownRatingOrWrongFamily_IsNoLimitDefined()
    {
        Assert.Equal(ReasonCodes.NoLimitDefined, Engine.EvaluateVoltageWithstand(Ac("127/220 V", 2m)).ReasonCode);
        Assert.Equal(ReasonCodes.NoLimitDefined, Engine.EvaluateVoltageWithstand(Ac("0.6/1 kV", 3.5m) with { StandardFamily = "IEC 60227" }).ReasonCode);
        Assert.Equal(ReasonCodes.InvalidInput, Engine.EvaluateVoltageWithstand(Ac("750 V", 2.5m)).ReasonCode);
    }

    [Fact]
    public void Evaluate_MemoryTaggedLevel_WarnsUnverified()
    {
        var v = Engine.EvaluateVoltageWithstand(Ac("1.8/3 kV", 6.5m));
        Assert.False(v.LimitVerified);
        Assert.Contains(v.Warnings, w => w.Contains("unverified", StringComparison.Ordinal));
        Assert.True(Engine.EvaluateVoltageWithstand(Ac("0.6/1 kV", 3.5m)).LimitVerified);
    }

    [Fact]
    public void ToleranceFor_ShortTest_IsOnePercent()
    {
        var catalogue = StandardsCatalogue.LoadDefault();
        Assert.Equal(1m, catalogue.ToleranceFor(60m).Pct);
        Assert.Equal(3m, catalogue.ToleranceFor(61m).Pct);
        var v = Engine.EvaluateVoltageWithstand(Ac("450/750 V", 2.45m) with { VoltageTolerancePct = 1m });
        Assert.Equal(ReasonCodes.VoltageTooLow, v.ReasonCode);
    }
}
