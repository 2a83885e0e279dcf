using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Uncertainty;

/// <summary>
/// Worked budgets of conductor resistance results (GB/T 3048.4; R20 = R · 1000 / L · kt(t)), arithmetic written out,
/// reproduced to 1e-4. Rectangular limits of error: u = a / √3; resolutions: u = (δ/2) / √3.
/// </summary>
public sealed class ConductorBudgetWorkedTests
{
    private static readonly ConductorSpec Bv25 = new(2, ConductorMaterial.Copper, false, 2.5m);

    /// <summary>
    /// Case 1 (conductor, 6½-digit DMM on its 1 Ω range): cr-01's reading 0.075 Ω over 10 m at 23 °C, α20 method.
    /// kt = 1/(1 + 0.00393·3) = 0.988347384; Rt = 7.5 Ω/km; R20 = 7.412605383 Ω/km.
    /// Meter (DMM6500 1 Ω range, V1): a = 0.075·0.0085 % + 1·0.0200 % = 2.06375e-4 Ω; u = 1.191507e-4 Ω;
    ///   c_R = 1000·kt/L = 98.834738 (Ω/km)/Ω; contribution 1.177622e-2 Ω/km.
    /// Resolution 1 µΩ: u = 0.5e-6/√3 = 2.886751e-7 Ω → 2.853113e-5 Ω/km.
    /// Temperature (XY-MD02, D): a = 0.3 °C, u = 0.1732051 °C; c_t = Rt·(−α kt²) = 7.5·(−0.00393·0.976830) = −2.879208e-2 (Ω/km)/°C
    ///   → 4.986935e-3 Ω/km; resolution 0.1 °C: u = 0.05/√3 = 2.886751e-2 °C → 8.311558e-4 Ω/km.
    /// Length (tape class II, M): a = 0.3 + 0.2·10 = 2.3 mm; u = 1.327906e-3 m; c_L = −R20/L = −0.7412605 (Ω/km)/m → 9.843240e-4 Ω/km.
    /// u_c = √(1.177622e-2² + 2.853113e-5² + 4.986935e-3² + 8.311558e-4² + 9.843240e-4²) = 1.285339e-2 Ω/km;
    /// U = 2 u_c = 2.570677e-2 Ω/km (0.35 %), reported 0.026 Ω/km. Temperature alone: u_c = √(0.1732051² + 0.02886751²)
    /// = 0.1755942 °C, U = 0.3511885 °C (case 7). The reading alone: U = 2.383020e-4 Ω.
    /// </summary>
    [Fact]
    public void Budget_Case1_Dmm6500_XyMd02_TapeClass2_Alpha20()
    {
        var v = Evaluate(0.075m, 10m, 23m, KtMethod.Alpha20, new(new(WorkedInstruments.Dmm6500, 1m), new(WorkedInstruments.XyMd02), LengthTolerance.Tape(2, 10m)));

        var r20 = v.Uncertainty[0];
        Assert.Equal(("r20_ohm_per_km", "Ω/km", true), (r20.Quantity, r20.Unit, r20.Compared));
        Close.Equal(7.412605383, r20.Value, "R20");
        Assert.Equal(["R", "R", "t", "t", "L"], r20.Components.Select(c => c.Symbol));
        double[] contributions = [1.177622449e-2, 2.853113142e-5, 4.986934632e-3, 8.311557721e-4, 9.843240340e-4];
        foreach (var (want, got) in contributions.Zip(r20.Components))
        {
            Close.Equal(want, got.Contribution, got.Name);
        }

        Close.Equal(98.834738434, r20.Components[0].SensitivityCoefficient, "c_R");
        Close.Equal(-2.879208052e-2, r20.Components[2].SensitivityCoefficient, "c_t");
        Close.Equal(-0.7412605383, r20.Components[4].SensitivityCoefficient, "c_L");
        Close.Equal(1.285338508e-2, r20.CombinedStandardUncertainty, "u_c");
        Close.Equal(2.570677017e-2, r20.ExpandedUncertainty, "U");
        Assert.Equal(0.026m, r20.ReportedExpandedUncertainty);
        Close.Equal(2.383020230e-4, v.Uncertainty[1].ExpandedUncertainty, "U(R)");
        Assert.Equal("conductor_temperature_c", v.Uncertainty[2].Quantity);
        Close.Equal(3.511884584e-1, v.Uncertainty[2].ExpandedUncertainty, "U(t)");
        Assert.False(r20.Verified); // the tape class coefficients are M
    }

    /// <summary>
    /// Case 2 (conductor, DMM on a 100 Ω range, Table B.1): 0.72 Ω over 100 m at 25 °C.
    /// kt = round(250/255, 3) = 0.980; Rt = 7.2 Ω/km; R20 = 7.056 Ω/km; c_R = 1000·0.98/100 = 9.8 (Ω/km)/Ω.
    /// Meter (34465A 100 Ω range, M): a = 0.72·0.0100 % + 100·0.0040 % = 4.072e-3 Ω (the range term dominates: 0.57 %
    ///   of the reading); u = 2.350970e-3 Ω → 2.303951e-2 Ω/km. Resolution 100 µΩ: 2.829016e-4 Ω/km.
    /// Temperature (Renke RS-WS-N01-8, V1): c_t = Rt·(−250/255²) = 7.2·(−3.844675e-3) = −2.768166e-2 (Ω/km)/°C;
    ///   a = 0.5 °C → 7.991007e-3 Ω/km; resolution 0.1 °C → 7.991007e-4 Ω/km.
    /// Length (tape class I): a = 0.1 + 0.1·100 = 10.1 mm → u = 5.831238e-3 m; c_L = −7.056/100 → 4.114521e-4 Ω/km.
    /// u_c = 2.440416e-2 Ω/km; U = 4.880832e-2 Ω/km (0.69 %), reported 0.049 Ω/km.
    /// </summary>
    [Fact]
    public void Budget_Case2_Keysight34465A_Renke_TapeClass1_TableB1()
    {
        var v = Evaluate(0.72m, 100m, 25m, KtMethod.Iec60228TableB1, new(new(WorkedInstruments.Keysight34465A, 100m), new(WorkedInstruments.RenkeRsWsN01), LengthTolerance.Tape(1, 100m)));

        var r20 = v.Uncertainty[0];
        Close.Equal(7.056, r20.Value, "R20");
        double[] contributions = [2.303950890e-2, 2.829016319e-4, 7.991007186e-3, 7.991007186e-4, 4.114521334e-4];
        foreach (var (want, got) in contributions.Zip(r20.Components))
        {
            Close.Equal(want, got.Contribution, got.Name);
        }

        Close.Equal(-2.768166090e-2, r20.Components[2].SensitivityCoefficient, "c_t (Table B.1)");
        Close.Equal(2.440416060e-2, r20.CombinedStandardUncertainty, "u_c");
        Close.Equal(4.880832119e-2, r20.ExpandedUncertainty, "U");
        Assert.Equal(0.049m, r20.ReportedExpandedUncertainty);
        Assert.Contains(v.Warnings, w => w.Contains("unverified (M) accuracy data: keysight-34465a, 100 Ω range", StringComparison.Ordinal));
    }

    [Fact]
    public void Budget_ReadingAboveEveryRange_NoBudgetAndSaysWhy()
    {
        var v = Evaluate(150m, 10m, 20m, KtMethod.Alpha20, new(new(WorkedInstruments.Dmm6500), null, null));

        Assert.Empty(v.Uncertainty);
        Assert.Contains(v.Warnings, w => w.Contains("above every range of keithley-dmm6500", StringComparison.Ordinal));
    }

    [Fact]
    public void Budget_WithoutThermometerAndLength_MeterOnlyAndWarned()
    {
        var v = Evaluate(0.075m, 10m, 23m, KtMethod.Alpha20, new(new(WorkedInstruments.Dmm6500, 1m), null, null));

        Assert.Equal(["R", "R"], v.Uncertainty[0].Components.Select(c => c.Symbol));
        Assert.Contains(v.Warnings, w => w.Contains("no temperature sensor accuracy", StringComparison.Ordinal));
        Assert.Contains(v.Warnings, w => w.Contains("no length tolerance", StringComparison.Ordinal));
    }

    internal static TestVerdict Evaluate(decimal ohm, decimal lengthM, decimal temperatureC, KtMethod kt, ConductorUncertaintyInputs inputs, DecisionRule? rule = null) =>
        VerdictEngine.Default.EvaluateConductorResistance(new ConductorResistanceInput(Bv25, ohm, lengthM, temperatureC, kt) { Uncertainty = inputs }, rule);
}
