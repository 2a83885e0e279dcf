using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Verdicts;

/// <summary>Issue 12 item 3: the withstand evidence states its numbers (window, DC alternative, breakdown, interruption).</summary>
public sealed class VoltageWithstandEvidenceTests
{
    private static readonly VerdictEngine Engine = VerdictEngine.Default;

    private static VoltageWithstandEvidence Evidence(TestVerdict verdict) => Assert.IsType<VoltageWithstandEvidence>(verdict.Evidence);

    [Fact]
    public void Evaluate_25kVAt3Pct_WindowBoundsAreNumbers()
    {
        var e = Evidence(Engine.EvaluateVoltageWithstand(new("450/750 V", VoltageKind.AC, 2.5m, 300m, false) { FrequencyHz = 50m }));

        Assert.Equal((2.425m, 2.575m), (e.LowerKv, e.UpperKv));
        Assert.Null(e.DcAlternativeKv);
        Assert.Null(e.BreakdownTimeS);
        Assert.False(e.Interrupted);
    }

    [Theory]
    [InlineData(VoltageKind.AC, 3.5, 8.4)]
    [InlineData(VoltageKind.DC, 8.4, 8.4)]
    public void Evaluate_06_1kV_StatesTheDcAlternative(VoltageKind kind, double appliedKv, double dcKv)
    {
        var v = Engine.EvaluateVoltageWithstand(new("0.6/1 kV", kind, (decimal)appliedKv, 300m, false) { FrequencyHz = kind == VoltageKind.AC ? 50m : null });

        Assert.Equal(Outcome.Pass, v.Outcome);
        Assert.Equal((decimal)dcKv, Evidence(v).DcAlternativeKv);
    }

    [Fact]
    public void Evaluate_BreakdownAt142s_TimeAndVoltageAreNumbers()
    {
        var v = Engine.EvaluateVoltageWithstand(new("300/500 V", VoltageKind.AC, 2.0m, 142m, true) { FrequencyHz = 50m });

        Assert.Equal((Outcome.Fail, ReasonCodes.Breakdown), (v.Outcome, v.ReasonCode));
        Assert.Equal((142m, 2.0m), (Evidence(v).BreakdownTimeS, Evidence(v).BreakdownKv));
    }

    [Fact]
    public void Evaluate_BreakdownWithTesterTripValues_KeepsThemBesideHeldTime()
    {
        var v = Engine.EvaluateVoltageWithstand(new("300/500 V", VoltageKind.AC, 1.998m, 142m, true) { FrequencyHz = 50m, BreakdownTimeS = 152.4m, BreakdownKv = 2.012m });

        var e = Evidence(v);
        Assert.Equal((142m, 152.4m, 2.012m, 1.998m), (e.HeldS, e.BreakdownTimeS, e.BreakdownKv, e.AppliedKv));
        Assert.Contains("2.012 kV after 152.4 s", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InterlockAt90s_HeldTimeAndInterruptionStated()
    {
        var v = Engine.EvaluateVoltageWithstand(new("450/750 V", VoltageKind.AC, 2.497m, 90m, false) { FrequencyHz = 50m, Interrupted = true });

        Assert.Equal((Outcome.Invalid, ReasonCodes.Interrupted), (v.Outcome, v.ReasonCode));
        Assert.Equal((90m, 300m, true), (Evidence(v).HeldS, Evidence(v).RequiredS, Evidence(v).Interrupted));
    }

    [Fact]
    public void Evaluate_NegativeBreakdownTime_IsInvalidInput()
    {
        var v = Engine.EvaluateVoltageWithstand(new("300/500 V", VoltageKind.AC, 2.0m, 142m, true) { FrequencyHz = 50m, BreakdownTimeS = -1m });

        Assert.Equal((Outcome.Error, ReasonCodes.InvalidInput), (v.Outcome, v.ReasonCode));
    }
}
