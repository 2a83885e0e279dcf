using CableTest.Domain.Comparison;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Comparison;

/// <summary>
/// Worked cases of the normalised error En = (x1 − x2) / √(U1² + U2²) (ISO/IEC 17043, ISO 13528: |En| ≤ 1 consistent),
/// each with its arithmetic, and how two inspections' results are paired and judged.
/// </summary>
public sealed class InspectionComparerTests
{
    private static InspectedQuantity R20(double value, double? u, Outcome? outcome = Outcome.Pass, string core = "1") =>
        new(TestKind.ConductorResistance, core, "r20_ohm_per_km", "Ω/km", value, u, 2, outcome);

    private static InspectedQuantity Ki(double value, double? u, Outcome? outcome = Outcome.Pass) =>
        new(TestKind.InsulationResistance, "1", "ki_mohm_km", "MΩ·km", value, u, 2, outcome);

    private static InspectedQuantity Withstand(Outcome outcome) => new(TestKind.VoltageWithstand, "1", "", "", null, null, null, outcome);

    private static Inspection Of(string label, Outcome? outcome, params InspectedQuantity[] results) => new(label, "S1", outcome, results);

    [Theory]
    // R20 7.020 ± 0.060 vs 7.100 ± 0.080 Ω/km: x1 − x2 = −0.080; √(0.060² + 0.080²) = √(0.0036 + 0.0064) = √0.0100 = 0.100; En = −0.80.
    [InlineData(7.020, 0.060, 7.100, 0.080, -0.80)]
    // The same values, U halved: √(0.030² + 0.040²) = √(0.0009 + 0.0016) = √0.0025 = 0.050; En = −0.080 / 0.050 = −1.60.
    [InlineData(7.020, 0.030, 7.100, 0.040, -1.60)]
    // Ki 261.7 ± 12 vs 250.0 ± 9 MΩ·km: 11.7 / √(144 + 81) = 11.7 / 15 = 0.78.
    [InlineData(261.7, 12.0, 250.0, 9.0, 0.78)]
    // On the boundary: 265 − 260 = 5; √(3² + 4²) = 5; En = 1.00 (consistent: |En| ≤ 1).
    [InlineData(265.0, 3.0, 260.0, 4.0, 1.00)]
    // One side without uncertainty still has a denominator: 0.12 / √(0.05² + 0²) = 0.12 / 0.05 = 2.40.
    [InlineData(7.22, 0.05, 7.10, 0.0, 2.40)]
    public void NormalisedError_WorkedCases(double x1, double u1, double x2, double u2, double expected) =>
        Assert.Equal(expected, InspectionComparer.NormalisedError(x1, u1, x2, u2)!.Value, 10);

    [Fact]
    public void NormalisedError_BothUncertaintiesZero_None() =>
        Assert.Null(InspectionComparer.NormalisedError(7.0, 0, 7.1, 0));

    [Fact]
    public void Compare_TwoRunsWithinTheirUncertainties_ConsistentAndVerdictsAgree()
    {
        // R20: −0.080 / 0.100 = −0.80; Ki: 11.7 / 15 = 0.78; the withstand has no quantity: its verdicts are compared.
        var result = InspectionComparer.Compare(
            Of("run-a", Outcome.Pass, R20(7.020, 0.060), Ki(261.7, 12.0), Withstand(Outcome.Pass)),
            Of("run-b", Outcome.Pass, R20(7.100, 0.080), Ki(250.0, 9.0), Withstand(Outcome.Pass)));

        Assert.Equal([QuantityAgreement.Consistent, QuantityAgreement.Consistent, QuantityAgreement.VerdictOnly], result.Quantities.Select(q => q.Agreement));
        Assert.Equal(-0.80, result.Quantities[0].NormalisedError!.Value, 10);
        Assert.Equal(0.78, result.Quantities[1].NormalisedError!.Value, 10);
        Assert.Null(result.Quantities[2].NormalisedError);
        Assert.True(result.Consistent);
        Assert.Equal(2, result.Compared);
        Assert.True(result.OverallVerdictsAgree);
        Assert.Empty(result.Disagreeing);
    }

    [Fact]
    public void Compare_CopperSavingConductorReinspected_R20InconsistentAndVerdictsDisagree()
    {
        // The first run passed just under the 7.41 Ω/km limit; the retained portion measured 7.52 ± 0.04 Ω/km elsewhere:
        // 7.38 − 7.52 = −0.14; √(0.03² + 0.04²) = 0.05; En = −2.80: the difference is not explained by the uncertainties.
        var result = InspectionComparer.Compare(
            Of("run-a", Outcome.Pass, R20(7.38, 0.03, Outcome.Pass), Withstand(Outcome.Pass)),
            Of("lab-b", Outcome.Fail, R20(7.52, 0.04, Outcome.Fail), Withstand(Outcome.Pass)));

        var r20 = result.Quantities[0];
        Assert.Equal(-2.80, r20.NormalisedError!.Value, 10);
        Assert.Equal(QuantityAgreement.Inconsistent, r20.Agreement);
        Assert.False(r20.VerdictsAgree);
        Assert.False(result.Consistent);
        Assert.False(result.OverallVerdictsAgree);
        Assert.Equal(["conductor_resistance core 1 r20_ohm_per_km"], result.Disagreeing);
    }

    [Fact]
    public void Compare_ConsistentValuesEitherSideOfTheLimit_ConsistentButVerdictsDisagree()
    {
        // 7.40 vs 7.43 Ω/km around the 7.41 limit: −0.03 / √(0.03² + 0.04²) = −0.03 / 0.05 = −0.60: consistent results,
        // yet one passes and one fails: listed as disagreeing; the exit (En) is still consistent.
        var result = InspectionComparer.Compare(
            Of("run-a", Outcome.Pass, R20(7.40, 0.03, Outcome.Pass)),
            Of("run-b", Outcome.Fail, R20(7.43, 0.04, Outcome.Fail)));

        Assert.Equal(-0.60, result.Quantities[0].NormalisedError!.Value, 10);
        Assert.True(result.Consistent);
        Assert.False(result.Quantities[0].VerdictsAgree);
        Assert.Equal(["conductor_resistance core 1 r20_ohm_per_km"], result.Disagreeing);
    }

    [Fact]
    public void Compare_ConditionalPassAgainstPass_SameStatement()
    {
        Assert.True(InspectionComparer.SameStatement(Outcome.ConditionalPass, Outcome.Pass));
        Assert.True(InspectionComparer.SameStatement(Outcome.ConditionalFail, Outcome.Fail));
        Assert.False(InspectionComparer.SameStatement(Outcome.Inconclusive, Outcome.Pass));
        Assert.Null(InspectionComparer.SameStatement(null, Outcome.Pass));
    }

    [Fact]
    public void Compare_ResultWithoutUncertaintyAndResultsOnOneSide_NoUncertaintyCountsOneSidedDoNot()
    {
        var result = InspectionComparer.Compare(
            Of("run-a", Outcome.Pass, R20(7.02, null), R20(7.05, 0.06, core: "2")),
            Of("run-b", null, R20(7.10, 0.08), Ki(250, 9)));

        Assert.Equal(
            [QuantityAgreement.NoUncertainty, QuantityAgreement.OnlyInFirst, QuantityAgreement.OnlyInSecond],
            result.Quantities.Select(q => q.Agreement));
        Assert.False(result.Consistent); // the one quantity in both could not be judged
        Assert.Null(result.OverallVerdictsAgree);
        Assert.Equal(["conductor_resistance core 1 r20_ohm_per_km"], result.Disagreeing);
    }

    [Fact]
    public void Compare_NothingInCommon_NotConsistent()
    {
        var result = InspectionComparer.Compare(Of("a", null, R20(7.02, 0.06)), Of("b", null, Ki(250, 9)));
        Assert.Equal(0, result.Compared);
        Assert.False(result.Consistent);
    }
}
