using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Verdicts;

/// <summary>Hand-computed conductor-resistance verdicts (R20 = R x 1000 / L x kt).</summary>
public sealed class ConductorResistanceVerdictTests
{
    private static readonly VerdictEngine Engine = VerdictEngine.Default;

    private static ConductorResistanceInput Cu(int cls, decimal csa, decimal ohm, decimal lengthM, decimal t, KtMethod kt = KtMethod.Alpha20, bool coated = false) =>
        new(new ConductorSpec(cls, ConductorMaterial.Copper, coated, csa), ohm, lengthM, t, kt);

    private static ConductorResistanceEvidence Evidence(TestVerdict v) => Assert.IsType<ConductorResistanceEvidence>(v.Evidence);

    [Fact]
    public void Evaluate_AluminiumClass2At25C_UsesAlpha00403AndAluminiumColumn()
    {
        // 95 mm2 Al, 10 m, 25 degC, 3.25 mOhm: Rt = 0.325 ohm/km; kt = 1/(1 + 0.00403 x 5) = 0.980248;
        // R20 = 0.318581 <= 0.320 -> pass.
        var input = new ConductorResistanceInput(new ConductorSpec(2, ConductorMaterial.Aluminium, false, 95m), 0.00325m, 10m, 25m);
        var v = Engine.EvaluateConductorResistance(input);
        var e = Evidence(v);
        Assert.Equal(Outcome.Pass, v.Outcome);
        Assert.Equal(0.325m, e.RtOhmPerKm);
        Assert.Equal(0.980248, (double)e.Kt!.Value, 6);
        Assert.Equal(0.318581, (double)e.R20OhmPerKm!.Value, 6);
        Assert.Equal(0.320m, e.LimitOhmPerKm);
        Assert.Equal("Table 2", v.Reference!.Clause);
        Assert.Contains("alpha20", v.Reference.Method, StringComparison.Ordinal);
        Assert.True(v.LimitVerified);
        Assert.Empty(v.Warnings);
    }

    [Fact]
    public void Evaluate_CoatedClass5_UsesCoatedColumn()
    {
        // 1.5 mm2 class 5 tinned: limit 13.7 (plain 13.3). 0.1355 ohm / 10 m at 20 degC = 13.55 -> pass (would fail plain).
        var v = Engine.EvaluateConductorResistance(Cu(5, 1.5m, 0.1355m, 10m, 20m, coated: true));
        Assert.Equal(Outcome.Pass, v.Outcome);
        Assert.Equal(13.7m, Evidence(v).LimitOhmPerKm);
        Assert.Equal(Outcome.Fail, Engine.EvaluateConductorResistance(Cu(5, 1.5m, 0.1355m, 10m, 20m)).Outcome);
    }

    [Fact]
    public void Evaluate_TableB1At30C_RoundedFactor()
    {
        // class 6 2.5 mm2, 5 m, 30 degC, 0.0415 ohm: Rt = 8.3; kt(B.1) = 0.962; R20 = 7.9846 <= 7.98? no -> fail by 0.0046.
        var v = Engine.EvaluateConductorResistance(Cu(6, 2.5m, 0.0415m, 5m, 30m, KtMethod.Iec60228TableB1));
        Assert.Equal(0.962m, Evidence(v).Kt);
        Assert.Equal(7.9846m, Evidence(v).R20OhmPerKm);
        Assert.Equal(Outcome.Fail, v.Outcome);
        Assert.Contains("iec60228_tableB1", v.Reference!.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExactlyAtLimit_Passes()
    {
        // 0.0741 ohm over 10 m at 20 degC is exactly 7.41 ohm/km: "shall not exceed" -> pass.
        var v = Engine.EvaluateConductorResistance(Cu(2, 2.5m, 0.0741m, 10m, 20m));
        Assert.Equal(7.41m, Evidence(v).R20OhmPerKm);
        Assert.Equal(Outcome.Pass, v.Outcome);
        Assert.Equal(Outcome.Fail, Engine.EvaluateConductorResistance(Cu(2, 2.5m, 0.07410001m, 10m, 20m)).Outcome);
    }

    [Theory]
    [InlineData(6, "Cu", false, 400)]
    [InlineData(5, "Al", false, 16)]
    [InlineData(1, "Cu", true, 25)]
    [InlineData(1, "Al", false, 6)]
    [InlineData(2, "Cu", false, 3)]
    [InlineData(3, "Cu", false, 2.5)]
    [InlineData(2, "Al", true, 16)]
    public void Evaluate_ConductorNotInTables_IsNoLimitDefinedError(int cls, string metal, bool coated, double csa)
    {
        var spec = new ConductorSpec(cls, metal == "Al" ? ConductorMaterial.Aluminium : ConductorMaterial.Copper, coated, (decimal)csa);
        var v = Engine.EvaluateConductorResistance(new ConductorResistanceInput(spec, 0.01m, 10m, 20m));
        Assert.Equal(Outcome.Error, v.Outcome);
        Assert.Equal(ReasonCodes.NoLimitDefined, v.ReasonCode);
        Assert.False(string.IsNullOrWhiteSpace(v.Reason));
        Assert.Null(Evidence(v).LimitOhmPerKm);
    }

    [Fact]
    public void Evaluate_UnverifiedRow_PassesWithWarningAndLimitVerifiedFalse()
    {
        // class 2 Cu 1600 mm2 is an M+D row: 0.0113. 0.0011 ohm / 100 m = 0.011 -> pass, flagged.
        var v = Engine.EvaluateConductorResistance(Cu(2, 1600m, 0.0011m, 100m, 20m));
        Assert.Equal(Outcome.Pass, v.Outcome);
        Assert.False(v.LimitVerified);
        Assert.Contains(v.Warnings, w => w.Contains("unverified", StringComparison.Ordinal));
        Assert.StartsWith("M+D", v.Reference!.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.075)]
    [InlineData(-1, 0.075)]
    [InlineData(10, 0)]
    public void Evaluate_NonPositiveLengthOrReading_IsInvalidInputError(double lengthM, double ohm)
    {
        var v = Engine.EvaluateConductorResistance(Cu(2, 2.5m, (decimal)ohm, (decimal)lengthM, 20m));
        Assert.Equal(Outcome.Error, v.Outcome);
        Assert.Equal(ReasonCodes.InvalidInput, v.ReasonCode);
    }

    [Fact]
    public void Evaluate_AmbientWindowRequestedAndOutside_IsInconclusive()
    {
        var window = StandardsCatalogue.LoadDefault().TemperatureCorrection.AmbientWindowC;
        var input = Cu(2, 10m, 0.178m, 100m, 5m) with { AmbientWindowC = window };
        var v = Engine.EvaluateConductorResistance(input);
        Assert.Equal(Outcome.Inconclusive, v.Outcome);
        Assert.Equal(ReasonCodes.InvalidConditions, v.ReasonCode);

        // Without the window (golden cr-06) the same reading is corrected and fails.
        Assert.Equal(Outcome.Fail, Engine.EvaluateConductorResistance(input with { AmbientWindowC = null }).Outcome);
        // Read at 20 degC the raw 1.78 ohm/km would pass: the correction is what fails it.
        Assert.Equal(Outcome.Pass, Engine.EvaluateConductorResistance(input with { ConductorTemperatureC = 20m, AmbientWindowC = null }).Outcome);
    }

    [Fact]
    public void Evaluate_TemperatureOutsideCorrectionValidity_IsInconclusive()
    {
        var v = Engine.EvaluateConductorResistance(Cu(2, 2.5m, 0.075m, 10m, 150m));
        Assert.Equal(Outcome.Inconclusive, v.Outcome);
        Assert.Equal(ReasonCodes.InvalidConditions, v.ReasonCode);
    }

    [Fact]
    public void Evaluate_NonBinaryGuardBand_InsideBandBelowLimit_IsConditionalPass()
    {
        // R20 7.40 with U = 0.025: AL = 7.385 < 7.40 <= 7.41 -> conditional pass; binary -> fail.
        var input = Cu(2, 2.5m, 0.0740m, 10m, 20m);
        var v = Engine.EvaluateConductorResistance(input, DecisionRule.NonBinaryGuardBand(0.025m));
        Assert.Equal(Outcome.ConditionalPass, v.Outcome);
        Assert.Equal(7.385m, Evidence(v).AcceptanceLimitOhmPerKm);
        Assert.Equal(0.025m, v.DecisionRule!.GuardBand);
        Assert.Equal(Outcome.Fail, Engine.EvaluateConductorResistance(input, DecisionRule.BinaryGuardBand(0.025m)).Outcome);
    }
}
