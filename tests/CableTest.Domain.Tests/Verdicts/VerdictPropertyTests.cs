using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outcome = CableTest.Domain.Verdicts.Outcome;

namespace CableTest.Domain.Tests.Verdicts;

/// <summary>FsCheck properties of the correction and the decision rules.</summary>
public sealed class VerdictPropertyTests
{
    private static readonly TemperatureCorrection Correction = StandardsCatalogue.LoadDefault().TemperatureCorrection;

    private static readonly Outcome[] Order = [Outcome.Pass, Outcome.ConditionalPass, Outcome.ConditionalFail, Outcome.Fail];

    [Property]
    public bool Kt_At20C_IsIdentity(bool aluminium, bool tableB1) =>
        Correction.Kt(tableB1 ? KtMethod.Iec60228TableB1 : KtMethod.Alpha20, aluminium ? ConductorMaterial.Aluminium : ConductorMaterial.Copper, 20m) == 1m;

    [Property]
    public bool R20_AtTwentyDegrees_EqualsRt(PositiveInt milliOhm, PositiveInt lengthDm)
    {
        var input = new ConductorResistanceInput(new ConductorSpec(2, ConductorMaterial.Copper, false, 2.5m), milliOhm.Get / 1000m, lengthDm.Get / 10m, 20m);
        var e = (ConductorResistanceEvidence)VerdictEngine.Default.EvaluateConductorResistance(input).Evidence!;
        return e.R20OhmPerKm == e.RtOhmPerKm;
    }

    [Property]
    public bool R20_FallsAsTemperatureRises_SameRt(PositiveInt milliOhm, int t1Tenths, int t2Tenths, bool aluminium)
    {
        var a = Math.Clamp(t1Tenths % 1200, -200, 1000) / 10m;
        var b = Math.Clamp(t2Tenths % 1200, -200, 1000) / 10m;
        var (lo, hi) = a < b ? (a, b) : (b, a);
        var material = aluminium ? ConductorMaterial.Aluminium : ConductorMaterial.Copper;
        var rt = milliOhm.Get / 1000m;
        var strictAlpha = lo == hi || rt * Correction.Kt(KtMethod.Alpha20, material, hi) < rt * Correction.Kt(KtMethod.Alpha20, material, lo);
        var monotoneTable = rt * Correction.Kt(KtMethod.Iec60228TableB1, material, hi) <= rt * Correction.Kt(KtMethod.Iec60228TableB1, material, lo);
        return strictAlpha && monotoneTable;
    }

    [Property]
    public Property GuardBandZones_AreOrderedInMeasuredValue_Upper()
    {
        var gen = from tl in Gen.Choose(1, 100_000)
                  from w in Gen.Choose(0, 5_000)
                  from x in Gen.Choose(0, 200_000)
                  from y in Gen.Choose(0, 200_000)
                  select (tl / 1000m, w / 1000m, x / 1000m, y / 1000m);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (tl, w, x, y) = t;
            var (lo, hi) = x <= y ? (x, y) : (y, x);
            var rule = DecisionRule.NonBinaryGuardBand(w);
            var a = ConformityDecision.Decide(lo, tl, LimitType.Upper, rule).Outcome;
            var b = ConformityDecision.Decide(hi, tl, LimitType.Upper, rule).Outcome;
            return Array.IndexOf(Order, a) <= Array.IndexOf(Order, b);
        });
    }

    [Property]
    public Property GuardBandZones_LowerIsMirrorOfUpper()
    {
        var gen = from tl in Gen.Choose(1, 100_000)
                  from w in Gen.Choose(0, 5_000)
                  from d in Gen.Choose(-10_000, 10_000)
                  select (tl / 1000m, w / 1000m, d / 1000m);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (tl, w, d) = t;
            var rule = DecisionRule.NonBinaryGuardBand(w);
            var upper = ConformityDecision.Decide(tl + d, tl, LimitType.Upper, rule).Outcome;
            var lower = ConformityDecision.Decide(tl - d, tl, LimitType.Lower, rule).Outcome;
            return upper == lower;
        });
    }

    [Property]
    public Property Statements_AgreeAcrossRules()
    {
        var gen = from tl in Gen.Choose(1, 100_000)
                  from w in Gen.Choose(0, 5_000)
                  from m in Gen.Choose(0, 200_000)
                  from upper in Gen.Elements(true, false)
                  select (tl / 1000m, w / 1000m, m / 1000m, upper ? LimitType.Upper : LimitType.Lower);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (tl, w, m, type) = t;
            var simple = ConformityDecision.Decide(m, tl, type, DecisionRule.SimpleAcceptance).Outcome;
            var binary = ConformityDecision.Decide(m, tl, type, DecisionRule.BinaryGuardBand(w)).Outcome;
            var nonBinary = ConformityDecision.Decide(m, tl, type, DecisionRule.NonBinaryGuardBand(w)).Outcome;
            var simpleMatches = (simple == Outcome.Pass) == (nonBinary is Outcome.Pass or Outcome.ConditionalPass);
            var binaryMatches = (binary == Outcome.Pass) == (nonBinary == Outcome.Pass);
            return simpleMatches && binaryMatches;
        });
    }
}
