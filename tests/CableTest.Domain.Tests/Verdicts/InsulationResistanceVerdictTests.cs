using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Verdicts;

/// <summary>Hand-computed insulation-resistance verdicts.</summary>
public sealed class InsulationResistanceVerdictTests
{
    private static readonly VerdictEngine Engine = VerdictEngine.Default;

    private static InsulationResistanceInput Bv(decimal mohm, decimal t = 70m, decimal volts = 500m, decimal seconds = 60m, int? cls = 2, decimal csa = 4m) =>
        new("60227 IEC 01", InsulationCriterion.ResistanceLength, mohm, 5m, t, volts, seconds, 2.52m, 4.12m)
        {
            ConductorClass = cls,
            CrossSectionMm2 = csa,
        };

    private static InsulationResistanceEvidence Evidence(TestVerdict v) => Assert.IsType<InsulationResistanceEvidence>(v.Evidence);

    [Fact]
    public void Evaluate_Class2BvAt70C_ComputesRlKiRho()
    {
        // R = 1.6 MOhm, L = 5 m: R_L = 0.008 >= 0.0077 (60227 IEC 01 class 2 4 mm2) -> pass.
        // lg(4.12/2.52) = 0.213496; Ki = 0.008 / 0.213496 = 0.0374713; rho = 2 pi 500 cm 1.6e6 / ln(1.634921) = 1.0224994e10.
        var v = Engine.EvaluateInsulationResistance(Bv(1.6m));
        var e = Evidence(v);
        Assert.Equal(Outcome.Pass, v.Outcome);
        Assert.Equal(0.008m, e.RLMohmKm);
        Assert.Equal(0.0374713, (double)e.KiMohmKm!.Value, 7);
        Assert.True(Math.Abs((double)e.RhoOhmCm!.Value - 1.0224994e10) < 1e4);
        Assert.Equal(0.0077m, e.Minimum);
        Assert.Equal("MOhm.km", e.MinimumUnit);
        Assert.False(v.LimitVerified);
        Assert.Contains(v.Warnings, w => w.Contains("unverified", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_ExactlyAtMinimum_PassesAndJustBelow_Fails()
    {
        Assert.Equal(Outcome.Pass, Engine.EvaluateInsulationResistance(Bv(1.54m)).Outcome);      // 0.0077 exactly
        Assert.Equal(Outcome.Fail, Engine.EvaluateInsulationResistance(Bv(1.5399m)).Outcome);
    }

    [Fact]
    public void Evaluate_KiCriterionXlpeAtLimit_PassesWithinLogTolerance()
    {
        // Choose R so that Ki is 3.67 up to binary rounding: R = 3.67 x lg(13.6/11.4) / 0.01 km.
        var r = (decimal)(3.67 * Math.Log10(13.6 / 11.4) / 0.01);
        var input = new InsulationResistanceInput("XLPE", InsulationCriterion.Ki, r, 10m, 90m, 500m, 60m, 11.4m, 13.6m);
        var v = Engine.EvaluateInsulationResistance(input);
        Assert.Equal(3.67, (double)Evidence(v).KiMohmKm!.Value, 9);
        Assert.Equal(Outcome.Pass, v.Outcome);
        Assert.Equal(Outcome.Fail, Engine.EvaluateInsulationResistance(input with { MeasuredResistanceMohm = r * 0.999m }).Outcome);
    }

    [Fact]
    public void Evaluate_RhoCriterionPvcAAt20C_ComparesWith1e13()
    {
        // PVC/A at 20 degC: rho >= 1e13 Ohm.cm. 3000 MOhm over 10 m, d 1.38, D 2.78:
        // rho = 2 pi x 1000 x 3e9 / ln(2.0145) = 2.69138e13 -> pass.
        var input = new InsulationResistanceInput("PVC/A", InsulationCriterion.Rho, 3000m, 10m, 20m, 500m, 60m, 1.38m, 2.78m);
        var v = Engine.EvaluateInsulationResistance(input);
        Assert.Equal(Outcome.Pass, v.Outcome);
        Assert.Equal(1e13m, Evidence(v).Minimum);
        Assert.Equal("Ohm.cm", Evidence(v).MinimumUnit);
        Assert.True(Math.Abs((double)Evidence(v).RhoOhmCm!.Value - 2.69138e13) < 1e9);
    }

    [Fact]
    public void Evaluate_PvcB_WarnsUncertain()
    {
        var input = new InsulationResistanceInput("PVC/B", InsulationCriterion.Ki, 100m, 10m, 70m, 500m, 60m, 1.38m, 2.78m);
        var v = Engine.EvaluateInsulationResistance(input);
        Assert.Equal(Outcome.Pass, v.Outcome);
        Assert.Contains(v.Warnings, w => w.Contains("uncertain", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(79, ReasonCodes.TestVoltageOutOfRange)]
    [InlineData(501, ReasonCodes.TestVoltageOutOfRange)]
    public void Evaluate_TestVoltageOutsideMethod_IsInvalid(int volts, string code)
    {
        var v = Engine.EvaluateInsulationResistance(Bv(1.6m, volts: volts));
        Assert.Equal(Outcome.Invalid, v.Outcome);
        Assert.Equal(code, v.ReasonCode);
    }

    [Theory]
    [InlineData(59.9, ReasonCodes.ElectrificationTimeTooShort)]
    [InlineData(301, ReasonCodes.ElectrificationTimeTooLong)]
    public void Evaluate_ElectrificationOutsideMethod_IsInvalid(double seconds, string code)
    {
        var v = Engine.EvaluateInsulationResistance(Bv(1.6m, seconds: (decimal)seconds));
        Assert.Equal(Outcome.Invalid, v.Outcome);
        Assert.Equal(code, v.ReasonCode);
        Assert.Equal(Outcome.Pass, Engine.EvaluateInsulationResistance(Bv(1.6m, seconds: 300m)).Outcome);
    }

    [Theory]
    [InlineData(2.52, 2.52, 5)]
    [InlineData(4.12, 2.52, 5)]
    [InlineData(2.52, 4.12, 0)]
    public void Evaluate_ImpossibleGeometry_IsInvalidInputError(double dMm, double outerMm, double lengthM)
    {
        var input = Bv(1.6m) with { ConductorDiameterMm = (decimal)dMm, InsulationOuterDiameterMm = (decimal)outerMm, LengthM = (decimal)lengthM };
        var v = Engine.EvaluateInsulationResistance(input);
        Assert.Equal(Outcome.Error, v.Outcome);
        Assert.Equal(ReasonCodes.InvalidInput, v.ReasonCode);
    }

    [Fact]
    public void Evaluate_TestTemperatureWithoutTabulatedMinimum_IsNoLimitDefined()
    {
        var v = Engine.EvaluateInsulationResistance(Bv(1.6m, t: 20m));
        Assert.Equal(Outcome.Error, v.Outcome);
        Assert.Equal(ReasonCodes.NoLimitDefined, v.ReasonCode);
        Assert.Equal(Outcome.Pass, Engine.EvaluateInsulationResistance(Bv(1.6m, t: 71.5m)).Outcome);
    }

    [Fact]
    public void Evaluate_XlpeAt20C_IsNoLimitDefined()
    {
        var input = new InsulationResistanceInput("XLPE", InsulationCriterion.Ki, 2500m, 10m, 20m, 500m, 60m, 11.4m, 13.6m);
        Assert.Equal(ReasonCodes.NoLimitDefined, Engine.EvaluateInsulationResistance(input).ReasonCode);
    }

    [Fact]
    public void Evaluate_ClassMattersAndIsMissing_IsInvalidInput()
    {
        Assert.Equal(ReasonCodes.InvalidInput, Engine.EvaluateInsulationResistance(Bv(1.6m, cls: null)).ReasonCode);
        // 16 mm2 exists for class 2 only: no class needed.
        Assert.Equal(Outcome.Pass, Engine.EvaluateInsulationResistance(Bv(1.6m, cls: null, csa: 16m)).Outcome);
        // class 1 16 mm2 is not tabulated.
        Assert.Equal(ReasonCodes.NoLimitDefined, Engine.EvaluateInsulationResistance(Bv(1.6m, cls: 1, csa: 16m)).ReasonCode);
    }

    [Fact]
    public void Evaluate_WrongCriterionForTable_IsNoLimitDefined()
    {
        Assert.Equal(ReasonCodes.NoLimitDefined, Engine.EvaluateInsulationResistance(Bv(1.6m) with { Criterion = InsulationCriterion.Ki }).ReasonCode);
        var xlpe = new InsulationResistanceInput("XLPE", InsulationCriterion.ResistanceLength, 2500m, 10m, 90m, 500m, 60m, 11.4m, 13.6m);
        Assert.Equal(ReasonCodes.NoLimitDefined, Engine.EvaluateInsulationResistance(xlpe).ReasonCode);
    }

    [Fact]
    public void Evaluate_GuardBandOnLowerLimit_MirrorsUpper()
    {
        // R_L = 0.0078 with U = 0.0002: AL = 0.0079 > 0.0078 >= 0.0077 -> conditional pass.
        var v = Engine.EvaluateInsulationResistance(Bv(1.56m), DecisionRule.NonBinaryGuardBand(0.0002m));
        Assert.Equal(Outcome.ConditionalPass, v.Outcome);
        Assert.Equal(0.0079m, Evidence(v).AcceptanceLimit);
    }
}
